/**
 * POST /sendMail: Graph's validation, the sender's rights, then delivery to every recipient that is
 * a mailbox here, a copy in the Sent Items of the mailbox the path names unless saveToSentItems is
 * false, and a record for control.sent().
 *
 * Who the mail is from (microsoft-graph-docs concepts/outlook-send-mail-from-other-user.md):
 * - `from` absent or one of the addressed mailbox's own addresses: from that mailbox. Through
 *   `/users/{other}` a delegated user needs Mail.Send.Shared and Full Access (checked in access.ts)
 *   plus Send As or Send on Behalf on it; an app with Mail.Send sends as any mailbox of its tenant.
 * - `from` another mailbox: the acting user (the signed-in user; for an app, the addressed
 *   mailbox) needs Send As (`sender` = `from`) or Send on Behalf (`sender` = the acting user);
 *   a delegated token also needs Mail.Send.Shared.
 * Without the right: 403 ErrorSendAsDenied, the body the page publishes. Sent Items: the addressed
 * mailbox's, as the page says (`/me` with `from` keeps the copy in the signed-in user's).
 */
import { accessDenied, delegatedAllows } from './access';
import { badRequest, GraphError } from './errors';
import { jsonBody } from './graph-request';
import type { GraphHandler, GraphRequest } from './graph-request';
import type { Json } from './json';
import { enumValue, isObject, param } from './json';
import type { Mailbox } from './mailbox';
import type { AttachmentInfo, EmailAddress } from './model';
import { isValidAddress, nameFromAddress } from './recipients';
import { submit } from './transport';

const sendAsDenied = (): GraphError => new GraphError(403, 'ErrorSendAsDenied',
  'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account. Cannot submit message.');

const named = (mailbox: Mailbox): EmailAddress => ({ name: mailbox.user.displayName, address: mailbox.address });

/** The `from` and `sender` of the mail, or the 403 Exchange answers when the acting user may not send so. */
export function originOf(req: GraphRequest, message: Json): { from: EmailAddress; sender: EmailAddress } {
  const { caller, mailbox: addressed } = req;
  const asked = isObject(message.from) && isObject(message.from.emailAddress) ? message.from.emailAddress.address : undefined;
  const acting = caller.kind === 'delegated' ? caller.user : addressed;
  let origin: Mailbox | undefined = addressed;
  if (typeof asked === 'string' && !addressed.owns(asked)) {
    if (caller.kind === 'delegated' && !delegatedAllows(caller.scopes, 'Mail.Send', false)) throw accessDenied();
    const found = req.world.directory.mailbox(asked);
    origin = found && found.tenant === addressed.tenant ? found : undefined;
  }
  if (origin === acting) return { from: named(acting), sender: named(acting) };
  if (!origin) throw sendAsDenied();
  if (origin.hasRight(acting.user.id, 'sendAs')) return { from: named(origin), sender: named(origin) };
  if (origin.hasRight(acting.user.id, 'sendOnBehalf')) return { from: named(origin), sender: named(acting) };
  throw sendAsDenied();
}


export const noRecipients = (): GraphError => new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is required, but none were found.');

export function readRecipients(value: unknown): EmailAddress[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('A recipient collection must be an array.');
  return value.map((r: unknown) => {
    const email = isObject(r) && isObject(r.emailAddress) ? r.emailAddress : {};
    if (!isValidAddress(email.address)) {
      throw new GraphError(400, 'ErrorInvalidRecipients',
        `At least one recipient is not valid., Recipient '${String(email.address ?? '')}' is not resolved. All recipients must be resolved before a message can be submitted.`);
    }
    return { address: email.address, name: typeof email.name === 'string' ? email.name : nameFromAddress(email.address) };
  });
}

export function readAttachments(value: unknown): AttachmentInfo[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("The 'attachments' property must be an array.");
  return value.map((a: unknown) => {
    if (!isObject(a) || typeof a['@odata.type'] !== 'string') {
      throw badRequest("The property 'contentBytes' does not exist on type 'microsoft.graph.attachment'. Make sure to only use property names that are defined by the type or mark the type as open type.");
    }
    const name = typeof a.name === 'string' ? a.name : 'Untitled';
    const contentType = typeof a.contentType === 'string' ? a.contentType : 'application/octet-stream';
    switch (a['@odata.type'].toLowerCase()) {
      case '#microsoft.graph.fileattachment': {
        if (typeof a.contentBytes !== 'string') throw new GraphError(400, 'ErrorInvalidRequest', 'A file attachment needs contentBytes.');
        const bytes = Buffer.from(a.contentBytes, 'base64');
        return {
          name, contentType, size: bytes.length, kind: 'file', chunks: [bytes],
          ...(a.isInline === true && { isInline: true }),
          ...(typeof a.contentId === 'string' && { contentId: a.contentId }),
        };
      }
      case '#microsoft.graph.itemattachment':
        return { name, contentType: 'message/rfc822', size: JSON.stringify(a.item ?? {}).length, kind: 'item' };
      case '#microsoft.graph.referenceattachment':
        return { name, contentType, size: 0, kind: 'reference' };
      default:
        throw badRequest(`The type '${a['@odata.type']}' is not an attachment type.`);
    }
  });
}

// Not the component's parseFlag: Graph takes true/false only as written (no trimming, no '' as absent) and answers with its own 400.
export function readBool(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw badRequest(`Cannot convert '${String(value)}' to Edm.Boolean.`);
}

export const sendMail: GraphHandler = (req) => {
  const json = jsonBody(req);
  const message = param(json, 'message');
  if (!isObject(message)) throw badRequest("The 'Message' parameter is required.");
  const to = readRecipients(message.toRecipients);
  const cc = readRecipients(message.ccRecipients);
  const bcc = readRecipients(message.bccRecipients);
  if (to.length + cc.length + bcc.length === 0) throw noRecipients();
  const replyTo = readRecipients(message.replyTo);
  const attachments = readAttachments(message.attachments);
  const saveToSentItems = readBool(param(json, 'saveToSentItems'), true);
  const body = isObject(message.body) ? message.body : {};
  const { from, sender: realSender } = originOf(req, message);
  const { mailbox: sender } = req;
  submit(req.world, {
    sender, from, realSender, to, cc, bcc, replyTo, attachments, saveToSentItems,
    subject: typeof message.subject === 'string' ? message.subject : '',
    body: typeof body.content === 'string' ? body.content : '',
    bodyContentType: String(body.contentType ?? 'text').toLowerCase() === 'html' ? 'html' : 'text',
    importance: enumValue(message.importance, ['low', 'normal', 'high'] as const, 'normal'),
    internetMessageId: `<${sender.ids.hex(20)}@${sender.address.split('@')[1]}>`,
  });
  return { status: 202 };
};
