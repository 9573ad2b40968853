'use strict';

// component.json is what the platform reads: every step's module must load from lib/ and export
// `process`, every dropdown model must exist, every metadata file must be a valid JSON Schema,
// credentials must follow the classic OAuth2 layout, and what the steps really emit must fit the
// out schemas the mapper shows.
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const nock = require('nock');
const Ajv = require('ajv');
const { GRAPH, cfgWith } = require('./helpers/setup');
const { createContext } = require('./helpers/context');

const ROOT = path.resolve(__dirname, '..');
const component = JSON.parse(fs.readFileSync(path.join(ROOT, 'component.json'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const steps = [
  ...Object.entries(component.triggers || {}).map(([name, def]) => ({ kind: 'trigger', name, def })),
  ...Object.entries(component.actions || {}).map(([name, def]) => ({ kind: 'action', name, def })),
];

/** View classes the elastic.io UI knows. */
const VIEW_CLASSES = ['TextFieldView', 'TextAreaView', 'PasswordFieldView', 'SelectView', 'MultiSelectView', 'CheckBox', 'OAuthFieldView', 'HTTPAuthView', 'CodeFieldView', 'JSONataView', 'WebHookAuthView'];

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function newAjv() {
  // Strict: unknown keywords, formats and type slips are errors. date-time is the one format used.
  return new Ajv({ strict: true, allErrors: true, formats: { 'date-time': (s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)) } });
}

function readSchema(relative) {
  return JSON.parse(fs.readFileSync(path.resolve(ROOT, relative), 'utf8'));
}

/** Validates `value` as it travels (JSON: undefined keys vanish) against a step's out schema. */
function outErrors(stepName, value) {
  const def = (component.actions || {})[stepName] || (component.triggers || {})[stepName];
  const validate = newAjv().compile(readSchema(def.metadata.out));
  const ok = validate(JSON.parse(JSON.stringify(value)));
  return ok ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

function loadMain(def) {
  return require(path.resolve(ROOT, def.main));
}

describe('component.json', () => {
  it('is complete at the top level', () => {
    expect(component.title).to.be.a('string').that.is.not.empty;
    expect(component.description).to.be.a('string').that.is.not.empty;
    expect(component.buildType).to.equal('docker');
    expect(steps.length).to.be.at.least(4);
  });

  describe('steps', () => {
    steps.forEach(({ kind, name, def }) => {
      describe(`${kind} ${name}`, () => {
        it('has a title, a description and a main under lib/ that exists as compiled JavaScript', () => {
          expect(def.title).to.be.a('string').that.is.not.empty;
          expect(def.description).to.be.a('string').that.is.not.empty;
          expect(def.main).to.match(/^\.\/lib\/.+\.js$/);
          expect(fs.existsSync(path.resolve(ROOT, def.main)), `${def.main} is missing: run npx tsc -p .`).to.equal(true);
        });

        it('main exports a function named process (what sailor calls)', () => {
          const mod = loadMain(def);
          expect(mod.process).to.be.a('function');
          expect(mod.default, 'an export default object is not found by sailor').to.equal(undefined);
        });

        it('every field has a known view class, and every model is a function the module exports', () => {
          const mod = loadMain(def);
          for (const [field, spec] of Object.entries(def.fields || {})) {
            expect(spec.label, `${name}.${field}.label`).to.be.a('string').that.is.not.empty;
            expect(VIEW_CLASSES, `${name}.${field}.viewClass`).to.include(spec.viewClass);
            if (spec.model !== undefined) {
              expect(mod[spec.model], `${name}.${field}.model ${spec.model}`).to.be.a('function');
              expect(spec.viewClass).to.match(/SelectView$/);
            }
          }
        });

        it('every metadata file exists and is a valid JSON Schema (ajv strict)', () => {
          expect(def.metadata, `${name} declares no metadata`).to.be.an('object');
          for (const [direction, file] of Object.entries(def.metadata)) {
            expect(['in', 'out']).to.include(direction);
            expect(fs.existsSync(path.resolve(ROOT, file)), `${file} is missing from lib/`).to.equal(true);
            const schema = readSchema(file);
            const ajv = newAjv();
            expect(ajv.validateSchema(schema), `${file}: ${ajv.errorsText(ajv.errors)}`).to.equal(true);
            expect(() => newAjv().compile(schema), file).to.not.throw();
            expect(schema.type).to.equal('object');
            for (const [prop, propSchema] of Object.entries(schema.properties || {})) {
              expect(propSchema.title, `${file}: ${prop} has no title for the mapper`).to.be.a('string').that.is.not.empty;
            }
            for (const required of schema.required || []) expect(schema.properties, `${file} requires ${required}`).to.have.property(required);
          }
        });

        if (kind === 'action') {
          it('has an in and an out schema', () => {
            expect(def.metadata).to.have.keys('in', 'out');
          });
        }

        if (kind === 'trigger') {
          it('is a polling trigger with an out schema', () => {
            expect(def.type).to.equal('polling');
            expect(def.metadata).to.have.property('out');
          });
        }
      });
    });

    it('the lib/ metadata files are the same as the src/ ones they are built from', () => {
      for (const { def } of steps) {
        for (const file of Object.values(def.metadata || {})) {
          const src = path.resolve(ROOT, file.replace('./lib/', './src/'));
          if (fs.existsSync(src)) expect(readSchema(file), file).to.deep.equal(JSON.parse(fs.readFileSync(src, 'utf8')));
        }
      }
    });
  });

  describe('credentials', () => {
    it('requires MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET as environment variables', () => {
      for (const name of ['MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET']) {
        expect(component.envVars, name).to.have.property(name);
        expect(component.envVars[name].required, name).to.equal(true);
        expect(component.envVars[name].description, name).to.be.a('string').that.is.not.empty;
      }
    });

    it('has the OAuth field (OAuthFieldView) and a tenantId text field', () => {
      const { fields } = component.credentials;
      expect(fields.oauth).to.include({ viewClass: 'OAuthFieldView', required: true });
      expect(fields.tenantId.viewClass).to.equal('TextFieldView');
      expect(fields.tenantId.label).to.be.a('string').that.is.not.empty;
    });

    it('uses the env client id and secret and the v2.0 endpoints of the chosen tenant', () => {
      const { oauth2 } = component.credentials;
      expect(oauth2.client_id).to.equal('{{MSAPP_CLIENT_ID}}');
      expect(oauth2.client_secret).to.equal('{{MSAPP_CLIENT_SECRET}}');
      expect(oauth2.auth_uri).to.equal('https://login.microsoftonline.com/{{tenantId}}/oauth2/v2.0/authorize');
      expect(oauth2.token_uri).to.equal('https://login.microsoftonline.com/{{tenantId}}/oauth2/v2.0/token');
    });

    it('asks for offline_access and every scope the steps need', () => {
      const scopes = component.credentials.oauth2.scopes.map((s) => s.toLowerCase());
      for (const scope of ['offline_access', 'calendars.read', 'calendars.readwrite', 'contacts.read', 'mail.read', 'mail.send', 'user.read']) {
        expect(scopes, scope).to.include(scope);
      }
      expect(new Set(scopes).size, 'a scope is listed twice').to.equal(scopes.length);
    });

    it('has the root verifyCredentials.js the platform requires, exporting a function', () => {
      expect(fs.existsSync(path.join(ROOT, 'verifyCredentials.js'))).to.equal(true);
      expect(require(path.join(ROOT, 'verifyCredentials'))).to.be.a('function');
    });
  });

  describe('version', () => {
    it('is semver and matches package.json', () => {
      expect(component.version).to.match(/^\d+\.\d+\.\d+$/);
      expect(component.version).to.equal(pkg.version);
    });

    it('matches the newest CHANGELOG.md heading', function changelog() {
      const file = path.join(ROOT, 'CHANGELOG.md');
      if (!fs.existsSync(file)) this.skip();
      const heading = /^##\s+\[?(\d+\.\d+\.\d+)\]?/m.exec(fs.readFileSync(file, 'utf8'));
      expect(heading, 'CHANGELOG.md has no "## x.y.z" heading').to.not.equal(null);
      expect(heading[1]).to.equal(component.version);
    });

    it('targets Node 24, as elastic.io\'s current components do (the platform builds from node:<engines.node>)', () => {
      expect(pkg.engines.node).to.equal('24.x');
    });
  });

  describe('dropdown models answer {value: label}', () => {
    it('getFolders lists nested folders by path', async () => {
      const { getFolders } = loadMain(component.triggers.getNewMail);
      nock(GRAPH)
        .get('/v1.0/me/mailFolders').query(true).reply(200, { value: [
          { id: 'inbox-id', displayName: 'Inbox', childFolderCount: 1 },
          { id: 'sent-id', displayName: 'Sent Items', childFolderCount: 0 },
        ] })
        .get('/v1.0/me/mailFolders/inbox-id/childFolders').query(true).reply(200, { value: [{ id: 'proj-id', displayName: 'Projects', childFolderCount: 0 }] });
      const result = await getFolders.call(createContext(), cfgWith());
      expect(result).to.deep.equal({ 'inbox-id': 'Inbox', 'proj-id': 'Inbox / Projects', 'sent-id': 'Sent Items' });
    });

    it('getCalendars lists calendars, the default one first and marked', async () => {
      for (const step of [component.triggers.getNewAndUpdatedEvents, component.actions.createEvent]) {
        const { getCalendars } = loadMain(step);
        nock(GRAPH).get('/v1.0/me/calendars').query(true).reply(200, { value: [
          { id: 'c2', name: 'Birthdays', isDefaultCalendar: false, canEdit: false },
          { id: 'c1', name: 'Calendar', isDefaultCalendar: true, canEdit: true },
        ] });
        const result = await getCalendars.call(createContext(), cfgWith());
        expect(Object.entries(result)).to.deep.equal([['c1', 'Calendar (default)'], ['c2', 'Birthdays']]);
      }
    });
  });

  describe('real outputs fit the out schemas', () => {
    it('sendMail', async () => {
      const { process: send } = loadMain(component.actions.sendMail);
      nock(GRAPH).post('/v1.0/me/sendMail').reply(202);
      nock('https://storage.example.net').get('/f').reply(200, 'file');
      const out = await send.call(createContext(), {
        body: { to: 'Ann <ann@example.com>', cc: 'b@example.com', subject: 'Hi', body: 'x' },
        attachments: { 'f.txt': { url: 'https://storage.example.net/f', size: 4 } },
      }, cfgWith());
      expect(outErrors('sendMail', out.body)).to.deep.equal([]);
    });

    const createdEvent = {
      id: 'AAMkEvent1',
      iCalUId: '040000008200E00074C5B7101A82E008',
      webLink: 'https://outlook.office365.com/owa/?itemid=AAMkEvent1',
      subject: 'Planning',
      start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'UTC' },
      isAllDay: false,
      attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Ann', address: 'ann@example.com' } }],
      transactionId: 'b0c1d2e3-0000-0000-0000-000000000000',
    };

    it('createEvent with a Teams meeting', async () => {
      const { process: create } = loadMain(component.actions.createEvent);
      nock(GRAPH).post('/v1.0/me/calendar/events').reply(201, { ...createdEvent, isOnlineMeeting: true, onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' } });
      const out = await create.call(createContext(), { id: 'm1', body: { subject: 'Planning', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', isOnlineMeeting: true } }, cfgWith());
      expect(outErrors('createEvent', out.body)).to.deep.equal([]);
    });

    it('createEvent without a Teams meeting (joinUrl must fit the schema too)', async () => {
      const { process: create } = loadMain(component.actions.createEvent);
      nock(GRAPH).post('/v1.0/me/calendar/events').reply(201, { ...createdEvent, isOnlineMeeting: false, onlineMeeting: null });
      const out = await create.call(createContext(), { id: 'm2', body: { subject: 'Planning', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' } }, cfgWith());
      expect(outErrors('createEvent', out.body)).to.deep.equal([]);
    });

    /** A mail as Graph returns it for the trigger's $select (shape of Microsoft's documented examples). */
    const graphMail = {
      '@odata.etag': 'W/"CQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAAB7Ud+"',
      id: 'AAMkAGUAAAwTW09AAA=',
      internetMessageId: '<MWHPR1301MB2112.namprd13.prod.outlook.com>',
      conversationId: 'AAQkAGUAAA-1',
      parentFolderId: 'AAMkAGInbox',
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
      webLink: 'https://outlook.office365.com/owa/?ItemID=AAMkAGUAAAwTW09AAA%3D&exvsurl=1&viewmodel=ReadMessageItem',
    };

    /** A plain (not recurring, not online) event as Graph returns it: Graph sends nulls for what it lacks. */
    const graphEvent = {
      '@odata.etag': 'W/"ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw=="',
      id: 'AAMkAGIAAAoZDOFAAA=',
      changeKey: 'ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw==',
      iCalUId: '040000008200E00074C5B7101A82E00800000000',
      type: 'singleInstance',
      seriesMasterId: null,
      subject: 'Orientation',
      bodyPreview: 'Dana, this is the time you selected for our orientation.',
      body: { contentType: 'html', content: '<html><body>Dana</body></html>' },
      start: { dateTime: '2026-01-10T11:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-01-10T12:00:00.0000000', timeZone: 'UTC' },
      isAllDay: false,
      location: { displayName: 'Assembly Hall', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
      attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Dana', address: 'dana@example.com' } }],
      organizer: { emailAddress: { name: 'Ann', address: 'ann@example.com' } },
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      onlineMeeting: null,
      showAs: 'busy',
      sensitivity: 'normal',
      importance: 'normal',
      recurrence: null,
      isCancelled: false,
      categories: [],
      reminderMinutesBeforeStart: 15,
      webLink: 'https://outlook.office365.com/owa/?itemid=AAMkAGIAAAoZDOFAAA%3D&exvsurl=1&path=/calendar/item',
      createdDateTime: '2026-01-05T10:00:00.1234567Z',
      lastModifiedDateTime: '2026-01-05T10:00:01.7654321Z',
    };

    it('getNewMail: the mail it emits', async () => {
      const { process: poll } = loadMain(component.triggers.getNewMail);
      nock(GRAPH).get('/v1.0/me/mailFolders/inbox/messages').query(true).reply(200, { value: [graphMail] }, { Date: new Date().toUTCString() });
      const ctx = createContext();
      await poll.call(ctx, {}, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), {});
      const data = ctx.emitted('data');
      expect(data).to.have.length(1);
      expect(outErrors('getNewMail', data[0].body)).to.deep.equal([]);
    });

    it('getNewAndUpdatedEvents: an online meeting it emits', async () => {
      const { process: poll } = loadMain(component.triggers.getNewAndUpdatedEvents);
      const online = { ...graphEvent, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' }, seriesMasterId: 'AAMkMaster', recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-01-10' } } };
      nock(GRAPH).get('/v1.0/me/calendar/events').query(true).reply(200, { value: [online] }, { Date: new Date().toUTCString() });
      const ctx = createContext();
      await poll.call(ctx, {}, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), {});
      const data = ctx.emitted('data');
      expect(data).to.have.length(1);
      expect(outErrors('getNewAndUpdatedEvents', data[0].body)).to.deep.equal([]);
    });

    it('getNewAndUpdatedEvents: a plain event, with the nulls Graph sends for seriesMasterId, recurrence and onlineMeeting', async () => {
      const { process: poll } = loadMain(component.triggers.getNewAndUpdatedEvents);
      nock(GRAPH).get('/v1.0/me/calendar/events').query(true).reply(200, { value: [graphEvent] }, { Date: new Date().toUTCString() });
      const ctx = createContext();
      await poll.call(ctx, {}, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), {});
      const data = ctx.emitted('data');
      expect(data).to.have.length(1);
      expect(outErrors('getNewAndUpdatedEvents', data[0].body)).to.deep.equal([]);
    });
  });
});
