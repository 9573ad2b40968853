"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.process = processAction;
/**
 * Get Mail: one mail by its id or by its Internet Message-ID, with Poll for New Mail's fields;
 * optionally its files stored in the platform, and the whole mail as MIME (`$value`) stored as an
 * .eml file. Reads only: a replayed message reads (and stores) again.
 */
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const messages_2 = require("../graph/messages");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const attachmentLimit_1 = require("../platform/attachmentLimit");
const mailOutput_1 = require("../platform/mailOutput");
const mailAttachments_1 = require("../platform/mailAttachments");
const storage_1 = require("../platform/storage");
const fields_1 = require("../validation/fields");
const mailInputs_1 = require("../validation/mailInputs");
/** The mail the input names, or a clear error. */
async function findMail(session, input, internetMessageId, logger) {
    if (!(0, fields_1.isAbsent)(input.messageId)) {
        const mail = await (0, messages_2.readMessage)(session, (0, messages_2.messagePath)(session, input.messageId), messages_2.MAIL_FIELDS);
        if (!mail)
            throw (0, messages_2.mailNotFound)('messageId');
        return mail;
    }
    const found = await (0, messages_2.findByInternetMessageId)(session, internetMessageId, messages_2.MAIL_FIELDS, 2);
    if (!found.length)
        throw new errors_1.InputError('internetMessageId', 'no mail of the mailbox has this Message-ID: check it (it is the mail\'s internetMessageId, angle brackets included) and the Mailbox');
    if (found.length > 1)
        logger.warn('Several mails share this Message-ID (a copy, or a mail sent to oneself); the one received last is returned');
    return found[0];
}
/** The mail's MIME streamed into the platform's storage; a MIME over the limit is listed with the reason. */
async function storeMime(session, mail, name, msgId) {
    const maxBytes = (0, attachmentLimit_1.attachmentLimit)();
    const open = async () => (await session.getStream(`${(0, messages_2.messagePath)(session, mail.id)}/$value`, { timeoutMs: (0, attachmentLimit_1.transferDeadlineMs)(maxBytes) })).body;
    try {
        const stored = await (0, storage_1.storeStream)(open, { name, contentType: 'message/rfc822', maxBytes, msgId });
        return { file: { name, contentType: 'message/rfc822', size: stored.size, url: stored.url }, entry: (0, storage_1.messageAttachment)(stored) };
    }
    catch (err) {
        if (err instanceof storage_1.StorageError && err.reason === 'tooLarge')
            return { file: { name, contentType: 'message/rfc822', skipped: `not stored: it ${(0, attachmentLimit_1.overLimit)(undefined, maxBytes)}` } };
        throw err;
    }
}
async function processAction(msg, cfg) {
    const input = (0, fields_1.inputObject)(msg.body);
    const storeAttachments = (0, fields_1.parseFlag)(cfg.storeAttachments, 'storeAttachments');
    const exportMime = (0, fields_1.parseFlag)(cfg.exportMime, 'exportMime');
    // Both checked; the id, which is exact, wins when both are given.
    const internetMessageId = (0, fields_1.isAbsent)(input.internetMessageId) ? undefined : (0, mailInputs_1.parseInternetMessageId)(input.internetMessageId, 'internetMessageId');
    if (!(0, fields_1.isAbsent)(input.messageId))
        (0, odata_1.idSegment)(input.messageId, 'messageId');
    else if (!internetMessageId)
        throw new errors_1.InputError('messageId', 'is required, or else internetMessageId: map the id the component emitted, or the mail\'s Message-ID header');
    if (exportMime || storeAttachments)
        (0, attachmentLimit_1.attachmentLimit)();
    const session = (0, session_1.createSession)(cfg, this);
    const mail = await findMail(session, input, internetMessageId, this.logger);
    const { body, attachments = {} } = await (0, mailOutput_1.mailMessage)(session, mail, { storeAttachments, msgId: msg.id });
    const output = (0, messages_1.newMessageWithBody)(body);
    output.attachments = { ...attachments };
    if (exportMime) {
        const taken = new Set(Object.keys(attachments).map((key) => key.toLowerCase()));
        const name = (0, mailAttachments_1.uniqueName)((0, mailAttachments_1.safeFileName)(mail.subject || 'mail', '.eml'), taken);
        const mime = await storeMime(session, mail, name, msg.id);
        output.body.mime = mime.file;
        if (mime.entry)
            output.attachments[name] = mime.entry;
    }
    this.logger.info(`Mail read${storeAttachments ? ', attachments stored' : ''}${exportMime ? ', MIME exported' : ''}`);
    return output;
}
