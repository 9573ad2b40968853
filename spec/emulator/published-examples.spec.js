'use strict';

// Microsoft's published request and response examples (spec/emulator/fixtures, one JSON file per
// example, each naming its source repository, path and commit) replayed against the emulator. What
// is compared is the shape of the answer, not the seeded data: status, property names and nesting,
// JSON types, string formats (timestamp fractions, zone names, HTML documents, GUIDs...), OData
// annotations and the headers the example shows. Examples are often truncated, so the emulator may
// answer more properties than an example shows, never fewer. A null on either side matches
// anything (the property is nullable and the data differs). `echo` lists properties whose value
// comes from the request and must come back exactly as in the example. `auth` picks the token:
// the primary's delegated one by default, `app` (app-only, with User.Read.All and a mailbox scope
// that leaves out one shared mailbox) or `app-unconsented` (app-only without admin consent), both
// in tenants made for the fixtures so the seeded ones stay as they are.
const fs = require('node:fs');
const path = require('node:path');
const { expect } = require('chai');
const { withEmulator } = require('./helpers');

const DIR = path.join(__dirname, 'fixtures');
const FIXTURES = new Map(fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()
  .map((f) => [f.slice(0, -5), JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'))]));

/** String formats, most specific first: a published string's format is the first that matches it. */
const FORMATS = [
  ['an instant in whole seconds', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/],
  ['an instant with up to 7 fractional digits, trailing zeros dropped', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,6}[1-9])?Z$/],
  ['a wall time with 7 fractional digits', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/],
  ['a date and time without a zone', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/],
  ['a date', /^\d{4}-\d\d-\d\d$/],
  ["Azure AD's timestamp", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/],
  ['an HTTP date', /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/],
  ['a GUID', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['an AADSTS description', /^AADSTS\d+: [^\r\n]*\r\nTrace ID: \S+\r\nCorrelation ID: \S+\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/],
  ['an HTML document', /^<html[^>]*>\s*<head[^>]*>[\s\S]*<\/head>\s*<body[^>]*>[\s\S]*<\/body>\s*<\/html>\s*$/],
  ['a weak ETag', /^W\/"[^"]+"$/],
  ['a URL', /^https?:\/\/\S+$/],
  ['an e-mail address', /^[^@\s]+@[^@\s]+\.[^@\s]+$/],
  ['an enum value', /^[a-z][A-Za-z_]*$/],
];
const ZONE_FORMATS = [['UTC', /^UTC$/], ['a Windows zone name', /^[A-Z][\w .()+-]* Time$/], ['an IANA zone name', /^[A-Za-z_]+\/[\w/+-]+$/]];
/** Free text whatever it looks like: Graph's error codes and messages, whose spelling varies by service. */
const FREE_TEXT = new Set(['code', 'message']);

const isZoneKey = (key) => key === 'timeZone' || key.endsWith('TimeZone');
const formatOf = (key, value) => (isZoneKey(key) ? ZONE_FORMATS : FREE_TEXT.has(key) ? [] : FORMATS).find(([, re]) => re.test(value));
const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** `$metadata#users('…')/events(subject)/$entity` without host, version and ids; `me/` is the same as `users('…')/`. */
function contextShape(url) {
  return url.replace(/^.*\$metadata#/, '').replace(/\('[^']*'\)/g, '(…)').replace(/^me\//, 'users(…)/');
}

/** Differences between a published value and the emulator's, as `where: what` lines. */
function differences(expected, actual, where = 'body', key = '') {
  if (expected === null || actual === null) return [];
  if (typeOf(expected) !== typeOf(actual)) return [`${where}: ${typeOf(actual)} where Graph has ${typeOf(expected)}`];
  if (typeof expected === 'string') {
    if (key === '@odata.context') {
      return contextShape(actual) === contextShape(expected) ? [] : [`${where}: ${contextShape(actual)} where Graph has ${contextShape(expected)}`];
    }
    const format = formatOf(key, expected);
    return !format || format[1].test(actual) ? [] : [`${where}: ${JSON.stringify(actual)} is not ${format[0]} (Graph: ${JSON.stringify(expected)})`];
  }
  if (Array.isArray(expected)) {
    if (expected.length === 0) return [];
    // Same length: item by item (a list of differently shaped locations); else each against the first.
    return actual.flatMap((item, i) => differences(expected.length === actual.length ? expected[i] : expected[0], item, `${where}[${i}]`, key));
  }
  if (typeof expected === 'object') {
    return Object.keys(expected).flatMap((k) => (k in actual
      ? differences(expected[k], actual[k], `${where}.${k}`, k)
      : [`${where}: no ${k}`]));
  }
  return [];
}

/**
 * A collection: every item has every property the published item has, and at least one item has
 * its whole shape (items differ with the data: an event without a location has no uniqueId).
 */
function collectionDifferences(expected, actual) {
  const { value: template, ...envelope } = expected;
  const found = differences(envelope, actual);
  if (!Array.isArray(actual.value) || actual.value.length === 0) return [...found, 'body.value: no items to compare'];
  // A delta round mixes removed items ({id, @removed}) with others: each is held to a published one of its kind.
  const shapeOf = (item) => template.find((t) => ('@removed' in t) === ('@removed' in item)) ?? template[0];
  for (const [i, item] of actual.value.entries()) {
    const missing = Object.keys(shapeOf(item)).filter((k) => !(k in item));
    if (missing.length) found.push(`body.value[${i}]: no ${missing.join(', ')}`);
  }
  const perItem = actual.value.map((item, i) => differences(shapeOf(item), item, `body.value[${i}]`));
  if (perItem.every((d) => d.length)) found.push(...perItem.sort((a, b) => a.length - b.length)[0]);
  return found;
}

function headerDifferences(expected = {}, headers) {
  return Object.entries(expected).flatMap(([name, value]) => {
    const actual = headers.get(name);
    if (actual === null) return [`header ${name}: missing`];
    const format = formatOf(name, value);
    const same = format && format[0] !== 'an enum value' ? format[1].test(actual) : actual === value;
    return same ? [] : [`header ${name}: ${JSON.stringify(actual)} where Graph has ${JSON.stringify(value)}`];
  });
}

/** The events of delta-query-events.md's calendar view: subject, UTC start and end, location. */
const DECEMBER_2016 = [
  ['Plan shopping list', '2016-12-09T20:30:00', '2016-12-09T22:00:00'],
  ['Pick up car', '2016-12-10T01:00:00', '2016-12-10T02:00:00'],
  ['Get food', '2016-12-10T19:30:00', '2016-12-10T21:30:00'],
  ['Prepare food', '2016-12-10T22:00:00', '2016-12-11T00:00:00'],
  ['Rest!', '2016-12-12T02:00:00', '2016-12-12T07:30:00', 'Home'],
];

const at = (object, dotted) => dotted.split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), object);

describe('emulator: answers shaped like Microsoft\'s published examples (spec/emulator/fixtures)', () => {
  let emu;
  let graph;
  let answers;
  // A clock with milliseconds, so fractional-second formats show.
  withEmulator({ once: true, clock: Date.UTC(2026, 10, 27, 7, 0, 0) + 562 }, (env) => ({ emu, graph } = env));
  let appDirectory;
  let fixtureContact;
  before(() => {
    answers = new Map();
  });

  /** Tenants for the app-only examples, made on first use. */
  function fixtureApps() {
    if (!appDirectory) {
      const { control } = emu;
      const scoped = control.createTenant({ domains: ['fixtures.example'], displayName: 'Fixtures' });
      const user = control.createUser({
        userPrincipalName: 'chrisg@fixtures.example', displayName: 'Chris Green', givenName: 'Chris', surname: 'Green', jobTitle: 'Software Engineer', officeLocation: 'Seattle Office',
      });
      const shared = control.createSharedMailbox({ address: 'desk@fixtures.example', displayName: 'Desk' });
      control.setAdminConsent({ tenant: scoped.id, roles: ['Mail.ReadWrite', 'User.Read.All'] });
      control.setAppMailboxScope({ tenant: scoped.id, mailboxes: [user.mail] });
      const bare = control.createTenant({ domains: ['fixtures-unconsented.example'] });
      control.setAdminConsent({ tenant: bare.id, roles: null });
      appDirectory = {
        user, shared,
        app: control.issueAppTokens({ tenant: scoped.id }).access_token,
        'app-unconsented': control.issueAppTokens({ tenant: bare.id }).access_token,
      };
    }
    return appDirectory;
  }

  /** The link an answered example hands on (@odata.nextLink or @odata.deltaLink). */
  const linkOf = async (name) => {
    const { body } = await replay(name);
    return body['@odata.nextLink'] ?? body['@odata.deltaLink'];
  };

  /** What a placeholder of an example stands for in the emulator. */
  async function resolve(kind, { request, authorize }) {
    if (kind.startsWith('event:')) return (await replay(kind.slice('event:'.length))).body.id;
    // Delta examples: a folder holding exactly n mails, the link of an earlier example, or that link
    // after the changes the example makes between rounds (create, delete, read), in that order.
    if (kind.startsWith('folder-with:')) {
      const [, name, count] = kind.split(':');
      const added = Array.from({ length: Number(count) }, (_, i) => emu.control.addMail({ folder: name, subject: `${name} ${i + 1}`, from: 'Dana Swope <danas@contoso.com>' }));
      const folder = (await graph(`/me/mailFolders/${added[0].parentFolderId}?$select=totalItemCount`)).body;
      if (folder.totalItemCount !== Number(count)) throw new Error(`${name} held mail before`);
      return added[0].parentFolderId;
    }
    // Contact delta: a new contact folder holding exactly n contacts.
    if (kind.startsWith('contact-folder-with:')) {
      const [, name, count] = kind.split(':');
      const folder = emu.control.addContactFolder({ displayName: name });
      for (let i = 0; i < Number(count); i += 1) {
        emu.control.addContact({ folder: folder.id, givenName: `Contact ${i + 1}`, surname: 'Example', initials: 'C.E.', birthday: '1980-02-29T11:59:00Z' });
      }
      return folder.id;
    }
    if (kind.startsWith('link:')) return linkOf(kind.slice('link:'.length));
    if (kind.startsWith('next-round:')) {
      const [, name, actions] = kind.split(':');
      const link = await linkOf(name);
      const folder = decodeURIComponent(/\/mailFolders\/([^/]+)\/messages\/delta/i.exec(link)[1]);
      const there = (await graph(`/me/mailFolders/${folder}/messages?$select=id`)).body.value.map((m) => m.id);
      for (const action of actions.split(',')) {
        if (action === 'create') emu.control.addMail({ folder, subject: 'Arrived between rounds', from: 'PattiF@contoso.com' });
        else if (action === 'delete') emu.control.deleteMail(there.shift());
        else if (action === 'read') emu.control.updateMail(there.shift(), { isRead: true });
        else throw new Error(`unknown action ${action}`);
      }
      return link;
    }
    // Calendar delta examples: the five events of December 2016, and the next round after one is
    // deleted and the example's new one added.
    if (kind === 'december-2016') {
      const query = 'startdatetime=2016-12-01T00:00:00Z&enddatetime=2016-12-30T00:00:00Z';
      if ((await graph(`/me/calendarView?${query}`)).body.value.length) throw new Error('the calendar held events in December 2016');
      const at = (dateTime) => ({ dateTime, timeZone: 'UTC' });
      for (const [subject, start, end, location] of DECEMBER_2016) {
        emu.control.addEvent({ subject, start: at(start), end: at(end), ...(location ? { location: { displayName: location } } : {}) });
      }
      return query;
    }
    if (kind.startsWith('events-next-round:')) {
      const link = await linkOf(kind.slice('events-next-round:'.length));
      const [first] = (await graph('/me/calendarView?startdatetime=2016-12-01T00:00:00Z&enddatetime=2016-12-30T00:00:00Z&$orderby=start/dateTime')).body.value;
      expect((await graph(`/me/events/${first.id}`, { method: 'DELETE' })).status).to.equal(204);
      emu.control.addEvent({
        subject: 'Attend service',
        start: { dateTime: '2016-12-25T06:00:00', timeZone: 'UTC' },
        end: { dateTime: '2016-12-25T07:30:00', timeZone: 'UTC' },
        location: {
          displayName: 'Chapel of Saint Ignatius',
          address: { street: '900 Broadway', city: 'Seattle', state: 'WA', countryOrRegion: 'United States', postalCode: '' },
          coordinates: { latitude: 47.6105, longitude: -122.321 },
        },
      });
      return link;
    }
    switch (kind) {
      case 'tenant': return emu.tenantId;
      case 'primary': return emu.mailboxes.primary;
      case 'secondary': return emu.mailboxes.secondary;
      case 'shared': return emu.tenants[0].sharedMailboxes[0];
      case 'shared-id': return (await graph(`/users/${emu.tenants[0].sharedMailboxes[0]}`)).body.id;
      case 'app-user': return fixtureApps().user.id;
      case 'app-shared': return fixtureApps().shared.mail;
      case 'client_id': return 'emulator-client-id';
      case 'client_secret': return 'emulator-client-secret';
      case 'refresh_token': return emu.control.issueTokens().refresh_token;
      case 'code': {
        const query = new URLSearchParams({
          client_id: 'emulator-client-id', redirect_uri: request.form.redirect_uri, response_type: 'code', scope: authorize.scope, state: 's',
        });
        const res = await fetch(`${emu.url}/${emu.tenantId}/oauth2/v2.0/authorize?${query}`, { redirect: 'manual' });
        return new URL(res.headers.get('location')).searchParams.get('code');
      }
      case 'message': return (await graph('/me/mailFolders/inbox/messages?$top=1')).body.value[0].id;
      case 'inbox': return (await graph('/me/mailFolders/inbox')).body.id;
      case 'calendar': return (await graph('/me/calendar')).body.id;
      // A contact with the properties of contact-get.md's example, made once for the contact examples.
      case 'contact': return (fixtureContact ??= emu.control.addContact({
        givenName: 'Garth', surname: 'Fort', displayName: 'Garth Fort', initials: 'G.F.', nickName: 'Garth',
        emailAddresses: [{ name: 'Garth', address: 'garth@contoso.example' }], imAddresses: ['sip:garthf@contoso.example'],
        jobTitle: 'Web Marketing Manager', companyName: 'Contoso, Inc.', department: 'Sales & Marketing', officeLocation: '20/1101',
        businessHomePage: 'https://www.contoso.com', businessPhones: ['+1 918 555 0101'],
        businessAddress: { street: '10 Contoso Way', city: 'Redmond', state: 'WA', countryOrRegion: 'USA', postalCode: '98075' },
      })).id;
      case 'contact-to-delete': return emu.control.addContact({ givenName: 'Gone' }).id;
      case 'contactFolder': return (await graph('/me/contactFolders')).body.value[0].id;
      default: return meetingPlaceholder(kind);
    }
  }

  /** Meetings between the primary and the secondary mailbox, for the examples that answer or cancel one. */
  async function meetingPlaceholder(kind) {
    const at = { start: { dateTime: '2019-08-15T12:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2019-08-15T14:00:00', timeZone: 'Pacific Standard Time' } };
    const invite = (address) => ({ subject: "Let's go for lunch", ...at, attendees: [{ emailAddress: { address }, type: 'required' }] });
    const megan = emu.control.issueTokens({ mailbox: emu.mailboxes.secondary }).access_token;
    const copyIn = async (iCalUId, token) => (await graph('/me/events?$top=1000&$select=id,iCalUId', { token })).body.value.find((e) => e.iCalUId === iCalUId).id;
    switch (kind) {
      // The primary mailbox's copy of a meeting the secondary organised.
      case 'invitation': return copyIn((await graph('/me/events', { method: 'POST', body: invite(emu.mailboxes.primary), token: megan })).body.iCalUId);
      // A meeting the primary organised with the secondary invited.
      case 'meeting': return (await graph('/me/events', { method: 'POST', body: invite(emu.mailboxes.secondary) })).body.id;
      // ... which the secondary answered tentatively, proposing the next day.
      case 'proposed-meeting': {
        const meeting = (await graph('/me/events', { method: 'POST', body: invite(emu.mailboxes.secondary) })).body;
        const proposedNewTime = { start: { dateTime: '2019-08-16T12:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2019-08-16T14:00:00', timeZone: 'Pacific Standard Time' } };
        await graph(`/me/events/${encodeURIComponent(await copyIn(meeting.iCalUId, megan))}/tentativelyAccept`, { method: 'POST', body: { proposedNewTime }, token: megan });
        return meeting.id;
      }
      // An event with one small file.
      case 'event-with-file': {
        const event = (await graph('/me/events', { method: 'POST', body: { subject: 'Menu', ...at } })).body;
        await graph(`/me/events/${encodeURIComponent(event.id)}/attachments`, { method: 'POST', body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'menu.txt', contentBytes: Buffer.from('mac and cheese today').toString('base64') } });
        return event.id;
      }
      default: throw new Error(`unknown placeholder kind ${kind}`);
    }
  }

  /** Sends the example's request (placeholders replaced) once; later calls get the same answer. */
  async function replay(name) {
    if (answers.has(name)) return answers.get(name);
    const fixture = FIXTURES.get(name);
    const { request, substitute = {} } = fixture;
    let target = request.path;
    const form = request.form && { ...request.form };
    // Placeholders stand for a form field, or for text in the path and the JSON body.
    let body = request.body === undefined ? undefined : JSON.stringify(request.body);
    for (const [placeholder, kind] of Object.entries(substitute)) {
      const value = await resolve(kind, fixture);
      if (form && placeholder in form) {
        form[placeholder] = value;
      } else {
        target = target.split(placeholder).join(value);
        body = body && body.split(placeholder).join(value);
      }
    }
    let answer;
    if (form) {
      const res = await fetch(`${emu.url}${target}`, {
        method: request.method, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(),
      });
      answer = { status: res.status, headers: res.headers, body: await res.json() };
    } else {
      const token = fixture.auth ? fixtureApps()[fixture.auth] : undefined;
      if (fixture.auth && !token) throw new Error(`unknown auth ${fixture.auth}`);
      answer = await graph(target, { method: request.method, headers: request.headers, body: body && JSON.parse(body), ...(token ? { token } : {}) });
    }
    answers.set(name, answer);
    return answer;
  }

  for (const [name, fixture] of FIXTURES) {
    const { source, response } = fixture;
    it(`${source.path.split('/').pop()} "${source.example}": ${fixture.request.method} ${fixture.request.path.split('?')[0]}`, async () => {
      const answer = await replay(name);
      if (response.status === undefined) expect(answer.status, 'an error status').to.be.within(400, 599);
      else expect(answer.status, JSON.stringify(answer.body)).to.equal(response.status);
      const found = headerDifferences(response.headers, answer.headers);
      if (response.body === undefined) {
        expect(answer.body, 'no body').to.equal(undefined);
      } else {
        found.push(...(Array.isArray(response.body.value) ? collectionDifferences(response.body, answer.body) : differences(response.body, answer.body)));
      }
      for (const dotted of fixture.echo ?? []) {
        if (JSON.stringify(at(answer.body, dotted)) !== JSON.stringify(at(response.body, dotted))) {
          found.push(`body.${dotted}: ${JSON.stringify(at(answer.body, dotted))} where Graph echoes ${JSON.stringify(at(response.body, dotted))}`);
        }
      }
      expect(found).to.deep.equal([]);
    });
  }
});

describe('emulator: the shape comparison of published examples notices', () => {
  it('a fraction with trailing zeros, a UTC zone for a Windows one, a missing or retyped property, an enum in another case', () => {
    expect(differences({ t: '2019-02-28T21:17:57.56197Z' }, { t: '2019-02-28T21:17:57.5620000Z' })).to.have.length(1);
    expect(differences({ t: '2019-02-28T21:17:57.56197Z' }, { t: '2019-02-28T21:17:57Z' })).to.deep.equal([]);
    expect(differences({ start: { timeZone: 'Pacific Standard Time' } }, { start: { timeZone: 'UTC' } })).to.have.length(1);
    expect(differences({ a: { b: 1 } }, { a: {} })).to.deep.equal(['body.a: no b']);
    expect(differences({ c: 'x' }, { c: 1 })).to.deep.equal(['body.c: number where Graph has string']);
    expect(differences({ d: ['monday'] }, { d: ['Monday'] })).to.have.length(1);
    expect(differences({ html: '<html><head></head><body>Hi</body></html>' }, { html: '<p>Hi</p>' })).to.have.length(1);
  });

  it('but not nulls (nullable properties), properties the published example leaves out, or another user id in @odata.context', () => {
    expect(differences({ x: null, y: 'a' }, { x: {}, y: null, z: 1 })).to.deep.equal([]);
    expect(differences(
      { '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#me/calendars('AAMk%3D')/events/$entity" },
      { '@odata.context': "http://127.0.0.1:1/v1.0/$metadata#users('x')/calendars('AAMk')/events/$entity" },
    )).to.deep.equal([]);
  });
});
