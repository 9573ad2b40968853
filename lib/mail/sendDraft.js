"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.process = processAction;
/**
 * Send Draft: sends a draft of the mailbox as it is (Create Draft's, or one a person wrote), from
 * whom the draft says: its From needs Send As or Send on Behalf as for Send Mail. With the
 * duplicate check on (the default) the draft is tagged with the step's key before it is sent, so
 * the same message delivered again finds the sent mail and reports it (alreadySent) instead of
 * failing on a draft that is gone or sending a second time.
 */
const messages_1 = require("elasticio-node/lib/messages");
const drafts_1 = require("../graph/drafts");
const messages_2 = require("../graph/messages");
const sendKey_1 = require("../graph/sendKey");
const session_1 = require("../graph/session");
const sendGuard_1 = require("../platform/sendGuard");
const errors_1 = require("../errors");
const fields_1 = require("../validation/fields");
const mailInput_1 = require("../validation/mailInput");
async function processAction(msg, cfg) {
    const messageId = (0, mailInput_1.parseMessageId)((0, fields_1.inputObject)(msg.body).messageId);
    const checked = (0, sendGuard_1.duplicateCheckOn)(cfg);
    const session = (0, session_1.createSession)(cfg, this);
    const key = checked ? (0, sendKey_1.sendKeyFor)({ action: 'sendDraft', msgId: msg.id, mailbox: session.mailbox ?? '', content: { messageId } }) : undefined;
    const where = session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox";
    let draft;
    const prepared = await (0, sendGuard_1.prepareDraft)(session, {
        // The draft exists: "creating" it is checking it and tagging it with the key.
        create: async (tags) => {
            draft = await (0, drafts_1.getMessageRef)(session, messageId);
            if (!draft)
                throw new errors_1.InputError('messageId', `no such draft in ${where}: it was sent or deleted already, or the id is another mailbox's; map the id Create Draft emitted`);
            if (draft.isDraft === false)
                throw new errors_1.InputError('messageId', `is not a draft but a mail sent or received at ${draft.sentDateTime ?? 'an unknown time'}; only drafts can be sent, so nothing was sent`);
            if (tags.length)
                await (0, drafts_1.updateMessage)(session, messageId, { singleValueExtendedProperties: tags });
            return draft;
        },
        complete: async () => { },
    }, { key });
    if (prepared.kind === 'sent') {
        this.logger.info('This draft was sent by an earlier run of the step (the same message delivered again): not sent twice');
        return (0, messages_1.newMessageWithBody)(output(session.mailbox, prepared.found, prepared.found.sentDateTime ?? prepared.found.createdDateTime ?? new Date().toISOString(), true));
    }
    const sent = await (0, sendGuard_1.sendDraft)(session, prepared.draft, { key });
    this.logger.info('Draft sent');
    return (0, messages_1.newMessageWithBody)(output(session.mailbox, draft ?? prepared.draft, sent.acceptedAt ?? new Date().toISOString(), false));
}
function output(mailbox, mail, sentAt, alreadySent) {
    return {
        id: mail.id,
        sentAt,
        ...(mailbox && { mailbox }),
        subject: mail.subject ?? '',
        to: (0, messages_2.recipientAddresses)(mail.toRecipients),
        cc: (0, messages_2.recipientAddresses)(mail.ccRecipients),
        bcc: (0, messages_2.recipientAddresses)(mail.bccRecipients),
        alreadySent,
    };
}
