"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseBody = exports.parseBodyType = exports.MAX_BODY = exports.MAX_RECIPIENTS = void 0;
exports.draftSummary = draftSummary;
exports.parseMailInput = parseMailInput;
exports.parseMessageId = parseMessageId;
exports.parseExtraRecipients = parseExtraRecipients;
/**
 * The input of a new mail, as Send Mail and Create Draft take it: checked in full before any
 * request, so a bad field is an error that names it and nothing is sent or created.
 */
const errors_1 = require("../errors");
const odata_1 = require("../graph/odata");
const addresses_1 = require("./addresses");
const fields_1 = require("./fields");
/** What Send Mail and Create Draft report of the mail they made, in their output's order. */
function draftSummary(mailbox, draft) {
    const addresses = (list) => list.map((m) => m.address);
    return {
        ...(mailbox && { mailbox }),
        ...(draft.from && { from: draft.from.address }),
        subject: draft.subject,
        to: addresses(draft.to),
        cc: addresses(draft.cc),
        bcc: addresses(draft.bcc),
    };
}
/** Outlook's limit on recipients of one message. */
exports.MAX_RECIPIENTS = 500;
const MAX_SUBJECT = 255;
/** Graph's request limit bounds the body anyway; this only keeps the error clear. */
exports.MAX_BODY = 3 * 1024 * 1024;
/** `bodyContentType`, as every step with a body takes it. */
const parseBodyType = (value) => (0, fields_1.oneOf)(value, 'bodyContentType', ['text', 'html'], 'text');
exports.parseBodyType = parseBodyType;
/** The text of a body: at most MAX_BODY characters. */
const parseBody = (value, field = 'body') => (0, fields_1.optionalText)(value, field, exports.MAX_BODY) ?? '';
exports.parseBody = parseBody;
function parseMailInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const [from] = (0, addresses_1.parseMailboxes)(body.from, 'from', { max: 1 });
    const draft = {
        ...(from && { from }),
        to: (0, addresses_1.parseMailboxes)(body.to, 'to', { max: exports.MAX_RECIPIENTS }),
        cc: (0, addresses_1.parseMailboxes)(body.cc, 'cc', { max: exports.MAX_RECIPIENTS }),
        bcc: (0, addresses_1.parseMailboxes)(body.bcc, 'bcc', { max: exports.MAX_RECIPIENTS }),
        replyTo: (0, addresses_1.parseMailboxes)(body.replyTo, 'replyTo', { max: 10 }),
        subject: (0, fields_1.optionalText)(body.subject, 'subject', MAX_SUBJECT) ?? '',
        body: (0, exports.parseBody)(body.body),
        bodyContentType: (0, exports.parseBodyType)(body.bodyContentType),
        importance: (0, fields_1.oneOf)(body.importance, 'importance', ['low', 'normal', 'high'], 'normal'),
        saveToSentItems: (0, fields_1.parseFlag)(body.saveToSentItems, 'saveToSentItems', true),
    };
    const count = draft.to.length + draft.cc.length + draft.bcc.length;
    if (count === 0)
        throw new errors_1.InputError('to', 'at least one recipient is required in to, cc or bcc (an address, "Name <address>", or a list of them)');
    if (count > exports.MAX_RECIPIENTS)
        throw new errors_1.InputError('to', `to, cc and bcc hold ${count} recipients together; Outlook accepts at most ${exports.MAX_RECIPIENTS}`);
    return draft;
}
/**
 * The id of a mail (messageId): required, and one an Outlook id can be (checked by idSegment, so
 * nothing in it can step out of its path segment). Returned as given, trimmed.
 */
function parseMessageId(value, field = 'messageId') {
    if (typeof value !== 'string' || value.trim() === '')
        throw new errors_1.InputError(field, 'is required: map the id of an Outlook mail (the id Poll for New Mail emits)');
    (0, odata_1.idSegment)(value, field);
    return value.trim();
}
/** Recipients a reply or forward adds: at most MAX_RECIPIENTS in to, cc and bcc together. */
function parseExtraRecipients(body, opts = {}) {
    const to = (0, addresses_1.parseMailboxes)(body.to, 'to', { max: exports.MAX_RECIPIENTS, required: opts.toRequired });
    const cc = (0, addresses_1.parseMailboxes)(body.cc, 'cc', { max: exports.MAX_RECIPIENTS });
    const bcc = (0, addresses_1.parseMailboxes)(body.bcc, 'bcc', { max: exports.MAX_RECIPIENTS });
    const count = to.length + cc.length + bcc.length;
    if (count > exports.MAX_RECIPIENTS)
        throw new errors_1.InputError('to', `to, cc and bcc hold ${count} recipients together; Outlook accepts at most ${exports.MAX_RECIPIENTS}`);
    return { to, cc, bcc };
}
