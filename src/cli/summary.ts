/** One readable line per emitted message, for people watching `npm start`; never a JSON dump. */
import truncate from 'lodash/truncate';

type Json = Record<string, unknown>;

function address(value: unknown): string {
  const email = (value as { emailAddress?: { name?: string; address?: string } } | undefined)?.emailAddress;
  return email?.name || email?.address || '?';
}

function shortTime(iso: unknown): string {
  return typeof iso === 'string' ? iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z?$/, '$1').slice(0, 16) : '?';
}

/** An instant Graph gave in UTC, labelled so nobody reads it as local time. */
export function utcTime(iso: unknown): string {
  return typeof iso === 'string' ? `${shortTime(iso)} UTC` : '?';
}

/** lodash counts emoji and other astral characters as one, where slice() would cut one in half. */
function clip(text: unknown, width: number): string {
  return truncate(typeof text === 'string' && text ? text : '(no subject)', { length: width, omission: '…' });
}

export function mailLine(mail: Json): string {
  const marks = [mail.isRead ? '' : 'unread', mail.hasAttachments ? 'attachments' : '', (mail.flag as Json | undefined)?.flagStatus === 'flagged' ? 'flagged' : '', mail.importance === 'high' ? 'important' : '']
    .filter(Boolean);
  return `  ✉  ${utcTime(mail.receivedDateTime)}  ${clip(address(mail.from), 22).padEnd(22)}  ${clip(mail.subject, 50)}${marks.length ? `  [${marks.join(', ')}]` : ''}`;
}

export function eventLine(event: Json): string {
  const start = event.start as Json | undefined;
  const where = (event.location as Json | undefined)?.displayName;
  const online = event.isOnlineMeeting ? '  [Teams]' : '';
  const series = event.type === 'seriesMaster' ? '  [recurring]' : '';
  return `  📅 ${shortTime(start?.dateTime)} (${start?.timeZone ?? '?'})  ${clip(event.subject, 44)}${where ? `  @ ${clip(where, 24)}` : ''}${online}${series}  changed ${utcTime(event.lastModifiedDateTime)}`;
}

export function sentLine(sent: Json): string {
  const to = [...(sent.to as string[] ?? []), ...(sent.cc as string[] ?? []), ...(sent.bcc as string[] ?? [])];
  const files = (sent.attachments as unknown[] | undefined)?.length ?? 0;
  const origin = [sent.mailbox && ` from ${String(sent.mailbox)}`, sent.from && ` on behalf of ${String(sent.from)}`].filter(Boolean).join('');
  const again = sent.alreadySent ? ' (already sent by an earlier delivery of the message: not sent again)' : '';
  return `  ➜  sent "${clip(sent.subject, 48)}"${origin} to ${to.join(', ')}${files ? ` with ${files} attachment(s)` : ''} at ${utcTime(sent.sentAt)}${again}`;
}

export function createdEventLine(event: Json): string {
  const start = event.start as Json | undefined;
  return `  ➜  created "${clip(event.subject, 48)}" on ${shortTime(start?.dateTime)} (${start?.timeZone ?? '?'})${event.joinUrl ? ', Teams link ready' : ''}`;
}

export function folderLine(folder: Json): string {
  return `  📁 ${clip(folder.path, 60)} ${folder.created ? 'created' : 'found'}`;
}

export function movedLine(moved: Json): string {
  return `  ➜  filed${moved.alreadyThere ? ': it was there already, nothing moved' : ''} (the mail keeps its id)`;
}

export function updatedLine(mail: Json): string {
  const flag = (mail.flag as Json | undefined)?.flagStatus;
  const categories = (mail.categories as string[] | undefined) ?? [];
  return `  ✎  ${mail.isRead ? 'read' : 'unread'}, flag ${String(flag ?? 'notFlagged')}${categories.length ? `, categories ${categories.join(', ')}` : ''}`;
}

export function snapshotLine(snapshot: unknown): string {
  const saved = snapshot as { from?: string; seen?: Record<string, string> } | undefined;
  if (!saved?.from) return '  snapshot: none';
  const remembered = Object.values(saved.seen ?? {}).reduce((n, packed) => n + packed.length / 8, 0);
  return `  snapshot: next poll asks for items stamped ≥ ${saved.from}, skipping ${remembered} already emitted (${JSON.stringify(saved).length} bytes)`;
}

export function lineFor(stepId: string, body: Json): string {
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
