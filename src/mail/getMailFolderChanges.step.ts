/** Mail Changes in Folder as component.json shows it; the code is getMailFolderChanges.ts. */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { changeTypesField, folderField, mailboxField, startTimeField } from '../manifest/fields';
import { body, mailProperties, object, text } from '../manifest/schemas';

export const getMailFolderChanges: TriggerDescriptor = {
  id: 'getMailFolderChanges',
  group: 'mail',
  kind: 'trigger',
  title: 'Mail Changes in Folder',
  description: 'Emits what happens to the mail of a folder: mail arriving by delivery or by being moved in (whatever its age), and optionally mail read or changed, deleted or moved out.',
  help: {
    description: 'Follows one folder through Outlook\'s change tracking (Graph delta queries). Created: a mail arrived, delivered or moved in by hand or by a rule, however old it is; reading or flagging it does not count. Updated: a mail in the folder was read, flagged or changed. Deleted: a mail was deleted or moved out (only its id). Each change is emitted once. Choose Poll for New Mail when only newly delivered mail matters.',
  },
  fields: {
    mailbox: mailboxField({ order: 40 }),
    folderId: folderField('Empty: the Inbox. The folder whose mail is followed, moves in and out included.', 30),
    changeTypes: changeTypesField({
      created: 'Created: delivered or moved in',
      updated: 'Updated: read, flagged, categorised or edited',
      deleted: 'Deleted or moved out',
    }, 25),
    startTime: startTimeField({ emits: 'mail received', whenEmpty: 'mail arriving', order: 20 }),
  },
  out: body({
    changeType: text('Change', 'created (delivered or moved into the folder), updated (read, flagged, categorised or edited) or deleted (deleted or moved out).'),
    id: text('Message id', 'Immutable Outlook id of the mail: the same in every folder.'),
    reason: text('Removal reason', 'Deletions only: the reason Graph gives, deleted or changed.'),
    message: object('Mail', 'Created and updated only: the mail with the fields Poll for New Mail emits.', mailProperties),
  }),
};
