"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseMailInput = parseMailInput;
exports.buildSendMailRequest = buildSendMailRequest;
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../graph/errors");
const session_1 = require("../graph/session");
const attachments_1 = require("../platform/attachments");
const addresses_1 = require("../validation/addresses");
const fields_1 = require("../validation/fields");
const errors_2 = require("../errors");
/** Outlook's limit on recipients of one message. */
const MAX_RECIPIENTS = 500;
const MAX_SUBJECT = 255;
/** Graph's request limit bounds the body anyway; this only keeps the error clear. */
const MAX_BODY = 3 * 1024 * 1024;
function parseMailInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const [from] = (0, addresses_1.parseMailboxes)(body.from, 'from', { max: 1 });
    const draft = {
        ...(from && { from }),
        to: (0, addresses_1.parseMailboxes)(body.to, 'to', { max: MAX_RECIPIENTS }),
        cc: (0, addresses_1.parseMailboxes)(body.cc, 'cc', { max: MAX_RECIPIENTS }),
        bcc: (0, addresses_1.parseMailboxes)(body.bcc, 'bcc', { max: MAX_RECIPIENTS }),
        replyTo: (0, addresses_1.parseMailboxes)(body.replyTo, 'replyTo', { max: 10 }),
        subject: (0, fields_1.optionalText)(body.subject, 'subject', MAX_SUBJECT) ?? '',
        body: (0, fields_1.optionalText)(body.body, 'body', MAX_BODY) ?? '',
        bodyContentType: (0, fields_1.oneOf)(body.bodyContentType, 'bodyContentType', ['text', 'html'], 'text'),
        importance: (0, fields_1.oneOf)(body.importance, 'importance', ['low', 'normal', 'high'], 'normal'),
        saveToSentItems: (0, fields_1.parseFlag)(body.saveToSentItems, 'saveToSentItems', true),
    };
    const count = draft.to.length + draft.cc.length + draft.bcc.length;
    if (count === 0)
        throw new errors_2.InputError('to', 'at least one recipient is required in to, cc or bcc (an address, "Name <address>", or a list of them)');
    if (count > MAX_RECIPIENTS)
        throw new errors_2.InputError('to', `to, cc and bcc hold ${count} recipients together; Outlook accepts at most ${MAX_RECIPIENTS}`);
    return draft;
}
/** The sendMail request body; pure, so tests can check it against Graph's schema. */
function buildSendMailRequest(draft, files) {
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
    if (files.length) {
        message.attachments = files.map((file) => ({
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: file.name,
            contentType: file.contentType,
            contentBytes: file.bytes.toString('base64'),
        }));
    }
    return { message, saveToSentItems: draft.saveToSentItems };
}
async function processAction(msg, cfg) {
    const draft = parseMailInput(msg.body);
    // Before any download: a credential or mailbox that cannot work is refused without side effects.
    const session = (0, session_1.createSession)(cfg, this);
    const planned = (0, attachments_1.planAttachments)(msg.attachments);
    // The files get what Graph's request limit leaves after the rest of this very request.
    const files = await (0, attachments_1.downloadAttachments)(planned, (0, attachments_1.inlineRoom)(planned, (empty) => buildSendMailRequest(draft, empty)));
    try {
        await session.post(`${session.root}/sendMail`, buildSendMailRequest(draft, files), { idempotent: false, sendingFrom: draft.from?.address });
    }
    catch (err) {
        // Without an answer nobody knows whether Outlook sent it; a blind retry could send it twice.
        if (err instanceof errors_1.GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500)) {
            throw new errors_1.GraphRequestError(`${err.message} The mail may or may not have been sent, so it was not sent again: check Sent Items before re-running this message.`, err.statusCode, err.code, err.requestId);
        }
        throw err;
    }
    const addresses = (list) => list.map((m) => m.address);
    this.logger.info(`Mail sent to ${draft.to.length + draft.cc.length + draft.bcc.length} recipient(s) with ${files.length} attachment(s)`);
    return (0, messages_1.newMessageWithBody)({
        sentAt: new Date().toISOString(),
        ...(session.mailbox && { mailbox: session.mailbox }),
        ...(draft.from && { from: draft.from.address }),
        subject: draft.subject,
        to: addresses(draft.to),
        cc: addresses(draft.cc),
        bcc: addresses(draft.bcc),
        attachments: files.map((file) => ({ name: file.name, size: file.bytes.length })),
        savedToSentItems: draft.saveToSentItems,
    });
}
