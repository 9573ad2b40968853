/**
 * Create or Update Contact, keyed by email address: the contact of the folder that has the address
 * (the oldest, when several have) gets the properties given; without one, a contact is created.
 * A replayed message, a retry after a lost answer, and two containers handling the same new address
 * at once all end with one contact (graph/contactWrites.ts, createOnce); an update that changes
 * nothing sends nothing.
 */
import type { Contact, EmailAddress } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { contactOutput, contactPath, contactsPath, findByAddress, findByMarker, markerValue } from '../graph/contacts';
import type { ContactFolderConfig, ContactRecord } from '../graph/contacts';
import { changesFor, createOnce } from '../graph/contactWrites';
import { GraphRequestError } from '../graph/errors';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { GraphSession } from '../graph/session';
import { parseMailboxes } from '../validation/addresses';
import { MAX_EMAIL_ADDRESSES, parseContactFields } from '../validation/contact';
import { inputObject } from '../validation/fields';

export interface Upsert {
  /** The address the contact is found by. */
  key: EmailAddress & { address: string };
  /** The properties given; emailAddresses, when given, include the key. */
  fields: Contact;
}

export function parseUpsert(input: unknown): Upsert {
  const body = inputObject(input);
  const [key] = parseMailboxes(body.emailAddress, 'emailAddress', { required: true, max: 1 });
  const fields = parseContactFields(body);
  if (fields.emailAddresses) {
    // The key stays among the addresses, or the next run would not find this contact again.
    const has = fields.emailAddresses.some((e) => e.address!.toLowerCase() === key.address.toLowerCase());
    if (!has) fields.emailAddresses = [key.name === undefined ? { address: key.address } : { address: key.address, name: key.name }, ...fields.emailAddresses];
    if (fields.emailAddresses.length > MAX_EMAIL_ADDRESSES) {
      throw new InputError('emailAddresses', `has ${fields.emailAddresses.length - 1} addresses besides emailAddress, which the contact keeps too; an Outlook contact holds at most ${MAX_EMAIL_ADDRESSES}, so give at most ${MAX_EMAIL_ADDRESSES - 1} others`);
    }
  }
  return { key, fields };
}

type Action = 'created' | 'updated' | 'unchanged';

async function upsertOnce(session: GraphSession, context: StepContext, collection: string, { key, fields }: Upsert): Promise<{ contact: ContactRecord; action: Action; removed: number }> {
  const marker = markerValue('upsert', collection, key.address.toLowerCase());
  const result = await createOnce({
    session,
    logger: context.logger,
    collection,
    body: { ...fields, emailAddresses: fields.emailAddresses ?? [key.name === undefined ? { address: key.address } : { address: key.address, name: key.name }] },
    marker,
    candidates: () => findByAddress(session, collection, key.address),
    // Only contacts this step created for this address may go; contacts people made never do.
    ours: async () => new Set((await findByMarker(session, collection, marker, ['id'])).contacts.map((c) => c.id!)),
  });
  if (result.created) return { contact: result.contact, action: 'created', removed: result.removed };
  const changes = changesFor(result.contact, fields as Record<string, unknown>);
  if (!changes) return { contact: result.contact, action: 'unchanged', removed: result.removed };
  const { body } = await session.patch<ContactRecord>(contactPath(session.root, result.contact.id), changes, { idempotent: true });
  return { contact: body, action: 'updated', removed: result.removed };
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: ContactFolderConfig) {
  const upsert = parseUpsert(msg.body);
  const session = createSession(cfg, this);
  const collection = contactsPath(session.root, cfg.contactFolderId);
  let outcome;
  try {
    outcome = await upsertOnce(session, this, collection, upsert);
  } catch (err) {
    // The contact found was deleted before it could be updated (by a concurrent run removing a duplicate, or a person): once more.
    if (!(err instanceof GraphRequestError && err.statusCode === 404 && err.code === 'ErrorItemNotFound')) throw err;
    outcome = await upsertOnce(session, this, collection, upsert);
  }
  this.logger.info(`Contact ${outcome.action}${outcome.removed ? `; ${outcome.removed} duplicate(s) removed` : ''}`);
  return newMessageWithBody({ ...contactOutput(outcome.contact), action: outcome.action });
}

export { getContactFolders } from '../platform/dropdowns';
export { processAction as process };
