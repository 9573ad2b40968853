/** Get Mail as component.json shows it; the code is getMail.ts (MAIL_FIELDS of graph/messages.ts match `out`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { mailboxField, storeAttachmentsField } from '../manifest/fields';
import { body, mailProperties, number, object, storedAttachments, text } from '../manifest/schemas';

export const getMail: ActionDescriptor = {
  id: 'getMail',
  group: 'mail',
  kind: 'action',
  title: 'Get Mail',
  description: 'Reads one mail by its id or its Internet Message-ID, optionally with its files stored in the platform and the whole mail exported as an .eml file.',
  help: {
    description: 'Reads the mail named by messageId (as the component emits it) or by internetMessageId (its Message-ID header), with the fields Poll for New Mail emits. Store attachments puts its files into the platform\'s storage and attaches them to the message; Export MIME stores the whole mail as an .eml file and attaches it too. Files over the size limit are listed with the reason.',
  },
  fields: {
    mailbox: mailboxField({ order: 30 }),
    storeAttachments: storeAttachmentsField(20),
    exportMime: {
      label: 'Export MIME (.eml)',
      viewClass: 'CheckBoxView',
      required: false,
      note: 'Store the whole mail as MIME (an .eml file, attachments included) and attach it to the message.',
      order: 10,
    },
  },
  in: body({
    messageId: text('Message id', 'The id of the mail, as the component emits it (immutable ids survive moves). Wins over internetMessageId. One of the two is required.'),
    internetMessageId: text('Internet message id', 'The mail\'s Message-ID header, e.g. <CAB123@mail.example.com> (brackets optional). Used when messageId is empty; if several mails share it, the one received last. One of the two is required.'),
  }),
  out: body({
    ...mailProperties,
    attachments: storedAttachments,
    mime: object('MIME export', 'Export MIME only: the .eml file; absent otherwise.', {
      name: text('Name', 'File name (the subject and .eml), the key of the file in the message\'s attachments.'),
      contentType: text('Content type', 'message/rfc822.'),
      size: number('Size in bytes', 'Bytes stored; absent when not stored.'),
      url: text('URL', "Where the platform's storage keeps it; absent when not stored."),
      skipped: text('Why not stored', 'Absent when stored; else the reason (over the size limit).'),
    }),
  }),
};
