'use strict';

// The files of the incoming message out of the platform through Reply to Mail, Forward Mail and
// Create Draft, on the emulator with a fake Maester, at the documented boundaries, on the wire:
// an empty file; the largest file one POST to a draft's attachments holds and one byte more (an
// upload session); 40 MB; 140 MB with the limit raised; 101 MB refused at the default limit and
// 160 MB refused always, both before any request. What arrives is compared by SHA-256 with what
// was stored, read back through Graph's $value.
const { expect } = require('chai');
const { guardHarness } = require('../helpers/guardHarness');
const { fakeMaester } = require('../helpers/fakeMaester');
const { MiB, patternStream, patternSha256, sha256Of } = require('../helpers/bytes');
const { withRealHttp } = require('../helpers/realHttp');
const { GRAPH_REQUEST_LIMIT_BYTES, requestBytes, base64Length } = require('../../lib/platform/attachments');
const { fileAttachmentBody } = require('../../lib/graph/attachments');

const RAISED = '150000000';

/** The largest file named `name` whose own POST to a draft's attachments stays within Graph's request limit. */
function largestPosted(name) {
  const skeleton = requestBytes(fileAttachmentBody({ name, contentType: 'application/octet-stream' }, Buffer.alloc(0)));
  let size = Math.floor(((GRAPH_REQUEST_LIMIT_BYTES - skeleton) / 4) * 3);
  while (skeleton + base64Length(size + 1) <= GRAPH_REQUEST_LIMIT_BYTES) size += 1;
  while (skeleton + base64Length(size) > GRAPH_REQUEST_LIMIT_BYTES) size -= 1;
  return size;
}

describe('files out of the platform through Reply to Mail, Forward Mail and Create Draft, at the boundaries', function () {
  this.timeout(180000);
  withRealHttp();
  let h;
  let maester;
  let savedEnv;

  beforeEach(async () => {
    h = await guardHarness();
    maester = await fakeMaester();
    savedEnv = Object.fromEntries([...Object.keys(maester.env), 'OUTLOOK_ATTACHMENT_MAX_BYTES'].map((k) => [k, process.env[k]]));
    Object.assign(process.env, maester.env);
  });
  afterEach(async () => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await maester.close();
    await h.close();
  });

  const token = () => h.emu.control.issueTokens().access_token;
  const graph = async (path) => (await fetch(`${h.emu.url}/v1.0${path}`, { headers: { Authorization: `Bearer ${token()}` } })).json();
  const stored = async (name, size, seed) => ({ [name]: { url: await maester.seed(patternStream(size, seed)), size, 'content-type': 'application/octet-stream' } });
  const original = (subject) => h.emu.control.addMail({ subject, from: 'ann@fabrikam.example' }).id;

  /** Name, size and SHA-256 of each file attachment of mail `id` of the signed-in mailbox, read through $value. */
  async function arrived(id) {
    const { value } = await graph(`/me/messages/${encodeURIComponent(id)}/attachments?$select=id,name,size`);
    const out = [];
    for (const a of value) {
      const res = await fetch(`${h.emu.url}/v1.0/me/messages/${encodeURIComponent(id)}/attachments/${encodeURIComponent(a.id)}/$value`, { headers: { Authorization: `Bearer ${token()}` } });
      const { sha256, size } = await sha256Of(res.body);
      out.push({ name: a.name, size, sha256 });
    }
    return out.sort((x, y) => x.name.localeCompare(y.name));
  }
  const routesOf = (requests) => requests.filter((r) => /\/attachments(\/createUploadSession)?$/.test(r)).map((r) => r.split('/').pop());

  it('Reply to Mail: an empty file, the largest one POST holds, and one byte more through an upload session', async () => {
    const posted = largestPosted('b.bin');
    const attachments = { ...await stored('a.txt', 0, 1), ...await stored('b.bin', posted, 2), ...await stored('c.bin', posted + 1, 3) };
    const from = h.requests.length;
    const { out, error } = await h.run('replyToMail', { id: 'att-1', body: { messageId: original('Files please'), body: 'Here.' }, attachments });
    expect(error, error && error.message).to.equal(undefined);
    expect(routesOf(h.requests.slice(from))).to.deep.equal(['attachments', 'attachments', 'createUploadSession']);
    expect(out.body.attachments).to.deep.equal([{ name: 'a.txt', size: 0 }, { name: 'b.bin', size: posted }, { name: 'c.bin', size: posted + 1 }]);
    expect(await arrived(out.body.id)).to.deep.equal([
      { name: 'a.txt', size: 0, sha256: await patternSha256(0, 1) },
      { name: 'b.bin', size: posted, sha256: await patternSha256(posted, 2) },
      { name: 'c.bin', size: posted + 1, sha256: await patternSha256(posted + 1, 3) },
    ]);
  });

  it('Forward Mail: a 40 MB file, byte for byte; 101 MB refused at the default limit before any request', async () => {
    const attachments = await stored('forty.bin', 40 * MiB, 4);
    const { out, error } = await h.run('forwardMail', { id: 'att-2', body: { messageId: original('Forty'), to: 'bob@example.com' }, attachments });
    expect(error, error && error.message).to.equal(undefined);
    expect(await arrived(out.body.id)).to.deep.equal([{ name: 'forty.bin', size: 40 * MiB, sha256: await patternSha256(40 * MiB, 4) }]);

    const from = h.requests.length;
    const big = { 'big.iso': { url: `${maester.env.ELASTICIO_OBJECT_STORAGE_URI}/objects/none`, size: 101 * MiB } };
    const refused = await h.run('forwardMail', { id: 'att-3', body: { messageId: original('Too big'), to: 'bob@example.com' }, attachments: big });
    expect(refused.error).to.include({ name: 'InputError', field: 'attachments["big.iso"]' });
    expect(refused.error.message).to.match(/OUTLOOK_ATTACHMENT_MAX_BYTES/);
    expect(h.requests.slice(from), 'requests').to.deep.equal([]);
  });

  it('Create Draft: a 140 MB file with the limit raised, byte for byte; 160 MB refused even then, before any request', async () => {
    process.env.OUTLOOK_ATTACHMENT_MAX_BYTES = RAISED;
    const attachments = await stored('large.bin', 140 * MiB, 5);
    const { out, error } = await h.run('createDraft', { id: 'att-4', body: { to: 'bob@example.com', subject: 'Large' }, attachments });
    expect(error, error && error.message).to.equal(undefined);
    expect(await arrived(out.body.id)).to.deep.equal([{ name: 'large.bin', size: 140 * MiB, sha256: await patternSha256(140 * MiB, 5) }]);

    const from = h.requests.length;
    const huge = { 'huge.iso': { url: `${maester.env.ELASTICIO_OBJECT_STORAGE_URI}/objects/none`, size: 160 * MiB } };
    const refused = await h.run('createDraft', { id: 'att-5', body: { to: 'bob@example.com', subject: 'Huge' }, attachments: huge });
    expect(refused.error).to.include({ name: 'InputError' });
    expect(refused.error.field).to.match(/^attachments/);
    expect(h.requests.slice(from), 'requests').to.deep.equal([]);
  });
});
