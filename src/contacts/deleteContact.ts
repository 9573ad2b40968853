/**
 * Delete Contact: a contact already gone is success (`alreadyDeleted: true`), so a replayed
 * message, or the retry of a DELETE whose answer was lost, ends as the first run did.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { contactPath } from '../graph/contacts';
import { GraphRequestError } from '../graph/errors';
import type { StepContext } from '../graph/logger';
import { idSegment } from '../graph/odata';
import type { StepConfig } from '../graph/session';
import { createSession } from '../graph/session';
import { inputObject } from '../validation/fields';

export function parseContactId(input: unknown): string {
  const body = inputObject(input);
  idSegment(body.contactId, 'contactId');
  return String(body.contactId).trim();
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const contactId = parseContactId(msg.body);
  const session = createSession(cfg, this);
  let alreadyDeleted = false;
  try {
    await session.delete(contactPath(session.root, contactId));
  } catch (err) {
    // ErrorItemNotFound: deleted before (by this message's earlier run, or by anyone), or never in this mailbox.
    if (!(err instanceof GraphRequestError && err.statusCode === 404 && err.code === 'ErrorItemNotFound')) throw err;
    alreadyDeleted = true;
  }
  this.logger.info(alreadyDeleted ? 'The contact was already gone' : 'Contact deleted');
  return newMessageWithBody({ id: contactId, alreadyDeleted });
}

export { processAction as process };
