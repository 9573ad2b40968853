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
import { createHash, randomUUID } from 'node:crypto';
import { stringLiteral } from './odata';

/** Our property: never change it, or mail sent before the change is no longer found. */
export const SEND_KEY_PROPERTY_ID = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name ElasticioOutlookSendKey';

/**
 * Send Draft's keys live in a property of their own: the draft it tags is often Create Draft's,
 * whose key must stay on it. Written into the same property, Send Draft's key would replace it, and
 * Create Draft's message delivered again would find nothing, make a second draft, and the Send Draft
 * after it would send a second mail. A key says by its prefix which property holds it.
 */
export const SEND_DRAFT_KEY_PROPERTY_ID = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name ElasticioOutlookSendDraftKey';

/**
 * Copy Mail's keys too: a copy carries the properties of the mail it copies, so a copy key written
 * into the sending steps' property would replace the key of the sent mail it is a copy of.
 */
export const COPY_KEY_PROPERTY_ID = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name ElasticioOutlookCopyKey';

/** The steps whose keys live in a property of their own, and the prefix (never hex) that says so. */
const OWN_PROPERTY: Readonly<Record<string, { prefix: string; property: string }>> = {
  sendDraft: { prefix: 'v1-senddraft-', property: SEND_DRAFT_KEY_PROPERTY_ID },
  copyMail: { prefix: 'v1-copy-', property: COPY_KEY_PROPERTY_ID },
};

const propertyOf = (key: string): string => Object.values(OWN_PROPERTY).find((own) => key.startsWith(own.prefix))?.property ?? SEND_KEY_PROPERTY_ID;

export interface ExtendedProperty {
  id: string;
  value: string;
}

export interface KeyParts {
  /** What the step does: sendMail, replyToMail, forwardMail, createDraft, sendDraft, copyMail. */
  action: string;
  /** The incoming elastic.io message's id; without one a nonce of this run stands in. */
  msgId: unknown;
  /** The mailbox the step acts on (its Mailbox field, or '' for the signed-in user). */
  mailbox: string;
  /** Everything that makes this mail this mail: recipients, texts, files, the message replied to; the mail copied and the folder. */
  content: unknown;
  /** The flow step (ELASTICIO_FLOW_ID, ELASTICIO_STEP_ID): two steps sending alike send twice. */
  flowId?: string;
  stepId?: string;
}

/**
 * A key that repeats exactly when a run would send the same mail again: the same step, the same
 * incoming message, the same content. Two messages that share an id but carry different mails (a
 * step that re-emits its message per item) get different keys; a message without an id (made by
 * hand, never by the platform) gets a key of its own run, so only this run's retries share it.
 */
export function sendKeyFor(parts: KeyParts): string {
  const source = typeof parts.msgId === 'string' && parts.msgId ? `message:${parts.msgId}` : `run:${randomUUID()}`;
  const flowId = parts.flowId ?? process.env.ELASTICIO_FLOW_ID ?? '';
  const stepId = parts.stepId ?? process.env.ELASTICIO_STEP_ID ?? '';
  // JSON of the parts, not a join: no two different inputs can run together into the same text.
  const text = JSON.stringify(['v1', flowId, stepId, parts.action, parts.mailbox.toLowerCase(), source, parts.content]);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 48);
  return `${OWN_PROPERTY[parts.action]?.prefix ?? 'v1-'}${hash}`;
}

/** The property to put on a draft (in the request that creates it, or a PATCH). */
export function sendKeyProperty(key: string): ExtendedProperty {
  return { id: propertyOf(key), value: key };
}

/** The `$filter` that finds the messages carrying `key`. */
export function sendKeyFilter(key: string): string {
  return `singleValueExtendedProperties/Any(ep: ep/id eq ${stringLiteral(propertyOf(key))} and ep/value eq ${stringLiteral(key)})`;
}
