'use strict';

// Files on events in the emulator, as Microsoft documents them (event-post-attachments.md,
// event-list-attachments.md, attachment-createuploadsession.md, concepts/outlook-large-attachments.md):
// a POST of a small file, the list (fileAttachment's own properties only through the type cast),
// and upload sessions on Outlook's own URL: ranges in order without Authorization, 416 out of
// order, 201 with a Location at the end, PascalCase state answers, expiry, cancel. The component's
// uploadLargeAttachment is run against it too: the answers it must read are Outlook's, not a stub's.
const crypto = require('node:crypto');
const { expect } = require('chai');
const { withEmulator } = require('./helpers');
const { withRealHttp } = require('../helpers/realHttp');
const { createContext } = require('../helpers/context');
const { MiB, patternBytes, patternStream } = require('../helpers/bytes');
const { createSession } = require('../../lib/graph/session');
const { uploadLargeAttachment } = require('../../lib/graph/uploadSession');

const EVENT = {
  subject: 'Board meeting',
  start: { dateTime: '2026-03-10T09:00:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-03-10T10:00:00', timeZone: 'W. Europe Standard Time' },
};
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('emulator: files on events', function () {
  this.timeout(30000);
  withRealHttp();
  let emu;
  let graph;
  let clock;
  let tokens;
  withEmulator({ clock: Date.UTC(2026, 2, 1, 8, 0, 0) }, (env) => ({ emu, graph, clock, tokens } = env));

  const newEvent = async () => (await graph('/me/events', { method: 'POST', body: EVENT })).body;

  it('adds a small file with one POST (201, the fileAttachment as published), lists it, and the event shows it', async () => {
    const event = await newEvent();
    const content = Buffer.from('mac and cheese today');
    const added = await graph(`/me/events/${encodeURIComponent(event.id)}/attachments`, {
      method: 'POST', body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'menu.txt', contentBytes: content.toString('base64'), contentType: 'text/plain' },
    });
    expect(added.status).to.equal(201);
    expect(added.body).to.include({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'menu.txt', contentType: 'text/plain', isInline: false, contentId: null });
    expect(added.body.size).to.be.above(content.length);
    expect(added.body['@odata.context']).to.match(/\/events\('.+'\)\/attachments\/\$entity$/);
    const listed = await graph(`/me/events/${encodeURIComponent(event.id)}/attachments?$select=id,name,size,isInline,microsoft.graph.fileAttachment/contentId`);
    expect(listed.status).to.equal(200);
    expect(listed.body.value).to.deep.equal([{ '@odata.type': '#microsoft.graph.fileAttachment', id: added.body.id, name: 'menu.txt', size: added.body.size, isInline: false, contentId: null }]);
    const whole = await graph(`/me/events/${encodeURIComponent(event.id)}/attachments/${encodeURIComponent(added.body.id)}`);
    expect(Buffer.from(whole.body.contentBytes, 'base64').toString()).to.equal('mac and cheese today');
    const after = (await graph(`/me/events/${encodeURIComponent(event.id)}?$select=hasAttachments,changeKey`)).body;
    expect(after.hasAttachments).to.equal(true);
    expect(after.changeKey).to.not.equal(event.changeKey);
  });

  it('refuses contentId selected without the fileAttachment cast, item attachments, and files on a single occurrence', async () => {
    const event = await newEvent();
    const path = `/me/events/${encodeURIComponent(event.id)}/attachments`;
    expect((await graph(`${path}?$select=contentId`)).status).to.equal(400);
    const item = await graph(path, { method: 'POST', body: { '@odata.type': '#microsoft.graph.itemAttachment', name: 'x', item: {} } });
    expect(item.status).to.equal(400);
    const series = (await graph('/me/events', { method: 'POST', body: { ...EVENT, recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 3 } } } })).body;
    const [first] = (await graph(`/me/events/${encodeURIComponent(series.id)}/instances?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-20T00:00:00Z`)).body.value;
    const onOccurrence = await graph(`/me/events/${encodeURIComponent(first.id)}/attachments`, { method: 'POST', body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 'YQ==' } });
    expect(onOccurrence.status).to.equal(400);
  });

  it('needs Calendars.ReadWrite to add and Calendars.Read to list, on /me and /users/{id}', async () => {
    const event = await newEvent();
    // A user who consented to reading calendars only (the emulator's tokens carry what was consented).
    emu.control.setUserConsent({ mailbox: emu.mailboxes.primary, scopes: ['offline_access', 'Calendars.Read'] });
    const readOnly = emu.control.issueTokens({ scope: 'offline_access Calendars.Read' }).access_token;
    const path = `/users/${emu.mailboxes.primary}/events/${encodeURIComponent(event.id)}/attachments`;
    expect((await graph(path, { token: readOnly })).status).to.equal(200);
    expect((await graph(path, { method: 'POST', token: readOnly, body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentBytes: 'YQ==' } })).status).to.equal(403);
  });

  it('upload session: refused under 2 MiB; ranges in order without Authorization, 416 out of order, PascalCase state, 201 with a Location at the end', async () => {
    const event = await newEvent();
    const base = `/me/events/${encodeURIComponent(event.id)}/attachments/createUploadSession`;
    const small = await graph(base, { method: 'POST', body: { AttachmentItem: { attachmentType: 'file', name: 'small.bin', size: 1000 } } });
    expect(small.status).to.equal(400);
    expect(small.body.error.code).to.equal('ErrorAttachmentSizeShouldNotBeLessThanMinimumSize');
    const size = 3 * MiB + 5;
    const created = await graph(base, { method: 'POST', body: { AttachmentItem: { attachmentType: 'file', name: 'flower.jpg', size, contentType: 'image/jpeg' } } });
    expect(created.status).to.equal(201);
    expect(created.body.uploadUrl).to.match(/\/api\/v2\.0\/Users\('.+'\)\/Events\('.+'\)\/AttachmentSessions\('.+'\)\?authtoken=/);
    expect(created.body.nextExpectedRanges).to.deep.equal(['0-']);
    const put = (start, end, headers = {}) => fetch(created.body.uploadUrl, {
      method: 'PUT', headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${end}/${size}`, ...headers }, body: patternBytes(3, start, end - start + 1),
    });
    const outOfOrder = await put(MiB, 2 * MiB - 1);
    expect(outOfOrder.status).to.equal(416);
    const first = await put(0, 2 * MiB - 1);
    expect(first.status).to.equal(200);
    const state = await first.json();
    expect(state.NextExpectedRanges).to.deep.equal([String(2 * MiB)]);
    expect(state.ExpirationDateTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,6}[1-9])?Z$/);
    expect(await (await fetch(created.body.uploadUrl)).json()).to.deep.include({ NextExpectedRanges: [String(2 * MiB)] });
    const last = await put(2 * MiB, size - 1);
    expect(last.status).to.equal(201);
    expect(last.headers.get('location')).to.match(/\/Events\('.+'\)\/Attachments\('.+'\)$/);
    const listed = (await graph(`/me/events/${encodeURIComponent(event.id)}/attachments?$select=name,size`)).body.value;
    expect(listed.map((a) => a.name)).to.deep.equal(['flower.jpg']);
    expect(listed[0].size).to.be.at.least(size);
    expect((await fetch(created.body.uploadUrl)).status, 'a finished session is gone').to.equal(404);
  });

  it('upload session: a wrong authtoken is 404, a session expires at its expirationDateTime by the emulator clock, DELETE cancels one', async () => {
    const event = await newEvent();
    const base = `/me/events/${encodeURIComponent(event.id)}/attachments/createUploadSession`;
    const start = async () => (await graph(base, { method: 'POST', body: { AttachmentItem: { attachmentType: 'file', name: 'a.bin', size: 3 * MiB } } })).body;
    const { uploadUrl: url, expirationDateTime } = await start();
    expect((await fetch(url.replace(/authtoken=[^&]+/, 'authtoken=forged'))).status).to.equal(404);
    const cancelled = (await start()).uploadUrl;
    expect((await fetch(cancelled, { method: 'DELETE' })).status).to.equal(204);
    expect((await fetch(cancelled)).status).to.equal(404);
    // One millisecond before the announced expiry it still works; at it, it is gone.
    clock.advance(Date.parse(expirationDateTime) - clock.now() - 1);
    expect((await fetch(url)).status).to.equal(200);
    clock.advance(1);
    expect((await fetch(url)).status).to.equal(404);
  });

  it("upload session: one set of answers with a message's (401 with Authorization, 413 over a 4 MB range, 404 under the other kind's URL)", async () => {
    const event = await newEvent();
    const size = 5 * MiB;
    const { uploadUrl } = (await graph(`/me/events/${encodeURIComponent(event.id)}/attachments/createUploadSession`, { method: 'POST', body: { AttachmentItem: { attachmentType: 'file', name: 'b.bin', size } } })).body;
    const put = (url, length, headers = {}) => fetch(url, { method: 'PUT', headers: { 'Content-Range': `bytes 0-${length - 1}/${size}`, ...headers }, body: Buffer.alloc(length) });
    expect((await put(uploadUrl, MiB, { Authorization: `Bearer ${tokens.access_token}` })).status).to.equal(401);
    expect((await put(uploadUrl, 4 * MiB + 1)).status).to.equal(413);
    expect((await put(uploadUrl.replace('/Events(', '/Messages('), MiB)).status).to.equal(404);
    const first = await put(uploadUrl, 4 * MiB);
    expect(first.status).to.equal(200);
    expect((await first.json()).NextExpectedRanges).to.deep.equal([String(4 * MiB)]);
  });

  it("the component's uploadLargeAttachment completes against Outlook's PascalCase answers, byte for byte", async () => {
    const event = await newEvent();
    process.env.OUTLOOK_GRAPH_BASE_URL = emu.url;
    process.env.OUTLOOK_LOGIN_BASE_URL = emu.url;
    try {
      const session = createSession({ oauth: tokens, tenantId: 'common' }, createContext());
      const size = 3 * MiB + 123;
      const path = `/me/events/${encodeURIComponent(event.id)}`;
      // Ranges of 1 MiB: four PUTs, three of them answered 200 with NextExpectedRanges only.
      const result = await uploadLargeAttachment(session, path, { name: 'clip.mp4', size, contentType: 'video/mp4' }, async () => patternStream(size, 9), { chunkBytes: MiB, sleep: async () => {} });
      expect(result.puts).to.equal(4);
      const [stored] = (await graph(`${path}/attachments`)).body.value;
      expect(stored.id).to.equal(result.attachmentId);
      expect(sha256(Buffer.from(stored.contentBytes, 'base64'))).to.equal(sha256(patternBytes(9, 0, size)));
    } finally {
      delete process.env.OUTLOOK_GRAPH_BASE_URL;
      delete process.env.OUTLOOK_LOGIN_BASE_URL;
    }
  });
});
