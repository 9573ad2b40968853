'use strict';

// The tables behind spec/bad-input.spec.js: every input and configuration field of every step,
// and the credential fields, fed the wrong things. Each bad case says which field the error must
// name; each accepted case says exactly what must reach Graph instead.
//
// A case is { step, field, label, where, value, base?, names?, storage? }:
//   step   a step id of VALID_BODY (getNewMail, sendMail, replyToMail, createContact, ...)
//   where  'cfg'         value replaces cfg[field] (step configuration or credential field)
//          'body'        value replaces msg.body[field] (step input)
//          'message'     value replaces the whole msg.body
//          'attachments' value replaces msg.attachments
//   value  MISSING deletes the key
//   base   extra input merged into the step's valid input first (e.g. a start for end-before-start)
//   cfgBase extra configuration merged into the step's valid cfg first (e.g. authType application)
//   names  what the error message must contain (default: field)
//   says   a pattern the error message must match besides (the reason, where the field alone proves little)
//   storage(nock, seen) arms the platform storage host for attachment cases (accepted cases push
//          the request headers the storage host received into `seen`)

const MISSING = Symbol('missing');
const STORAGE = 'https://storage.platform.example.net';
const MB = 1024 * 1024;

/** A valid input per step: each case breaks exactly one field of it. */
const VALID_BODY = {
  getNewMail: {},
  getNewAndUpdatedEvents: {},
  getMailFolderChanges: {},
  getEventChanges: {},
  sendMail: { to: 'ann@example.com', subject: 'Status', body: 'Hello' },
  createEvent: { subject: 'Planning', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' },
  getMail: { messageId: 'AAMkMail1' },
  lookupMails: { subjectContains: 'invoice' },
  moveMail: { messageId: 'AAMkMail1', destinationFolderId: 'archive' },
  copyMail: { messageId: 'AAMkMail1', destinationFolderId: 'archive' },
  updateMail: { messageId: 'AAMkMail1', isRead: true },
  deleteMail: { messageId: 'AAMkMail1' },
  lookupFolder: { path: 'Inbox/Projects' },
  getUpcomingEvents: {},
  checkAvailability: { schedules: 'ann@example.com', start: '2026-03-10T09:00:00Z', end: '2026-03-10T17:00:00Z' },
  findMeetingTimes: { requiredAttendees: 'ann@example.com', start: '2026-03-10T09:00:00Z', end: '2026-03-12T17:00:00Z' },
  getNewAndUpdatedContacts: {},
  createContact: { givenName: 'Ann', emailAddresses: 'ann@example.com' },
  updateContact: { contactId: 'AAMkContact1=', jobTitle: 'CEO' },
  upsertContact: { emailAddress: 'ann@example.com', givenName: 'Ann' },
  lookupContact: { emailAddress: 'ann@example.com' },
  deleteContact: { contactId: 'AAMkContact1=' },
  getContactChanges: {},
  updateEvent: { eventId: 'AAMkEvent1=', subject: 'Renamed' },
  cancelEvent: { eventId: 'AAMkEvent1=' },
  respondToEvent: { eventId: 'AAMkEvent1=', response: 'accept' },
  getEvent: { eventId: 'AAMkEvent1=' },
  lookupEvents: { windowStart: '2026-03-01', windowEnd: '2026-04-01' },
  replyToMail: { messageId: 'AAMkMail1=', body: 'Thanks' },
  forwardMail: { messageId: 'AAMkMail1=', to: 'ann@example.com', body: 'FYI' },
  createDraft: { to: 'ann@example.com', subject: 'Status', body: 'Hello' },
  sendDraft: { messageId: 'AAMkDraft1=' },
};
const VALID_CFG = {
  getNewMail: { startTime: '2026-11-27T07:00:00Z' },
  getNewAndUpdatedEvents: { startTime: '2026-11-27T07:00:00Z', timeZone: 'Europe/Berlin' },
  getMailFolderChanges: { startTime: '2026-11-27T07:00:00Z', changeTypes: ['created'] },
  getEventChanges: { startTime: '2026-11-27T07:00:00Z', pastDays: 30, futureDays: 365, timeZone: 'Europe/Berlin' },
  sendMail: {},
  createEvent: {},
  getMail: {},
  lookupMails: {},
  moveMail: {},
  copyMail: {},
  updateMail: {},
  deleteMail: {},
  lookupFolder: {},
  getUpcomingEvents: { minutesBefore: 15, timeZone: 'Europe/Berlin' },
  checkAvailability: {},
  findMeetingTimes: {},
  getNewAndUpdatedContacts: { startTime: '2026-11-27T07:00:00Z' },
  createContact: {},
  updateContact: {},
  upsertContact: {},
  lookupContact: {},
  deleteContact: {},
  getContactChanges: { startTime: '2026-11-27T07:00:00Z' },
  updateEvent: {},
  cancelEvent: {},
  respondToEvent: {},
  getEvent: {},
  lookupEvents: {},
  replyToMail: {},
  forwardMail: {},
  createDraft: {},
  sendDraft: {},
};
const STEPS = Object.keys(VALID_BODY);

/**
 * What a correct refusal must contain besides the field: words that say what is accepted or what
 * to do. A bare diagnosis ("could not be downloaded", "is invalid") does not count.
 */
const HINT = /\b(must|use|expected|at most|required|accepted|pick|allowed|give|write|add|choose|connect|set|needs|e\.g\.|attach|send fewer|longer than|retry|check)\b/i;

const cases = [];
function bad(step, where, field, label, value, extra = {}) {
  cases.push({ step, where, field, label, value, names: field, ...extra });
}

// ---- value families -------------------------------------------------------------------------

/** Wrong JSON types; `falsy` adds 0 and false, which must not be mistaken for "empty". */
const WRONG_TYPES = [
  ['a number', 42],
  ['the number 0', 0],
  ['a list', ['x']],
  ['an empty list', []],
  ['an object', { a: 1 }],
  ['an empty object', {}],
  ['true', true],
  ['false', false],
];
const wrongTypes = (...skip) => WRONG_TYPES.filter(([label]) => !skip.includes(label));

const CONTROL = [
  ['a NUL byte', 'x\u0000y'],
  ['a line break', 'x\r\ny'],
  ['a tab', 'x\ty'],
  ['an escape character', 'x\u001by'],
  ['DEL', 'x\u007fy'],
];

/** OData and URL syntax; for ids, the ones without a space, # or % are legitimate (see the accepted table). */
const ODATA_INJECTION = [
  ["OData: ' or 1 eq 1", "' or 1 eq 1"],
  ['OData: a closing quote and or', "x' or isRead eq true or 'a' eq 'a"],
  ['OData: &$filter=', 'x&$filter=isRead eq true'],
  ['OData: &$top=1', 'x&$top=1'],
  ['OData: a hash', 'x#frag'],
  ['OData: a percent sign', 'x%20y'],
  ['OData: a double quote', 'x"y'],
];
const ODATA_IN_IDS = ODATA_INJECTION.filter(([, value]) => /[\s#%]/.test(value));

const BAD_INSTANTS = [
  ['a word', 'yesterday'],
  ['month 13', '2026-13-01T00:00:00Z'],
  ['February 30', '2026-02-30T00:00:00Z'],
  ['hour 24', '2026-03-10T24:00:00Z'],
  ['minute 60', '2026-03-10T09:60:00Z'],
  ['day/month/year', '10/03/2026 09:00'],
  ['month/day/year', '03/10/2026'],
  ['a single-digit month', '2026-3-10T09:00:00Z'],
  ['basic ISO without dashes', '20260310T090000Z'],
  ['an offset of +25:00', '2026-03-10T09:00:00+25:00'],
  ['a year 0001', '0001-01-01T00:00:00Z'],
  ['a year 9999', '9999-12-31T00:00:00Z'],
  ['epoch millis as text', '1773133200000'],
  ['an RFC 2822 date', 'Tue, 10 Mar 2026 09:00:00 GMT'],
  ['a date-time with a trailing word', '2026-03-10T09:00:00Z tomorrow'],
  ['an OData tail', "2026-03-10T09:00:00Z' or 1 eq 1"],
  ['an & tail', '2026-03-10T09:00:00Z&$top=1'],
  ['a # tail', '2026-03-10T09:00:00Z#x'],
  ['an encoded offset', '2026-03-10T09:00:00%2B01:00'],
  ['$filter=', '$filter=receivedDateTime ge 2026-01-01T00:00:00Z'],
  ['a control character', '2026-03-10T09:00:00\u0000Z'],
  ['DEL', '2026-03-10T09:00:00Z\u007f'],
  ['a 1 MB text', `2026-03-10T09:00:00Z${'9'.repeat(MB)}`],
];

const PATH_TRICKS = [
  ['../', '../inbox'],
  ['..', '..'],
  ['.', '.'],
  ['a .. in the middle', 'AAMk..AAA'],
  ['a trailing /..', 'AAMk/..'],
  ['?', 'inbox?$top=1'],
  ['# ', 'inbox#x'],
  ['%2e%2e', '%2e%2e'],
  ['%2F', 'AAMk%2F..%2Fx'],
  ['%00', 'inbox%00'],
  ['a backslash', 'AAMk\\..\\x'],
  ['a space', 'in box'],
  ['a NUL byte', 'inbox\u0000'],
  ['a line break', 'inbox\r\nX-Injected: 1'],
  ['a tab', 'in\tbox'],
  ['DEL', 'inbox\u007f'],
  ['a 600-character id', 'A'.repeat(600)],
  ['a 1 MB id', 'A'.repeat(MB)],
  ["' or 1 eq 1", "' or 1 eq 1"],
  ['?$filter=', '?$filter=isRead eq false'],
  ['a percent sign', 'AAMk%AA'],
  ['only spaces', '   '],
];

const BAD_ZONES = [
  ['an unknown IANA name', 'Mars/Olympus_Mons'],
  ['an abbreviation', 'CEST'],
  ['PST', 'PST'],
  ['a fixed offset', '+01:00'],
  ['UTC+1', 'UTC+1'],
  ['GMT+2', 'GMT+2'],
  ['a Java-era three-letter id', 'BST'],
  ['a SystemV zone', 'SystemV/EST5'],
  ['a path trick', 'Europe/../Berlin'],
  ['an OData injection', "Europe/Berlin' or 1 eq 1"],
  ['a quote for the Prefer header', 'Europe/Berlin", odata.maxpagesize=1'],
  ['a line break', 'Europe/Berlin\r\nX-Injected: 1'],
  ['DEL', 'Europe/Berlin\u007f'],
  ['a 1 MB name', `Europe/${'B'.repeat(MB)}`],
  ['only spaces', '   '],
  ...ODATA_INJECTION,
];

const BAD_ADDRESSES = [
  ['a bare word', 'ann'],
  ['no domain', 'ann@'],
  ['no local part', '@example.com'],
  ['no dot in the domain', 'ann@localhost'],
  ['two @', 'ann@@example.com'],
  ['a space inside', 'ann smith@example.com'],
  ['two dots in the domain', 'ann@example..com'],
  ['a leading hyphen in the domain', 'ann@-example.com'],
  ['a one-letter TLD', 'ann@example.c'],
  ['an IP literal', 'ann@[10.0.0.1]'],
  ['an unclosed angle bracket', 'Ann <ann@example.com'],
  ['an unclosed quote', '"Ann <ann@example.com>'],
  ['an unquoted semicolon in the name', 'Doe; John <john@example.com>'],
  ['a header injection', 'ann@example.com\r\nBcc: eve@example.com'],
  ['a NUL byte', 'ann@exa\u0000mple.com'],
  ['DEL', 'ann@exa\u007fmple.com'],
  ['a domain IDNA refuses', 'ann@bücher.xn--zz'],
  ['an address of 300 characters', `${'a'.repeat(60)}@${'b'.repeat(236)}.com`],
  ['a 1 MB address', `${'a'.repeat(MB)}@example.com`],
  ['(at) instead of @', 'ann(at)example.com'],
  ['a URL', 'mailto:ann@example.com?subject=x'],
];

// ---- credential fields: through every step --------------------------------------------------

for (const step of STEPS) {
  for (const [label, value] of [
    ...wrongTypes(),
    ['a path trick', 'common/../evil'],
    ['..', '..'],
    ['a query', 'common?x=1'],
    ['a hash', 'common#x'],
    ['%2e%2e', '%2e%2e'],
    ['a space', 'contoso onmicrosoft.com'],
    ['a line break', 'common\r\nX-Injected: 1'],
    ["' or 1 eq 1", "common' or 1 eq 1"],
    ...ODATA_INJECTION,
    ['a URL', 'https://login.microsoftonline.com/common'],
    ['a leading hyphen', '-contoso.example'],
    ['a 600-character domain', `${'a'.repeat(596)}.com`],
    ['a 600-character word', 't'.repeat(600)],
  ]) bad(step, 'cfg', 'tenantId', label, value);

  for (const [label, value] of [
    ['missing', MISSING],
    ['null', null],
    ['empty text', ''],
    ['a bare access token as text', 'at-abc'],
    ...wrongTypes(),
    ['an object with a numeric access_token', { access_token: 42, refresh_token: 'rt' }],
    ['an object with a null access_token', { access_token: null, refresh_token: 'rt' }],
    ['an object with only a refresh token', { refresh_token: 'rt-only' }],
    ['an empty access_token and no refresh token', { access_token: '' }],
    ['an access_token with a line break', { access_token: 'at\r\nX-Injected: 1' }],
  ]) bad(step, 'cfg', 'oauth', label, value, { names: /oauth/i });
}

// ---- the mailbox field and the credential fields of this issue: through every step --------------

const APP_TENANT = { authType: 'application', tenantId: 'contoso.onmicrosoft.com', mailbox: 'info@contoso.com' };
const BAD_MAILBOXES = [
  ...wrongTypes(),
  ['a display name with the address', 'Info <info@contoso.com>'],
  ['two addresses', 'info@contoso.com, sales@contoso.com'],
  ['two addresses with a semicolon', 'info@contoso.com;sales@contoso.com'],
  ['a bare word', 'info'],
  ['no dot in the domain', 'info@localhost'],
  ['a quoted local part', '"info desk"@contoso.com'],
  ['a path trick', '../me'],
  ['a path after the domain', 'info@contoso.com/../../me'],
  ['a query', 'info@contoso.com?$top=1'],
  ['a hash', 'info@contoso.com#x'],
  ['a header injection', 'info@contoso.com\r\nX-Injected: 1'],
  ['a NUL byte', 'info@conto\u0000so.com'],
  ['DEL', 'info@contoso.com\u007f'],
  ['a GUID cut short', '0b2c5d5e-1f2a-4b3c-9d8e'],
  ['a GUID in braces', '{0b2c5d5e-1f2a-4b3c-9d8e-7f6a5b4c3d2e}'],
  ['a URL', 'https://outlook.office.com/mail/info@contoso.com'],
  ['a 300-character address', `${'a'.repeat(60)}@${'b'.repeat(236)}.com`],
  ['a 1 MB text', `${'m'.repeat(MB)}@contoso.com`],
  ...ODATA_INJECTION,
];
for (const step of STEPS) {
  for (const [label, value] of BAD_MAILBOXES) bad(step, 'cfg', 'mailbox', label, value);
  for (const [label, value] of [['missing', MISSING], ['empty text', ''], ['only spaces', '   '], ['null', null]]) {
    bad(step, 'cfg', 'mailbox', `${label}, with an application credential`, value, { cfgBase: APP_TENANT, says: /required with an application credential/ });
  }

  for (const [label, value] of [...wrongTypes(), ['app-only', 'app-only'], ['client_credentials', 'client_credentials'], ['user', 'user'], ['a line break', 'delegated\r\nX: 1'], ['1 MB', 'd'.repeat(MB)]]) {
    bad(step, 'cfg', 'authType', label, value);
  }
  for (const [label, value] of [...wrongTypes(), ['gcchigh', 'gcchigh'], ['usgovhigh', 'usgovhigh'], ['a host name', 'graph.microsoft.us'], ['germany', 'germany'], ['a line break', 'global\r\nX: 1']]) {
    bad(step, 'cfg', 'cloud', label, value);
  }
  for (const [label, value, cfgBase] of [
    ...wrongTypes(),
    ['a URL', 'https://login.microsoftonline.com'],
    ['a trailing slash', 'login.microsoftonline.com/'],
    ['a look-alike host', 'login.microsoftonline.com.evil.example'],
    ['the China host the Graph docs list (an alias)', 'login.chinacloudapi.cn'],
    ['a host with a path', 'login.microsoftonline.com/common'],
    ['a line break', 'login.microsoftonline.com\r\nX: 1'],
    ['the global host for the usgov cloud', 'login.microsoftonline.com', { cloud: 'usgov' }],
    ['the US host for the china cloud', 'login.microsoftonline.us', { cloud: 'china' }],
    ['missing, for the usgovdod cloud', MISSING, { cloud: 'usgovdod' }],
  ]) bad(step, 'cfg', 'loginHost', label, value, cfgBase ? { cfgBase } : {});

  for (const [label, value] of [['not a GUID', 'my-app'], ['a GUID with a path', '11111111-2222-3333-4444-555555555555/..'], ...wrongTypes()]) {
    bad(step, 'cfg', 'clientId', `${label}, with an application credential`, value, { cfgBase: { ...APP_TENANT, clientSecret: 'own~secret.value' } });
  }
  bad(step, 'cfg', 'clientId', 'set on a delegated credential', '11111111-2222-3333-4444-555555555555', { cfgBase: { clientSecret: 'own~secret.value' } });
  for (const [label, value] of [['with a space', 'own secret'], ['with a line break', 'own\nsecret'], ['over 1024 characters', 's'.repeat(1025)], ...wrongTypes()]) {
    bad(step, 'cfg', 'clientSecret', `${label}, with an application credential`, value, { cfgBase: { ...APP_TENANT, clientId: '11111111-2222-3333-4444-555555555555' } });
  }
  bad(step, 'cfg', 'clientSecret', 'missing, with a client id', MISSING, { cfgBase: { ...APP_TENANT, clientId: '11111111-2222-3333-4444-555555555555' } });
  bad(step, 'cfg', 'clientSecret', 'set on a delegated credential', 'own~secret.value');
  for (const tenant of ['common', 'organizations', 'consumers', MISSING]) {
    bad(step, 'cfg', 'tenantId', `${tenant === MISSING ? 'missing' : tenant}, with an application credential`, tenant, { cfgBase: APP_TENANT, says: /application credential needs your directory \(tenant\) id/ });
  }
  bad(step, 'cfg', 'tenantId', 'consumers in the usgov cloud', 'consumers', { cfgBase: { cloud: 'usgov', loginHost: 'login.microsoftonline.us' }, says: /only in the global cloud/ });
}
bad('createEvent', 'body', 'isOnlineMeeting', 'true in the china cloud', true, { cfgBase: { ...APP_TENANT, cloud: 'china', loginHost: 'login.partner.microsoftonline.cn' }, says: /china cloud offers no Microsoft Teams meetings/ });

for (const [label, value] of [
  ...wrongTypes('an empty list'),
  ['two addresses', 'sales@contoso.com, ceo@contoso.com'],
  ['a list of two addresses', ['sales@contoso.com', 'ceo@contoso.com']],
  ['an object without address', { name: 'Sales' }],
  ...BAD_ADDRESSES.filter((_, i) => i % 2 === 0),
]) bad('sendMail', 'body', 'from', label, value);

// ---- getNewMail ------------------------------------------------------------------------------

for (const step of ['getNewMail', 'getMailFolderChanges']) {
  for (const [label, value] of [...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad(step, 'cfg', 'folderId', label, value);
}
for (const step of ['getNewMail', 'getNewAndUpdatedEvents', 'getMailFolderChanges', 'getEventChanges']) {
  for (const [label, value] of [...wrongTypes(), ['only spaces', '   '], ...BAD_INSTANTS, ...ODATA_INJECTION, ['a local time without offset', '2026-03-10T09:00:00']]) {
    bad(step, 'cfg', 'startTime', label, value);
  }
}
for (const [label, value] of [...wrongTypes('false', 'true'), ['1', '1'], ['yes', 'yes'], ['no', 'no'], ['maybe', 'maybe'], ['on', 'on'], ['a quoted true', '"true"'], ["true' or 1 eq 1", "true' or 1 eq 1"], ['a 1 MB text', 't'.repeat(MB)], ['true and a line break', 'true\r\nX: 1'], ...ODATA_INJECTION]) {
  bad('getNewMail', 'cfg', 'pollOnlyUnreadMail', label, value);
}

// ---- the delta triggers: which changes -------------------------------------------------------

for (const [label, value] of [
  ...wrongTypes('an empty list'),
  ['an object of flags', { created: true }],
  ['an unknown kind', 'moved'],
  ['a kind in the singular verb form', 'create'],
  ['all', 'all'],
  ['kinds separated by a semicolon', 'created;deleted'],
  ['a list holding a number', ['created', 3]],
  ['a list holding null', [null]],
  ['a list holding an unknown kind', ['created', 'archived']],
  ['eleven entries', Array.from({ length: 11 }, () => 'created')],
  ['a 1 MB text', 'c'.repeat(MB)],
  ['created and a line break', 'created\r\nX: 1'],
  ...ODATA_INJECTION,
]) {
  bad('getMailFolderChanges', 'cfg', 'changeTypes', label, value);
  bad('getEventChanges', 'cfg', 'changeTypes', label, value);
  bad('getContactChanges', 'cfg', 'changeTypes', label, value);
}

// ---- getEventChanges: the window -------------------------------------------------------------

for (const field of ['pastDays', 'futureDays']) {
  for (const [label, value] of [
    ...wrongTypes('a number', 'the number 0'),
    ['a negative number', -1],
    ['a negative number as text', '-1'],
    ['a fraction', 1.5],
    ['a fraction as text', '1.5'],
    ['a plus sign', '+5'],
    ['an exponent', '1e3'],
    ['hex', '0x10'],
    ['days as words', 'thirty'],
    ['days with a unit', '30d'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['1825 (with today, more than Outlook\'s view)', 1825],
    ['a huge number', 1e12],
    ['a 1 MB text', '9'.repeat(MB)],
    ['30 and a line break', '30\r\nX: 1'],
    ...ODATA_INJECTION,
  ]) bad('getEventChanges', 'cfg', field, label, value);
}
bad('getEventChanges', 'cfg', 'futureDays', 'together with Past days and today more than 1,825 days', 900, { cfgBase: { pastDays: 1000 }, says: /1901 days.*at most 1825/ });

// ---- getNewAndUpdatedEvents and createEvent: calendarId -------------------------------------

for (const step of ['getNewAndUpdatedEvents', 'getEventChanges', 'createEvent', 'getUpcomingEvents']) {
  for (const [label, value] of [...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad(step, 'cfg', 'calendarId', label, value);
}
for (const step of ['getNewAndUpdatedEvents', 'getEventChanges']) {
  for (const [label, value] of [...wrongTypes(), ...BAD_ZONES]) bad(step, 'cfg', 'timeZone', label, value);
}

// ---- sendMail ---------------------------------------------------------------------------------

const manyAddresses = (n) => Array.from({ length: n }, (_, i) => `r${i}@example.com`);
for (const [label, value] of [
  ['missing, with no cc or bcc', MISSING],
  ['null', null],
  ['empty text', ''],
  ['only separators', ' , ; '],
  ['only spaces', '   '],
  ...wrongTypes(),
  ['a list of empty strings', ['', ' ']],
  ['an object without address', { name: 'Ann' }],
  ['an object with a numeric address', { address: 42 }],
  ['an object with a numeric name', { address: 'ann@example.com', name: 42 }],
  ['a name with a line break', { address: 'ann@example.com', name: 'Ann\r\nBcc: eve@example.com' }],
  ['a list holding a number', ['ann@example.com', 7]],
  ['a list holding a list', [['ann@example.com']]],
  ['501 recipients', manyAddresses(501)],
  ['10,000 recipients as a list', manyAddresses(10000)],
  ['10,000 recipients as text', manyAddresses(10000).join(', ')],
  ...BAD_ADDRESSES,
]) bad('sendMail', 'body', 'to', label, value);

for (const field of ['cc', 'bcc']) {
  for (const [label, value] of [
    ...wrongTypes('an empty list'),
    ['an object without address', { name: 'Ann' }],
    ['a list holding a boolean', ['ann@example.com', true]],
    ['10,000 recipients', manyAddresses(10000)],
    ...BAD_ADDRESSES.filter((_, i) => i % 2 === 0),
  ]) bad('sendMail', 'body', field, label, value);
}
bad('sendMail', 'body', 'to', '250 in to and 251 in cc (over 500 together)', manyAddresses(250), { base: { cc: manyAddresses(251) } });

for (const [label, value] of [
  ...wrongTypes('an empty list'),
  ['11 addresses', manyAddresses(11)],
  ...BAD_ADDRESSES.filter((_, i) => i % 2 === 1),
]) bad('sendMail', 'body', 'replyTo', label, value);

for (const [label, value] of [...wrongTypes(), ['256 characters', 's'.repeat(256)], ['1 MB', 's'.repeat(MB)]]) bad('sendMail', 'body', 'subject', label, value);
for (const [label, value] of [...wrongTypes(), ['over 3 MB', 'b'.repeat(3 * MB + 1)]]) bad('sendMail', 'body', 'body', label, value);

const ENUM_JUNK = [...wrongTypes(), ['only spaces', '   '], ...ODATA_INJECTION.slice(0, 3), ['a 1 MB text', 'x'.repeat(MB)], ...CONTROL.slice(0, 2)];
for (const step of ['sendMail', 'createEvent']) {
  for (const [label, value] of [...ENUM_JUNK, ['markdown', 'markdown'], ['a MIME type', 'text/html'], ['plain', 'plain']]) bad(step, 'body', 'bodyContentType', label, value);
  for (const [label, value] of [...ENUM_JUNK, ['urgent', 'urgent'], ['a number as text', '1'], ['High!', 'High!']]) bad(step, 'body', 'importance', label, value);
}

const FLAG_JUNK = [...wrongTypes('true', 'false'), ['1', '1'], ['yes', 'yes'], ['maybe', 'maybe'], ['a 1 MB text', 't'.repeat(MB)], ['true and a line break', 'true\nfalse']];
for (const [label, value] of FLAG_JUNK) bad('sendMail', 'body', 'saveToSentItems', label, value);

const file = (name, props) => ({ [name]: props });
// The third column is the entry the error names: the whole field, or the one file.
for (const [label, value, field, storage] of [
  ['text', 'report.pdf', 'attachments'],
  ['a number', 42, 'attachments'],
  ['true', true, 'attachments'],
  ['a list', [{ url: `${STORAGE}/a` }], 'attachments'],
  ['151 files', Object.fromEntries(Array.from({ length: 151 }, (_, i) => [`f${i}.txt`, { url: `${STORAGE}/f${i}` }])), 'attachments'],
  ['a file that is null', file('a.txt', null), 'attachments["a.txt"]'],
  ['a file that is text', file('a.txt', `${STORAGE}/a`), 'attachments["a.txt"]'],
  ['a file missing its url', file('a.txt', { size: 10 }), 'attachments["a.txt"]'],
  ['an empty url', file('a.txt', { url: '' }), 'attachments["a.txt"]'],
  ['a numeric url', file('a.txt', { url: 42 }), 'attachments["a.txt"]'],
  ['a file: url', file('a.txt', { url: 'file:///etc/passwd' }), 'attachments["a.txt"]'],
  ['an ftp: url', file('a.txt', { url: 'ftp://storage.example/a' }), 'attachments["a.txt"]'],
  ['a relative url', file('a.txt', { url: '/objects/a' }), 'attachments["a.txt"]'],
  ['a javascript: url', file('a.txt', { url: 'javascript:alert(1)' }), 'attachments["a.txt"]'],
  ['a url with a space in its host', file('a.txt', { url: 'https://storage .example/a' }), 'attachments["a.txt"]'],
  ['a url with an IPv6 zone', file('a.txt', { url: 'http://[fe80::1%25eth0]/a' }), 'attachments["a.txt"]'],
  ['a url with an unclosed bracket', file('a.txt', { url: 'http://[::1/a' }), 'attachments["a.txt"]'],
  ['an empty file name', file('', { url: `${STORAGE}/a` }), 'attachments'],
  ['a file name with ../', file('../../etc/passwd', { url: `${STORAGE}/a` }), 'attachments'],
  ['a file name with a backslash', file('..\\a.txt', { url: `${STORAGE}/a` }), 'attachments'],
  ['a file name with a line break', file('a\r\n.txt', { url: `${STORAGE}/a` }), 'attachments'],
  ['a 300-character file name', file(`${'n'.repeat(296)}.txt`, { url: `${STORAGE}/a` }), 'attachments'],
  ['a negative size', file('a.txt', { url: `${STORAGE}/a`, size: -1 }), 'attachments["a.txt"]'],
  ['a size in words', file('a.txt', { url: `${STORAGE}/a`, size: 'big' }), 'attachments["a.txt"]'],
  ['a declared size of 100 MiB + 1 (over the default per-file limit)', file('big.bin', { url: `${STORAGE}/big`, size: 100 * MB + 1 }), 'attachments["big.bin"]'],
  ['a declared size of 1e9 as text', file('big.bin', { url: `${STORAGE}/big`, size: '1e9' }), 'attachments'],
  ['declared sizes over 150,000,000 bytes together (Graph\'s limit per mail)', { 'a.bin': { url: `${STORAGE}/a`, size: 80 * MB }, 'b.bin': { url: `${STORAGE}/b`, size: 80 * MB } }, 'attachments'],
  ['a file the storage answers 404 for', file('gone.pdf', { url: `${STORAGE}/gone`, size: 10 }), 'attachments["gone.pdf"]',
    (nock) => nock(STORAGE).get('/gone').reply(404, 'Not Found')],
  ['a file the storage answers 403 for (expired link)', file('old.pdf', { url: `${STORAGE}/old?sig=x` }), 'attachments["old.pdf"]',
    (nock) => nock(STORAGE).get('/old').query(true).reply(403, 'Request has expired')],
  ['a file the storage answers 500 for', file('err.pdf', { url: `${STORAGE}/err` }), 'attachments["err.pdf"]',
    (nock) => nock(STORAGE).get('/err').reply(500, 'oops')],
  ['a file whose download is reset', file('r.pdf', { url: `${STORAGE}/reset` }), 'attachments["r.pdf"]',
    (nock) => nock(STORAGE).get('/reset').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))],
  ['a file declared small but streamed over the room left in the request', file('big.bin', { url: `${STORAGE}/streamed`, size: 1000 }), 'attachments',
    (nock) => nock(STORAGE).get('/streamed').reply(200, Buffer.alloc(3 * MB + 1, 7))],
]) bad('sendMail', 'attachments', 'attachments', label, value, { file: field, storage });

// Internal addresses: nock would refuse the connection anyway, so the reason in the message is what
// shows the egress guard refused them (`says`).
for (const [label, value, field, storage] of [
  ['a file on the cloud metadata address', file('creds.json', { url: 'http://169.254.169.254/latest/meta-data/iam/' }), 'attachments["creds.json"]'],
  ['a file on a loopback address written as a number', file('a.txt', { url: 'http://2130706433/admin' }), 'attachments["a.txt"]'],
  ['a file on an IPv4-mapped loopback address', file('a.txt', { url: 'http://[::ffff:127.0.0.1]:8080/' }), 'attachments["a.txt"]'],
  ['a file on a private IPv6 address', file('a.txt', { url: 'http://[fd00:ec2::254]/latest/' }), 'attachments["a.txt"]'],
  ['a file the storage redirects to a private address', file('a.txt', { url: `${STORAGE}/moved` }), 'attachments["a.txt"]',
    (nock) => nock(STORAGE).get('/moved').reply(302, '', { Location: 'http://10.0.0.5/admin' })],
]) bad('sendMail', 'attachments', 'attachments', label, value, { file: field, storage, says: /refused to download from \S+: it is an? (loopback|private|link-local)/ });

for (const step of ['sendMail', 'createEvent']) {
  for (const [label, value] of [
    ['text', 'to: ann@example.com'],
    ['empty text', ''],
    ['JSON as text', JSON.stringify(VALID_BODY[step])],
    ['a list', [VALID_BODY[step]]],
    ['an empty list', []],
    ['a number', 42],
    ['the number 0', 0],
    ['true', true],
    ['false', false],
  ]) bad(step, 'message', 'body', label, value);
}

// ---- createEvent --------------------------------------------------------------------------------

for (const [label, value] of [
  ['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '   '],
  ...wrongTypes(), ['256 characters', 's'.repeat(256)], ['1 MB', 's'.repeat(MB)],
]) bad('createEvent', 'body', 'subject', label, value);
for (const [label, value] of [...wrongTypes(), ['over 1 MB', 'b'.repeat(MB + 1)]]) bad('createEvent', 'body', 'body', label, value);

for (const field of ['start', 'end']) {
  for (const [label, value] of [
    ['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '   '],
    ...wrongTypes(),
    ['epoch milliseconds', 1773133200000],
    ["Graph's {dateTime, timeZone} object", { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' }],
    ...BAD_INSTANTS,
    ['a local time without a time zone', field === 'start' ? '2026-03-10T09:00:00' : '2026-03-10T10:00:00'],
    ['a date alone for an event that is not all-day', '2026-03-10'],
  ]) bad('createEvent', 'body', field, label, value);
}
bad('createEvent', 'body', 'end', 'end before start', '2026-03-10T08:00:00Z');
bad('createEvent', 'body', 'end', 'end equal to start', '2026-03-10T09:00:00Z');
bad('createEvent', 'body', 'end', 'end before start once the offsets are applied', '2026-03-10T09:30:00+01:00');
bad('createEvent', 'body', 'end', 'end a year before start', '2025-03-10T10:00:00Z');
bad('createEvent', 'body', 'end', 'end before start in the chosen zone', '2026-03-10T08:00:00', { base: { start: '2026-03-10T09:00:00', timeZone: 'Europe/Berlin' } });
bad('createEvent', 'body', 'end', 'an all-day end before the all-day start', '2026-03-09', { base: { isAllDay: true, start: '2026-03-10' } });
bad('createEvent', 'body', 'end', 'an all-day end equal to the start', '2026-03-10', { base: { isAllDay: true, start: '2026-03-10' } });
bad('createEvent', 'body', 'start', 'an all-day start that is not midnight', '2026-03-10T09:00:00Z', { base: { isAllDay: true, end: '2026-03-11' } });
bad('createEvent', 'body', 'end', 'an all-day end that is not midnight', '2026-03-11T09:00:00Z', { base: { isAllDay: true, start: '2026-03-10' } });
bad('createEvent', 'body', 'start', 'a local time the clocks skip', '2026-03-29T02:30:00', { base: { end: '2026-03-29T04:00:00', timeZone: 'Europe/Berlin' } });

for (const [label, value] of [...wrongTypes(), ...BAD_ZONES]) {
  bad('createEvent', 'body', 'timeZone', label, value, { base: { start: '2026-03-10T09:00:00', end: '2026-03-10T10:00:00' } });
}
for (const field of ['isAllDay', 'isOnlineMeeting']) {
  for (const [label, value] of FLAG_JUNK) bad('createEvent', 'body', field, label, value);
}
for (const [label, value] of [...wrongTypes(), ['256 characters', 'l'.repeat(256)], ['1 MB', 'l'.repeat(MB)]]) bad('createEvent', 'body', 'location', label, value);

for (const [label, value] of [
  ...wrongTypes('an empty list'),
  ['an object without address', { name: 'Ann' }],
  ['an unknown attendee type', [{ address: 'ann@example.com', type: 'boss' }]],
  ['a numeric attendee type', [{ address: 'ann@example.com', type: 1 }]],
  ['a list holding a number', ['ann@example.com', 7]],
  ['501 attendees', manyAddresses(501)],
  ['10,000 attendees', manyAddresses(10000)],
  ...BAD_ADDRESSES,
]) bad('createEvent', 'body', 'attendees', label, value);
for (const field of ['requiredAttendees', 'optionalAttendees', 'resourceAttendees']) {
  for (const [label, value] of [
    ...wrongTypes('an empty list'),
    ['an object without address', { name: 'Ann' }],
    ['a list holding a number', ['ann@example.com', 7]],
    ['501 attendees', manyAddresses(501)],
    ...BAD_ADDRESSES.filter((_, i) => i % 3 === 0),
  ]) bad('createEvent', 'body', field, label, value);
}
bad('createEvent', 'body', 'optionalAttendees', 'an address that requiredAttendees already holds', 'Ann <ANN@example.com>', { base: { requiredAttendees: 'ann@example.com' } });
bad('createEvent', 'body', 'attendees', 'an address that resourceAttendees holds, listed as required', 'room@example.com', { base: { resourceAttendees: 'room@example.com' } });

for (const step of ['createEvent']) {
  for (const [label, value] of [...ENUM_JUNK, ['away', 'away'], ['out of office spelled out', 'out of office'], ['a number as text', '2']]) bad(step, 'body', 'showAs', label, value);
  for (const [label, value] of [...ENUM_JUNK, ['secret', 'secret'], ['public', 'public']]) bad(step, 'body', 'sensitivity', label, value);
}
for (const [label, value] of [
  ...wrongTypes('a number', 'the number 0'),
  ['1e9', 1e9],
  ['1e9 as text', '1000000000'],
  ['-1', -1],
  ['40321 (over four weeks)', 40321],
  ['2.5', 2.5],
  ['ten', 'ten'],
  ['15 minutes', '15 minutes'],
  ['1e3 as text', '1e3'],
  ['a hex number', '0x10'],
  ['beyond Number.MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER + 3],
  ['a list holding a number', [15]],
  ...ODATA_INJECTION.slice(0, 3),
]) bad('createEvent', 'body', 'reminderMinutesBeforeStart', label, value);

for (const [label, value] of [
  ...wrongTypes('a list', 'an empty list'),
  ['a list holding a number', ['Blue', 3]],
  ['a list holding null', [null]],
  ['a list holding an object', [{ name: 'Blue' }]],
  ['26 categories', Array.from({ length: 26 }, (_, i) => `c${i}`)],
  ['26 categories as text', Array.from({ length: 26 }, (_, i) => `c${i}`).join(',')],
  ['a 256-character category', ['c'.repeat(256)]],
  ['a 1 MB category', 'c'.repeat(MB)],
]) bad('createEvent', 'body', 'categories', label, value);

// ---- the mail toolbox: getMail, lookupMails, moveMail, copyMail, updateMail, deleteMail, lookupFolder ----

const MESSAGE_STEPS = ['moveMail', 'copyMail', 'updateMail', 'deleteMail', 'getMail'];
for (const step of MESSAGE_STEPS) {
  const missing = step === 'getMail' ? [] : [['missing', MISSING], ['null', null], ['empty text', '']];
  for (const [label, value] of [...missing, ...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad(step, 'body', 'messageId', label, value);
}
bad('getMail', 'body', 'messageId', 'missing, and no internetMessageId either', MISSING);
for (const [label, value] of [
  ...wrongTypes(), ['only spaces', '   '], ['a space inside', '<a b@example.com>'], ['a line break', '<a@b.c>\r\nX: 1'], ['a NUL byte', '<a\u0000@b.c>'],
  ['angle brackets inside', '<a<b>@c.d>'], ['a 1 MB text', `<${'i'.repeat(MB)}@b.c>`],
]) bad('getMail', 'body', 'internetMessageId', label, value, { base: { messageId: MISSING } });
bad('getMail', 'body', 'internetMessageId', 'bad even when messageId is given (it is not silently ignored)', 'a b');
for (const field of ['storeAttachments', 'exportMime']) for (const [label, value] of FLAG_JUNK) bad('getMail', 'cfg', field, label, value);
for (const [label, value] of FLAG_JUNK) bad('getNewMail', 'cfg', 'storeAttachments', label, value);
for (const step of ['getNewMail', 'lookupMails']) {
  for (const [label, value] of [...ENUM_JUNK, ['page', 'page'], ['individually', 'individually']]) bad(step, 'cfg', 'emitBehaviour', label, value);
}

for (const step of ['moveMail', 'copyMail']) {
  for (const [label, value] of [...wrongTypes(), ...PATH_TRICKS.filter(([l]) => l !== 'only spaces'), ...ODATA_IN_IDS]) {
    bad(step, 'body', 'destinationFolderId', label, value);
    bad(step, 'cfg', 'destinationFolderId', label, value, { base: { destinationFolderId: MISSING } });
  }
  bad(step, 'body', 'destinationFolderId', 'missing, with neither a path nor a folder picked', MISSING);
  for (const [label, value] of [
    ...wrongTypes(), ['only slashes', '//'], ['an empty level', 'Inbox//Projects'], ['a line break', 'Inbox/Pro\r\njects'], ['a NUL byte', 'Inbox/\u0000'],
    ['33 levels', Array.from({ length: 33 }, (_, i) => `L${i}`).join('/')], ['a 256-character name', `Inbox/${'n'.repeat(256)}`], ['a 1 MB path', `Inbox/${'p'.repeat(MB)}`],
  ]) bad(step, 'body', 'destinationFolderPath', label, value, { base: { destinationFolderId: MISSING } });
  bad(step, 'body', 'destinationFolderPath', 'bad even when destinationFolderId is given (it is not silently ignored)', 'Inbox//x');
}

for (const [label, value] of FLAG_JUNK) bad('deleteMail', 'body', 'permanent', label, value);
for (const [label, value] of FLAG_JUNK) bad('deleteMail', 'cfg', 'errorIfNotFound', label, value);
for (const [cloud, loginHost] of [['usgov', 'login.microsoftonline.us'], ['usgovdod', 'login.microsoftonline.us'], ['china', 'login.partner.microsoftonline.cn']]) {
  bad('deleteMail', 'body', 'permanent', `true in the ${cloud} cloud (Graph offers permanentDelete in the global cloud only)`, true, { cfgBase: { ...APP_TENANT, cloud, loginHost }, says: /global cloud only/ });
}

for (const [label, value] of FLAG_JUNK) bad('updateMail', 'body', 'isRead', label, value);
bad('updateMail', 'message', 'isRead', 'nothing to change (only messageId)', { messageId: 'AAMkMail1' }, { says: /nothing to change/ });
for (const [label, value] of [...ENUM_JUNK, ['done', 'done'], ['unflagged', 'unflagged']]) bad('updateMail', 'body', 'flagStatus', label, value);
for (const [label, value] of [...wrongTypes(), ...BAD_INSTANTS, ['a local time without offset', '2026-03-10T09:00:00']]) bad('updateMail', 'body', 'flagDueDate', label, value);
for (const [label, value] of [...ENUM_JUNK, ['urgent', 'urgent']]) bad('updateMail', 'body', 'importance', label, value);
for (const [label, value] of [...ENUM_JUNK, ['append', 'append'], ['set', 'set']]) bad('updateMail', 'body', 'categoriesMode', label, value, { base: { categories: 'Red' } });
for (const [label, value] of [
  ...wrongTypes('a list', 'an empty list'),
  ['a list holding a number', ['Blue', 3]],
  ['a list holding null', [null]],
  ['26 categories', Array.from({ length: 26 }, (_, i) => `c${i}`)],
  ['a 256-character category', ['c'.repeat(256)]],
  ['a category with a line break', ['Red\r\nX']],
]) {
  bad('updateMail', 'body', 'categories', label, value);
  bad('lookupMails', 'body', 'categories', label, value);
}
for (const mode of ['add', 'remove']) bad('updateMail', 'body', 'categories', `an empty list to ${mode}`, [], { base: { categoriesMode: mode } });

for (const [label, value] of [
  ...wrongTypes(), ['only spaces', '   '], ['an unpaired double quote', 'subject:"annual report'], ['a line break', 'from:ann\r\nX: 1'],
  ['a NUL byte', 'from:ann\u0000'], ['1,001 characters', 'q'.repeat(1001)],
]) bad('lookupMails', 'body', 'searchQuery', label, value);
for (const [label, value] of [...wrongTypes('an empty list'), ['two addresses', 'ann@example.com, bob@example.com'], ...BAD_ADDRESSES.filter((_, i) => i % 2 === 0)]) {
  bad('lookupMails', 'body', 'from', label, value);
}
for (const [label, value] of [...wrongTypes(), ['256 characters', 's'.repeat(256)]]) bad('lookupMails', 'body', 'subjectContains', label, value);
for (const field of ['receivedAfter', 'receivedBefore']) {
  for (const [label, value] of [...wrongTypes(), ...BAD_INSTANTS, ['a local time without offset', '2026-03-10T09:00:00']]) bad('lookupMails', 'body', field, label, value);
}
bad('lookupMails', 'body', 'receivedBefore', 'before receivedAfter', '2026-03-01T00:00:00Z', { base: { receivedAfter: '2026-03-02T00:00:00Z' } });
bad('lookupMails', 'body', 'receivedBefore', 'equal to receivedAfter', '2026-03-01T00:00:00Z', { base: { receivedAfter: '2026-03-01T00:00:00Z' } });
for (const field of ['isRead', 'hasAttachments']) for (const [label, value] of FLAG_JUNK) bad('lookupMails', 'body', field, label, value);
for (const [label, value] of [...ENUM_JUNK, ['urgent', 'urgent']]) bad('lookupMails', 'body', 'importance', label, value);
for (const [label, value] of [
  ...wrongTypes('a number'), ['0', 0], ['-1', -1], ['100,001', 100001], ['2.5', 2.5], ['ten', 'ten'], ['1e3 as text', '1e3'],
]) bad('lookupMails', 'body', 'maxResults', label, value);
bad('lookupMails', 'body', 'maxResults', '1,001 with a search query (Graph returns at most 1,000)', 1001, { base: { searchQuery: 'invoice' }, says: /at most 1000/ });
for (const [label, value] of [...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad('lookupMails', 'cfg', 'folderId', label, value);

for (const [label, value] of [
  ['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '   '], ['only a slash', '/'], ...wrongTypes(),
  ['an empty level', 'Inbox//Projects'], ['a line break', 'Inbox\r\nX'], ['a tab', 'Inbox/\tx'], ['DEL', 'Inbox/\u007f'],
  ['33 levels', Array.from({ length: 33 }, (_, i) => `L${i}`).join('/')], ['a 256-character name', `Inbox/${'n'.repeat(256)}`], ['a 1 MB path', 'p'.repeat(MB)],
]) bad('lookupFolder', 'body', 'path', label, value);
for (const [label, value] of FLAG_JUNK) bad('lookupFolder', 'cfg', 'createMissing', label, value);
// ---- getUpcomingEvents, checkAvailability, findMeetingTimes ---------------------------------------

/** Whole numbers of minutes: the junk, and `max + 1`. */
const minutesJunk = (max) => [
  ...wrongTypes('a number', 'the number 0'),
  ['-1', -1], [`${max + 1}`, max + 1], [`${max + 1} as text`, String(max + 1)], ['1.5', 1.5], ['ten', 'ten'], ['15 minutes', '15 minutes'],
  ['1e3 as text', '1e3'], ['a hex number', '0x10'], ['beyond Number.MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER + 3], ['a list holding a number', [15]], ...ODATA_INJECTION.slice(0, 3),
];
for (const [label, value] of minutesJunk(1440)) {
  bad('getUpcomingEvents', 'cfg', 'minutesBefore', label, value);
  bad('getUpcomingEvents', 'cfg', 'graceMinutes', label, value);
}
for (const [label, value] of [...wrongTypes(), ...BAD_ZONES]) bad('getUpcomingEvents', 'cfg', 'timeZone', label, value);

for (const step of ['checkAvailability', 'findMeetingTimes']) {
  for (const [label, value] of [
    ['text', 'start: 2026-03-10'], ['empty text', ''], ['JSON as text', JSON.stringify(VALID_BODY[step])], ['a list', [VALID_BODY[step]]],
    ['an empty list', []], ['a number', 42], ['the number 0', 0], ['true', true], ['false', false],
  ]) bad(step, 'message', 'body', label, value);
  for (const field of ['start', 'end']) {
    for (const [label, value] of [
      ['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '   '], ...wrongTypes(),
      ['epoch milliseconds', 1773133200000], ["Graph's {dateTime, timeZone} object", { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' }],
      ...BAD_INSTANTS, ['a local time without a time zone', '2026-03-10T12:00:00'], ['a date alone', '2026-03-11'],
    ]) bad(step, 'body', field, label, value);
  }
  bad(step, 'body', 'end', 'end before start', '2026-03-10T08:00:00Z');
  bad(step, 'body', 'end', 'end equal to start', '2026-03-10T09:00:00Z');
  bad(step, 'body', 'end', 'end before start once the offsets are applied', '2026-03-10T09:30:00+01:00');
  bad(step, 'body', 'end', 'end 62 days and a second after start (Graph\'s limit)', '2026-05-11T09:00:01Z');
  bad(step, 'body', 'end', 'end a year after start', '2027-03-10T09:00:00Z');
  bad(step, 'body', 'end', 'end before start in the chosen zone', '2026-03-10T08:00:00', { base: { start: '2026-03-10T09:00:00', timeZone: 'Europe/Berlin' } });
  bad(step, 'body', 'start', 'a local time the clocks skip', '2026-03-29T02:30:00', { base: { end: '2026-03-29T04:00:00', timeZone: 'Europe/Berlin' } });
  for (const [label, value] of [...wrongTypes(), ...BAD_ZONES]) {
    bad(step, 'body', 'timeZone', label, value, { base: { start: '2026-03-10T09:00:00', end: '2026-03-10T17:00:00' } });
  }
}

for (const [label, value] of [
  ['missing', MISSING], ['null', null], ['empty text', ''], ['only separators', ' , ; '], ...wrongTypes(),
  ['an object without address', { name: 'Ann' }], ['a list holding a number', ['ann@example.com', 7]],
  ['101 addresses (Graph takes 100)', manyAddresses(101)], ['10,000 addresses as text', manyAddresses(10000).join(', ')],
  ...BAD_ADDRESSES,
]) bad('checkAvailability', 'body', 'schedules', label, value);
for (const [label, value] of [
  ...wrongTypes('a number'), ['0', 0], ['4 (Graph takes 5 to 1440)', 4], ['1441', 1441], ['-30', -30], ['7.5', 7.5], ['thirty', 'thirty'], ['30 min', '30 min'],
  ['longer than the window', 600], ...ODATA_INJECTION.slice(0, 3),
]) bad('checkAvailability', 'body', 'intervalMinutes', label, value);

for (const field of ['requiredAttendees', 'optionalAttendees', 'resourceAttendees']) {
  for (const [label, value] of [
    ...wrongTypes('an empty list'), ['an object without address', { name: 'Ann' }], ['a list holding a number', ['bob@example.com', 7]],
    ['101 attendees (Graph suggests nothing past 100)', manyAddresses(101)], ...BAD_ADDRESSES.filter((_, i) => i % 3 === 1),
  ]) bad('findMeetingTimes', 'body', field, label, value, field === 'requiredAttendees' ? {} : { base: { requiredAttendees: undefined } });
}
bad('findMeetingTimes', 'body', 'optionalAttendees', '60 optional beside 41 required (over 100 together)', manyAddresses(60), { base: { requiredAttendees: manyAddresses(101).slice(60) } });
bad('findMeetingTimes', 'body', 'resourceAttendees', 'an address that requiredAttendees already holds', 'ANN@example.com');
for (const [label, value] of [...wrongTypes('a number'), ['0', 0], ['4', 4], ['1441', 1441], ['90.5', 90.5], ['an hour', 'an hour'], ['PT1H', 'PT1H']]) {
  bad('findMeetingTimes', 'body', 'durationMinutes', label, value);
}
bad('findMeetingTimes', 'body', 'durationMinutes', 'longer than the window', 600, { base: { end: '2026-03-10T18:00:00Z' } });
for (const [label, value] of [...ENUM_JUNK, ['leisure', 'leisure'], ['unknown (Graph deprecates it)', 'unknown'], ['working hours', 'working hours']]) bad('findMeetingTimes', 'body', 'activityDomain', label, value);
for (const [label, value] of [...wrongTypes('a number', 'the number 0'), ['0', 0], ['101', 101], ['-1', -1], ['2.5', 2.5], ['five', 'five']]) bad('findMeetingTimes', 'body', 'maxCandidates', label, value);
for (const [label, value] of [...wrongTypes('a number', 'the number 0'), ['101', 101], ['-1', -1], ['50.5', 50.5], ['80%', '80%'], ['most', 'most']]) bad('findMeetingTimes', 'body', 'minimumAttendeePercentage', label, value);
for (const [label, value] of FLAG_JUNK) bad('findMeetingTimes', 'body', 'isOrganizerOptional', label, value);
bad('findMeetingTimes', 'cfg', 'authType', 'application: Graph offers findMeetingTimes to signed-in users only', 'application', {
  cfgBase: APP_TENANT, names: 'authType', says: /needs a delegated credential/,
});
// ---- the contact steps -----------------------------------------------------------------------

const CONTACT_STEPS = ['createContact', 'updateContact', 'upsertContact'];
const TEXT_JUNK = [...wrongTypes(), ...CONTROL, ['256 characters', 't'.repeat(256)], ['1 MB', 't'.repeat(MB)]];
for (const step of ['getNewAndUpdatedContacts', 'getContactChanges', 'createContact', 'upsertContact', 'lookupContact']) {
  for (const [label, value] of [...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad(step, 'cfg', 'contactFolderId', label, value);
}
for (const step of ['updateContact', 'deleteContact']) {
  for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', ''], ...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad(step, 'body', 'contactId', label, value);
}
for (const [label, value] of [...wrongTypes(), ['only spaces', '   '], ...BAD_INSTANTS, ...ODATA_INJECTION, ['a local time without offset', '2026-03-10T09:00:00']]) {
  bad('getNewAndUpdatedContacts', 'cfg', 'startTime', label, value);
  bad('getContactChanges', 'cfg', 'startTime', label, value);
}
for (const [label, value] of ENUM_JUNK) bad('lookupContact', 'cfg', 'notFound', label, value);
for (const step of CONTACT_STEPS) {
  for (const field of ['givenName', 'middleName', 'surname', 'displayName', 'nickName', 'mobilePhone', 'companyName', 'jobTitle', 'department']) {
    for (const [label, value] of TEXT_JUNK.filter((_, i) => field === 'givenName' || i % 3 === 0)) bad(step, 'body', field, label, value);
  }
  for (const [label, value] of [
    ...wrongTypes('a list', 'an empty list'),
    ['four addresses', 'a@example.com, b@example.com; c@example.com, d@example.com'],
    ['four addresses as a list', ['a@example.com', 'b@example.com', 'c@example.com', { address: 'd@example.com' }]],
    ['a list holding a number', ['a@example.com', 7]],
    ['an object without address', [{ name: 'Ann' }]],
    ...BAD_ADDRESSES.filter((_, i) => i % 2 === 0),
  ]) bad(step, 'body', 'emailAddresses', label, value);
  for (const field of ['businessPhones', 'homePhones']) {
    for (const [label, value] of [
      ...wrongTypes('a list', 'an empty list'),
      ['three numbers', '+1 555 0100; +1 555 0101; +1 555 0102'],
      ['three numbers as a list', ['1', '2', '3']],
      ['a list holding a number', ['+1 555 0100', 5550101]],
      ['a number with a line break', '+1 555\r\n0100'],
      ['256 characters', 'p'.repeat(256)],
    ]) bad(step, 'body', field, label, value);
  }
  for (const field of ['businessAddress', 'homeAddress', 'otherAddress']) {
    for (const [label, value] of [
      ...wrongTypes('an empty object', 'an object'),
      ['text', '1 Main St, Redmond'],
      ['an unknown part', { street: '1 Main St', zip: '98052' }],
      ['a part that is a number', { city: 'Redmond', postalCode: 98052 }],
      ['a city with a line break', { city: 'Red\nmond' }],
      ['a street over 1024 characters', { street: 's'.repeat(1025) }],
      ['a 256-character city', { city: 'c'.repeat(256) }],
    ]) bad(step, 'body', field, label, value);
  }
  for (const [label, value] of [...wrongTypes(), ...BAD_INSTANTS, ['a year before 1900', '1899-12-31'], ['February 29 of a common year', '1981-02-29']]) bad(step, 'body', 'birthday', label, value);
  for (const [label, value] of [
    ...wrongTypes('a list', 'an empty list'),
    ['a list holding a number', ['Blue', 3]],
    ['26 categories', Array.from({ length: 26 }, (_, i) => `c${i}`)],
    ['a 256-character category', ['c'.repeat(256)]],
  ]) bad(step, 'body', 'categories', label, value);
  for (const [label, value] of [...wrongTypes(), ['over 1 MB', 'n'.repeat(MB + 1)]]) bad(step, 'body', 'personalNotes', label, value);
  for (const [label, value] of [
    ['text', 'Ann'], ['empty text', ''], ['JSON as text', JSON.stringify(VALID_BODY[step])], ['a list', [VALID_BODY[step]]], ['an empty list', []],
    ['a number', 42], ['the number 0', 0], ['true', true], ['false', false],
  ]) bad(step, 'message', 'body', label, value);
}
bad('createContact', 'body', 'givenName', 'nothing to show the contact by (no name, address or company)', MISSING, { base: { emailAddresses: null, jobTitle: 'CEO' } });
for (const [label, value] of [
  ...wrongTypes('a list', 'an empty list'),
  ['an unknown property', 'mobilePhone, shoeSize'],
  ['a list with an unknown property', ['jobTitle', 'id']],
  ['a property that is also given', 'jobTitle'],
  ['a 1 MB text', 'x'.repeat(MB)],
]) bad('updateContact', 'body', 'clearFields', label, value);
bad('updateContact', 'body', 'clearFields', 'nothing to change', MISSING, { base: { jobTitle: null } });
for (const step of ['upsertContact', 'lookupContact']) {
  const required = step === 'upsertContact' ? [['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '   ']] : [];
  for (const [label, value] of [
    ...required,
    ...wrongTypes('a list', 'an empty list', 'an empty object'),
    ['two addresses', 'ann@example.com, bob@example.com'],
    ['a list of two addresses', ['ann@example.com', 'bob@example.com']],
    ...BAD_ADDRESSES,
  ]) bad(step, 'body', 'emailAddress', label, value);
}
bad('upsertContact', 'body', 'emailAddresses', 'three others besides the key (four with it)', 'b@example.com, c@example.com; d@example.com');
bad('lookupContact', 'body', 'emailAddress', 'neither an address nor a name', MISSING);
for (const [label, value] of [...wrongTypes(), ...CONTROL, ['256 characters', 'n'.repeat(256)]]) bad('lookupContact', 'body', 'name', label, value, { base: { emailAddress: null } });
for (const step of ['lookupContact', 'deleteContact']) {
  for (const [label, value] of [['text', 'ann@example.com'], ['a list', [VALID_BODY[step]]], ['a number', 42], ['true', true]]) bad(step, 'message', 'body', label, value);
}

// ---- the event steps -------------------------------------------------------------------------

const EVENT_REF_STEPS = ['updateEvent', 'cancelEvent', 'respondToEvent', 'getEvent'];
for (const step of EVENT_REF_STEPS) {
  for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', ''], ...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad(step, 'body', 'eventId', label, value);
  for (const [label, value] of [...wrongTypes(), ...BAD_INSTANTS.filter((_, i) => i % 2 === 0), ['a local time without a time zone', '2026-03-10T09:00:00']]) bad(step, 'body', 'occurrenceStart', label, value);
  bad(step, 'body', 'occurrenceStart', 'a local time the clocks skip', '2026-03-29T02:30:00', { base: { timeZone: 'Europe/Berlin' } });
  for (const [label, value] of [...wrongTypes(), ...BAD_ZONES.filter((_, i) => i % 2 === 0)]) bad(step, 'body', 'timeZone', label, value);
  for (const [label, value] of [['text', 'AAMkEvent1='], ['a list', [VALID_BODY[step]]], ['a number', 42], ['true', true]]) bad(step, 'message', 'body', label, value);
}
for (const step of ['cancelEvent', 'respondToEvent']) {
  for (const [label, value] of [...wrongTypes(), ['10,001 characters', 'c'.repeat(10001)], ['1 MB', 'c'.repeat(MB)]]) bad(step, 'body', 'comment', label, value);
}

// Update Event: the fields it shares with Create Event, and its own.
for (const [label, value] of [...wrongTypes(), ['256 characters', 's'.repeat(256)]]) bad('updateEvent', 'body', 'subject', label, value);
for (const [label, value] of [...wrongTypes(), ['over 1 MB', 'b'.repeat(MB + 1)]]) bad('updateEvent', 'body', 'body', label, value);
for (const field of ['start', 'end']) {
  for (const [label, value] of [...wrongTypes(), ...BAD_INSTANTS.filter((_, i) => i % 2 === 1), ['a local time without a time zone', '2026-03-10T09:00:00']]) bad('updateEvent', 'body', field, label, value);
}
bad('updateEvent', 'body', 'end', 'end before start, both given', '2026-03-10T08:00:00Z', { base: { start: '2026-03-10T09:00:00Z' } });
bad('updateEvent', 'body', 'start', 'a local time the clocks skip', '2026-03-29T02:30:00', { base: { end: '2026-03-29T04:00:00', timeZone: 'Europe/Berlin' } });
for (const [label, value] of [...wrongTypes(), ...BAD_ZONES.filter((_, i) => i % 2 === 1)]) bad('updateEvent', 'body', 'timeZone', label, value, { base: { start: '2026-03-10T09:00:00', end: '2026-03-10T10:00:00' } });
for (const [label, value] of [...ENUM_JUNK, ['merge', 'merge'], ['remove', 'remove']]) bad('updateEvent', 'body', 'attendeesMode', label, value);
for (const field of ['bodyContentType', 'importance', 'showAs', 'sensitivity']) {
  for (const [label, value] of ENUM_JUNK.filter((_, i) => i % 2 === 0)) bad('updateEvent', 'body', field, label, value);
}
for (const field of ['isAllDay', 'isOnlineMeeting', 'allowNewTimeProposals']) {
  for (const [label, value] of FLAG_JUNK) bad('updateEvent', 'body', field, label, value);
}
bad('updateEvent', 'body', 'isOnlineMeeting', 'true in the china cloud', true, { cfgBase: { ...APP_TENANT, cloud: 'china', loginHost: 'login.partner.microsoftonline.cn' }, says: /china cloud offers no Microsoft Teams meetings/ });
for (const [label, value] of [...wrongTypes('a number', 'the number 0'), ['-1', -1], ['40321 (over four weeks)', 40321], ['2.5', 2.5], ['ten', 'ten']]) bad('updateEvent', 'body', 'reminderMinutesBeforeStart', label, value);
for (const [label, value] of [...wrongTypes('a list', 'an empty list'), ['26 categories', Array.from({ length: 26 }, (_, i) => `c${i}`)], ['a 256-character category', ['c'.repeat(256)]]]) bad('updateEvent', 'body', 'categories', label, value);
for (const field of ['attendees', 'requiredAttendees', 'optionalAttendees', 'resourceAttendees']) {
  for (const [label, value] of [
    ...wrongTypes('an empty list'),
    ['an object without address', { name: 'Ann' }],
    ['501 attendees', manyAddresses(501)],
    ...BAD_ADDRESSES.filter((_, i) => i % 3 === 0),
  ]) bad('updateEvent', 'body', field, label, value);
}
bad('updateEvent', 'body', 'recurrence', 'a recurrence on one occurrence', 'FREQ=WEEKLY;BYDAY=TU', { base: { occurrenceStart: '2026-03-10' } });
bad('updateEvent', 'body', 'eventId', 'nothing to change (only the id)', 'AAMkEvent1=', { base: { subject: undefined } });

// Places and recurrence, on both steps that take them.
for (const step of ['createEvent', 'updateEvent']) {
  for (const [label, value, field] of [
    ...wrongTypes('a list', 'an empty list', 'an object').map(([l, v]) => [l, v, 'locations']),
    ['21 places', Array.from({ length: 21 }, (_, i) => `Room ${i}`), 'locations'],
    ['a 256-character place', ['p'.repeat(256)], 'locations[0]'],
    ['a place without a name', [{ city: 'Berlin' }], 'locations[0].name'],
    ['an address that is text', [{ name: 'HQ', address: '1 Main St' }], 'locations[0].address'],
    ['an unknown place type', [{ name: 'HQ', locationType: 'castle' }], 'locations[0].locationType'],
    ['a room address that is not one', [{ name: 'HQ', email: 'not an address' }], 'locations[0].email'],
    ['a numeric room address', [{ name: 'HQ', email: 7 }], 'locations[0].email'],
  ]) bad(step, 'body', 'locations', label, value, { names: field });
}
for (const [label, value] of FLAG_JUNK) bad('createEvent', 'body', 'allowNewTimeProposals', label, value);
for (const [label, value, field] of [
  ...wrongTypes('an object', 'an empty object').map(([l, v]) => [l, v, 'recurrence']),
  ['weekly without days', { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd' } }, 'recurrence.pattern.daysOfWeek'],
  ['an end date before the start date', 'FREQ=DAILY;UNTIL=20260309', 'recurrence'],
  ['1000 occurrences', 'FREQ=DAILY;COUNT=1000', 'recurrence'],
  ['hourly', 'FREQ=HOURLY', 'recurrence'],
  ['an unknown part', 'FREQ=DAILY;FOO=1', 'recurrence'],
  ['30 February', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'recurrence'],
  ['an unknown range type', { pattern: { type: 'daily', interval: 1 }, range: { type: 'forever' } }, 'recurrence.range.type'],
  ['a 1 MB rule', `FREQ=DAILY;${'X'.repeat(MB)}`, 'recurrence'],
]) {
  bad('createEvent', 'body', 'recurrence', label, value, { names: field });
  // Update Event checks the rule itself before reading the series; its dates, once it has read it.
  if (!/before the start date/.test(label)) bad('updateEvent', 'body', 'recurrence', label, value, { names: field });
}

// Respond to Invitation.
for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', ''], ...ENUM_JUNK, ['accepted', 'accepted'], ['yes', 'yes'], ['tentative', 'tentative']]) bad('respondToEvent', 'body', 'response', label, value);
for (const [label, value] of FLAG_JUNK) bad('respondToEvent', 'body', 'sendResponse', label, value);
for (const field of ['proposedStart', 'proposedEnd']) {
  for (const [label, value] of [...wrongTypes(), ...BAD_INSTANTS.filter((_, i) => i % 3 === 0), ['a local time without a time zone', '2026-03-10T09:00:00']]) {
    bad('respondToEvent', 'body', field, label, value, { base: { response: 'tentativelyAccept', ...(field === 'proposedEnd' ? { proposedStart: '2026-03-10T09:00:00Z' } : {}) } });
  }
}
bad('respondToEvent', 'body', 'proposedEnd', 'a proposed end before the proposed start', '2026-03-10T08:00:00Z', { base: { response: 'tentativelyAccept', proposedStart: '2026-03-10T09:00:00Z' } });
bad('respondToEvent', 'body', 'sendResponse', 'false with a proposed time', false, { base: { response: 'tentativelyAccept', proposedStart: '2026-03-10T09:00:00Z' } });

// Find Events.
for (const [label, value] of [...wrongTypes(), ...PATH_TRICKS.filter((_, i) => i % 2 === 0), ...ODATA_IN_IDS]) bad('lookupEvents', 'cfg', 'calendarId', label, value);
for (const [label, value] of [...ENUM_JUNK, ['emitAll', 'emitAll'], ['page', 'page']]) bad('lookupEvents', 'cfg', 'emitBehaviour', label, value);
for (const field of ['windowStart', 'windowEnd']) {
  for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '   '], ...wrongTypes(), ...BAD_INSTANTS]) bad('lookupEvents', 'body', field, label, value);
}
bad('lookupEvents', 'body', 'windowEnd', 'the end equal to the start', '2026-03-01');
bad('lookupEvents', 'body', 'windowEnd', 'the end before the start', '2026-02-28T23:59:59Z');
bad('lookupEvents', 'body', 'windowEnd', '1825 days and one second (over Outlook\'s limit)', '2031-02-28T00:00:01Z', { base: { windowStart: '2026-03-01T00:00:00Z' }, says: /at most 1825 days/ });
bad('lookupEvents', 'body', 'windowStart', 'a local time the clocks skip', '2026-03-29T02:30:00', { base: { windowEnd: '2026-04-01', timeZone: 'Europe/Berlin' } });
for (const [label, value] of [...wrongTypes(), ...BAD_ZONES.filter((_, i) => i % 2 === 0)]) bad('lookupEvents', 'body', 'timeZone', label, value);
for (const [label, value] of [...wrongTypes(), ['256 characters', 's'.repeat(256)]]) bad('lookupEvents', 'body', 'subject', label, value);
for (const [label, value] of [...wrongTypes('an empty list'), ['two addresses', 'ann@example.com, bob@example.com'], ...BAD_ADDRESSES.filter((_, i) => i % 2 === 0)]) bad('lookupEvents', 'body', 'organizer', label, value);
for (const [label, value] of [...wrongTypes('a list', 'an empty list'), ['26 categories', Array.from({ length: 26 }, (_, i) => `c${i}`)], ['a 256-character category', ['c'.repeat(256)]]]) bad('lookupEvents', 'body', 'categories', label, value);
for (const [label, value] of [['text', '2026-03-01'], ['a list', [VALID_BODY.lookupEvents]], ['a number', 42], ['true', true]]) bad('lookupEvents', 'message', 'body', label, value);
// ---- replyToMail, forwardMail, createDraft, sendDraft (and what they share with sendMail) --------

const GUARDED = ['sendMail', 'replyToMail', 'forwardMail', 'createDraft', 'sendDraft', 'copyMail'];
for (const step of GUARDED) {
  for (const [label, value] of FLAG_JUNK) bad(step, 'cfg', 'skipDuplicateCheck', label, value);
}
for (const step of ['replyToMail', 'forwardMail', 'sendDraft']) {
  for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '   '], ...wrongTypes(), ...PATH_TRICKS, ...ODATA_IN_IDS]) bad(step, 'body', 'messageId', label, value);
}
for (const step of ['replyToMail', 'forwardMail', 'createDraft', 'sendDraft']) {
  for (const [label, value] of [['text', 'to: ann@example.com'], ['a list', [VALID_BODY[step]]], ['a number', 42], ['true', true]]) bad(step, 'message', 'body', label, value);
}
for (const step of ['replyToMail', 'forwardMail']) {
  for (const [label, value] of [...wrongTypes(), ['over 3 MB', 'b'.repeat(3 * MB + 1)]]) bad(step, 'body', 'body', label, value);
  for (const [label, value] of [...ENUM_JUNK.slice(0, 6), ['markdown', 'markdown']]) bad(step, 'body', 'bodyContentType', label, value);
  for (const field of ['to', 'cc', 'bcc']) {
    for (const [label, value] of [...wrongTypes('an empty list'), ['an object without address', { name: 'Ann' }], ...BAD_ADDRESSES.filter((_, i) => i % 3 === 0)]) bad(step, 'body', field, label, value);
  }
  bad(step, 'body', 'to', '501 recipients', manyAddresses(501));
  bad(step, 'body', 'to', '250 in to and 251 in cc (over 500 together)', manyAddresses(250), { base: { cc: manyAddresses(251) } });
  for (const [label, value, field] of [
    ['text', 'report.pdf', 'attachments'],
    ['a file missing its url', file('a.txt', { size: 10 }), 'attachments["a.txt"]'],
    ['a declared size of 100 MiB + 1', file('big.bin', { url: `${STORAGE}/big`, size: 100 * MB + 1 }), 'attachments["big.bin"]'],
  ]) bad(step, 'attachments', 'attachments', label, value, { file: field });
}
for (const [label, value] of FLAG_JUNK) bad('replyToMail', 'body', 'replyAll', label, value);
for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', ''], ['only separators', ' ; ']]) bad('forwardMail', 'body', 'to', label, value);
// Create Draft takes Send Mail's input: a sample of the same refusals.
for (const [label, value] of [['missing, with no cc or bcc', MISSING], ['501 recipients', manyAddresses(501)], ...BAD_ADDRESSES.filter((_, i) => i % 3 === 1)]) bad('createDraft', 'body', 'to', label, value);
for (const [label, value] of [...wrongTypes(), ['256 characters', 's'.repeat(256)]]) bad('createDraft', 'body', 'subject', label, value);
for (const [label, value] of [['two addresses', 'sales@contoso.com, ceo@contoso.com'], ...BAD_ADDRESSES.filter((_, i) => i % 4 === 0)]) bad('createDraft', 'body', 'from', label, value);
for (const [label, value] of ENUM_JUNK.slice(0, 6)) {
  bad('createDraft', 'body', 'bodyContentType', label, value);
  bad('createDraft', 'body', 'importance', label, value);
}
bad('createDraft', 'body', 'replyTo', '11 addresses', manyAddresses(11));
bad('createDraft', 'attachments', 'attachments', 'a declared size of 100 MiB + 1', file('big.bin', { url: `${STORAGE}/big`, size: 100 * MB + 1 }), { file: 'attachments["big.bin"]' });

// ---- accepted and made safe ----------------------------------------------------------------------
// Values a careless check would refuse but that are legitimate, each with the exact request it
// must produce. `expect` = { path: exact encoded path, query?: exact params, prefer?, body?: subset }.

const accepted = [];
function ok(step, label, input, expect) {
  // Send Mail is pinned on its one-request path (duplicate check off); the guarded path puts the
  // same message into a draft, pinned on the wire in spec/mail/sendMail.spec.js.
  const cfg = step === 'sendMail' ? { skipDuplicateCheck: true, ...input.cfg } : input.cfg;
  accepted.push({ step, label, ...input, ...(cfg && { cfg }), expect });
}
const MAIL = (folder) => `/v1.0/me/mailFolders/${folder}/messages`;
const MAIL_DELTA = (folder) => `/v1.0/me/mailFolders/${folder}/messages/delta`;
const EVENTS = (calendar) => (calendar ? `/v1.0/me/calendars/${calendar}/events` : '/v1.0/me/calendar/events');
/** Calendar Changes: a look at the calendar for Graph's clock, then the view's delta. */
const VIEW_DELTA = (calendar) => (calendar ? `/v1.0/me/calendars/${calendar}/calendarView/delta` : '/v1.0/me/calendarView/delta');
const VIEW_PROBE = (calendar) => (calendar ? `/v1.0/me/calendars/${calendar}` : '/v1.0/me/calendar');

for (const [label, id, encoded] of [
  ['a Graph id with / + and =', 'AAMkAGI2/THVm+AAA=', 'AAMkAGI2%2FTHVm%2BAAA%3D'],
  ['a well-known name in any case', 'Inbox', 'Inbox'],
  ['a well-known name with spaces around it', '  archive ', 'archive'],
  ['an id with & and $filter= (one encoded segment)', 'x&$filter=isRead', 'x%26%24filter%3DisRead'],
  ['an id with &$top=1', 'x&$top=1', 'x%26%24top%3D1'],
  ['an id with a double quote', 'x"y', 'x%22y'],
  ['an id with quotes and parentheses', "AAMk'x'(1)", "AAMk'x'(1)"],
  ['an id with a single dot inside', 'AAMk.AAA', 'AAMk.AAA'],
  ['an id with non-ASCII letters', 'Posteingang-ü', 'Posteingang-%C3%BC'],
  ['a 512-character id', 'B'.repeat(512), 'B'.repeat(512)],
]) {
  ok('getNewMail', `folderId: ${label}`, { cfg: { folderId: id } }, { method: 'GET', path: MAIL(encoded) });
  ok('getMailFolderChanges', `folderId: ${label}`, { cfg: { folderId: id } }, { method: 'GET', path: MAIL_DELTA(encoded) });
  ok('getNewAndUpdatedEvents', `calendarId: ${label}`, { cfg: { calendarId: id } }, { method: 'GET', path: EVENTS(encoded) });
  ok('getEventChanges', `calendarId: ${label}`, { cfg: { calendarId: id } }, { method: 'GET', path: VIEW_DELTA(encoded), requests: [VIEW_PROBE(encoded)] });
  ok('createEvent', `calendarId: ${label}`, { cfg: { calendarId: id } }, { method: 'POST', path: EVENTS(encoded) });
}
for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', '']]) {
  ok('getNewMail', `folderId ${label}: the Inbox`, { cfg: { folderId: value } }, { method: 'GET', path: MAIL('inbox') });
  ok('getMailFolderChanges', `folderId ${label}: the Inbox`, { cfg: { folderId: value } }, { method: 'GET', path: MAIL_DELTA('inbox') });
  ok('getMailFolderChanges', `changeTypes ${label}: created`, { cfg: { changeTypes: value } }, { method: 'GET', path: MAIL_DELTA('inbox'), changeType: 'created' });
  ok('getNewAndUpdatedEvents', `calendarId ${label}: the default calendar`, { cfg: { calendarId: value } }, { method: 'GET', path: EVENTS() });
  ok('getEventChanges', `calendarId ${label}: the default calendar's view`, { cfg: { calendarId: value } }, { method: 'GET', path: VIEW_DELTA(), requests: [VIEW_PROBE()] });
  ok('getEventChanges', `changeTypes ${label}: all kinds`, { cfg: { changeTypes: value } }, { method: 'GET', path: VIEW_DELTA(), requests: [VIEW_PROBE()] });
  ok('getEventChanges', `pastDays and futureDays ${label}: 30 back, 365 ahead`, { cfg: { pastDays: value, futureDays: value } }, {
    method: 'GET', path: VIEW_DELTA(), requests: [VIEW_PROBE()], query: { startDateTime: '2026-10-28T00:00:00Z', endDateTime: '2027-11-28T00:00:00Z' },
  });
  ok('getEventChanges', `timeZone ${label}: UTC`, { cfg: { timeZone: value } }, { method: 'GET', path: VIEW_DELTA(), requests: [VIEW_PROBE()], prefer: 'IdType="ImmutableId", outlook.timezone="UTC", odata.maxpagesize=1000' });
  ok('createEvent', `calendarId ${label}: the default calendar`, { cfg: { calendarId: value } }, { method: 'POST', path: EVENTS() });
  ok('getNewMail', `pollOnlyUnreadMail ${label}: all mail`, { cfg: { pollOnlyUnreadMail: value } }, { method: 'GET', path: MAIL('inbox'), filter: 'receivedDateTime ge 2026-11-27T07:00:00Z' });
  ok('getNewAndUpdatedEvents', `timeZone ${label}: UTC`, { cfg: { timeZone: value } }, { method: 'GET', path: EVENTS(), prefer: 'IdType="ImmutableId", outlook.timezone="UTC"' });
  ok('sendMail', `optional fields ${label}: defaults, no empty keys`, {
    body: { to: 'ann@example.com', ...Object.fromEntries(['cc', 'bcc', 'replyTo', 'subject', 'body', 'bodyContentType', 'importance', 'saveToSentItems'].map((f) => [f, value])) },
  }, {
    method: 'POST', path: '/v1.0/me/sendMail',
    body: { message: { subject: '', body: { contentType: 'text', content: '' }, toRecipients: [{ emailAddress: { address: 'ann@example.com' } }], ccRecipients: [], bccRecipients: [], importance: 'normal' }, saveToSentItems: true },
  });
  ok('sendMail', `tenantId ${label}: the common tenant`, { cfg: { tenantId: value } }, { method: 'POST', path: '/v1.0/me/sendMail' });
}
for (const [label, value, filter] of [
  ['with an offset and a fraction (floored to the second, in UTC)', '2026-11-27T08:00:37.900+01:00', 'receivedDateTime ge 2026-11-27T07:00:37Z'],
  ['a date alone (midnight UTC)', '2026-11-27', 'receivedDateTime ge 2026-11-27T00:00:00Z'],
  ['with spaces around it', ' 2026-11-27T07:00:00Z ', 'receivedDateTime ge 2026-11-27T07:00:00Z'],
  ['lower-case t and z', '2026-11-27t07:00:00z', 'receivedDateTime ge 2026-11-27T07:00:00Z'],
]) ok('getNewMail', `startTime ${label}`, { cfg: { startTime: value } }, { method: 'GET', path: MAIL('inbox'), filter });
for (const [label, value] of [['"TRUE"', 'TRUE'], ['true', true], ['" true "', ' true ']]) {
  ok('getNewMail', `pollOnlyUnreadMail ${label}`, { cfg: { pollOnlyUnreadMail: value } }, { method: 'GET', path: MAIL('inbox'), filter: 'receivedDateTime ge 2026-11-27T07:00:00Z and isRead eq false' });
}
for (const [label, value, changeType] of [
  ['a kind in upper case with spaces', ' DELETED ', 'deleted'],
  ['a kind twice', ['Updated', 'updated'], 'updated'],
  ['an empty list (created)', [], 'created'],
]) ok('getMailFolderChanges', `changeTypes ${label}`, { cfg: { changeTypes: value } }, { method: 'GET', path: MAIL_DELTA('inbox'), changeType });
for (const [label, value, zone] of [
  ['an IANA name in lower case', 'europe/berlin', 'Europe/Berlin'],
  ['a Windows name', 'W. Europe Standard Time', 'W. Europe Standard Time'],
  ['a Windows name with odd spacing and case', '  pacific   standard time ', 'Pacific Standard Time'],
  ['GMT', 'gmt', 'UTC'],
  ['Etc/GMT-1 (a whole-hour offset zone)', 'Etc/GMT-1', 'Etc/GMT-1'],
]) {
  ok('getNewAndUpdatedEvents', `timeZone ${label}`, { cfg: { timeZone: value } }, { method: 'GET', path: EVENTS(), prefer: `IdType="ImmutableId", outlook.timezone="${zone}"` });
  ok('getEventChanges', `timeZone ${label}`, { cfg: { timeZone: value } }, { method: 'GET', path: VIEW_DELTA(), requests: [VIEW_PROBE()], prefer: `IdType="ImmutableId", outlook.timezone="${zone}", odata.maxpagesize=1000` });
}
for (const [label, past, future, query] of [
  ['days as text with spaces', ' 0 ', '6', { startDateTime: '2026-11-27T00:00:00Z', endDateTime: '2026-12-04T00:00:00Z' }],
  ['the longest window (1,825 days)', 1000, '824', { startDateTime: '2024-03-02T00:00:00Z', endDateTime: '2029-03-01T00:00:00Z' }],
]) ok('getEventChanges', `pastDays and futureDays: ${label}`, { cfg: { pastDays: past, futureDays: future } }, { method: 'GET', path: VIEW_DELTA(), requests: [VIEW_PROBE()], query });
for (const [label, tenant, tokenPath] of [
  ['a verified domain', 'contoso.onmicrosoft.com', '/contoso.onmicrosoft.com/oauth2/v2.0/token'],
  ['a tenant GUID in upper case', '72F988BF-86F1-41AF-91AB-2D7CD011DB47', '/72F988BF-86F1-41AF-91AB-2D7CD011DB47/oauth2/v2.0/token'],
  ['organizations with spaces around it', ' organizations ', '/organizations/oauth2/v2.0/token'],
]) ok('getNewMail', `tenantId ${label}: the token URL`, { cfg: { tenantId: tenant }, expiredToken: true }, { method: 'GET', path: MAIL('inbox'), tokenPath });

// A UPN starting with $ takes the key form users('...') (Graph "Get user"), without a slash.
const USERS = (segment) => (segment.startsWith('(') ? `/v1.0/users${segment}` : `/v1.0/users/${segment}`);
for (const [label, mailbox, segment] of [
  ['an address in odd letter case with +tag', ' Info+Billing@Contoso.COM ', 'Info%2BBilling@Contoso.COM'],
  ['a user id (GUID) in upper case', '0B2C5D5E-1F2A-4B3C-9D8E-7F6A5B4C3D2E', '0b2c5d5e-1f2a-4b3c-9d8e-7f6a5b4c3d2e'],
  ['an internationalised domain (sent in punycode)', 'info@bücher.de', 'info@xn--bcher-kva.de'],
  ["an apostrophe", "o'brien@contoso.com", "o'brien@contoso.com"],
  ['a guest UPN with #EXT#', 'ann_fabrikam.com#EXT#@contoso.onmicrosoft.com', 'ann_fabrikam.com%23EXT%23@contoso.onmicrosoft.com'],
  ['a UPN starting with $', '$svc@contoso.com', "('$svc@contoso.com')"],
]) {
  ok('getNewMail', `mailbox: ${label}`, { cfg: { mailbox } }, { method: 'GET', path: `${USERS(segment)}/mailFolders/inbox/messages` });
  ok('getMailFolderChanges', `mailbox: ${label}`, { cfg: { mailbox } }, { method: 'GET', path: `${USERS(segment)}/mailFolders/inbox/messages/delta` });
  ok('getNewAndUpdatedEvents', `mailbox: ${label}`, { cfg: { mailbox } }, { method: 'GET', path: `${USERS(segment)}/calendar/events` });
  ok('getEventChanges', `mailbox: ${label}`, { cfg: { mailbox } }, { method: 'GET', path: `${USERS(segment)}/calendarView/delta`, requests: [`${USERS(segment)}/calendar`] });
  ok('sendMail', `mailbox: ${label}`, { cfg: { mailbox } }, { method: 'POST', path: `${USERS(segment)}/sendMail` });
  ok('createEvent', `mailbox: ${label}`, { cfg: { mailbox } }, { method: 'POST', path: `${USERS(segment)}/calendar/events` });
}
for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', ''], ['only spaces', '  ']]) {
  ok('getNewMail', `mailbox ${label}: the signed-in user`, { cfg: { mailbox: value } }, { method: 'GET', path: MAIL('inbox') });
}
for (const [label, cfg] of [
  ['authType and cloud in upper case with spaces', { authType: ' DELEGATED ', cloud: ' Global ', loginHost: ' Login.MicrosoftOnline.com ' }],
  ['authType, cloud and loginHost empty (a credential from before they existed)', { authType: '', cloud: '', loginHost: '' }],
]) ok('getNewMail', label, { cfg }, { method: 'GET', path: MAIL('inbox') });
ok('getNewMail', 'an application credential with its own app: the client-credentials grant at the tenant', {
  cfg: { authType: 'Application', tenantId: 'contoso.onmicrosoft.com', clientId: ' 11111111-2222-3333-4444-555555555555 ', clientSecret: ' own~secret.value ', mailbox: 'info@contoso.com' },
}, { method: 'GET', path: `${USERS('info@contoso.com')}/mailFolders/inbox/messages`, tokenPath: '/contoso.onmicrosoft.com/oauth2/v2.0/token' });
ok('sendMail', 'from: a display name and an internationalised domain, on behalf of from the signed-in mailbox', {
  body: { to: 'ann@example.com', from: 'Vertrieb <vertrieb@bücher.de>' },
}, {
  method: 'POST', path: '/v1.0/me/sendMail',
  body: {
    message: {
      from: { emailAddress: { address: 'vertrieb@xn--bcher-kva.de', name: 'Vertrieb' } },
      subject: '',
      body: { contentType: 'text', content: '' },
      toRecipients: [{ emailAddress: { address: 'ann@example.com' } }],
      ccRecipients: [],
      bccRecipients: [],
      importance: 'normal',
    },
    saveToSentItems: true,
  },
});

const SUBJECT = "100% sure & #1: ' or 1 eq 1 $filter=x <b>?</b>";
ok('sendMail', 'text that looks like OData, HTML or URL syntax is sent as it is, JSON-encoded', {
  body: {
    to: '"O\'Brien, Pat" <pat.o\'brien@example.com>; ann+tag@example.com',
    cc: [{ emailAddress: { address: 'Carol@Example.COM', name: 'Carol & Co' } }],
    subject: SUBJECT,
    body: '<script>alert(1)</script> 50% off & more \r\n',
    bodyContentType: ' HTML ',
    importance: 'LOW',
    saveToSentItems: ' FALSE ',
  },
}, {
  method: 'POST', path: '/v1.0/me/sendMail',
  body: {
    message: {
      subject: SUBJECT,
      body: { contentType: 'html', content: '<script>alert(1)</script> 50% off & more \r\n' },
      toRecipients: [{ emailAddress: { address: "pat.o'brien@example.com", name: "O'Brien, Pat" } }, { emailAddress: { address: 'ann+tag@example.com' } }],
      ccRecipients: [{ emailAddress: { address: 'Carol@Example.COM', name: 'Carol & Co' } }],
      bccRecipients: [],
      importance: 'low',
    },
    saveToSentItems: false,
  },
});
ok('sendMail', 'Outlook\'s "Last, First; ..." lists and internationalised domains (sent in punycode)', {
  body: { to: 'Doe, John <john@example.com>; Smith, Jane <jane@example.com>;', cc: 'Müller, Jürgen <jm@bücher.de>, ann@MÜNCHEN.de' },
}, {
  method: 'POST', path: '/v1.0/me/sendMail',
  body: {
    message: {
      subject: '',
      body: { contentType: 'text', content: '' },
      toRecipients: [{ emailAddress: { address: 'john@example.com', name: 'Doe, John' } }, { emailAddress: { address: 'jane@example.com', name: 'Smith, Jane' } }],
      ccRecipients: [{ emailAddress: { address: 'jm@xn--bcher-kva.de', name: 'Müller, Jürgen' } }, { emailAddress: { address: 'ann@xn--mnchen-3ya.de' } }],
      bccRecipients: [],
      importance: 'normal',
    },
    saveToSentItems: true,
  },
});
ok('sendMail', 'exactly 500 recipients and a 255-character subject', {
  body: { to: manyAddresses(200), cc: manyAddresses(200).join('; '), bcc: manyAddresses(100), subject: 's'.repeat(255) },
}, { method: 'POST', path: '/v1.0/me/sendMail', count: { toRecipients: 200, ccRecipients: 200, bccRecipients: 100 } });
ok('sendMail', 'exactly 10 replyTo addresses', { body: { to: 'ann@example.com', replyTo: manyAddresses(10) } }, { method: 'POST', path: '/v1.0/me/sendMail', count: { replyTo: 10 } });
// The exact boundary of Graph's 4,000,000-byte request is pinned on the wire in sendMail.spec.js.
ok('sendMail', 'an attachment of 2,990,000 bytes, close to the limit, streamed, with a name containing % & and #', {
  attachments: { '50% & #1.bin': { url: `${STORAGE}/exact?sig=a%2Fb`, size: 2990000 } },
  storage: (nock) => nock(STORAGE).get('/exact').query({ sig: 'a/b' }).reply(200, Buffer.alloc(2990000, 1)),
}, { method: 'POST', path: '/v1.0/me/sendMail', attachments: [{ name: '50% & #1.bin', bytes: 2990000 }] });
ok('sendMail', 'an attachment on a look-alike of the storage host gets no storage token', {
  env: { ELASTICIO_OBJECT_STORAGE_URI: 'https://maester.platform.example.net', ELASTICIO_OBJECT_STORAGE_TOKEN: 'storage-jwt-secret-value' },
  attachments: { 'a.txt': { url: 'https://maester.platform.example.net.attacker.example/objects/1' } },
  // Opened twice: once to learn the size it did not declare (for the route), once to send it.
  storage: (nock, seen) => nock('https://maester.platform.example.net.attacker.example').get('/objects/1').times(2).reply(function reply() {
    seen.push(this.req.headers);
    return [200, 'a'];
  }),
}, { method: 'POST', path: '/v1.0/me/sendMail', attachments: [{ name: 'a.txt', bytes: 1 }] });

ok('createEvent', 'text that looks like OData or URL syntax is sent as it is', {
  body: {
    subject: SUBJECT,
    start: '2026-03-10T09:00:00',
    end: '2026-03-10T10:00:00',
    timeZone: 'europe/berlin',
    location: "Room 1 & 2 ' or 1 eq 1 #",
    categories: 'Blue & Red, 100%',
    reminderMinutesBeforeStart: '0',
    attendees: "O'Hara <o'hara@example.com>",
  },
}, {
  method: 'POST', path: EVENTS(),
  body: {
    subject: SUBJECT,
    start: { dateTime: '2026-03-10T09:00:00', timeZone: 'Europe/Berlin' },
    end: { dateTime: '2026-03-10T10:00:00', timeZone: 'Europe/Berlin' },
    location: { displayName: "Room 1 & 2 ' or 1 eq 1 #" },
    categories: ['Blue & Red', '100%'],
    isReminderOn: true,
    reminderMinutesBeforeStart: 0,
    attendees: [{ emailAddress: { address: "o'hara@example.com", name: "O'Hara" }, type: 'required' }],
  },
});
ok('createEvent', 'the largest accepted values: a reminder of four weeks, 25 categories, 500 attendees, a 1 MB body', {
  body: {
    ...VALID_BODY.createEvent,
    reminderMinutesBeforeStart: 40320,
    categories: Array.from({ length: 25 }, (_, i) => `c${i}`),
    attendees: manyAddresses(500),
    body: 'b'.repeat(MB),
  },
}, { method: 'POST', path: EVENTS(), body: { reminderMinutesBeforeStart: 40320 }, count: { categories: 25, attendees: 500 } });
ok('createEvent', 'an all-day event from a date to the next date', {
  body: { subject: 'Off', isAllDay: 'true', start: '2026-03-10', end: '2026-03-11', timeZone: 'Europe/Berlin' },
}, { method: 'POST', path: EVENTS(), body: { isAllDay: true, start: { dateTime: '2026-03-10T00:00:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-03-11T00:00:00', timeZone: 'Europe/Berlin' } } });

// The mail toolbox: Find Mail's one request, exactly encoded; Find or Create Folder's first level.
const FIND = (query = {}) => ({ method: 'GET', path: query.path ?? '/v1.0/me/messages', ...query });
const SINCE = 'receivedDateTime ge 1900-01-01T00:00:00Z';
ok('lookupMails', "subjectContains with a quote, & and #: one OData literal, quotes doubled", { body: { subjectContains: "O'Brien & co #1" } },
  FIND({ filter: `${SINCE} and contains(subject,'O''Brien & co #1')`, top: '100' }));
ok('lookupMails', 'from as "Name <address>" with an internationalised domain: the address in punycode', { body: { from: 'Ann <Ann@Bücher.de>' } },
  FIND({ filter: `${SINCE} and from/emailAddress/address eq 'Ann@xn--bcher-kva.de'` }));
ok('lookupMails', 'every filter, in odd spellings: times to UTC, flags as text, importance in capitals, two categories', {
  body: { receivedAfter: '2026-03-01T01:00:00+01:00', receivedBefore: '2026-04-01', isRead: 'FALSE', hasAttachments: true, importance: 'HIGH', categories: "Red, Q1 'plan'", maxResults: '100000' },
}, FIND({ filter: "receivedDateTime ge 2026-03-01T00:00:00Z and receivedDateTime lt 2026-04-01T00:00:00Z and isRead eq false and hasAttachments eq true and importance eq 'high' and categories/any(c:c eq 'Red') and categories/any(c:c eq 'Q1 ''plan''')", top: '100' }));
ok('lookupMails', 'a search query with a phrase, a backslash and OData look-alikes: one $search value in double quotes, escaped', {
  body: { searchQuery: 'subject:"Q1 report" from:ann C:\\temp $filter=x&$top=1', maxResults: 1000 },
}, FIND({ search: '"subject:\\"Q1 report\\" from:ann C:\\\\temp $filter=x&$top=1"', filter: null, top: '100' }));
ok('lookupMails', 'maxResults 7: a first page of 7; a folder by well-known name in any case', { cfg: { folderId: 'ARCHIVE' }, body: { isRead: false, maxResults: 7 } },
  FIND({ path: '/v1.0/me/mailFolders/ARCHIVE/messages', filter: `${SINCE} and isRead eq false`, top: '7' }));
for (const [label, path, segment] of [['Inbox', 'Inbox', 'inbox'], ['"sent items" (the display name, any case)', 'sent items', 'sentitems'], ['Deleted Items with slashes around', '/Deleted Items/', 'deleteditems']]) {
  ok('lookupFolder', `a well-known first level: ${label}`, { body: { path } }, { method: 'GET', path: `/v1.0/me/mailFolders/${segment}` });
}
ok('checkAvailability', 'addresses with an internationalised domain, in odd case, repeated, and local times in a Windows zone', {
  body: { schedules: 'Ann <Ann@Bücher.de>; ann@bücher.de, room.1@example.com', start: '2026-03-10T09:00:00', end: '2026-03-10T17:00:00', timeZone: 'w. europe standard time', intervalMinutes: '480' },
}, {
  method: 'POST', path: '/v1.0/me/calendar/getSchedule', prefer: 'IdType="ImmutableId", outlook.timezone="W. Europe Standard Time"',
  body: {
    schedules: ['Ann@xn--bcher-kva.de', 'room.1@example.com'],
    startTime: { dateTime: '2026-03-10T09:00:00', timeZone: 'W. Europe Standard Time' },
    endTime: { dateTime: '2026-03-10T17:00:00', timeZone: 'W. Europe Standard Time' },
    availabilityViewInterval: 480,
  },
});
ok('checkAvailability', 'exactly 62 days and 100 addresses: Graph\'s limits', {
  body: { schedules: manyAddresses(100), start: '2026-03-10T00:00:00+01:00', end: '2026-05-11T00:00:00+02:00', intervalMinutes: 5 },
}, { method: 'POST', path: '/v1.0/me/calendar/getSchedule', count: { schedules: 100 }, body: { endTime: { dateTime: '2026-05-10T22:00:00', timeZone: 'UTC' } } });
ok('findMeetingTimes', 'attendees with an internationalised domain, a duration as text, hours in upper case, the organizer optional as text', {
  body: { requiredAttendees: 'Jürgen <jm@bücher.de>', start: '2026-03-10T09:00:00Z', end: '2026-03-10T17:00:00Z', durationMinutes: ' 90 ', activityDomain: 'UNRESTRICTED', isOrganizerOptional: 'TRUE' },
}, {
  method: 'POST', path: '/v1.0/me/findMeetingTimes',
  body: {
    attendees: [{ type: 'required', emailAddress: { address: 'jm@xn--bcher-kva.de', name: 'Jürgen' } }],
    meetingDuration: 'PT1H30M', isOrganizerOptional: true,
    timeConstraint: { activityDomain: 'unrestricted', timeSlots: [{ start: { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-10T17:00:00', timeZone: 'UTC' } }] },
  },
});

for (const [label, id, encoded] of [
  ['a Graph id with / + and =', 'AAMkAGI2/THVm+AAA=', 'AAMkAGI2%2FTHVm%2BAAA%3D'],
  ['an id with & and $filter= (one encoded segment)', 'x&$filter=id', 'x%26%24filter%3Did'],
  ['a 512-character id', 'B'.repeat(512), 'B'.repeat(512)],
]) {
  ok('deleteContact', `contactId: ${label}`, { body: { contactId: id } }, { method: 'DELETE', path: `/v1.0/me/contacts/${encoded}` });
  ok('getNewAndUpdatedContacts', `contactFolderId: ${label}`, { cfg: { contactFolderId: id } }, { method: 'GET', path: `/v1.0/me/contactFolders/${encoded}/contacts` });
  ok('lookupContact', `contactFolderId: ${label}`, { cfg: { contactFolderId: id } }, { method: 'GET', path: `/v1.0/me/contactFolders/${encoded}/contacts` });
  ok('getContactChanges', `contactFolderId: ${label}`, { cfg: { contactFolderId: id } }, { method: 'GET', path: `/v1.0/me/contactFolders/${encoded}/contacts/delta` });
}
for (const [label, value] of [['"contacts"', 'contacts'], ['"Contacts" with spaces around it', ' Contacts ']]) {
  ok('getNewAndUpdatedContacts', `contactFolderId ${label}: the default folder alone`, { cfg: { contactFolderId: value } }, { method: 'GET', path: '/v1.0/me/contacts', filter: 'lastModifiedDateTime ge 2026-11-27T07:00:00Z' });
  ok('getContactChanges', `contactFolderId ${label}: the default folder by its well-known name`, { cfg: { contactFolderId: value } }, { method: 'GET', path: '/v1.0/me/contactFolders/contacts/contacts/delta' });
}
for (const [label, value] of [['missing', MISSING], ['null', null], ['empty text', '']]) {
  ok('lookupContact', `contactFolderId ${label}: the default folder`, { cfg: { contactFolderId: value } }, { method: 'GET', path: '/v1.0/me/contacts' });
  ok('getContactChanges', `contactFolderId ${label}: the default folder by its well-known name`, { cfg: { contactFolderId: value } }, { method: 'GET', path: '/v1.0/me/contactFolders/contacts/contacts/delta' });
  ok('getContactChanges', `changeTypes ${label}: all kinds`, { cfg: { changeTypes: value } }, { method: 'GET', path: '/v1.0/me/contactFolders/contacts/contacts/delta' });
}
ok('lookupContact', "an address with an apostrophe, a +tag and capitals: one quoted OData literal, apostrophe doubled", {
  body: { emailAddress: "Pat <Pat.O'Brien+CRM@Example.com>" },
}, { method: 'GET', path: '/v1.0/me/contacts', filter: "emailAddresses/any(a:a/address eq 'Pat.O''Brien+CRM@Example.com')" });
ok('lookupContact', 'a display name that looks like OData or URL syntax', {
  body: { name: " O'Brien & Co #1 ' or 1 eq 1 " },
}, { method: 'GET', path: '/v1.0/me/contacts', filter: "displayName eq 'O''Brien & Co #1 '' or 1 eq 1'" });
ok('lookupContact', 'an internationalised domain, sent in punycode', { body: { emailAddress: 'ann@bücher.de' } }, {
  method: 'GET', path: '/v1.0/me/contacts', filter: "emailAddresses/any(a:a/address eq 'ann@xn--bcher-kva.de')",
});

module.exports = {
  MISSING, STORAGE, MB, STEPS, VALID_BODY, VALID_CFG, HINT,
  BAD_INPUTS: cases,
  ACCEPTED: accepted,
};
