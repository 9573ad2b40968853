'use strict';

// Files into the platform's storage (Maester, through @elastic.io/maester-client) and back out,
// against a fake Maester that checks the JWT and keeps the bytes on disk: round trips at the sizes
// that matter, the per-file limit both ways, retries that start the file over, a failing source
// that aborts the upload at once instead of storing it cut short, and errors that name the file.
const { expect } = require('chai');
const { failureOf } = require('../helpers/failure');
const { MiB, patternStream, patternSha256, sha256Of } = require('../helpers/bytes');
const { fakeMaester, signToken } = require('../helpers/fakeMaester');
const { withRealHttp } = require('../helpers/realHttp');
const { storeStream, messageAttachment, storageObjectId, storageConfig } = require('../../lib/platform/storage');
const { openAttachment } = require('../../lib/platform/readAttachment');
const { transferDeadlineMs } = require('../../lib/platform/attachmentLimit');
const { GRAPH_REQUEST_LIMIT_BYTES } = require('../../lib/platform/attachments');

const RAISED = { OUTLOOK_ATTACHMENT_MAX_BYTES: '150000000' };
/** The largest file that fits a Graph request inline as base64, with nothing else in it. */
const INLINE_BOUNDARY = (GRAPH_REQUEST_LIMIT_BYTES / 4) * 3;


describe('platform/storage: files into Maester and back', function () {
  this.timeout(120000);
  withRealHttp();
  let maester;
  beforeEach(async () => { maester = await fakeMaester(); });
  afterEach(async () => { await maester.close(); });

  for (const [label, size, env] of [
    ['0 B', 0, {}],
    ['the inline boundary', INLINE_BOUNDARY, {}],
    ['40 MB', 40 * MiB, {}],
    ['140 MB with the limit raised', 140 * MiB, RAISED],
  ]) {
    it(`round trip: ${label}, byte for byte, as the message attachment entry the platform reads`, async () => {
      let opens = 0;
      const stored = await storeStream(async () => { opens += 1; return patternStream(size, 3); }, {
        name: 'report.pdf', contentType: 'application/pdf', expectedBytes: size, env: { ...maester.env, ...env },
      });
      expect(opens).to.equal(1);
      expect(stored.size).to.equal(size);
      expect(stored.contentType).to.equal('application/pdf');
      const id = storageObjectId(stored.url, storageConfig(maester.env));
      expect(stored.url).to.equal(`${maester.uri}/objects/${id}?storage_type=maester`);
      expect(maester.objects.get(id).sha256).to.equal(await patternSha256(size, 3));
      expect(maester.objects.get(id).contentType).to.equal('application/pdf');
      expect(messageAttachment(stored)).to.deep.equal({ url: stored.url, size, 'content-type': 'application/pdf' });
      // The token went as the bearer, and only to the storage.
      expect(maester.requests.map((r) => r.authorization)).to.deep.equal([`Bearer ${maester.token}`]);

      // Read back the way a later step reads it: through the storage's client.
      const read = await openAttachment({ name: 'report.pdf', url: stored.url, declaredSize: size, contentType: 'application/pdf' }, { env: { ...maester.env, ...env } });
      expect(read.size).to.equal(size);
      expect(await sha256Of(read.stream)).to.deep.equal({ sha256: await patternSha256(size, 3), size });
      expect(maester.requests[1]).to.include({ method: 'GET', authorization: `Bearer ${maester.token}` });
    });
  }

  it('refuses 101 MB at the default limit before any request, and when it only shows while streaming', async () => {
    const size = 101 * MiB;
    const declared = await failureOf(storeStream(async () => patternStream(size), { name: 'big.iso', contentType: 'application/octet-stream', expectedBytes: size, env: maester.env }));
    expect(declared.name).to.equal('StorageError');
    expect(declared.message).to.equal('attachments["big.iso"]: is 105,906,176 bytes, more than the 104,857,600 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files; it was not stored');
    expect(maester.requests).to.have.length(0);

    let opens = 0;
    const streamed = await failureOf(storeStream(async () => { opens += 1; return patternStream(size); }, { name: 'big.iso', contentType: 'application/octet-stream', env: maester.env }));
    expect(streamed.message).to.equal('attachments["big.iso"]: is larger than the 104,857,600 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files (it grew past it while being stored); it was not stored');
    // One attempt, cut off at the limit, never repeated, nothing stored.
    expect(opens).to.equal(1);
    expect(maester.requests).to.have.length(1);
    expect(maester.requests[0].bytes).to.be.at.most(100 * MiB + 64 * 1024);
    expect(maester.objects.size).to.equal(0);
  });

  it('refuses 160 MB always: above Graph\'s 150 MB no setting lets it through', async () => {
    const err = await failureOf(storeStream(async () => patternStream(160e6), { name: 'huge.bin', contentType: 'application/octet-stream', expectedBytes: 160e6, env: { ...maester.env, ...RAISED } }));
    expect(err.message).to.equal('attachments["huge.bin"]: is 160,000,000 bytes, more than the 150,000,000 bytes accepted per file (the most Microsoft Graph takes); it was not stored');
    const setting = await failureOf(storeStream(async () => patternStream(160e6), { name: 'huge.bin', contentType: 'application/octet-stream', env: { ...maester.env, OUTLOOK_ATTACHMENT_MAX_BYTES: '160000000' } }));
    expect(setting.name).to.equal('InputError');
    expect(setting.message).to.equal('OUTLOOK_ATTACHMENT_MAX_BYTES: is 160,000,000 bytes, above the 150,000,000 bytes Microsoft Graph accepts per file; set it to at most 150000000');
    expect(maester.requests).to.have.length(0);
  });

  it('a failed upload is repeated from the first byte: the source is opened again', async () => {
    maester.faults.push({ status: 503, afterBytes: 1 * MiB });
    let opens = 0;
    const size = 5 * MiB;
    const stored = await storeStream(async () => { opens += 1; return patternStream(size, 4); }, { name: 'a.bin', contentType: 'application/octet-stream', expectedBytes: size, env: maester.env });
    expect(opens).to.equal(2);
    expect(stored.size).to.equal(size);
    expect(maester.objects.size).to.equal(1);
    expect([...maester.objects.values()][0].sha256).to.equal(await patternSha256(size, 4));
  });

  it('a source that breaks off aborts the upload at once (never stored cut short) and the retry starts over', async () => {
    let opens = 0;
    const size = 3 * MiB;
    // The deadline is long: were the abort not passed on, the upload would wait for it and the test time out.
    const stored = await storeStream(async () => {
      opens += 1;
      return opens === 1 ? patternStream(size, 5, { failAfter: 1 * MiB }) : patternStream(size, 5);
    }, { name: 'a.bin', contentType: 'application/octet-stream', expectedBytes: size, timeoutMs: 600000, env: maester.env });
    expect(opens).to.equal(2);
    expect(maester.requests).to.have.length(2);
    expect(maester.requests[0].completed).to.equal(false);
    expect(maester.objects.size).to.equal(1);
    expect([...maester.objects.values()][0].sha256).to.equal(await patternSha256(size, 5));
    expect(stored.size).to.equal(size);
  });

  it('a source that cannot be opened fails the file without further attempts, with its own error', async () => {
    let opens = 0;
    const err = await failureOf(storeStream(async () => { opens += 1; throw new Error('attachments["x.bin"]: Graph said 404'); }, { name: 'x.bin', contentType: 'application/octet-stream', env: maester.env }));
    expect(err.message).to.equal('attachments["x.bin"]: Graph said 404');
    expect(opens).to.equal(1);
    expect(maester.objects.size).to.equal(0);
  });

  it('an upload that stalls fails at its deadline, derived from the size', async () => {
    expect(transferDeadlineMs(0)).to.equal(60000);
    expect(transferDeadlineMs(150e6)).to.equal(60000 + Math.ceil(150e6 / 262.144));
    expect(transferDeadlineMs(150e6)).to.be.within(632000, 633000);
    expect(transferDeadlineMs(10e9)).to.equal(20 * 60000);
    for (let i = 0; i < 4; i += 1) maester.faults.push({ stall: true, afterBytes: 1 });
    const err = await failureOf(storeStream(async () => patternStream(1000), { name: 'slow.txt', contentType: 'text/plain', expectedBytes: 1000, timeoutMs: 600, env: maester.env }));
    expect(err.name).to.equal('StorageError');
    expect(err.message).to.match(/^attachments\["slow\.txt"\]: could not be stored in the platform's storage after 4 attempts \(no answer: timeout of 600ms exceeded; each attempt may take 1 s\); retry the message$/);
  });

  it('a token the storage refuses, and a storage the platform did not configure, are named as such without the token', async () => {
    const badToken = signToken({ tenantId: 't1' }, 'another-key');
    const refused = await failureOf(storeStream(async () => patternStream(10), { name: 'a.txt', contentType: 'text/plain', env: { ...maester.env, ELASTICIO_OBJECT_STORAGE_TOKEN: badToken } }));
    expect(refused.message).to.equal('attachments["a.txt"]: the platform\'s storage refused the component\'s token (HTTP 401); retry the message, and if it keeps failing report it to the platform\'s support');
    expect(refused.message).not.to.include(badToken.slice(0, 20));
    const first = patternStream(10);
    const missing = await failureOf(storeStream(async () => patternStream(10), { name: 'a.txt', contentType: 'text/plain', first, env: {} }));
    expect(missing.message).to.equal('attachments["a.txt"]: cannot be stored: the platform\'s object storage is not configured (ELASTICIO_OBJECT_STORAGE_URI and ELASTICIO_OBJECT_STORAGE_TOKEN, which the platform sets for each step); storing attachments works on the platform only');
    // A source already opened (to read its headers) is closed, not left holding its connection.
    expect(first.destroyed).to.equal(true);
  });

  it('knows the storage\'s own URLs and no others', () => {
    const config = storageConfig({ ELASTICIO_OBJECT_STORAGE_URI: 'https://storage.example.io/maester/', ELASTICIO_OBJECT_STORAGE_TOKEN: 't' });
    expect(storageObjectId('https://storage.example.io/maester/objects/abc-123?storage_type=maester', config)).to.equal('abc-123');
    expect(storageObjectId('https://storage.example.io/maester/objects/abc-123', config)).to.equal('abc-123');
    expect(storageObjectId('https://storage.example.io:8443/maester/objects/abc?storage_type=maester', config)).to.equal(undefined);
    expect(storageObjectId('https://evil.example.io/maester/objects/abc?storage_type=maester', config)).to.equal(undefined);
    expect(storageObjectId('https://storage.example.io/objects/abc', config)).to.equal(undefined);
    expect(storageObjectId('https://storage.example.io/maester/objects/a/b', config)).to.equal(undefined);
    expect(storageObjectId('https://storage.example.io/maester/objects/abc', undefined)).to.equal(undefined);
  });
});
