"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseForwardInput = parseForwardInput;
exports.process = processAction;
/**
 * Forward Mail: forwards a mail of the mailbox, with its attachments, to To, Cc and Bcc, the flow's
 * text (Graph's "comment") above the forwarded original, and the incoming message's files. Sent as
 * the mailbox the mail is in (the step's Mailbox). Validated in full before the first request;
 * never sent twice (platform/sendGuard.ts, platform/responseDraft.ts).
 */
const messages_1 = require("elasticio-node/lib/messages");
const sendKey_1 = require("../graph/sendKey");
const session_1 = require("../graph/session");
const outgoingFiles_1 = require("../platform/outgoingFiles");
const responseDraft_1 = require("../platform/responseDraft");
const sendGuard_1 = require("../platform/sendGuard");
const fields_1 = require("../validation/fields");
const mailInput_1 = require("../validation/mailInput");
/** The step's input, checked in full; Graph refuses a forward without a To recipient. */
function parseForwardInput(input) {
    const body = (0, fields_1.inputObject)(input);
    return {
        messageId: (0, mailInput_1.parseMessageId)(body.messageId),
        body: { content: (0, mailInput_1.parseBody)(body.body), contentType: (0, mailInput_1.parseBodyType)(body.bodyContentType) },
        ...(0, mailInput_1.parseExtraRecipients)(body, { toRequired: true }),
    };
}
async function processAction(msg, cfg) {
    const input = parseForwardInput(msg.body);
    const checked = (0, sendGuard_1.duplicateCheckOn)(cfg);
    const session = (0, session_1.createSession)(cfg, this);
    const files = await (0, outgoingFiles_1.outgoingFiles)(msg.attachments, input.body);
    const key = checked ? (0, sendKey_1.sendKeyFor)({ action: 'forwardMail', msgId: msg.id, mailbox: session.mailbox ?? '', content: { ...input, files: (0, outgoingFiles_1.filesKey)(files) } }) : undefined;
    const result = await (0, responseDraft_1.respond)(session, { kind: 'createForward', ...input, files, key });
    this.logger.info(result.alreadySent
        ? 'This forward was sent by an earlier run of the step (the same message delivered again): not sent twice'
        : `Mail forwarded with ${files.length} attachment(s) of the incoming message${result.reusedDraft ? ', from the draft an interrupted run left' : ''}`);
    return (0, messages_1.newMessageWithBody)({ ...(0, responseDraft_1.responseOutput)(session, input.messageId, files, result) });
}
