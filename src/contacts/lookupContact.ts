/**
 * Find Contact: by email address (Graph's `emailAddresses/any(a:a/address eq ...)`) or by display
 * name, in one contact folder. Nothing found: an empty result or an error, as configured. Several
 * found: the oldest one, with how many matched, so a flow can tell.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { contactOutput, contactsPath, findByAddress, findByDisplayName } from '../graph/contacts';
import type { ContactFolderConfig } from '../graph/contacts';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import { parseMailboxes } from '../validation/addresses';
import { inputObject, isAbsent, oneOf, optionalText } from '../validation/fields';
import { CONTROL_CHARS } from '../validation/text';

export interface LookupConfig extends ContactFolderConfig {
  notFound?: unknown;
}

export interface Lookup {
  emailAddress?: string;
  name?: string;
}

export const NOT_FOUND_CHOICES = ['emptyResult', 'error'] as const;

export function parseLookup(input: unknown): Lookup {
  const body = inputObject(input);
  const lookup: Lookup = {};
  if (!isAbsent(body.emailAddress)) {
    const [mailbox] = parseMailboxes(body.emailAddress, 'emailAddress', { max: 1 });
    if (mailbox) lookup.emailAddress = mailbox.address;
  }
  const name = optionalText(body.name, 'name', 255)?.trim();
  if (name && CONTROL_CHARS.test(name)) throw new InputError('name', 'must be one line of text, without line breaks or other control characters');
  if (name) lookup.name = name;
  if (!lookup.emailAddress && !lookup.name) throw new InputError('emailAddress', 'give the email address (or the display name, in name) of the contact to find');
  return lookup;
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: LookupConfig) {
  const lookup = parseLookup(msg.body);
  const notFound = oneOf(cfg.notFound, 'notFound', NOT_FOUND_CHOICES, 'emptyResult');
  const session = createSession(cfg, this);
  const collection = contactsPath(session.root, cfg.contactFolderId);
  const { contacts } = lookup.emailAddress
    ? await findByAddress(session, collection, lookup.emailAddress)
    : await findByDisplayName(session, collection, lookup.name!);
  // Found by address and a name given too: the name must match as well.
  const matches = lookup.emailAddress && lookup.name ? contacts.filter((c) => (c.displayName ?? '').toLowerCase() === lookup.name!.toLowerCase()) : contacts;
  const what = [lookup.emailAddress && `email address ${lookup.emailAddress}`, lookup.name && `display name "${lookup.name}"`].filter(Boolean).join(' and ');
  if (!matches.length) {
    if (notFound === 'error') throw new Error(`No contact with ${what} in this folder. To go on with an empty result instead, set "When nothing is found" to emit an empty result.`);
    this.logger.info('No contact found');
    return newMessageWithBody({ found: false, matchCount: 0 });
  }
  this.logger.info(`${matches.length} contact(s) found`);
  return newMessageWithBody({ found: true, matchCount: matches.length, ...contactOutput(matches[0]) });
}

export { getContactFolders } from '../platform/dropdowns';
export { processAction as process };
