/** Poll for New Mail as component.json shows it; the code is getNewMail.ts (MAIL_FIELDS of graph/messages.ts match `out`). */
import { PERSIST_EVERY } from '../graph/poll';
import type { TriggerDescriptor } from '../manifest/descriptor';
import { emitBehaviourField, folderField, mailboxField, startTimeField, storeAttachmentsField } from '../manifest/fields';
import { body, mailProperties, storedAttachments, withPages } from '../manifest/schemas';

export const getNewMail: TriggerDescriptor = {
  id: 'getNewMail',
  group: 'mail',
  kind: 'trigger',
  title: 'Poll for New Mail',
  description: 'Emits each mail once, oldest first: mail delivered to the chosen folder, or moved into it within about two minutes of arriving.',
  help: {
    description: 'Emits each mail of the chosen folder once, oldest first, alone or in batches, with its files stored in the platform if asked. It goes by the time each mail was received, so it sees mail delivered to the folder and mail moved or sorted into it by a rule within about two minutes of arriving. Mail moved in later (by hand, by a client-side rule, by a later sweep) is not emitted; a trigger that also follows moves is planned. Set Start time to include mail received before the flow starts.',
  },
  fields: {
    mailbox: mailboxField({ order: 40 }),
    folderId: folderField('Empty: the Inbox. Emits mail delivered here, or moved or ruled in within about two minutes of arriving; mail moved in later is not emitted.', 30),
    startTime: startTimeField({ emits: 'mail received', whenEmpty: 'mail arriving', order: 20 }),
    pollOnlyUnreadMail: {
      label: 'Only unread mail',
      viewClass: 'CheckBoxView',
      required: false,
      note: 'Skip mail that is already read when the poll sees it.',
      order: 10,
    },
    storeAttachments: storeAttachmentsField(8),
    emitBehaviour: {
      ...emitBehaviourField('mail', 6),
      note: `Empty: one message per mail. emitPage: batches of up to ${PERSIST_EVERY} mails (fewer if too large for one message), in results; the place is saved after each.`,
    },
  },
  out: withPages(body({ ...mailProperties, attachments: storedAttachments }), 'mails'),
};
