"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.duplicateCheckField = exports.emitBehaviourField = exports.storeAttachmentsField = exports.daysField = exports.changeTypesField = exports.timeZoneField = exports.startTimeField = exports.contactFolderField = exports.calendarField = exports.destinationFolderField = exports.folderField = exports.mailboxField = void 0;
/**
 * Whose mailbox the step acts on, read by graph/mailbox.ts: every trigger and action has it, above
 * the dropdowns that list its folders or calendars. Optional in the form because a delegated
 * credential's user has a mailbox of their own; an application credential has none and requires it.
 */
const mailboxField = ({ order, note }) => ({
    label: 'Mailbox',
    viewClass: 'TextFieldView',
    required: false,
    placeholder: 'info@contoso.com',
    note: note ?? 'A shared or other mailbox: address, user principal name or user id. Empty: the signed-in user (required for an application credential).',
    order,
});
exports.mailboxField = mailboxField;
/** A mail folder of the mailbox; empty is the Inbox. The note says what the step does with it. */
const folderField = (note, order) => ({
    label: 'Folder', viewClass: 'SelectView', required: false, model: 'getFolders', prompt: 'Inbox', note, order, require: ['mailbox'],
});
exports.folderField = folderField;
/** Where Move Mail and Copy Mail put a mail (src/graph/destination.ts); the input may name it instead. */
const destinationFolderField = (order) => ({
    ...(0, exports.folderField)('The folder the mail goes to. Empty: the one destinationFolderId or destinationFolderPath names in the input.', order),
    label: 'Destination folder',
    prompt: 'From the input',
});
exports.destinationFolderField = destinationFolderField;
/** A calendar of the mailbox; empty is the default calendar. */
const calendarField = (order) => ({
    label: 'Calendar', viewClass: 'SelectView', required: false, model: 'getCalendars', prompt: 'Default calendar', note: 'Leave empty for the default calendar.', order, require: ['mailbox'],
});
exports.calendarField = calendarField;
/**
 * A contact folder of the mailbox: `contacts` (the default Contacts folder) or one under it, nested
 * ones by path. What empty means differs by step (an action's default folder, the trigger's all
 * folders), so the step gives the prompt and the note.
 */
const contactFolderField = ({ prompt, note, order }) => ({
    label: 'Contact folder', viewClass: 'SelectView', required: false, model: 'getContactFolders', prompt, note, order, require: ['mailbox'],
});
exports.contactFolderField = contactFolderField;
/**
 * A polling trigger's start, read by platform/pollingTrigger.ts. `emits` is what the first poll
 * emits from that time on ("mail received"), `whenEmpty` what it emits without one.
 */
const startTimeField = ({ emits, whenEmpty, order }) => ({
    label: 'Start time',
    viewClass: 'TextFieldView',
    required: false,
    placeholder: '2026-01-31T00:00:00Z',
    note: `ISO 8601 with Z or an offset. The first poll emits ${emits} from then on; empty: ${whenEmpty} from the first poll on. Ignored once a poll has run.`,
    order,
});
exports.startTimeField = startTimeField;
/** The zone event times are given in, read by validation/timezones.ts. */
const timeZoneField = (order) => ({
    label: 'Time zone of start and end', viewClass: 'TextFieldView', required: false, placeholder: 'UTC', note: 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name. Empty: UTC.', order,
});
exports.timeZoneField = timeZoneField;
/**
 * Which changes a delta trigger emits (validation/changeTypes.ts reads it): `labels` says what each
 * of created, updated and deleted means for what the step follows. Empty: created only, unless
 * `all` (one query follows every kind, and those not chosen are left out).
 */
const changeTypesField = (labels, order, { all = false } = {}) => ({
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
exports.changeTypesField = changeTypesField;
/** A number of days (a calendar view's reach back or ahead), read by validation/fields.ts optionalInteger. */
const daysField = ({ label, placeholder, note, order }) => ({
    label, viewClass: 'TextFieldView', required: false, placeholder, note, order,
});
exports.daysField = daysField;
/** Whether a step that emits mail stores its files in the platform (src/platform/mailAttachments.ts). */
const storeAttachmentsField = (order) => ({
    label: 'Store attachments',
    viewClass: 'CheckBoxView',
    required: false,
    note: "Store each mail's files in the platform and attach them to its message; a file over the size limit is listed with the reason.",
    order,
});
exports.storeAttachmentsField = storeAttachmentsField;
/** How a lookup or trigger with many results emits them (src/platform/batches.ts). */
const emitBehaviourField = (noun, order) => ({
    label: 'Emit behaviour',
    viewClass: 'SelectView',
    required: false,
    model: { emitIndividually: `One message per ${noun} (default)`, emitPage: `One message per page of ${noun}, as an array` },
    prompt: `One message per ${noun} (default)`,
    note: `Empty: one message per ${noun}. emitPage: one message per page of results (split if too large for one message), in its results array.`,
    order,
});
exports.emitBehaviourField = emitBehaviourField;
/** The per-step switch of the duplicate guard (src/platform/sendGuard.ts, and Copy Mail's), off by default. */
const duplicateCheckField = (order, twice = 'sent twice') => ({
    label: 'Skip the duplicate check',
    viewClass: 'CheckBoxView',
    required: false,
    note: `For high volumes: no look-up before and no mark on the mail, so fewer requests; a message the platform delivers again may then be ${twice}.`,
    order,
});
exports.duplicateCheckField = duplicateCheckField;
