'use strict';

// A nock stand-in for the Graph routes of the mail toolbox (Get, Find, Move, Copy, Update and
// Delete Mail, Find or Create Folder), answering in the shape of Microsoft's documented examples,
// for specs that run those steps end to end without the emulator: whatever mailbox the path names,
// every mail id names one mail (`toolboxMail`), every folder lookup finds one folder, and each
// write answers as Graph does. `platformStorage()` arms the platform's storage for steps that
// store files. Both return an undo.
const nock = require('nock');

const GRAPH = 'https://graph.microsoft.com';
const STORAGE = 'https://maester.platform.example.net';

/** A received mail as Graph returns it for the steps' $select (user-list-messages.md, message-get.md). */
function toolboxMail(overrides = {}) {
  return {
    '@odata.etag': 'W/"CQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAAB7Ud+"',
    id: 'AAMkMail1',
    internetMessageId: '<MWHPR1301MB2112.namprd13.prod.outlook.com>',
    conversationId: 'AAQkAGUAAA-1',
    parentFolderId: 'AAMkFolder0',
    subject: 'Quarterly numbers',
    bodyPreview: 'Hello, here are the numbers',
    body: { contentType: 'html', content: '<html><body>Hello</body></html>' },
    from: { emailAddress: { name: 'Ann', address: 'ann@example.com' } },
    sender: { emailAddress: { name: 'Ann', address: 'ann@example.com' } },
    toRecipients: [{ emailAddress: { name: 'Bob', address: 'bob@example.com' } }],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    receivedDateTime: '2026-01-05T10:00:00Z',
    sentDateTime: '2026-01-05T09:59:58Z',
    importance: 'normal',
    isRead: false,
    isDraft: false,
    flag: { flagStatus: 'notFlagged' },
    categories: [],
    hasAttachments: false,
    webLink: 'https://outlook.office365.com/owa/?ItemID=AAMkMail1&exvsurl=1&viewmodel=ReadMessageItem',
    ...overrides,
  };
}

/** The folder a `displayName eq '...'` filter asks for, found. */
function folderNamed(uri) {
  const filter = new URL(uri, GRAPH).searchParams.get('$filter') || '';
  const name = /displayName eq '((?:[^']|'')*)'/.exec(filter);
  return { id: 'AAMkFolder1', displayName: name ? name[1].replace(/''/g, "'") : 'Inbox' };
}

/** Answers every toolbox request on Graph's host; `mail` overrides the mail's fields. */
function answerToolbox(mail = {}) {
  const theMail = toolboxMail(mail);
  const scope = nock(GRAPH).persist();
  scope.get(/.*/).query(true).reply((uri) => {
    const path = uri.split('?')[0];
    if (/\/\$value$/.test(path)) return [200, 'MIME-Version: 1.0\r\nSubject: Quarterly numbers\r\n\r\nHello', { 'Content-Type': 'text/plain' }];
    if (/\/attachments$/.test(path)) return [200, { value: [] }];
    if (/\/(childFolders|mailFolders)$/.test(path)) return [200, { value: [folderNamed(uri)] }];
    if (/\/mailFolders\/[^/]+$/.test(path)) return [200, { id: 'AAMkFolder1', displayName: 'Inbox' }];
    if (/\/mailFolders\/[^/]+\/messages$/.test(path)) return [200, { value: [] }];
    if (/\/messages$/.test(path)) return [200, { value: [theMail] }, { Date: new Date().toUTCString() }];
    if (/\/messages\/[^/]+$/.test(path)) return [200, theMail];
    return [404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }];
  });
  scope.post(/\/move$/).reply(201, { ...theMail, parentFolderId: 'AAMkFolder1' });
  scope.post(/\/copy$/).reply(201, { ...theMail, id: 'AAMkCopy1', parentFolderId: 'AAMkFolder1' });
  scope.post(/\/permanentDelete$/).reply(204);
  scope.post(/\/(childFolders|mailFolders)$/).reply(201, (uri, body) => ({ id: 'AAMkFolder2', displayName: body.displayName, parentFolderId: 'AAMkFolder1' }));
  scope.delete(/\/messages\/[^/]+$/).reply(204);
  scope.patch(/\/messages\/[^/]+$/).reply(200, (uri, body) => ({ ...theMail, lastModifiedDateTime: '2026-01-05T10:00:00Z', ...body }));
  return () => nock.cleanAll();
}

/** The platform's storage (Maester) as the component sees it on the platform: its env and an upload route. */
function platformStorage() {
  const saved = { uri: process.env.ELASTICIO_OBJECT_STORAGE_URI, token: process.env.ELASTICIO_OBJECT_STORAGE_TOKEN };
  process.env.ELASTICIO_OBJECT_STORAGE_URI = STORAGE;
  process.env.ELASTICIO_OBJECT_STORAGE_TOKEN = 'storage-jwt';
  let n = 0;
  nock(STORAGE).persist().post('/objects').query(true).reply(201, () => {
    n += 1;
    return { objectId: `obj-${n}` };
  });
  return () => {
    for (const [name, value] of [['ELASTICIO_OBJECT_STORAGE_URI', saved.uri], ['ELASTICIO_OBJECT_STORAGE_TOKEN', saved.token]]) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

module.exports = { toolboxMail, answerToolbox, platformStorage, STORAGE };
