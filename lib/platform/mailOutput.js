"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mayHaveFiles = mayHaveFiles;
exports.mailMessage = mailMessage;
const messages_1 = require("../graph/messages");
const mailAttachments_1 = require("./mailAttachments");
/** Whether the mail may have attachments worth listing. */
function mayHaveFiles(mail) {
    const content = mail.body?.contentType === 'html' ? mail.body.content ?? '' : '';
    return mail.hasAttachments === true || /\bcid:/i.test(content);
}
async function mailMessage(session, mail, options) {
    if (!options.storeAttachments)
        return { body: mail };
    if (!mayHaveFiles(mail))
        return { body: { ...mail, attachments: [] } };
    const stored = await (0, mailAttachments_1.storeMailAttachments)(session, (0, messages_1.messagePath)(session, mail.id), { msgId: options.msgId, env: options.env });
    return { body: { ...mail, attachments: stored.attachments }, attachments: stored.map };
}
