'use strict';

// Files added to a message in the emulator (src/emulator/upload-sessions.ts): one POST up to
// Graph's 4 MB request, an upload session from 2 MiB, ranges PUT in order to Outlook's upload URL
// without Authorization, Outlook's PascalCase answers, 201 with Location at the last range, the
// attachment then listed with Graph's size; and the component's own upload (graph/uploadSession.ts)
// completing against those answers.
const { expect } = require('chai');
const { withEmulator } = require('./helpers');
const { MiB, patternStream, patternSha256 } = require('../helpers/bytes');
const { createContext } = require('../helpers/context');
const { withRealHttp } = require('../helpers/realHttp');
const { createSession } = require('../../lib/graph/session');
const { uploadLargeAttachment } = require('../../lib/graph/uploadSession');

describe('emulator: attachments and upload sessions', function () {
  this.timeout(60000);
  withRealHttp();
  let emu;
  let graph;
  let tokens;
  let clock;
  withEmulator({ clock: true, mailCount: 0 }, (env) => ({ emu, graph, tokens, clock } = env));

  const draft = async () => (await graph('/me/messages', { method: 'POST', headers: { Prefer: 'IdType="ImmutableId"' }, body: { subject: 'Files', toRecipients: [{ emailAddress: { address: emu.mailboxes.secondary } }] } })).body.id;
  const startSession = (id, size, name = 'big.bin') => graph(`/me/messages/${encodeURIComponent(id)}/attachments/createUploadSession`, { method: 'POST', body: { AttachmentItem: { attachmentType: 'file', name, size } } });
  const put = async (url, bytes, start, total, headers = {}) => {
    const res = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${start + bytes.length - 1}/${total}`, ...headers }, body: bytes });
    const text = await res.text();
    return { status: res.status, location: res.headers.get('location'), body: text ? JSON.parse(text) : undefined };
  };

  it('POST attachments: a file is added with its bytes; a request over 4 MB is 413', async () => {
    const id = await draft();
    const bytes = Buffer.from('hello, world');
    const added = await graph(`/me/messages/${encodeURIComponent(id)}/attachments`, { method: 'POST', body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentType: 'text/plain', contentBytes: bytes.toString('base64') } });
    expect(added.status).to.equal(201);
    expect(added.body).to.include({ name: 'a.txt', isInline: false });
    const value = await fetch(`${emu.url}/v1.0/me/messages/${encodeURIComponent(id)}/attachments/${encodeURIComponent(added.body.id)}/$value`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(Buffer.from(await value.arrayBuffer()).toString()).to.equal('hello, world');
    const tooBig = await graph(`/me/messages/${encodeURIComponent(id)}/attachments`, { method: 'POST', body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'b.bin', contentBytes: Buffer.alloc(3.2 * MiB).toString('base64') } });
    expect(tooBig.status).to.equal(413);
  });

  it('a session takes files from 2 MiB (one byte less is 400) up to 150 MiB (413 above)', async () => {
    const id = await draft();
    const small = await startSession(id, 2 * MiB - 1);
    expect(small.status).to.equal(400);
    expect(small.body.error.code).to.equal('ErrorAttachmentSizeShouldNotBeLessThanMinimumSize');
    expect((await startSession(id, 2 * MiB)).status).to.equal(201);
    expect((await startSession(id, 150 * MiB)).status).to.equal(201);
    expect((await startSession(id, 150 * MiB + 1)).status).to.equal(413);
  });

  it('ranges in order, Outlook\'s answers, 416 out of order, 401 with Authorization, 201 with Location, then 404; the attachment is listed with Graph\'s size', async () => {
    const id = await draft();
    const size = 5 * MiB;
    const file = Buffer.alloc(size);
    for (let i = 0; i < size; i += 1) file[i] = i % 251;
    const created = await startSession(id, size, 'video.mp4');
    expect(created.body.nextExpectedRanges).to.deep.equal(['0-']);
    const url = created.body.uploadUrl;
    expect(new URL(url).pathname).to.match(/^\/api\/v2\.0\/Users\('[^']+'\)\/Messages\('[^']+'\)\/AttachmentSessions\('[^']+'\)$/);
    expect((await put(url, file.subarray(0, MiB), 0, size, { Authorization: `Bearer ${tokens.access_token}` })).status).to.equal(401);
    const first = await put(url, file.subarray(0, 3 * MiB), 0, size);
    expect(first.status).to.equal(200);
    expect(first.body).to.include.keys('@odata.context', 'ExpirationDateTime');
    expect(first.body.NextExpectedRanges).to.deep.equal([String(3 * MiB)]);
    const state = await fetch(url).then((r) => r.json());
    expect(state.NextExpectedRanges).to.deep.equal([String(3 * MiB)]);
    const skipped = await put(url, file.subarray(4 * MiB), 4 * MiB, size);
    expect(skipped.status).to.equal(416);
    const last = await put(url, file.subarray(3 * MiB), 3 * MiB, size);
    expect(last.status).to.equal(201);
    expect(last.location).to.match(/\/Attachments\('[^']+'\)$/);
    expect((await put(url, file.subarray(0, 1), 0, size)).status).to.equal(404);
    const listed = await graph(`/me/messages/${encodeURIComponent(id)}/attachments?$select=name,size`);
    expect(listed.body.value).to.have.length(1);
    expect(listed.body.value[0].name).to.equal('video.mp4');
    expect(listed.body.value[0].size).to.be.above(size);
    const attachmentId = decodeURIComponent(/Attachments\('([^']+)'\)/.exec(last.location)[1]);
    expect(listed.body.value[0].id).to.equal(attachmentId);
  });

  it('an upload URL stops working at its expiration date (404), by the emulator clock', async () => {
    const id = await draft();
    const created = await startSession(id, 3 * MiB);
    clock.advance(100 * 60_000);
    expect((await put(created.body.uploadUrl, Buffer.alloc(MiB), 0, 3 * MiB)).status).to.equal(404);
  });

  it('graph/uploadSession completes a 9 MB file against Outlook\'s PascalCase answers, without Authorization on the PUTs', async () => {
    const id = await draft();
    const session = createSession({ oauth: tokens, tenantId: 'common' }, createContext(), { endpoints: { graph: emu.url, login: emu.url } });
    const size = 9 * 1000 * 1000;
    emu.control.resetStats();
    const result = await uploadLargeAttachment(session, `/me/messages/${encodeURIComponent(id)}`, { name: 'nine.bin', size, contentType: 'application/octet-stream' }, async () => patternStream(size, 3), { sleep: async () => {} });
    expect(result.puts).to.equal(3);
    const value = await fetch(`${emu.url}/v1.0/me/messages/${encodeURIComponent(id)}/attachments/${encodeURIComponent(result.attachmentId)}/$value`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    const crypto = require('node:crypto');
    expect(crypto.createHash('sha256').update(Buffer.from(await value.arrayBuffer())).digest('hex')).to.equal(await patternSha256(size, 3));
    expect(emu.control.stats().byRoute['PUT (upload session)']).to.equal(3);
  });
});
