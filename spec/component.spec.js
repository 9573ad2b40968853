'use strict';

// component.json is what the platform reads: every step's module must load from lib/ and export
// `process`, every dropdown model must exist, every metadata file must be a valid JSON Schema,
// credentials must follow the classic OAuth2 layout, and what the steps really emit must fit the
// out schemas the mapper shows. The UI rules for fields, help and metadata are in platform-ui.spec.js.
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('./helpers/setup');
const { createContext } = require('./helpers/context');
const { answerEventSteps, createdEvent, deltaPage, graphEvent: seriesEvent, graphOccurrence } = require('./helpers/graphAnswers');
const { answerToolbox, platformStorage, toolboxMail } = require('./helpers/mailToolbox');
const { contactGraph, graphContact } = require('./helpers/contactGraph');
const { loadStep } = require('./helpers/sailor');
const { guardHarness } = require('./helpers/guardHarness');
const { fakeMaester } = require('./helpers/fakeMaester');
const { ROOT, component, steps, stepDef, readSchema, newAjv, forAjv, outErrors } = require('./helpers/metadata');

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

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
          const mod = loadStep(name);
          expect(mod.process).to.be.a('function');
          expect(mod.default, 'an export default object is not found by sailor').to.equal(undefined);
        });

        it('every dropdown model is a function the module exports', () => {
          const mod = loadStep(name);
          for (const [field, spec] of Object.entries(def.fields || {})) {
            if (spec.model !== undefined && typeof spec.model === 'string') {
              expect(mod[spec.model], `${name}.${field}.model ${spec.model}`).to.be.a('function');
            }
          }
        });

        it('every metadata file exists and is a valid JSON Schema (ajv strict)', () => {
          expect(def.metadata, `${name} declares no metadata`).to.be.an('object');
          for (const [direction, file] of Object.entries(def.metadata)) {
            expect(['in', 'out']).to.include(direction);
            expect(fs.existsSync(path.resolve(ROOT, file)), `${file} is missing from lib/`).to.equal(true);
            // Read as draft-07 the way forAjv() does, which is how the output checks below read it.
            const schema = forAjv(readSchema(file));
            const ajv = newAjv();
            expect(ajv.validateSchema(schema), `${file}: ${ajv.errorsText(ajv.errors)}`).to.equal(true);
            expect(() => newAjv().compile(schema), file).to.not.throw();
            expect(schema.type).to.equal('object');
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

    it('has the OAuth field (OAuthFieldView), optional so that an application credential can be saved, and a tenantId text field', () => {
      const { fields } = component.credentials;
      expect(fields.oauth).to.include({ viewClass: 'OAuthFieldView', required: false });
      expect(fields.oauth.note, 'a delegated credential still says it needs the sign-in').to.match(/Required for delegated/);
      expect(fields.tenantId.viewClass).to.equal('TextFieldView');
      expect(fields.tenantId.label).to.be.a('string').that.is.not.empty;
    });

    it('offers exactly the auth types and clouds the code takes, the client secret as a password field', () => {
      const { fields } = component.credentials;
      expect(Object.keys(fields.authType.model)).to.deep.equal(['delegated', 'application']);
      expect(Object.keys(fields.cloud.model)).to.deep.equal(['global', 'usgov', 'usgovdod', 'china']);
      expect(Object.keys(fields.loginHost.model)).to.deep.equal(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn']);
      expect(fields.loginHost).to.include({ viewClass: 'SelectView', required: true });
      expect(fields.clientSecret).to.include({ viewClass: 'PasswordFieldView', required: false });
      expect(fields.clientId).to.include({ viewClass: 'TextFieldView', required: false });
    });

    it('uses the env client id and secret and the v2.0 endpoints of the chosen sign-in host and tenant', () => {
      const { oauth2 } = component.credentials;
      expect(oauth2.client_id).to.equal('{{MSAPP_CLIENT_ID}}');
      expect(oauth2.client_secret).to.equal('{{MSAPP_CLIENT_SECRET}}');
      expect(oauth2.auth_uri).to.equal('https://{{loginHost}}/{{tenantId}}/oauth2/v2.0/authorize');
      expect(oauth2.token_uri).to.equal('https://{{loginHost}}/{{tenantId}}/oauth2/v2.0/token');
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
      const { getFolders } = loadStep('getNewMail');
      nock(GRAPH)
        .get('/v1.0/me/mailFolders').query(true).reply(200, { value: [
          { id: 'inbox-id', displayName: 'Inbox', childFolderCount: 1 },
          { id: 'sent-id', displayName: 'Sent Items', childFolderCount: 0 },
        ] })
        .get('/v1.0/me/mailFolders/inbox-id/childFolders').query(true).reply(200, { value: [{ id: 'proj-id', displayName: 'Projects', childFolderCount: 0 }] });
      const result = await getFolders.call(createContext(), cfgWith());
      expect(result).to.deep.equal({ 'inbox-id': 'Inbox', 'proj-id': 'Inbox / Projects', 'sent-id': 'Sent Items' });
    });

    it('getContactFolders lists the default Contacts folder first, then every folder under it by path', async () => {
      for (const step of ['getNewAndUpdatedContacts', 'createContact', 'upsertContact', 'lookupContact']) {
        const { getContactFolders } = loadStep(step);
        nock(GRAPH)
          .get('/v1.0/me/contactFolders').query(true).reply(200, { value: [{ id: 'f-sup', displayName: 'Suppliers', parentFolderId: 'root' }, { id: 'f-fam', displayName: 'Family', parentFolderId: 'root' }] })
          .get('/v1.0/me/contactFolders/f-sup/childFolders').query(true).reply(200, { value: [{ id: 'f-eu', displayName: 'Europe', parentFolderId: 'f-sup' }] })
          .get('/v1.0/me/contactFolders/f-fam/childFolders').query(true).reply(200, { value: [] })
          .get('/v1.0/me/contactFolders/f-eu/childFolders').query(true).reply(200, { value: [] });
        const result = await getContactFolders.call(createContext(), cfgWith());
        expect(Object.entries(result)).to.deep.equal([
          ['contacts', 'Contacts (default folder)'], ['f-fam', 'Contacts / Family'], ['f-sup', 'Contacts / Suppliers'], ['f-eu', 'Contacts / Suppliers / Europe'],
        ]);
      }
    });

    it('getCalendars lists calendars, the default one first and marked', async () => {
      for (const step of ['getNewAndUpdatedEvents', 'createEvent']) {
        const { getCalendars } = loadStep(step);
        nock(GRAPH).get('/v1.0/me/calendars').query(true).reply(200, { value: [
          { id: 'c2', name: 'Birthdays', isDefaultCalendar: false, canEdit: false },
          { id: 'c1', name: 'Calendar', isDefaultCalendar: true, canEdit: true },
        ] });
        const result = await getCalendars.call(createContext(), cfgWith());
        expect(Object.entries(result)).to.deep.equal([['c1', 'Calendar (default)'], ['c2', 'Birthdays']]);
      }
    });
  });

  describe('what the steps really emit fits their out schemas', () => {
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

    /** The same mail as a draft: Graph sends null for what a draft lacks yet. */
    const graphDraft = { ...graphMail, id: 'AAMkDraft=', internetMessageId: null, from: null, sender: null, sentDateTime: null, isDraft: true };

    async function actionOutput(step, body, attachments, fields = {}) {
      const out = await loadStep(step).process.call(createContext(), { id: `out-${body.subject}`, body, attachments, headers: {} }, cfgWith(fields));
      return out.body;
    }

    async function triggerOutputs(step, path, items) {
      nock(GRAPH).get(path).query(true).reply(200, { value: items }, { Date: new Date().toUTCString() });
      const ctx = createContext();
      await loadStep(step).process.call(ctx, {}, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), {});
      return ctx.emitted('data').map((data) => data.body);
    }

    /** Runs `work(harness, files)` on the emulator with a fake Maester; files(...names) stores small files there. */
    async function onEmulator(work) {
      const h = await guardHarness();
      const maester = await fakeMaester();
      const saved = Object.fromEntries(Object.keys(maester.env).map((k) => [k, process.env[k]]));
      Object.assign(process.env, maester.env);
      const files = async (...names) => {
        const out = {};
        for (const name of names) out[name] = { url: await maester.seed(require('stream').Readable.from([Buffer.from(`bytes of ${name}`)])), size: `bytes of ${name}`.length };
        return out;
      };
      try {
        return await work(h, files);
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
        await maester.close();
        await h.close();
      }
    }
    const outOf = (run) => {
      if (run.error) throw run.error;
      return run.out.body;
    };

    /** Every kind of message each step emits: with and without optional parts, with the nulls Graph sends. */
    const OUTPUTS = {
      // The sending steps on the emulator (drafts, the duplicate check, asynchronous sending):
      // files from a fake Maester, an inline image, the same message delivered again.
      sendMail: () => onEmulator(async (h, files) => {
        const mailbox = h.emu.mailboxes.primary;
        const body = { to: 'Ann <ann@example.com>', cc: 'b@example.com', subject: 'Hi', body: '<p><img src="cid:logo.png"></p>', bodyContentType: 'html', from: mailbox };
        const msg = { id: 'out-send', body, attachments: await files('logo.png', 'report.txt') };
        const guarded = await h.run('sendMail', msg, { cfg: { mailbox } });
        const again = await h.run('sendMail', msg, { cfg: { mailbox } });
        const direct = await h.run('sendMail', { id: 'out-direct', body: { to: 'ann@example.com', subject: 'Direct' } }, { cfg: { skipDuplicateCheck: true } });
        return [guarded, again, direct].map(outOf);
      }),
      replyToMail: () => onEmulator(async (h, files) => {
        const messageId = h.emu.control.addMail({ subject: 'Order', from: 'ann@fabrikam.example' }).id;
        const msg = { id: 'out-reply', body: { messageId, replyAll: true, body: 'Thanks', cc: 'ops@fabrikam.example' }, attachments: await files('report.txt') };
        const sent = await h.run('replyToMail', msg, { cfg: { mailbox: h.emu.mailboxes.primary } });
        const again = await h.run('replyToMail', msg, { cfg: { mailbox: h.emu.mailboxes.primary } });
        const plain = await h.run('replyToMail', { id: 'out-reply-2', body: { messageId } });
        return [sent, again, plain].map(outOf);
      }),
      forwardMail: () => onEmulator(async (h, files) => {
        const messageId = h.emu.control.addMail({ subject: 'Specs', from: 'ann@fabrikam.example' }).id;
        const msg = { id: 'out-fw', body: { messageId, to: 'bob@example.com', bcc: 'c@example.com', body: 'FYI' }, attachments: await files('report.txt') };
        const sent = await h.run('forwardMail', msg, { cfg: { mailbox: h.emu.mailboxes.primary } });
        const again = await h.run('forwardMail', msg, { cfg: { mailbox: h.emu.mailboxes.primary } });
        return [sent, again].map(outOf);
      }),
      createDraft: () => onEmulator(async (h, files) => {
        const mailbox = h.emu.mailboxes.primary;
        const msg = { id: 'out-draft', body: { to: 'ann@example.com', bcc: 'b@example.com', subject: 'Draft', from: mailbox }, attachments: await files('report.txt') };
        const made = await h.run('createDraft', msg, { cfg: { mailbox } });
        const again = await h.run('createDraft', msg, { cfg: { mailbox } });
        const bare = await h.run('createDraft', { id: 'out-draft-2', body: { to: 'ann@example.com' } });
        return [made, again, bare].map(outOf);
      }),
      sendDraft: () => onEmulator(async (h) => {
        const made = outOf(await h.run('createDraft', { id: 'out-d', body: { to: 'ann@example.com', cc: 'b@example.com', subject: 'Agenda' } }));
        const msg = { id: 'out-sd', body: { messageId: made.id } };
        const sent = await h.run('sendDraft', msg, { cfg: { mailbox: h.emu.mailboxes.primary } });
        const again = await h.run('sendDraft', msg, { cfg: { mailbox: h.emu.mailboxes.primary } });
        return [sent, again].map(outOf);
      }),
      createEvent: async () => {
        nock(GRAPH).post('/v1.0/me/calendar/events').reply(201, createdEvent({
          isOnlineMeeting: true,
          onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
          attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Ann', address: 'ann@example.com' } }],
          transactionId: 'b0c1d2e3-0000-0000-0000-000000000000',
        }));
        const online = await actionOutput('createEvent', { subject: 'Online', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', isOnlineMeeting: true });
        nock(GRAPH).post('/v1.0/me/calendar/events').reply(201, createdEvent());
        const plain = await actionOutput('createEvent', { subject: 'Plain', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' });
        const series = seriesEvent();
        nock(GRAPH).post('/v1.0/me/calendar/events').reply(201, createdEvent({ locations: series.locations, recurrence: series.recurrence, allowNewTimeProposals: true }));
        const recurring = await actionOutput('createEvent', { subject: 'Series', start: '2026-03-10T09:00:00+01:00', end: '2026-03-10T10:00:00+01:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU', locations: 'Room 1' });
        return [online, plain, recurring];
      },
      updateEvent: async () => {
        const ref = { eventId: 'AAMkSeries1=', timeZone: 'Europe/Berlin' };
        answerEventSteps(nock, GRAPH);
        const series = await actionOutput('updateEvent', { ...ref, subject: 'Renamed' });
        nock.cleanAll();
        answerEventSteps(nock, GRAPH, { patched: graphOccurrence({ type: 'exception' }) });
        const occurrence = await actionOutput('updateEvent', { ...ref, occurrenceStart: '2026-03-17', subject: 'Moved' });
        return [series, occurrence];
      },
      cancelEvent: async () => {
        answerEventSteps(nock, GRAPH);
        const one = await actionOutput('cancelEvent', { eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17', comment: 'Holiday', subject: 'cancel' });
        nock.cleanAll();
        nock(GRAPH).get(/\/events\//).query(true).reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
        const gone = await actionOutput('cancelEvent', { eventId: 'AAMkSeries1=', subject: 'gone' });
        return [one, gone];
      },
      respondToEvent: async () => {
        answerEventSteps(nock, GRAPH, { isOrganizer: false });
        const proposal = await actionOutput('respondToEvent', { eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17', response: 'decline', proposedStart: '2026-03-18T09:00:00Z', subject: 'respond' });
        const accepted = await actionOutput('respondToEvent', { eventId: 'AAMkSeries1=', response: 'accept', subject: 'accept' });
        return [proposal, accepted];
      },
      getEvent: async () => {
        answerEventSteps(nock, GRAPH);
        return [
          await actionOutput('getEvent', { eventId: 'AAMkSeries1=', subject: 'series' }),
          await actionOutput('getEvent', { eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17T09:00:00+01:00', timeZone: 'Europe/Berlin', subject: 'occurrence' }),
        ];
      },
      lookupEvents: async () => {
        answerEventSteps(nock, GRAPH);
        const emitted = [];
        for (const emitBehaviour of ['emitIndividually', 'emitPage']) {
          const ctx = createContext();
          await loadStep('lookupEvents').process.call(ctx, { id: 'out-lookup', body: { windowStart: '2026-03-01', windowEnd: '2026-03-31' }, headers: {} }, cfgWith({ emitBehaviour }));
          emitted.push(...ctx.emitted('data').map((data) => data.body));
        }
        return emitted;
      },
      getNewMail: async () => {
        const plain = await triggerOutputs('getNewMail', '/v1.0/me/mailFolders/inbox/messages', [graphMail, graphDraft]);
        // Store attachments, one batch: a mail with a file and one without.
        const undo = platformStorage();
        try {
          const withFile = { ...graphMail, id: 'AAMkFiles1', hasAttachments: true };
          const bodies = [];
          for (const emitBehaviour of ['emitIndividually', 'emitPage']) {
            nock(GRAPH).get('/v1.0/me/mailFolders/inbox/messages').query(true).reply(200, { value: [withFile, graphMail] }, { Date: new Date().toUTCString() })
              .get('/v1.0/me/messages/AAMkFiles1/attachments').query(true).reply(200, { value: [{ '@odata.type': '#microsoft.graph.fileAttachment', id: 'AAMkAtt1', name: 'a.txt', contentType: 'text/plain', size: 150, isInline: false, contentId: null }] })
              .get('/v1.0/me/messages/AAMkFiles1/attachments/AAMkAtt1/$value').reply(200, 'hello', { 'Content-Length': '5' });
            const ctx = createContext();
            await loadStep('getNewMail').process.call(ctx, {}, cfgWith({ startTime: '2026-01-01T00:00:00Z', storeAttachments: true, emitBehaviour }), {});
            bodies.push(...ctx.emitted('data').map((data) => data.body));
          }
          return [...plain, ...bodies];
        } finally {
          undo();
        }
      },
      ...toolboxOutputs(),
      getUpcomingEvents: async () => {
        // Graph's clock at a whole minute before noon UTC, so the window holds no midnight.
        const now = Date.UTC(2026, 0, 10, 10, 50, 0);
        const at = (minutes) => new Date(now + minutes * 60000).toISOString().replace('.000Z', '.0000000');
        const date = { Date: new Date(now).toUTCString() };
        nock(GRAPH).get('/v1.0/me/calendar').query(true).reply(200, { id: 'AAMkCal=' }, date);
        nock(GRAPH).get('/v1.0/me/calendar/calendarView').query(true).reply(200, { value: [
          { ...graphEvent, start: { dateTime: at(10), timeZone: 'UTC' }, end: { dateTime: at(70), timeZone: 'UTC' }, originalStart: null, responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' } },
          {
            ...graphEvent, id: 'AAMkOccurrence=', type: 'occurrence', seriesMasterId: 'AAMkMaster=', originalStart: `${at(5).slice(0, 19)}Z`, responseStatus: null,
            isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' },
            location: null, organizer: null, bodyPreview: null, reminderMinutesBeforeStart: null, start: { dateTime: at(5), timeZone: 'UTC' }, end: { dateTime: at(35), timeZone: 'UTC' },
          },
        ] }, date);
        const ctx = createContext();
        await loadStep('getUpcomingEvents').process.call(ctx, {}, cfgWith({ timeZone: 'Europe/Berlin' }), {});
        return ctx.emitted('data').map((data) => data.body);
      },
      checkAvailability: async () => {
        const item = (status, extra = {}) => ({ status, start: { dateTime: '2026-01-10T10:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-01-10T11:00:00.0000000', timeZone: 'UTC' }, ...extra });
        nock(GRAPH).post('/v1.0/me/calendar/getSchedule').reply(200, { value: [
          { scheduleId: 'ann@example.com', availabilityView: '0210', scheduleItems: [item('busy', { subject: 'Budget', location: 'Room 1', isPrivate: false }), item('tentative')], workingHours: { daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'UTC' } } },
          { scheduleId: 'room@example.com', availabilityView: '0000', scheduleItems: [] },
          { scheduleId: 'ghost@example.com', error: { message: 'Unable to resolve e-mail address ghost@example.com to an Active Directory object.', responseCode: '5009' } },
        ] });
        return [await actionOutput('checkAvailability', { schedules: 'ann@example.com, room@example.com, ghost@example.com', start: '2026-01-10T09:00:00Z', end: '2026-01-10T11:00:00Z' })];
      },
      findMeetingTimes: async () => {
        const slot = { start: { dateTime: '2026-01-12T09:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-01-12T10:00:00.0000000', timeZone: 'UTC' } };
        nock(GRAPH).post('/v1.0/me/findMeetingTimes').reply(200, { emptySuggestionsReason: '', meetingTimeSuggestions: [
          { confidence: 100, order: 1, organizerAvailability: 'free', suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.', meetingTimeSlot: slot, locations: [{ displayName: 'Room 1' }], attendeeAvailability: [{ attendee: { type: 'required', emailAddress: { address: 'ann@example.com', name: 'Ann' } }, availability: 'free' }, { attendee: { emailAddress: { address: 'bob@example.com' } }, availability: 'unknown' }] },
          { confidence: 49.5, organizerAvailability: 'tentative', meetingTimeSlot: slot, attendeeAvailability: [] },
        ] });
        const found = await actionOutput('findMeetingTimes', { requiredAttendees: 'Ann <ann@example.com>, bob@example.com', start: '2026-01-12T08:00:00Z', end: '2026-01-12T17:00:00Z', subject: 'none' });
        nock(GRAPH).post('/v1.0/me/findMeetingTimes').reply(200, { emptySuggestionsReason: 'AttendeesUnavailable', meetingTimeSuggestions: [] });
        const none = await actionOutput('findMeetingTimes', { requiredAttendees: 'ann@example.com', start: '2026-01-12T08:00:00Z', end: '2026-01-12T17:00:00Z', subject: 'none2' });
        return [found, none];
      },
      getMailFolderChanges: async () => {
        // First poll: each chain's first round (created emits the mail since the start time); second: one change of each kind.
        const DELTA = '/v1.0/me/mailFolders/inbox/messages/delta';
        const date = { Date: new Date().toUTCString() };
        const answer = (type, value) => nock(GRAPH).get(DELTA).query((q) => q.changeType === type).reply(200, deltaPage(value, { token: `${type}-1` }), date);
        answer('created', [{ ...graphMail, lastModifiedDateTime: graphMail.receivedDateTime }, graphDraft]);
        answer('updated', [graphMail]);
        answer('deleted', [{ id: graphMail.id }]);
        // Mail emitted after the removals' round: their one more round, which leaves the link as it was.
        nock(GRAPH).get(DELTA).query((q) => q.$deltatoken === 'deleted-1').reply(200, deltaPage([], { token: 'deleted-1' }), date);
        const cfg = cfgWith({ startTime: '2026-01-01T00:00:00Z', changeTypes: ['created', 'updated', 'deleted'] });
        const first = createContext();
        await loadStep('getMailFolderChanges').process.call(first, {}, cfg, {});
        for (const [type, value] of [['created', []], ['updated', [{ ...graphMail, isRead: true, '@odata.etag': 'W/"CQAAABYAAAD2"' }]], ['deleted', [{ '@odata.type': '#microsoft.graph.message', id: 'AAMkGone=', '@removed': { reason: 'deleted' } }]]]) {
          nock(GRAPH).get(DELTA).query((q) => q.$deltatoken === `${type}-1`).reply(200, deltaPage(value, { token: `${type}-2` }), date);
        }
        const second = createContext();
        await loadStep('getMailFolderChanges').process.call(second, {}, cfg, first.emitted('snapshot').slice(-1)[0]);
        return [...first.emitted('data'), ...second.emitted('data')].map((data) => data.body);
      },
      getEventChanges: async () => {
        // First poll (start time): the calendar looked at for Graph's clock, then the first round: one
        // event created, one changed, one occurrence cancelled. Second: one removed.
        const VIEW = '/v1.0/me/calendarView/delta';
        const base = 'https://graph.microsoft.com/v1.0/me/calendarView/delta';
        const date = { Date: new Date().toUTCString() };
        nock(GRAPH).get('/v1.0/me/calendar').query(true).reply(200, { id: 'AAMkCalendar' }, date);
        nock(GRAPH).get(VIEW).query((q) => Boolean(q.startDateTime && q.endDateTime)).reply(200, deltaPage([
          graphEvent,
          { ...graphEvent, id: 'AAMkChanged=', createdDateTime: '2025-06-01T10:00:00Z', '@odata.etag': 'W/"two"' },
          { ...graphEvent, id: 'AAMkOccurrence=', type: 'occurrence', seriesMasterId: 'AAMkMaster', isCancelled: true },
        ], { base, token: 'v-1' }), date);
        const cfg = cfgWith({ startTime: '2026-01-01T00:00:00Z' });
        const first = createContext();
        await loadStep('getEventChanges').process.call(first, {}, cfg, {});
        nock(GRAPH).get(VIEW).query((q) => q.$deltatoken === 'v-1').reply(200, deltaPage([
          { '@odata.type': '#microsoft.graph.event', id: 'AAMkGone=', '@removed': { reason: 'deleted' } },
        ], { base, token: 'v-2' }), date);
        // A removal is looked up before it is emitted: gone.
        nock(GRAPH).get('/v1.0/me/events/AAMkGone%3D').query(true).reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
        const second = createContext();
        await loadStep('getEventChanges').process.call(second, {}, cfg, first.emitted('snapshot').slice(-1)[0]);
        return [...first.emitted('data'), ...second.emitted('data')].map((data) => data.body);
      },
      getContactChanges: async () => {
        // First poll (start time): one contact created since, a bare one changed since; second: one removed.
        const DELTA = '/v1.0/me/contactFolders/contacts/contacts/delta';
        const base = `https://graph.microsoft.com${DELTA}`;
        const date = { Date: new Date().toUTCString() };
        nock(GRAPH).get(DELTA).query((q) => Boolean(q.$select)).reply(200, deltaPage([
          graphContact({ createdDateTime: '2026-02-01T10:00:00Z', lastModifiedDateTime: '2026-02-01T10:00:00Z', middleName: 'J.', categories: ['Customers'] }),
          graphContact({ id: 'AAMkBare=', displayName: 'Bare', givenName: 'Bare', surname: null, emailAddresses: [], businessPhones: [], companyName: null, birthday: null, createdDateTime: '2025-06-01T10:00:00Z', lastModifiedDateTime: '2026-02-02T10:00:00Z' }),
        ], { base, token: 'k-1' }), date);
        const cfg = cfgWith({ startTime: '2026-01-01T00:00:00Z' });
        const first = createContext();
        await loadStep('getContactChanges').process.call(first, {}, cfg, {});
        nock(GRAPH).get(DELTA).query((q) => q.$deltatoken === 'k-1').reply(200, deltaPage([
          { '@odata.type': '#microsoft.graph.contact', id: 'AAMkGone=', '@removed': { reason: 'deleted' } },
        ], { base, token: 'k-2' }), date);
        const second = createContext();
        await loadStep('getContactChanges').process.call(second, {}, cfg, first.emitted('snapshot').slice(-1)[0]);
        return [...first.emitted('data'), ...second.emitted('data')].map((data) => data.body);
      },
      getNewAndUpdatedContacts: async () => {
        nock(GRAPH).get('/v1.0/me/contactFolders').query(true).reply(200, { value: [] });
        // A contact with everything, and one with nothing but a name (Graph's nulls and empty objects).
        return triggerOutputs('getNewAndUpdatedContacts', '/v1.0/me/contacts', [
          graphContact({ middleName: 'J.', mobilePhone: '+1 555 0100', homePhones: ['+1 555 0101'], homeAddress: { city: 'Seattle' }, otherAddress: { countryOrRegion: 'Canada' }, categories: ['Customers'], personalNotes: 'Notes' }),
          graphContact({ id: 'AAMkBare=', displayName: 'Bare', givenName: 'Bare', surname: null, nickName: null, emailAddresses: [], businessPhones: [], companyName: null, jobTitle: null, department: null, businessAddress: {}, birthday: null }),
        ]);
      },
      createContact: async () => {
        contactGraph();
        const full = await actionOutput('createContact', { givenName: 'Ann', surname: 'Lee', emailAddresses: 'ann@fabrikam.example', birthday: '1980-02-29', homeAddress: { city: 'Berlin' } });
        nock.cleanAll();
        contactGraph();
        const bare = await actionOutput('createContact', { companyName: 'Fabrikam' });
        return [full, bare];
      },
      updateContact: async () => {
        contactGraph({ contacts: [graphContact({ id: 'AAMkContact1=' })] });
        const changed = await actionOutput('updateContact', { contactId: 'AAMkContact1=', jobTitle: 'CEO', clearFields: 'birthday' });
        const unchanged = await actionOutput('updateContact', { contactId: 'AAMkContact1=', jobTitle: 'CEO' });
        return [changed, unchanged];
      },
      upsertContact: async () => {
        contactGraph({ contacts: [graphContact()] });
        const updated = await actionOutput('upsertContact', { emailAddress: 'garth@contoso.example', jobTitle: 'CEO' });
        const created = await actionOutput('upsertContact', { emailAddress: 'new@fabrikam.example', givenName: 'New' });
        return [updated, created];
      },
      lookupContact: async () => {
        contactGraph({ contacts: [graphContact()] });
        const found = await actionOutput('lookupContact', { emailAddress: 'GARTH@contoso.example' });
        const none = await actionOutput('lookupContact', { name: 'Nobody' });
        return [found, none];
      },
      deleteContact: async () => {
        contactGraph({ contacts: [graphContact({ id: 'AAMkContact1=' })] });
        return [await actionOutput('deleteContact', { contactId: 'AAMkContact1=' }), await actionOutput('deleteContact', { contactId: 'AAMkContact1=' })];
      },
      getNewAndUpdatedEvents: () => triggerOutputs('getNewAndUpdatedEvents', '/v1.0/me/calendar/events', [
        { ...graphEvent, id: 'AAMkOnline=', isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' }, seriesMasterId: 'AAMkMaster', recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-01-10' } } },
        graphEvent,
      ]),
    };

    /** Every kind of message the mail toolbox emits, against the nock stand-in of helpers/mailToolbox.js. */
    function toolboxOutputs() {
      const run = async (step, body, fields = {}, mail = {}) => {
        const undo = [answerToolbox(mail), platformStorage()];
        try {
          const ctx = createContext();
          const out = await loadStep(step).process.call(ctx, { id: `out-${step}`, body, headers: {} }, cfgWith(fields));
          return [...(out ? [out.body] : []), ...ctx.emitted('data').map((data) => data.body)];
        } finally {
          undo.forEach((fn) => fn());
        }
      };
      const flagged = { flag: { flagStatus: 'flagged', startDateTime: { dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'UTC' }, dueDateTime: { dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'UTC' } } };
      return {
        getMail: async () => [
          ...await run('getMail', { messageId: 'AAMkMail1' }),
          ...await run('getMail', { internetMessageId: toolboxMail().internetMessageId }, { storeAttachments: true, exportMime: true }),
        ],
        lookupMails: async () => [
          ...await run('lookupMails', { subjectContains: 'numbers' }),
          ...await run('lookupMails', { searchQuery: 'numbers' }, { emitBehaviour: 'emitPage' }),
        ],
        moveMail: () => run('moveMail', { messageId: 'AAMkMail1', destinationFolderId: 'archive' }),
        copyMail: () => run('copyMail', { messageId: 'AAMkMail1', destinationFolderPath: 'Inbox/Projects' }),
        updateMail: async () => [
          ...await run('updateMail', { messageId: 'AAMkMail1', isRead: true, flagDueDate: '2026-03-10' }, {}, flagged),
          ...await run('updateMail', { messageId: 'AAMkMail1', categories: 'Red', categoriesMode: 'add' }),
        ],
        deleteMail: async () => [
          ...await run('deleteMail', { messageId: 'AAMkMail1' }),
          ...await run('deleteMail', { messageId: 'AAMkMail1', permanent: true }),
        ],
        lookupFolder: () => run('lookupFolder', { path: 'Inbox/Projects' }, { createMissing: true }),
      };
    }

    it('the checker allows null only where the description says so, and enforces required properties', () => {
      expect(outErrors('getNewAndUpdatedEvents', { seriesMasterId: null })).to.deep.equal([]);
      expect(outErrors('getNewAndUpdatedEvents', { subject: null })).to.deep.equal(['/subject must be string']);
      const schema = forAjv({ type: 'object', title: 't', description: 'd', properties: { a: { type: 'string', title: 'A', description: 'a', required: true } } });
      expect(schema.required).to.deep.equal(['a']);
      expect(schema.properties.a).to.not.have.property('required');
    });

    steps.forEach(({ name }) => {
      it(`${name}: every message fits the out schema, which describes every key emitted and nothing that never is`, async () => {
        const outputs = await OUTPUTS[name]();
        expect(outputs.length).to.be.at.least(1);
        for (const body of outputs) expect(outErrors(name, body), JSON.stringify(body).slice(0, 200)).to.deep.equal([]);
        const described = Object.keys(readSchema(stepDef(name).metadata.out).properties);
        // Graph's annotations (@odata.etag) pass through but are not fields a designer maps.
        const emitted = new Set(outputs.flatMap((body) => Object.keys(JSON.parse(JSON.stringify(body)))).filter((key) => !key.startsWith('@odata.')));
        expect([...emitted].filter((key) => !described.includes(key)), 'emitted but not in the out schema').to.deep.equal([]);
        expect(described.filter((key) => !emitted.has(key)), 'in the out schema but never emitted').to.deep.equal([]);
      });
    });
  });
});
