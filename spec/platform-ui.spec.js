'use strict';

// What the platform UI shows a flow designer, held to the platform's own rules
// (shared/notes/elasticio-runtime.md beside the project, "component.json as the platform UI reads it"):
// documented view classes, field order, short notes, help on every step and on the credential,
// links only to a real documentation address, and metadata in the form official components use:
// one type, a title and a description on every property, `"required": true` on the property and
// only where the code really refuses the input without it, proven by running the actions.
const fs = require('fs');
const path = require('path');
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('./helpers/setup');
const { createContext } = require('./helpers/context');
const { answerEventSteps, createdEvent, deltaPage } = require('./helpers/graphAnswers');
const { answerToolbox, platformStorage } = require('./helpers/mailToolbox');
const { contactGraph, graphContact } = require('./helpers/contactGraph');
const { loadStep } = require('./helpers/sailor');
const { ROOT, component, steps, readSchema, propertiesOf } = require('./helpers/metadata');
const { startEmulator } = require('../lib/emulator');

/**
 * The project's public documentation address. There is none yet, so nothing may link anywhere (an
 * invented URL is worse than none). When one exists, set it here: the spec then requires the
 * component's docsUrl to be it and every step's help.link to lie under it.
 */
const DOCS_URL = null;

/** The view classes elastic.io documents; the UI renders nothing useful for any other name. */
const VIEW_CLASSES = ['TextFieldView', 'TextFieldWithNoteView', 'TextAreaView', 'CheckBoxView', 'SelectView', 'MultiSelectView', 'PasswordFieldView', 'OAuthFieldView', 'HTTPAuthView'];
const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array'];
/** A note sits under its field: a line or two, not a manual (that is what help.description is for). */
const MAX_NOTE = 160;
/** help.description is a short paragraph. */
const HELP_LENGTH = [120, 600];

const textOf = (html) => html.replace(/<[^>]+>/g, '');

/** The credential and every step, each as the form the UI renders: its fields and its help. */
const forms = [
  { label: 'credential', fields: component.credentials.fields, help: component.credentials.help },
  ...steps.map(({ kind, name, def }) => ({ label: `${kind} ${name}`, fields: def.fields || {}, help: def.help })),
];

function expectHelp(label, help) {
  expect(help, `${label} has no help`).to.be.an('object');
  const { description, link } = help;
  expect(description, `${label} help.description`).to.be.a('string');
  expect(description.length, `${label} help.description length`).to.be.within(...HELP_LENGTH);
  expect(description, `${label} help.description ends a sentence`).to.match(/[.)]$/);
  if (DOCS_URL === null) expect(link, `${label} help.link points to no documentation that exists`).to.equal(undefined);
  else expect(link, `${label} help.link`).to.be.a('string').and.satisfy((url) => url.startsWith(DOCS_URL));
}

describe('platform UI: component.json as a flow designer sees it', () => {
  it(DOCS_URL === null ? 'declares no docsUrl until the project has a documentation address' : 'points docsUrl at the documentation', () => {
    expect(component.docsUrl).to.equal(DOCS_URL === null ? undefined : DOCS_URL);
  });

  forms.forEach(({ label, fields, help }) => {
    describe(label, () => {
      it('has a help.description a designer can act on', () => {
        expectHelp(label, help);
      });

      it('every field has a label, a documented view class, required as a boolean, and a short note', () => {
        for (const [name, field] of Object.entries(fields)) {
          expect(field.label, `${name}.label`).to.be.a('string').that.is.not.empty;
          expect(VIEW_CLASSES, `${name}.viewClass`).to.include(field.viewClass);
          expect(field.required, `${name}.required`).to.be.a('boolean');
          if (field.note !== undefined) expect(textOf(field.note).length, `${name}.note is ${textOf(field.note).length} characters`).to.be.at.most(MAX_NOTE);
          if (field.model !== undefined) expect(field.viewClass, `${name} has a model`).to.match(/SelectView$/);
        }
      });

      it('a field that requires others (a mailbox\'s folders need the mailbox) names fields of this form rendered above it', () => {
        for (const [name, field] of Object.entries(fields)) {
          for (const needed of field.require || []) {
            expect(fields, `${name} requires ${needed}`).to.have.property(needed);
            expect(fields[needed].order, `${needed} renders above ${name}`).to.be.above(field.order);
          }
        }
      });

      it('every field has its own order, required fields before optional ones (higher renders first)', () => {
        const entries = Object.entries(fields);
        for (const [name, field] of entries) expect(field.order, `${name}.order`).to.be.a('number').and.satisfy(Number.isInteger);
        const orders = entries.map(([, field]) => field.order);
        expect(new Set(orders).size, 'two fields share an order').to.equal(orders.length);
        const lowestRequired = Math.min(...entries.filter(([, f]) => f.required).map(([, f]) => f.order));
        const highestOptional = Math.max(...entries.filter(([, f]) => !f.required).map(([, f]) => f.order));
        expect(lowestRequired, 'an optional field renders above a required one').to.be.above(highestOptional);
      });
    });
  });

  it('the credential requires exactly the fields its OAuth URLs use, and renders them before the sign-in button', () => {
    const { fields, oauth2 } = component.credentials;
    const templated = [...new Set([oauth2.auth_uri, oauth2.token_uri].join(' ').match(/{{\w+}}/g).map((t) => t.slice(2, -2)))];
    const [oauthName, oauthField] = Object.entries(fields).find(([, f]) => f.viewClass === 'OAuthFieldView');
    // An application credential has no sign-in, so the button must not block saving one; a delegated
    // credential without it is refused at run time and by verifyCredentials, which say to sign in.
    expect(oauthField.required).to.equal(false);
    expect(oauthField.note).to.match(/Required for delegated/);
    for (const name of templated) {
      // An empty value would leave the sign-in URL without its tenant segment.
      expect(fields[name], `{{${name}}} is used by the OAuth URLs`).to.include({ required: true });
      expect(fields[name].order, `${name} renders before ${oauthName}`).to.be.above(oauthField.order);
    }
    const otherRequired = Object.keys(fields).filter((name) => fields[name].required && name !== oauthName && !templated.includes(name));
    expect(otherRequired, 'required but neither the sign-in nor used by it').to.deep.equal([]);
  });

  describe('metadata: the form official components use', () => {
    steps.forEach(({ name, def }) => {
      Object.entries(def.metadata).forEach(([direction, file]) => {
        it(`${name} ${direction}: one type, a title and a description on every property, nested ones too; required only as true on the property`, () => {
          const schema = readSchema(file);
          expect(schema.type).to.equal('object');
          expect(schema, 'a required list at the top (draft-04 form)').to.not.have.property('required');
          const properties = propertiesOf(schema);
          expect(properties).to.not.be.empty;
          for (const { path, prop } of properties) {
            expect(JSON_TYPES, `${path}.type must be one of ${JSON_TYPES.join(', ')} (no unions)`).to.include(prop.type);
            expect(prop.title, `${path}.title`).to.be.a('string').that.is.not.empty;
            expect(prop.description, `${path}.description`).to.be.a('string').that.is.not.empty;
            if ('required' in prop) expect(prop.required, `${path}.required`).to.equal(true);
            if (prop.items) expect(prop.items, `${path}.items`).to.not.have.property('required');
          }
        });
      });
    });
  });
});

// ---- the steps that change or read one event, and Find Events -------------------------------------

const EVENT_STEP_ANSWERS = {
  updateEvent: () => answerEventSteps(nock, GRAPH, { isOrganizer: true }),
  cancelEvent: () => answerEventSteps(nock, GRAPH, { isOrganizer: true }),
  respondToEvent: () => answerEventSteps(nock, GRAPH, { isOrganizer: false }),
  getEvent: () => answerEventSteps(nock, GRAPH, { isOrganizer: false }),
  lookupEvents: () => answerEventSteps(nock, GRAPH, { isOrganizer: false }),
};

const EVENT_REF = { eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17T09:00:00+01:00', timeZone: 'Europe/Berlin' };
const EVENT_STEP_INPUTS = {
  updateEvent: [{
    ...EVENT_REF,
    attendeesMode: 'add',
    subject: 'Planning (moved)',
    start: '2026-03-17T09:30:00+01:00',
    end: '2026-03-17T10:30:00+01:00',
    isAllDay: false,
    requiredAttendees: 'Ann <ann@example.com>',
    optionalAttendees: 'bob@example.com',
    resourceAttendees: 'room.1@example.com',
    isOnlineMeeting: true,
    location: 'Room 1',
    locations: [{ name: 'Head office', street: '1 Main St', city: 'Berlin', postalCode: '10115', countryOrRegion: 'DE' }, 'Room 2'],
    body: '<p>Moved</p>',
    bodyContentType: 'html',
    importance: 'high',
    showAs: 'tentative',
    sensitivity: 'private',
    reminderMinutesBeforeStart: 15,
    categories: 'Blue',
    allowNewTimeProposals: false,
    attendees: [{ address: 'carl@example.com', type: 'optional' }],
  }, {
    eventId: 'AAMkSeries1=',
    recurrence: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
    subject: 'Planning',
  }],
  cancelEvent: { ...EVENT_REF, comment: 'Cancelled for the holidays.' },
  respondToEvent: {
    ...EVENT_REF,
    response: 'tentativelyAccept',
    comment: 'Could we meet an hour later?',
    sendResponse: true,
    proposedStart: '2026-03-17T10:00:00+01:00',
    proposedEnd: '2026-03-17T11:00:00+01:00',
  },
  getEvent: EVENT_REF,
  lookupEvents: { windowStart: '2026-03-01', windowEnd: '2026-03-31', timeZone: 'Europe/Berlin', subject: 'plan', organizer: 'ann@example.com', categories: 'Blue' },
};
const EVENT_STEP_CFG = {
  updateEvent: { mailbox: 'info@example.com' },
  cancelEvent: { mailbox: 'info@example.com' },
  respondToEvent: { mailbox: 'info@example.com' },
  getEvent: { mailbox: 'info@example.com' },
  lookupEvents: { mailbox: 'info@example.com', calendarId: 'AAMkCalendar1', emitBehaviour: 'emitPage' },
};

/** What Graph answers each step, so that a run that passes validation succeeds. */
const answerPolls = () => nock(GRAPH).persist().get(/.*/).query(true).reply(200, { value: [] }, { Date: new Date().toUTCString() });
/** Graph for the sending steps: no mail with their key yet, drafts made, changed and sent. */
function answerDrafts() {
  const scope = nock(GRAPH).persist();
  const draft = { id: 'AAMkDraft1=', isDraft: true, parentFolderId: 'AAMkDrafts=', webLink: 'https://outlook.office.com/owa/?ItemID=AAMkDraft1%3D', subject: 'Report', body: { contentType: 'html', content: '<html><body><p>quoted</p></body></html>' } };
  scope.get(/\/messages$/).query(true).reply(200, { value: [] });
  scope.get(/\/messages\/[^/]+$/).query(true).reply(200, draft);
  scope.post(/\/(sendMail|send)$/).reply(202);
  scope.post(/\/(messages|createReply|createReplyAll|createForward)$/).reply(201, draft);
  scope.patch(/\/messages\/[^/]+$/).reply(200, draft);
}
const ANSWER = {
  getNewMail: answerPolls,
  getNewAndUpdatedEvents: answerPolls,
  getMailFolderChanges: () => nock(GRAPH).persist().get(/\/delta$/).query(true).reply(200, deltaPage([]), { Date: new Date().toUTCString() }),
  getEventChanges: () => nock(GRAPH).persist().get(/.*/).query(true).reply(200, deltaPage([]), { Date: new Date().toUTCString() }),
  sendMail: answerDrafts,
  replyToMail: answerDrafts,
  forwardMail: answerDrafts,
  createDraft: answerDrafts,
  sendDraft: answerDrafts,
  createEvent: () => nock(GRAPH).persist().post(/\/events$/).reply(201, createdEvent()),
  // The mail toolbox: one mail, one folder at every path; Get Mail may store files. Each returns its undo.
  ...Object.fromEntries(['lookupMails', 'moveMail', 'copyMail', 'updateMail', 'deleteMail', 'lookupFolder'].map((step) => [step, () => answerToolbox()])),
  getMail: () => {
    const undo = [answerToolbox(), platformStorage()];
    return () => undo.forEach((fn) => fn());
  },
  getUpcomingEvents: answerPolls,
  checkAvailability: () => nock(GRAPH).persist().post(/\/calendar\/getSchedule$/).reply(200, { value: [] }),
  findMeetingTimes: () => nock(GRAPH).persist().post(/\/findMeetingTimes$/).reply(200, { emptySuggestionsReason: 'Unknown', meetingTimeSuggestions: [] }),
  ...EVENT_STEP_ANSWERS,
  getNewAndUpdatedContacts: answerPolls,
  createContact: () => contactGraph(),
  updateContact: () => contactGraph({ contacts: [graphContact({ id: 'AAMkContact1=' })] }),
  upsertContact: () => contactGraph(),
  lookupContact: () => contactGraph({ contacts: [graphContact()] }),
  deleteContact: () => contactGraph({ contacts: [graphContact({ id: 'AAMkContact1=' })] }),
  getContactChanges: () => nock(GRAPH).persist().get(/\/delta$/).query(true).reply(200, deltaPage([]), { Date: new Date().toUTCString() }),
};

/** Every contact property an action takes, filled (Create Contact, Update Contact, Create or Update Contact). */
const FULL_CONTACT = {
  givenName: 'Pavel',
  middleName: 'J.',
  surname: 'Bansky',
  displayName: 'Pavel Bansky',
  nickName: 'Pav',
  emailAddresses: 'Pavel Bansky <pavelb@fabrikam.example>, pavel@home.example',
  businessPhones: '+1 732 555 0102; +1 732 555 0103',
  homePhones: ['+1 732 555 0104'],
  mobilePhone: '+1 732 555 0105',
  companyName: 'Fabrikam',
  jobTitle: 'Buyer',
  department: 'Purchasing',
  businessAddress: { street: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', countryOrRegion: 'USA' },
  homeAddress: { city: 'Seattle' },
  otherAddress: { countryOrRegion: 'Canada' },
  birthday: '1974-07-22',
  categories: 'Customers',
  personalNotes: 'Met at the fair.',
};

/** An input that fills every property of the action's in schema with a valid value. */
const FULL_INPUT = {
  sendMail: {
    from: 'Sales <sales@example.com>',
    to: 'Ann <ann@example.com>',
    cc: 'bob@example.com',
    bcc: 'carol@example.com',
    subject: 'Report',
    body: '<p>Attached.</p>',
    bodyContentType: 'html',
    importance: 'high',
    replyTo: 'replies@example.com',
    saveToSentItems: false,
  },
  replyToMail: { messageId: 'AAMkMail1=', replyAll: true, body: '<p>Thanks</p>', bodyContentType: 'html', to: 'ann@example.com', cc: 'bob@example.com', bcc: 'carol@example.com' },
  forwardMail: { messageId: 'AAMkMail1=', to: 'Ann <ann@example.com>', cc: 'bob@example.com', bcc: 'carol@example.com', body: 'FYI', bodyContentType: 'text' },
  createDraft: {
    from: 'Sales <sales@example.com>',
    to: 'Ann <ann@example.com>',
    cc: 'bob@example.com',
    bcc: 'carol@example.com',
    subject: 'Report',
    body: '<p>Attached.</p>',
    bodyContentType: 'html',
    importance: 'high',
    replyTo: 'replies@example.com',
  },
  sendDraft: { messageId: 'AAMkDraft1=' },
  createEvent: {
    subject: 'Planning',
    start: '2026-03-10T09:00:00+01:00',
    end: '2026-03-10T10:00:00+01:00',
    timeZone: 'Europe/Berlin',
    isAllDay: false,
    requiredAttendees: 'Ann <ann@example.com>',
    optionalAttendees: 'bob@example.com',
    resourceAttendees: 'room.1@example.com',
    isOnlineMeeting: true,
    location: 'Room 1',
    body: '<p>Agenda</p>',
    bodyContentType: 'html',
    importance: 'high',
    showAs: 'tentative',
    sensitivity: 'private',
    reminderMinutesBeforeStart: 15,
    categories: 'Blue',
    locations: [{ name: 'Head office', street: '1 Main St', city: 'Berlin', postalCode: '10115', countryOrRegion: 'DE', email: 'hq.room@example.com' }, 'Room 2'],
    allowNewTimeProposals: false,
    recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630',
    attendees: [{ address: 'carl@example.com', type: 'optional' }],
  },
  getMail: { messageId: 'AAMkMail1', internetMessageId: '<MWHPR1301MB2112.namprd13.prod.outlook.com>' },
  lookupMails: {
    searchQuery: 'numbers', from: 'ann@example.com', subjectContains: 'Quarterly', receivedAfter: '2026-01-01', receivedBefore: '2026-02-01T00:00:00Z',
    isRead: false, hasAttachments: false, importance: 'normal', categories: 'Red', maxResults: 10,
  },
  moveMail: { messageId: 'AAMkMail1', destinationFolderId: 'archive', destinationFolderPath: 'Inbox/Projects' },
  copyMail: { messageId: 'AAMkMail1', destinationFolderId: 'archive', destinationFolderPath: 'Inbox/Projects' },
  updateMail: { messageId: 'AAMkMail1', isRead: true, flagStatus: 'flagged', flagDueDate: '2026-03-10', importance: 'high', categories: 'Red', categoriesMode: 'add' },
  deleteMail: { messageId: 'AAMkMail1', permanent: false },
  lookupFolder: { path: 'Inbox/Projects/Alpha' },
  checkAvailability: {
    schedules: 'Ann <ann@example.com>; room.1@example.com',
    start: '2026-03-10T09:00:00+01:00',
    end: '2026-03-10T18:00:00+01:00',
    timeZone: 'Europe/Berlin',
    intervalMinutes: 60,
  },
  findMeetingTimes: {
    start: '2026-03-10T09:00:00+01:00',
    end: '2026-03-12T18:00:00+01:00',
    requiredAttendees: 'Ann <ann@example.com>',
    optionalAttendees: 'bob@example.com',
    resourceAttendees: 'room.1@example.com',
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
    activityDomain: 'work',
    maxCandidates: 10,
    minimumAttendeePercentage: 80,
    isOrganizerOptional: false,
  },
  ...EVENT_STEP_INPUTS,
  createContact: FULL_CONTACT,
  updateContact: { contactId: 'AAMkContact1=', ...FULL_CONTACT, clearFields: 'otherAddress', otherAddress: undefined },
  upsertContact: { emailAddress: 'pavelb@fabrikam.example', ...FULL_CONTACT },
  lookupContact: { emailAddress: 'garth@contoso.example', name: 'Garth Fort' },
  deleteContact: { contactId: 'AAMkContact1=' },
};

/**
 * The inputs that together fill every property of a step's in schema. Most steps take one;
 * where two properties cannot go together (Update Event: an occurrence has no recurrence of its
 * own) each input holds one of them, and a property is tried out on the input that holds it.
 */
const fullInputs = (name) => [].concat(FULL_INPUT[name] || {});
const fullInputWith = (name, prop) => fullInputs(name).find((input) => prop in input) || fullInputs(name)[0];
/** The properties of each action that take one of a fixed set of values (the spec finds them from the code's refusals). */
const FIXED_SETS = {
  sendMail: ['bodyContentType', 'importance'],
  createDraft: ['bodyContentType', 'importance'],
  replyToMail: ['bodyContentType'],
  forwardMail: ['bodyContentType'],
  createEvent: ['bodyContentType', 'importance'],
  lookupMails: ['importance'],
  updateMail: ['flagStatus', 'importance', 'categoriesMode'],
  findMeetingTimes: ['activityDomain'],
  updateEvent: ['attendeesMode', 'bodyContentType', 'importance', 'showAs', 'sensitivity'],
  respondToEvent: ['response'],
  cancelEvent: [],
  getEvent: [],
  lookupEvents: [],
};

/** Runs the step on `body` and `cfg`: undefined when it succeeded, else the error it was refused with. */
async function refusal(step, body, cfg = cfgWith()) {
  const undo = ANSWER[step]();
  try {
    await loadStep(step).process.call(createContext(), { id: 'ui-1', body, headers: {} }, cfg, {});
    return undefined;
  } catch (err) {
    return err;
  } finally {
    nock.cleanAll();
    if (typeof undo === 'function') undo();
  }
}

const without = (body, key) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const namesField = (err, field) => err !== undefined && err.name === 'InputError' && (err.field === field || err.field.startsWith(`${field}[`) || err.field.startsWith(`${field}.`));

describe('platform UI: the in metadata says what the action really accepts', () => {
  steps.filter(({ kind }) => kind === 'action').forEach(({ name, def }) => {
    describe(name, () => {
      const schema = readSchema(def.metadata.in);
      const props = Object.entries(schema.properties);

      it('the full input covers every property of the in schema, and is accepted', async () => {
        expect([...new Set(fullInputs(name).flatMap(Object.keys))]).to.have.members(Object.keys(schema.properties));
        for (const input of fullInputs(name)) expect(await refusal(name, input)).to.equal(undefined);
      });

      it('lists its required properties first, so the mapper shows them first', () => {
        const required = props.map(([, prop]) => prop.required === true);
        const firstOptional = required.indexOf(false);
        expect(firstOptional === -1 ? [] : required.slice(firstOptional), 'a required property follows an optional one').to.not.include(true);
      });

      it('carries no enum: the code takes any letter case (Microsoft\'s examples write HTML, Normal, Required), which an enum would refuse', () => {
        for (const { path, prop } of propertiesOf(schema)) expect(prop, path).to.not.have.property('enum');
      });

      props.forEach(([prop, propSchema]) => {
        if (propSchema.required === true) {
          it(`${prop} is required in the schema, and without it the action is refused naming ${prop}`, async () => {
            const err = await refusal(name, without(fullInputWith(name, prop), prop));
            expect(namesField(err, prop), err ? err.message : 'not refused').to.equal(true);
          });
        } else {
          it(`${prop} is optional in the schema, and without it the action is not refused`, async () => {
            const err = await refusal(name, without(fullInputWith(name, prop), prop));
            expect(err, err && err.message).to.equal(undefined);
          });
        }
      });

      it('every property the code takes from a fixed set names each value in its description, and each is taken in upper case', async () => {
        const fixed = [];
        for (const [prop, propSchema] of props.filter(([, p]) => p.type === 'string')) {
          // The code's own refusal lists what it takes.
          const err = await refusal(name, { ...fullInputWith(name, prop), [prop]: 'not-a-listed-value' });
          const listed = namesField(err, prop) && /must be one of (.+), got /.exec(err.message);
          if (listed) {
            fixed.push(prop);
            for (const value of listed[1].split(', ')) {
              expect(propSchema.description, `${prop}.description does not name ${value}`).to.match(new RegExp(`\\b${value}\\b`));
              expect(await refusal(name, { ...fullInputWith(name, prop), [prop]: value.toUpperCase() }), `${prop}: ${value.toUpperCase()}`).to.equal(undefined);
            }
            expect(propSchema.description, `${prop}.description`).to.match(/any letter case/);
          }
        }
        expect(fixed, 'the properties with a fixed set of values').to.include.members(FIXED_SETS[name] || []);
      });
    });
  });

  it('sendMail: to, cc and bcc are each optional, one of them is needed, and each description says so', async () => {
    const { properties } = readSchema(component.actions.sendMail.metadata.in);
    const noRecipient = without(without(without(FULL_INPUT.sendMail, 'to'), 'cc'), 'bcc');
    expect(namesField(await refusal('sendMail', noRecipient), 'to')).to.equal(true);
    for (const field of ['to', 'cc', 'bcc']) {
      expect(await refusal('sendMail', { ...noRecipient, [field]: 'ann@example.com' }), `only ${field}`).to.equal(undefined);
      expect(properties[field].description, field).to.match(/at least one of To, Cc and Bcc/i);
    }
  });
});

describe('platform UI: a step field is marked required exactly when the step refuses to run without it', () => {
  /** Every field of every step filled with a valid value (the dropdowns with an id Graph would list). */
  const FULL_CFG = {
    getNewMail: { mailbox: 'info@example.com', folderId: 'AAMkFolder1', startTime: '2026-01-01T00:00:00Z', pollOnlyUnreadMail: true, storeAttachments: true, emitBehaviour: 'emitPage' },
    getNewAndUpdatedEvents: { mailbox: 'info@example.com', calendarId: 'AAMkCalendar1', startTime: '2026-01-01T00:00:00Z', timeZone: 'Europe/Berlin' },
    getMailFolderChanges: { mailbox: 'info@example.com', folderId: 'AAMkFolder1', changeTypes: ['created', 'deleted'], startTime: '2026-01-01T00:00:00Z' },
    getEventChanges: {
      mailbox: 'info@example.com', calendarId: 'AAMkCalendar1', changeTypes: ['created', 'deleted'], pastDays: '7', futureDays: 90, startTime: '2026-01-01T00:00:00Z', timeZone: 'Europe/Berlin',
    },
    sendMail: { mailbox: 'info@example.com', skipDuplicateCheck: true },
    replyToMail: { mailbox: 'info@example.com', skipDuplicateCheck: true },
    forwardMail: { mailbox: 'info@example.com', skipDuplicateCheck: true },
    createDraft: { mailbox: 'info@example.com', skipDuplicateCheck: true },
    sendDraft: { mailbox: 'info@example.com', skipDuplicateCheck: true },
    createEvent: { mailbox: 'info@example.com', calendarId: 'AAMkCalendar1' },
    getMail: { mailbox: 'info@example.com', storeAttachments: true, exportMime: true },
    lookupMails: { mailbox: 'info@example.com', folderId: 'AAMkFolder1', emitBehaviour: 'emitPage' },
    moveMail: { mailbox: 'info@example.com', destinationFolderId: 'AAMkFolder1' },
    copyMail: { mailbox: 'info@example.com', destinationFolderId: 'AAMkFolder1', skipDuplicateCheck: true },
    updateMail: { mailbox: 'info@example.com' },
    deleteMail: { mailbox: 'info@example.com', errorIfNotFound: true },
    lookupFolder: { mailbox: 'info@example.com', createMissing: true },
    getUpcomingEvents: { mailbox: 'info@example.com', calendarId: 'AAMkCalendar1', minutesBefore: '30', graceMinutes: 60, timeZone: 'Europe/Berlin' },
    checkAvailability: { mailbox: 'info@example.com' },
    findMeetingTimes: { mailbox: 'info@example.com' },
    ...EVENT_STEP_CFG,
    getNewAndUpdatedContacts: { mailbox: 'info@example.com', contactFolderId: 'AAMkFolder1', startTime: '2026-01-01T00:00:00Z' },
    createContact: { mailbox: 'info@example.com', contactFolderId: 'AAMkFolder1' },
    updateContact: { mailbox: 'info@example.com' },
    upsertContact: { mailbox: 'info@example.com', contactFolderId: 'AAMkFolder1' },
    lookupContact: { mailbox: 'info@example.com', contactFolderId: 'AAMkFolder1', notFound: 'error' },
    deleteContact: { mailbox: 'info@example.com' },
    getContactChanges: { mailbox: 'info@example.com', contactFolderId: 'AAMkFolder1', changeTypes: ['created', 'deleted'], startTime: '2026-01-01T00:00:00Z' },
  };

  steps.forEach(({ name, def }) => {
    it(`${name}: the full configuration covers every field and runs`, async () => {
      expect(Object.keys(FULL_CFG[name])).to.have.members(Object.keys(def.fields || {}));
      expect(await refusal(name, fullInputs(name)[0], cfgWith(FULL_CFG[name]))).to.equal(undefined);
    });

    Object.entries(def.fields || {}).forEach(([field, spec]) => {
      it(`${name}.${field} is ${spec.required ? 'required, and the step refuses to run without it' : 'optional, and the step runs without it'}`, async () => {
        const cfg = cfgWith(without(FULL_CFG[name], field));
        const err = await refusal(name, fullInputs(name)[0], cfg);
        if (spec.required) expect(err && err.message, 'not refused').to.include(field);
        else expect(err, err && err.message).to.equal(undefined);
      });
    });
  });
});

describe('platform UI: Poll for New Mail sees what its help, its folder note and the README say', () => {
  const SEES = /\bmoved\b[^.;]* within about two minutes of (arriving|being received)/;

  it('the step description, its help, the folder note and the README say which moved mail is seen', () => {
    const { description, help, fields } = component.triggers.getNewMail;
    for (const [where, text] of [['description', description], ['help.description', help.description], ['folderId.note', fields.folderId.note]]) {
      expect(text, where).to.match(SEES);
    }
    expect(help.description).to.match(/moved in later .* is not emitted/);
    expect(fields.folderId.note).to.match(/moved in later is not emitted/);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).to.match(/moved .*into the watched folder more than about two minutes after it arrived is not emitted/);
  });

  it('on the emulator: mail delivered, or moved in a minute after arriving, is emitted; mail moved in ten minutes after arriving is not', async () => {
    const t0 = Date.UTC(2026, 2, 2, 9, 0, 0);
    let now = t0;
    const emu = await startEmulator({ now: () => now, mailCount: 0, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
    const endpoints = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];
    const saved = endpoints.map((name) => process.env[name]);
    endpoints.forEach((name) => { process.env[name] = emu.url; });
    try {
      const cfg = { oauth: emu.control.issueTokens(), tenantId: 'common', startTime: new Date(t0 - 60_000).toISOString() };
      let snapshot = {};
      const subjects = [];
      const poll = async () => {
        const ctx = createContext();
        await loadStep('getNewMail').process.call(ctx, { body: {} }, cfg, snapshot);
        subjects.push(...ctx.emitted('data').map((d) => d.body.subject));
        snapshot = ctx.emitted('snapshot').pop() || snapshot;
      };
      await poll();
      const moved = (subject, receivedAt) => emu.control.addMail({ folder: 'archive', subject, from: 'ann@fabrikam.example', receivedAt }).id;
      const soon = moved('moved a minute after arriving', t0 + 10_000);
      emu.control.addMail({ subject: 'delivered', from: 'ann@fabrikam.example', receivedAt: t0 + 20_000 });
      const late = moved('moved ten minutes after arriving', t0 + 30_000);
      now = t0 + 70_000;
      emu.control.updateMail(soon, { moveTo: 'inbox' });
      await poll();
      now = t0 + 5 * 60_000;
      await poll();
      now = t0 + 10 * 60_000 + 30_000;
      emu.control.updateMail(late, { moveTo: 'inbox' });
      await poll();
      expect(subjects).to.deep.equal(['moved a minute after arriving', 'delivered']);
    } finally {
      endpoints.forEach((name, i) => {
        if (saved[i] === undefined) delete process.env[name];
        else process.env[name] = saved[i];
      });
      await emu.close();
    }
  });
});
