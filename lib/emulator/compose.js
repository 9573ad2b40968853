"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toEmailAddress = toEmailAddress;
exports.composeMessage = composeMessage;
const body_1 = require("./body");
const recipients_1 = require("./recipients");
function toEmailAddress(input) {
    if (typeof input !== 'string')
        return { name: input.name ?? (0, recipients_1.nameFromAddress)(input.address), address: input.address };
    const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(input);
    if (named)
        return { name: named[1] || (0, recipients_1.nameFromAddress)(named[2]), address: named[2].trim() };
    return { name: (0, recipients_1.nameFromAddress)(input.trim()), address: input.trim() };
}
/**
 * Subject and receipt time come apart from the spec so a bulk insert can reuse one spec object
 * (copying a spec per item was most of the cost of 100,000-mail inserts).
 * @param uniqueTag the unique left part of the Internet Message-ID.
 */
function composeMessage(spec, { subject, receivedAt }, uniqueTag) {
    const body = spec.body ?? `Message "${subject}".`;
    const contentType = spec.bodyContentType ?? 'html';
    const attachments = spec.attachments ?? [];
    const domain = spec.from.address.split('@')[1] ?? 'contoso.example';
    return {
        folderId: spec.folderId,
        createdAt: receivedAt,
        lastModifiedAt: receivedAt,
        receivedAt,
        sentAt: spec.sentAt ?? receivedAt - 2000,
        subject,
        body: (0, body_1.storedBody)(contentType, body),
        importance: spec.importance ?? 'normal',
        isRead: spec.isRead ?? false,
        isDraft: spec.isDraft ?? false,
        hasAttachments: spec.hasAttachments ?? attachments.length > 0,
        attachments,
        internetMessageId: spec.internetMessageId ?? `<${uniqueTag}@${domain}>`,
        conversationId: spec.conversationId,
        from: spec.from,
        sender: spec.sender ?? spec.from,
        to: spec.to ?? [],
        cc: spec.cc ?? [],
        bcc: spec.bcc ?? [],
        replyTo: spec.replyTo ?? [],
        flagStatus: spec.flagStatus ?? 'notFlagged',
        categories: spec.categories ?? [],
        inferenceClassification: spec.inferenceClassification ?? 'focused',
    };
}
