"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.utcTime = utcTime;
exports.mailLine = mailLine;
exports.eventLine = eventLine;
exports.sentLine = sentLine;
exports.createdEventLine = createdEventLine;
exports.folderLine = folderLine;
exports.movedLine = movedLine;
exports.updatedLine = updatedLine;
exports.snapshotLine = snapshotLine;
exports.lineFor = lineFor;
/** One readable line per emitted message, for people watching `npm start`; never a JSON dump. */
const truncate_1 = __importDefault(require("lodash/truncate"));
function address(value) {
    const email = value?.emailAddress;
    return email?.name || email?.address || '?';
}
function shortTime(iso) {
    return typeof iso === 'string' ? iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z?$/, '$1').slice(0, 16) : '?';
}
/** An instant Graph gave in UTC, labelled so nobody reads it as local time. */
function utcTime(iso) {
    return typeof iso === 'string' ? `${shortTime(iso)} UTC` : '?';
}
/** lodash counts emoji and other astral characters as one, where slice() would cut one in half. */
function clip(text, width) {
    return (0, truncate_1.default)(typeof text === 'string' && text ? text : '(no subject)', { length: width, omission: '…' });
}
function mailLine(mail) {
    const marks = [mail.isRead ? '' : 'unread', mail.hasAttachments ? 'attachments' : '', mail.flag?.flagStatus === 'flagged' ? 'flagged' : '', mail.importance === 'high' ? 'important' : '']
        .filter(Boolean);
    return `  ✉  ${utcTime(mail.receivedDateTime)}  ${clip(address(mail.from), 22).padEnd(22)}  ${clip(mail.subject, 50)}${marks.length ? `  [${marks.join(', ')}]` : ''}`;
}
function eventLine(event) {
    const start = event.start;
    const where = event.location?.displayName;
    const online = event.isOnlineMeeting ? '  [Teams]' : '';
    const series = event.type === 'seriesMaster' ? '  [recurring]' : '';
    return `  📅 ${shortTime(start?.dateTime)} (${start?.timeZone ?? '?'})  ${clip(event.subject, 44)}${where ? `  @ ${clip(where, 24)}` : ''}${online}${series}  changed ${utcTime(event.lastModifiedDateTime)}`;
}
function sentLine(sent) {
    const to = [...(sent.to ?? []), ...(sent.cc ?? []), ...(sent.bcc ?? [])];
    const files = sent.attachments?.length ?? 0;
    const origin = [sent.mailbox && ` from ${String(sent.mailbox)}`, sent.from && ` on behalf of ${String(sent.from)}`].filter(Boolean).join('');
    const again = sent.alreadySent ? ' (already sent by an earlier delivery of the message: not sent again)' : '';
    return `  ➜  sent "${clip(sent.subject, 48)}"${origin} to ${to.join(', ')}${files ? ` with ${files} attachment(s)` : ''} at ${utcTime(sent.sentAt)}${again}`;
}
function createdEventLine(event) {
    const start = event.start;
    return `  ➜  created "${clip(event.subject, 48)}" on ${shortTime(start?.dateTime)} (${start?.timeZone ?? '?'})${event.joinUrl ? ', Teams link ready' : ''}`;
}
function folderLine(folder) {
    return `  📁 ${clip(folder.path, 60)} ${folder.created ? 'created' : 'found'}`;
}
function movedLine(moved) {
    return `  ➜  filed${moved.alreadyThere ? ': it was there already, nothing moved' : ''} (the mail keeps its id)`;
}
function updatedLine(mail) {
    const flag = mail.flag?.flagStatus;
    const categories = mail.categories ?? [];
    return `  ✎  ${mail.isRead ? 'read' : 'unread'}, flag ${String(flag ?? 'notFlagged')}${categories.length ? `, categories ${categories.join(', ')}` : ''}`;
}
function snapshotLine(snapshot) {
    const saved = snapshot;
    if (!saved?.from)
        return '  snapshot: none';
    const remembered = Object.values(saved.seen ?? {}).reduce((n, packed) => n + packed.length / 8, 0);
    return `  snapshot: next poll asks for items stamped ≥ ${saved.from}, skipping ${remembered} already emitted (${JSON.stringify(saved).length} bytes)`;
}
function lineFor(stepId, body) {
    switch (stepId) {
        case 'getNewMail': return mailLine(body);
        case 'getNewAndUpdatedEvents': return eventLine(body);
        case 'sendMail':
        case 'replyToMail':
        case 'forwardMail':
        case 'sendDraft': return sentLine(body);
        case 'createEvent': return createdEventLine(body);
        case 'lookupFolder': return folderLine(body);
        case 'moveMail': return movedLine(body);
        case 'updateMail': return updatedLine(body);
        default: return `  ${JSON.stringify(body).slice(0, 120)}`;
    }
}
