"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildMessage = buildMessage;
exports.buildSendMailRequest = buildSendMailRequest;
exports.buildDraftRequest = buildDraftRequest;
const attachments_1 = require("./attachments");
const addresses_1 = require("../validation/addresses");
/** The message resource of `draft` with `files` inside it. */
function buildMessage(draft, files) {
    const message = {
        subject: draft.subject,
        body: { contentType: draft.bodyContentType, content: draft.body },
        toRecipients: (0, addresses_1.toRecipients)(draft.to),
        ccRecipients: (0, addresses_1.toRecipients)(draft.cc),
        bccRecipients: (0, addresses_1.toRecipients)(draft.bcc),
        importance: draft.importance,
    };
    if (draft.from)
        [message.from] = (0, addresses_1.toRecipients)([draft.from]);
    if (draft.replyTo.length)
        message.replyTo = (0, addresses_1.toRecipients)(draft.replyTo);
    if (files.length)
        message.attachments = files.map((file) => (0, attachments_1.fileAttachmentBody)(file, file.bytes));
    return message;
}
/** The sendMail request body. */
function buildSendMailRequest(draft, files) {
    return { message: buildMessage(draft, files), saveToSentItems: draft.saveToSentItems };
}
/** The POST /messages body of a draft, tagged with `tags` (the guard's key; none when it is off). */
function buildDraftRequest(draft, files, tags) {
    const message = buildMessage(draft, files);
    if (tags.length)
        message.singleValueExtendedProperties = tags;
    return message;
}
