"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const drafts_1 = require("../graph/drafts");
const messages_2 = require("../graph/messages");
const outgoingMail_1 = require("../graph/outgoingMail");
const sendKey_1 = require("../graph/sendKey");
const session_1 = require("../graph/session");
const attachments_1 = require("../platform/attachments");
const draftAttachments_1 = require("../platform/draftAttachments");
const outgoingFiles_1 = require("../platform/outgoingFiles");
const sendGuard_1 = require("../platform/sendGuard");
const mailInput_1 = require("../validation/mailInput");
async function processAction(msg, cfg) {
    const draft = (0, mailInput_1.parseMailInput)(msg.body);
    const checked = (0, sendGuard_1.duplicateCheckOn)(cfg);
    const session = (0, session_1.createSession)(cfg, this);
    const files = await (0, outgoingFiles_1.outgoingFiles)(msg.attachments, { content: draft.body, contentType: draft.bodyContentType });
    const key = checked ? (0, sendKey_1.sendKeyFor)({ action: 'createDraft', msgId: msg.id, mailbox: session.mailbox ?? '', content: { draft, files: (0, outgoingFiles_1.filesKey)(files) } }) : undefined;
    const build = (inline) => (0, outgoingMail_1.buildDraftRequest)(draft, inline, key ? [(0, sendKey_1.sendKeyProperty)(key)] : []);
    const routes = (0, attachments_1.routeAttachments)(files, build);
    // Before the first request: a file the storage refuses, or larger than it said, is an input error with no side effect.
    const inline = await (0, attachments_1.downloadAttachments)(routes.inline, (0, attachments_1.inlineRoom)(routes.inline, build));
    let created;
    const prepared = await (0, sendGuard_1.prepareDraft)(session, {
        create: async (tags) => {
            created = await (0, drafts_1.createMessage)(session, (0, outgoingMail_1.buildDraftRequest)(draft, inline, tags), draft.from?.address);
            return created;
        },
        complete: async (made, reused) => { await (0, draftAttachments_1.addDraftAttachments)(session, (0, messages_2.messagePath)(session, made.id, 'draft id'), routes, { skipPresent: reused }); },
    }, { key });
    const mail = prepared.kind === 'sent' ? prepared.found : prepared.draft;
    const again = prepared.kind === 'sent' || prepared.reused;
    this.logger.info(again ? 'The draft was made by an earlier run of the step (the same message delivered again): not made twice' : `Draft created with ${files.length} attachment(s)`);
    return (0, messages_1.newMessageWithBody)({
        id: mail.id,
        webLink: mail.webLink ?? created?.webLink ?? '',
        ...(0, mailInput_1.draftSummary)(session.mailbox, draft),
        attachments: (0, outgoingFiles_1.filesOutput)(files),
        alreadyCreated: again,
        isDraft: prepared.kind !== 'sent',
    });
}
