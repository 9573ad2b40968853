/**
 * Configuration fields as the platform UI renders them (spec/platform-ui.spec.js holds them to its
 * rules), and the fields several steps show, written once.
 */
import type * as dropdowns from '../platform/dropdowns';

/** The view classes elastic.io documents; the UI renders nothing useful for any other name. */
export type ViewClass = 'TextFieldView' | 'TextFieldWithNoteView' | 'TextAreaView' | 'CheckBoxView' | 'SelectView'
  | 'MultiSelectView' | 'PasswordFieldView' | 'OAuthFieldView' | 'HTTPAuthView';

/** A dropdown's model names a function of src/platform/dropdowns.ts, which the step re-exports. */
export type DropdownModel = keyof typeof dropdowns;

export interface Field {
  label: string;
  viewClass: ViewClass;
  required: boolean;
  /** A function of src/platform/dropdowns.ts, or a fixed map of value to label. */
  model?: DropdownModel | Record<string, string>;
  prompt?: string;
  placeholder?: string;
  /** A line or two of simple HTML under the field. */
  note?: string;
  /** Higher renders first; required fields above optional ones. */
  order: number;
  /** Fields this one depends on (a dropdown of a mailbox's folders needs the mailbox): they render above it. */
  require?: string[];
}

/**
 * Whose mailbox the step acts on, read by graph/mailbox.ts: every trigger and action has it, above
 * the dropdowns that list its folders or calendars. Optional in the form because a delegated
 * credential's user has a mailbox of their own; an application credential has none and requires it.
 */
export const mailboxField = ({ order, note }: { order: number; note?: string }): Field => ({
  label: 'Mailbox',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: 'info@contoso.com',
  note: note ?? 'A shared or other mailbox: address, user principal name or user id. Empty: the signed-in user (required for an application credential).',
  order,
});

/** A mail folder of the mailbox; empty is the Inbox. The note says what the step does with it. */
export const folderField = (note: string, order: number): Field => ({
  label: 'Folder', viewClass: 'SelectView', required: false, model: 'getFolders', prompt: 'Inbox', note, order, require: ['mailbox'],
});

/** Where Move Mail and Copy Mail put a mail (src/graph/destination.ts); the input may name it instead. */
export const destinationFolderField = (order: number): Field => ({
  ...folderField('The folder the mail goes to. Empty: the one destinationFolderId or destinationFolderPath names in the input.', order),
  label: 'Destination folder',
  prompt: 'From the input',
});

/** A calendar of the mailbox; empty is the default calendar. */
export const calendarField = (order: number): Field => ({
  label: 'Calendar', viewClass: 'SelectView', required: false, model: 'getCalendars', prompt: 'Default calendar', note: 'Leave empty for the default calendar.', order, require: ['mailbox'],
});

/**
 * A contact folder of the mailbox: `contacts` (the default Contacts folder) or one under it, nested
 * ones by path. What empty means differs by step (an action's default folder, the trigger's all
 * folders), so the step gives the prompt and the note.
 */
export const contactFolderField = ({ prompt, note, order }: { prompt: string; note: string; order: number }): Field => ({
  label: 'Contact folder', viewClass: 'SelectView', required: false, model: 'getContactFolders', prompt, note, order, require: ['mailbox'],
});

/**
 * A polling trigger's start, read by platform/pollingTrigger.ts. `emits` is what the first poll
 * emits from that time on ("mail received"), `whenEmpty` what it emits without one.
 */
export const startTimeField = ({ emits, whenEmpty, order }: { emits: string; whenEmpty: string; order: number }): Field => ({
  label: 'Start time',
  viewClass: 'TextFieldView',
  required: false,
  placeholder: '2026-01-31T00:00:00Z',
  note: `ISO 8601 with Z or an offset. The first poll emits ${emits} from then on; empty: ${whenEmpty} from the first poll on. Ignored once a poll has run.`,
  order,
});

/** The zone event times are given in, read by validation/timezones.ts. */
export const timeZoneField = (order: number): Field => ({
  label: 'Time zone of start and end', viewClass: 'TextFieldView', required: false, placeholder: 'UTC', note: 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name. Empty: UTC.', order,
});

/**
 * Which changes a delta trigger emits (validation/changeTypes.ts reads it): `labels` says what each
 * of created, updated and deleted means for what the step follows. Empty: created only, unless
 * `all` (one query follows every kind, and those not chosen are left out).
 */
export const changeTypesField = (labels: Record<'created' | 'updated' | 'deleted', string>, order: number, { all = false } = {}): Field => ({
  label: 'Changes to emit',
  viewClass: 'MultiSelectView',
  required: false,
  model: labels,
  prompt: all ? 'All changes' : 'Created',
  note: all
    ? 'One query follows every kind of change; those not chosen are not emitted. Empty: all three.'
    : 'Each kind is tracked on its own, at one request per poll. Empty: created only.',
  order,
});

/** A number of days (a calendar view's reach back or ahead), read by validation/fields.ts optionalInteger. */
export const daysField = ({ label, placeholder, note, order }: { label: string; placeholder: string; note: string; order: number }): Field => ({
  label, viewClass: 'TextFieldView', required: false, placeholder, note, order,
});

/** Whether a step that emits mail stores its files in the platform (src/platform/mailAttachments.ts). */
export const storeAttachmentsField = (order: number): Field => ({
  label: 'Store attachments',
  viewClass: 'CheckBoxView',
  required: false,
  note: "Store each mail's files in the platform and attach them to its message; a file over the size limit is listed with the reason.",
  order,
});

/** How a lookup or trigger with many results emits them (src/platform/batches.ts). */
export const emitBehaviourField = (noun: string, order: number): Field => ({
  label: 'Emit behaviour',
  viewClass: 'SelectView',
  required: false,
  model: { emitIndividually: `One message per ${noun} (default)`, emitPage: `One message per page of ${noun}, as an array` },
  prompt: `One message per ${noun} (default)`,
  note: `Empty: one message per ${noun}. emitPage: one message per page of results (split if too large for one message), in its results array.`,
  order,
});

/** The per-step switch of the duplicate guard (src/platform/sendGuard.ts, and Copy Mail's), off by default. */
export const duplicateCheckField = (order: number, twice = 'sent twice'): Field => ({
  label: 'Skip the duplicate check',
  viewClass: 'CheckBoxView',
  required: false,
  note: `For high volumes: no look-up before and no mark on the mail, so fewer requests; a message the platform delivers again may then be ${twice}.`,
  order,
});
