"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COPY_KEY_PROPERTY_ID = exports.SEND_DRAFT_KEY_PROPERTY_ID = exports.SEND_KEY_PROPERTY_ID = void 0;
exports.sendKeyFor = sendKeyFor;
exports.sendKeyProperty = sendKeyProperty;
exports.sendKeyFilter = sendKeyFilter;
/**
 * The duplicate guard's key: what a send-like step writes on the mail it creates (and Copy Mail on
 * its copy), so that a later run of the same message can find it. One single-value extended property of our own (a named
 * MAPI property in a namespace GUID of ours: extended-properties-overview.md prefers the
 * `{type} {guid} Name {name}` form for custom properties), filterable through
 * `singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...')` on a mailbox's
 * messages (singlevaluelegacyextendedproperty-get.md: the filter applies to all messages of the
 * mailbox; the Name part is compared case-sensitively, the value case-insensitively, so keys are
 * lower-case hex).
 *
 * Why the key finds the sent mail: a draft's immutable id stays the id of its copy in Sent Items
 * (outlook-immutable-id.md, "Immutable ID with sending mail"): sending moves the same item, and
 * a property set on the draft moves with it. Recipients' copies do not carry it.
 */
const node_crypto_1 = require("node:crypto");
const odata_1 = require("./odata");
/** Our property: never change it, or mail sent before the change is no longer found. */
exports.SEND_KEY_PROPERTY_ID = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name ElasticioOutlookSendKey';
/**
 * Send Draft's keys live in a property of their own: the draft it tags is often Create Draft's,
 * whose key must stay on it. Written into the same property, Send Draft's key would replace it, and
 * Create Draft's message delivered again would find nothing, make a second draft, and the Send Draft
 * after it would send a second mail. A key says by its prefix which property holds it.
 */
exports.SEND_DRAFT_KEY_PROPERTY_ID = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name ElasticioOutlookSendDraftKey';
/**
 * Copy Mail's keys too: a copy carries the properties of the mail it copies, so a copy key written
 * into the sending steps' property would replace the key of the sent mail it is a copy of.
 */
exports.COPY_KEY_PROPERTY_ID = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name ElasticioOutlookCopyKey';
/** The steps whose keys live in a property of their own, and the prefix (never hex) that says so. */
const OWN_PROPERTY = {
    sendDraft: { prefix: 'v1-senddraft-', property: exports.SEND_DRAFT_KEY_PROPERTY_ID },
    copyMail: { prefix: 'v1-copy-', property: exports.COPY_KEY_PROPERTY_ID },
};
const propertyOf = (key) => Object.values(OWN_PROPERTY).find((own) => key.startsWith(own.prefix))?.property ?? exports.SEND_KEY_PROPERTY_ID;
/**
 * A key that repeats exactly when a run would send the same mail again: the same step, the same
 * incoming message, the same content. Two messages that share an id but carry different mails (a
 * step that re-emits its message per item) get different keys; a message without an id (made by
 * hand, never by the platform) gets a key of its own run, so only this run's retries share it.
 */
function sendKeyFor(parts) {
    const source = typeof parts.msgId === 'string' && parts.msgId ? `message:${parts.msgId}` : `run:${(0, node_crypto_1.randomUUID)()}`;
    const flowId = parts.flowId ?? process.env.ELASTICIO_FLOW_ID ?? '';
    const stepId = parts.stepId ?? process.env.ELASTICIO_STEP_ID ?? '';
    // JSON of the parts, not a join: no two different inputs can run together into the same text.
    const text = JSON.stringify(['v1', flowId, stepId, parts.action, parts.mailbox.toLowerCase(), source, parts.content]);
    const hash = (0, node_crypto_1.createHash)('sha256').update(text).digest('hex').slice(0, 48);
    return `${OWN_PROPERTY[parts.action]?.prefix ?? 'v1-'}${hash}`;
}
/** The property to put on a draft (in the request that creates it, or a PATCH). */
function sendKeyProperty(key) {
    return { id: propertyOf(key), value: key };
}
/** The `$filter` that finds the messages carrying `key`. */
function sendKeyFilter(key) {
    return `singleValueExtendedProperties/Any(ep: ep/id eq ${(0, odata_1.stringLiteral)(propertyOf(key))} and ep/value eq ${(0, odata_1.stringLiteral)(key)})`;
}
