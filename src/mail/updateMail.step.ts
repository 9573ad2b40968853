/** Update Mail as component.json shows it; the code is updateMail.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { mailboxField } from '../manifest/fields';
import { body, flag, inputProperties, instant, messageIdInput, object, strings, text } from '../manifest/schemas';

const DUE = 'The due date of the follow-up (dateTimeTimeZone); absent when none was set.';

export const updateMail: ActionDescriptor = {
  id: 'updateMail',
  group: 'mail',
  kind: 'action',
  title: 'Update Mail',
  description: 'Marks a mail read or unread, flags it (with a due date) or completes it, sets its importance, and replaces, adds or removes categories; only the fields given change.',
  help: {
    description: 'Changes only the fields given of the mail (messageId): isRead, flagStatus (notFlagged, flagged, complete) with an optional flagDueDate, importance, categories. categoriesMode replace (the default) sets the categories; add and remove change just those named, reading the mail\'s current categories and writing them back only if nobody changed the mail meanwhile (else it reads again). A replayed message sets what is set already.',
  },
  fields: {
    mailbox: mailboxField({ order: 10 }),
  },
  in: body({
    messageId: messageIdInput('Message id', 'The mail to update, in the Mailbox (immutable ids survive moves).'),
    isRead: flag('Read', 'true marks the mail read, false unread. Empty: unchanged.'),
    flagStatus: text('Flag', 'notFlagged, flagged or complete, in any letter case. Empty: unchanged (flagged when a due date is given).'),
    flagDueDate: text('Flag due date', 'When the follow-up is due: a date (2026-03-10) or a date-time with Z or an offset; its start is the same. Flags the mail unless flagStatus says otherwise; ignored with notFlagged.'),
    importance: { ...inputProperties.importance, description: 'low, normal or high, in any letter case. Empty: unchanged.' },
    categories: text('Categories', 'Category names, as a list or comma-separated; at most 25, each up to 255 characters. With replace, an empty list removes them all.'),
    categoriesMode: text('Categories mode', 'replace (the default): the mail gets exactly these categories; add: these are added to its own; remove: these are taken off. In any letter case. Without categories it changes nothing.'),
  }),
  out: body({
    id: text('Message id', 'The id of the mail.'),
    isRead: flag('Read', 'Whether the mail is read now.'),
    importance: text('Importance', 'low, normal or high.'),
    flag: object('Flag', 'The follow-up flag now.', {
      flagStatus: text('Flag status', 'notFlagged, flagged or complete.'),
      startDateTime: object('Start', 'When the follow-up starts; absent when none was set.', {
        dateTime: text('Date and time', 'Wall-clock time in Time zone.'),
        timeZone: text('Time zone', 'The zone of Date and time.'),
      }),
      dueDateTime: object('Due', DUE, {
        dateTime: text('Date and time', 'Wall-clock time in Time zone.'),
        timeZone: text('Time zone', 'The zone of Date and time.'),
      }),
    }),
    categories: strings('Categories', 'The categories of the mail now.'),
    lastModifiedDateTime: instant('Last modified', 'When the mail last changed (ISO 8601, UTC).'),
  }),
};
