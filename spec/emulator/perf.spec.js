'use strict';
// The benchmark's shape at full size works: 100,000 mails and 20,000 events seed and page
// completely and in order. How fast is measured by `npm run bench`, not asserted here.
const { expect } = require('chai');
const { withEmulator, pageAll } = require('./helpers');

describe('emulator: performance at benchmark size', function () {
  this.timeout(20000);
  let emu;
  let graph;

  withEmulator({ once: true }, (env) => ({ emu, graph } = env));

  it('seeds 100,000 mails and pages them 1,000 at a time', async () => {
    const bulk = emu.control.addMails(100000, { folder: 'Reports', stepMs: 97 });
    const filter = encodeURIComponent(`receivedDateTime ge ${new Date(bulk.first).toISOString()}`);
    const { items, pages } = await pageAll(graph,
      `/me/mailFolders/${bulk.containerId}/messages?$filter=${filter}&$orderby=receivedDateTime asc&$top=1000&$select=subject,receivedDateTime,from`);
    expect(items).to.have.length(100000);
    expect(pages).to.equal(100);
    expect(items[99999].subject).to.equal('Bulk message #100000');
  });

  it('seeds 20,000 events and pages them by lastModifiedDateTime', async () => {
    const bulk = emu.control.addEvents(20000, { calendar: (await graph('/me/calendars')).body.value[1].id });
    const filter = encodeURIComponent(`lastModifiedDateTime ge ${new Date(bulk.first).toISOString()}`);
    const { items } = await pageAll(graph,
      `/me/calendars/${bulk.containerId}/events?$filter=${filter}&$orderby=lastModifiedDateTime asc&$top=1000&$select=subject,start,end`);
    expect(items).to.have.length(20000);
  });
});
