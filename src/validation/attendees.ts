/**
 * The attendee fields of the steps that invite or consult people (Create Event, Find Meeting
 * Times): one plain field per attendee type, so a designer maps addresses without building
 * objects, read as Send Mail's `to` reads addresses.
 */
import type { Attendee } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { parseMailboxes, toRecipients } from './addresses';
import type { Mailbox } from './addresses';
import { quote } from './echo';
import { oneOf } from './fields';

const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;
type AttendeeType = typeof ATTENDEE_TYPES[number];
/** One plain field per attendee type, so a designer maps addresses without building objects. */
export const TYPED_ATTENDEE_FIELDS = [['requiredAttendees', 'required'], ['optionalAttendees', 'optional'], ['resourceAttendees', 'resource']] as const;
export const MAX_ATTENDEES = 500;

/** An attendee as given, with the place it was given in, so that a conflict can name both places. */
interface Mention { mailbox: Mailbox; type: AttendeeType; place: string }

/**
 * The attendees of requiredAttendees, optionalAttendees and resourceAttendees (addresses as Send
 * Mail's `to` takes them), then those of `attendees`, the field earlier versions had and existing
 * mappings still fill: the same text (all required) or a list of {address, name, type}.
 * The limit (500, Outlook's for an event) counts all four fields together.
 */
export function parseAttendees(body: Record<string, unknown>, max = MAX_ATTENDEES): Attendee[] {
  const mentions: Mention[] = [];
  for (const [field, type] of TYPED_ATTENDEE_FIELDS) {
    const mailboxes = parseMailboxes(body[field], field, { max: max - mentions.length });
    mentions.push(...mailboxes.map((mailbox) => ({ mailbox, type, place: field })));
  }
  mentions.push(...listedAttendees(body.attendees, max - mentions.length));
  return withoutRepeats(mentions);
}

function listedAttendees(value: unknown, max: number): Mention[] {
  // The whole list first, so every bad address is reported with its own path (attendees[2]).
  parseMailboxes(value, 'attendees', { max });
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((entry, index) => {
    const place = Array.isArray(value) ? `attendees[${index}]` : 'attendees';
    const type = entry && typeof entry === 'object' ? oneOf((entry as Record<string, unknown>).type, `${place}.type`, ATTENDEE_TYPES, 'required') : 'required';
    return parseMailboxes(entry, place).map((mailbox) => ({ mailbox, type, place }));
  });
}

/**
 * An address given twice with the same type is harmless (one list mapped into two fields) and is
 * invited once, with its first name; given with two types, nobody can tell which was meant, so
 * the step refuses rather than guess.
 */
function withoutRepeats(mentions: Mention[]): Attendee[] {
  const first = new Map<string, Mention>();
  for (const mention of mentions) {
    const key = mention.mailbox.address.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) first.set(key, mention);
    else if (earlier.type !== mention.type) {
      throw new InputError(mention.place, `${quote(mention.mailbox.address)} is already a ${earlier.type} attendee in ${earlier.place}; give each attendee in one field only, with one type`);
    }
  }
  const kept = [...first.values()];
  return toRecipients(kept.map((mention) => mention.mailbox)).map((recipient, i) => ({ ...recipient, type: kept[i].type }));
}
