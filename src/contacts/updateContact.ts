/**
 * Update Contact: only the properties given change; `clearFields` empties the ones named. The
 * contact is read first and only what differs is sent, so a replayed message (or an update that
 * changes nothing) sends no PATCH: the contact keeps its change key and the contacts trigger does
 * not report it again. Setting values is idempotent, so a PATCH whose answer was lost is repeated.
 */
import type { Contact } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { CONTACT_FIELDS, contactOutput, contactPath } from '../graph/contacts';
import type { ContactRecord } from '../graph/contacts';
import { changesFor } from '../graph/contactWrites';
import { GraphRequestError } from '../graph/errors';
import type { StepContext } from '../graph/logger';
import { idSegment, queryString } from '../graph/odata';
import { createSession } from '../graph/session';
import type { GraphSession, StepConfig } from '../graph/session';
import { parseClearFields, parseContactFields } from '../validation/contact';
import { inputObject } from '../validation/fields';

export interface ContactUpdate {
  contactId: string;
  /** Values to set, and nulls or [] for the properties to clear. */
  wanted: Record<string, unknown>;
}

export function parseUpdate(input: unknown): ContactUpdate {
  const body = inputObject(input);
  // Checked now, so a bad id is refused before any request; contactPath encodes it later.
  idSegment(body.contactId, 'contactId');
  const contactId = String(body.contactId).trim();
  const given: Contact = parseContactFields(body);
  const wanted = { ...given, ...parseClearFields(body.clearFields, given) };
  if (!Object.keys(wanted).length) {
    throw new InputError('clearFields', 'nothing to change: give at least one contact property to set, or name properties to clear in clearFields');
  }
  return { contactId, wanted };
}

/** A 404 on the contact, said in the designer's terms. */
function notFound(err: GraphRequestError, session: GraphSession): GraphRequestError {
  const where = session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox";
  return new GraphRequestError(`contactId: no contact with this id in ${where} (deleted, or an id from another mailbox): ${err.message}`, err.statusCode, err.code, err.requestId);
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const { contactId, wanted } = parseUpdate(msg.body);
  const session = createSession(cfg, this);
  const path = contactPath(session.root, contactId);
  let current: ContactRecord;
  let changed = false;
  try {
    current = (await session.get<ContactRecord>(`${path}${queryString({ select: CONTACT_FIELDS })}`)).body;
    const changes = changesFor(current, wanted);
    if (changes) {
      current = (await session.patch<ContactRecord>(path, changes, { idempotent: true })).body;
      changed = true;
    }
  } catch (err) {
    throw err instanceof GraphRequestError && err.statusCode === 404 ? notFound(err, session) : err;
  }
  this.logger.info(changed ? 'Contact updated' : 'The contact already had these values; nothing sent');
  return newMessageWithBody({ ...contactOutput(current), changed });
}

export { processAction as process };
