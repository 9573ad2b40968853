'use strict';

// Every dropdown model (`"model": "..."` on a field) and every dynamic metadata step of
// component.json, called through sailor's service mode (runService.js selectModel|getMetaModel)
// and compared with what the mailbox holds. A model added to component.json without an
// expectation here fails the run.
const { expect } = require('chai');
const path = require('node:path');
const { useScenario } = require('./helpers/scenario');
const { COMPONENT_ROOT } = require('./helpers/sailor');

const component = require(path.join(COMPONENT_ROOT, 'component.json'));

/** [{step, kind, field, model}] for every field whose model is a method (a fixed map of values is no call). */
function dropdowns() {
  const list = [];
  for (const kind of ['triggers', 'actions']) {
    for (const [step, def] of Object.entries(component[kind] || {})) {
      for (const [field, spec] of Object.entries(def.fields || {})) {
        // A static map (`"model": {value: label}`) needs no call; a name is a method of the step's module.
        if (typeof spec.model === 'string') list.push({ step, kind, field, model: spec.model });
      }
    }
  }
  return list;
}

const dynamicMetadataSteps = () => ['triggers', 'actions']
  .flatMap((kind) => Object.entries(component[kind] || {}).filter(([, def]) => def.dynamicMetadata).map(([step]) => step));

/** Every mail folder with its path ("Inbox / Projects / Alpha"), walked through Graph itself. */
async function folderPaths(graph) {
  const result = {};
  const walk = async (listPath, prefix) => {
    for (const folder of await graph.graphAll(`${listPath}?$select=id,displayName,childFolderCount&$top=100`)) {
      const folderPath = prefix ? `${prefix} / ${folder.displayName}` : folder.displayName;
      result[folder.id] = folderPath;
      if (folder.childFolderCount > 0) await walk(`/me/mailFolders/${encodeURIComponent(folder.id)}/childFolders`, folderPath);
    }
  };
  await walk('/me/mailFolders', '');
  return result;
}

/** What each model must return, from an independent look at the mailbox. */
const EXPECTATIONS = {
  async getFolders(graph, data) {
    const expected = await folderPaths(graph);
    expect(data).to.deep.equal(expected);
    expect(Object.values(data)).to.include.members(['Inbox', 'Inbox / Projects', 'Inbox / Projects / Alpha', 'Inbox / Projects / Beta']);
  },
  async getContactFolders(graph, data) {
    const expected = { contacts: 'Contacts (default folder)' };
    const walk = async (listPath, prefix) => {
      for (const folder of await graph.graphAll(`${listPath}?$select=id,displayName&$top=100`)) {
        expected[folder.id] = `${prefix} / ${folder.displayName}`;
        await walk(`/me/contactFolders/${encodeURIComponent(folder.id)}/childFolders`, expected[folder.id]);
      }
    };
    await walk('/me/contactFolders', 'Contacts');
    expect(data).to.deep.equal(expected);
    expect(Object.keys(data)[0], 'the default folder comes first').to.equal('contacts');
    expect(Object.values(data)).to.include.members(['Contacts / Suppliers', 'Contacts / Suppliers / Europe', 'Contacts / Family']);
  },
  async getCalendars(graph, data) {
    const calendars = await graph.graphAll('/me/calendars?$select=id,name,isDefaultCalendar&$top=100');
    const expected = Object.fromEntries(calendars.map((c) => [c.id, c.isDefaultCalendar ? `${c.name} (default)` : c.name]));
    expect(data).to.deep.equal(expected);
    const defaultCalendar = calendars.find((c) => c.isDefaultCalendar);
    expect(Object.keys(data)[0], 'the default calendar comes first').to.equal(defaultCalendar.id);
  },
};

describe('e2e: dropdowns and dynamic metadata in sailor service mode', function () {
  const s = useScenario();
  const models = dropdowns();

  it('component.json declares the dropdowns this suite knows', () => {
    expect(models.map((m) => `${m.step}.${m.field} -> ${m.model}`)).to.have.members([
      'getNewMail.folderId -> getFolders',
      'getNewAndUpdatedEvents.calendarId -> getCalendars',
      'getUpcomingEvents.calendarId -> getCalendars',
      'getMailFolderChanges.folderId -> getFolders',
      'getEventChanges.calendarId -> getCalendars',
      'createEvent.calendarId -> getCalendars',
      'lookupEvents.calendarId -> getCalendars',
      'getNewAndUpdatedContacts.contactFolderId -> getContactFolders',
      'getContactChanges.contactFolderId -> getContactFolders',
      'createContact.contactFolderId -> getContactFolders',
      'upsertContact.contactFolderId -> getContactFolders',
      'lookupContact.contactFolderId -> getContactFolders',
    ]);
    for (const { model } of models) expect(EXPECTATIONS, `an expectation for model ${model}`).to.have.property(model);
  });

  for (const { step, field, model } of models) {
    it(`selectModel ${model} of ${step} (field ${field}) lists what the mailbox holds`, async () => {
      const result = await s.service('selectModel', {
        cfg: { ...s.graph.credential(), _account: s.accountId },
        triggerOrAction: step,
        modelMethod: model,
      });
      expect(result.status, JSON.stringify(result.data)).to.equal('success');
      await EXPECTATIONS[model](s.graph, result.data);
    });
  }

  for (const step of dynamicMetadataSteps()) {
    it(`getMetaModel of ${step} returns in and out schemas`, async () => {
      const result = await s.service('getMetaModel', { cfg: { ...s.graph.credential(), _account: s.accountId }, triggerOrAction: step });
      expect(result.status, JSON.stringify(result.data)).to.equal('success');
      expect(result.data).to.have.property('in').that.is.an('object');
      expect(result.data).to.have.property('out').that.is.an('object');
    });
  }

  it('refreshes an expired access token during a dropdown call and stores the rotated refresh token (PUT /v1/accounts/acc-1)', async () => {
    const cfg = { ...s.graph.credential(), _account: s.accountId };
    s.graph.control.expireAccessTokens();
    const before = s.accountUpdates().length;
    const result = await s.service('selectModel', { cfg, triggerOrAction: 'getNewMail', modelMethod: 'getFolders' });
    expect(result.status, JSON.stringify(result.data)).to.equal('success');
    expect(Object.values(result.data)).to.include('Inbox');
    const updates = s.accountUpdates().slice(before);
    expect(updates).to.have.length(1);
    expect(updates[0].keys.oauth.refresh_token).to.be.a('string').and.not.equal(cfg.oauth.refresh_token);
  });

  s.itPrintedNoSecrets();
});
