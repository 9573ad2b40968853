/**
 * Create Contact. The input is checked in full before any request. One message makes one contact:
 * the contact carries a marker derived from the message, its folder and its content, so a
 * redelivered message, or our own retry after a lost answer, finds the contact the first run made
 * instead of making another (graph/contactWrites.ts says how, Graph's replication delay included).
 */
import { randomUUID } from 'node:crypto';
import type { Contact } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { contactOutput, contactsPath, findByMarker, markerValue } from '../graph/contacts';
import type { ContactFolderConfig } from '../graph/contacts';
import { createOnce } from '../graph/contactWrites';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import { parseContactFields } from '../validation/contact';
import { inputObject } from '../validation/fields';

/** The contact to create; refused without anything that names the contact. */
export function buildContact(input: unknown): Contact {
  const contact = parseContactFields(inputObject(input));
  if (!contact.givenName && !contact.surname && !contact.displayName && !contact.emailAddresses && !contact.companyName) {
    throw new InputError('givenName', 'a contact needs something to show it by: give givenName, surname, displayName, emailAddresses or companyName');
  }
  return contact;
}

/**
 * Which create this is: the same for a redelivery of the message (or our retry of it), different
 * for another message, or the same message carrying another contact (a step that re-emits its
 * message per item). Without a message id nothing tells a redelivery from a second contact, so a
 * nonce drawn per run stands in: the retries within the run still share it.
 */
export function createMarker(msgId: unknown, collection: string, contact: Contact, stepId = process.env.ELASTICIO_STEP_ID ?? ''): string {
  const source = typeof msgId === 'string' && msgId ? `message:${msgId}` : `run:${randomUUID()}`;
  return markerValue('create', stepId, collection, source, contact);
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown }, cfg: ContactFolderConfig) {
  const contact = buildContact(msg.body);
  const session = createSession(cfg, this);
  const collection = contactsPath(session.root, cfg.contactFolderId);
  const marker = createMarker(msg.id, collection, contact);
  const result = await createOnce({
    session,
    logger: this.logger,
    collection,
    body: contact,
    marker,
    candidates: () => findByMarker(session, collection, marker),
    // Every contact with this marker was made for this very message.
    ours: async (contacts) => new Set(contacts.map((c) => c.id!)),
  });
  this.logger.info(result.created ? 'Contact created' : 'The contact this message created before was found; not created again');
  return newMessageWithBody({ ...contactOutput(result.contact), alreadyCreated: !result.created });
}

// The Contact folder field's dropdown: sailor looks its model up on this module.
export { getContactFolders } from '../platform/dropdowns';
export { processAction as process };
