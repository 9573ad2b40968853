'use strict';

// Incoming files (msg.attachments) read as streams: the platform's storage through its client,
// with its token; anything else through the egress guard, never with that token; sizes checked
// before any request, before the body and while it streams; errors that name the file.
const http = require('node:http');
const { expect } = require('chai');
const { failureOf } = require('../helpers/failure');
const { MiB, patternStream, patternSha256, sha256Of } = require('../helpers/bytes');
const { fakeMaester } = require('../helpers/fakeMaester');
const { withRealHttp } = require('../helpers/realHttp');
const { openAttachment, measureAttachments } = require('../../lib/platform/readAttachment');
const { planAttachments } = require('../../lib/platform/attachments');

const ALLOW_LOCAL = { OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: '127.0.0.1' };

async function localServer(handler) {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    handler(req, res);
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return {
    seen,
    url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}


const file = (name, url, declaredSize, contentType = 'application/octet-stream') => ({ name, url, declaredSize, contentType });

describe('platform/readAttachment: incoming files as streams', function () {
  this.timeout(60000);
  withRealHttp();
  let maester;
  let other;
  beforeEach(async () => { maester = await fakeMaester(); });
  afterEach(async () => {
    await maester.close();
    if (other) await other.close();
    other = undefined;
  });

  it('reads the platform\'s storage through its client, with the storage token', async () => {
    const url = await maester.seed(patternStream(3 * MiB, 2), 'image/png');
    const opened = await openAttachment(file('photo.png', url, 3 * MiB, 'image/png'), { env: maester.env });
    expect(opened.size).to.equal(3 * MiB);
    expect(await sha256Of(opened.stream)).to.deep.equal({ sha256: await patternSha256(3 * MiB, 2), size: 3 * MiB });
    expect(maester.requests).to.have.length(1);
    expect(maester.requests[0]).to.include({ method: 'GET', authorization: `Bearer ${maester.token}` });
    expect(maester.requests[0].url).to.match(/^\/objects\/seed-\d+$/);
  });

  it('never sends the storage token to another origin, even for a URL that claims to be Maester\'s', async () => {
    other = await localServer((req, res) => { res.writeHead(200, { 'Content-Length': '5' }); res.end('hello'); });
    const url = other.url('/objects/abc?storage_type=maester');
    const opened = await openAttachment(file('a.txt', url), { env: { ...maester.env, ...ALLOW_LOCAL } });
    expect((await sha256Of(opened.stream)).size).to.equal(5);
    expect(opened.size).to.equal(5);
    expect(other.seen).to.deep.equal([{ method: 'GET', url: '/objects/abc?storage_type=maester', authorization: undefined }]);
    expect(maester.requests).to.have.length(0);
  });

  it('does not follow the storage when it redirects elsewhere (its token would go along)', async () => {
    other = await localServer((req, res) => { res.end('should not be asked'); });
    maester.faults.push({ status: 302, headers: { Location: other.url('/steal') } });
    const url = await maester.seed(patternStream(10));
    const err = await failureOf(openAttachment(file('a.txt', url), { env: { ...maester.env, ...ALLOW_LOCAL } }));
    expect(err.message).to.equal('attachments["a.txt"]: could not be read from the platform\'s storage (HTTP 302); retry the message');
    expect(other.seen).to.have.length(0);
  });

  it('refuses a declared size over the limit before any request: 101 MB at the default, 160 MB always', async () => {
    const url = maester.url('whatever');
    const at101 = await failureOf(openAttachment(file('big.iso', url, 101 * MiB), { env: maester.env }));
    expect(at101.name).to.equal('InputError');
    expect(at101.field).to.equal('attachments["big.iso"]');
    expect(at101.message).to.equal('attachments["big.iso"]: is 105,906,176 bytes, more than the 104,857,600 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files; it was not sent');
    const at160 = await failureOf(openAttachment(file('huge.iso', url, 160e6), { env: { ...maester.env, OUTLOOK_ATTACHMENT_MAX_BYTES: '150000000' } }));
    expect(at160.message).to.equal('attachments["huge.iso"]: is 160,000,000 bytes, more than the 150,000,000 bytes accepted per file (the most Microsoft Graph takes); it was not sent');
    // planAttachments, which steps run first of all, refuses them the same way.
    const planned = await failureOf(Promise.resolve().then(() => planAttachments({ 'big.iso': { url, size: 101 * MiB } }, { env: maester.env })));
    expect(planned.message).to.match(/^attachments\["big\.iso"\]: is 105,906,176 bytes, more than the 104,857,600 bytes accepted per file; .*; nothing was sent$/);
    expect(maester.requests).to.have.length(0);
  });

  it('refuses a Content-Length over the limit without reading the body', async () => {
    other = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Length': String(101 * MiB) });
      res.write(Buffer.alloc(64 * 1024));
    });
    const err = await failureOf(openAttachment(file('big.bin', other.url('/big')), { env: ALLOW_LOCAL }));
    expect(err.message).to.equal('attachments["big.bin"]: is 105,906,176 bytes, more than the 104,857,600 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files (as the download announced it); it was not sent');
  });

  it('fails a stream that grows past the limit as soon as it does, whatever was declared', async () => {
    other = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      patternStream(2 * MiB).pipe(res);
    });
    const opened = await openAttachment(file('liar.bin', other.url('/liar'), 1000), { env: ALLOW_LOCAL, maxBytes: 1 * MiB });
    const err = await failureOf(sha256Of(opened.stream));
    expect(err.name).to.equal('InputError');
    expect(err.message).to.equal('attachments["liar.bin"]: is larger than the 1,048,576 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files (it grew past it while being read); it was not sent');
  });

  it('names the file and what to do when the storage has lost it, refuses the token, or the download breaks off', async () => {
    const gone = await failureOf(openAttachment(file('gone.pdf', maester.url('nope')), { env: maester.env }));
    expect(gone.message).to.equal('attachments["gone.pdf"]: no longer exists in the platform\'s storage (HTTP 404); its link may have expired: re-run the step that attached the file');
    const url = await maester.seed(patternStream(10));
    const refused = await failureOf(openAttachment(file('a.pdf', url), { env: { ...maester.env, ELASTICIO_OBJECT_STORAGE_TOKEN: 'not-a-jwt' } }));
    expect(refused.message).to.equal('attachments["a.pdf"]: the platform\'s storage refused the component\'s token (HTTP 401); retry the message, and if it keeps failing report it to the platform\'s support');
    other = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Length': '50000' });
      res.write(Buffer.alloc(2000, 1));
      setTimeout(() => res.socket.destroy(), 20);
    });
    const opened = await openAttachment(file('r.pdf', other.url('/r')), { env: ALLOW_LOCAL });
    const reset = await failureOf(sha256Of(opened.stream));
    expect(reset.message).to.match(/^attachments\["r\.pdf"\]: could not be downloaded: the connection to 127\.0\.0\.1 failed after 2000 bytes \(ECONNRESET\)\. Retry the message/);
  });

  it('fails a storage download that stalls at its deadline', async () => {
    const url = await maester.seed(patternStream(10));
    const id = url.split('/objects/')[1].split('?')[0];
    // A storage that sends headers and then nothing: the client's own deadline covers only the headers.
    const stalled = await localServer((req, res) => { res.writeHead(200, { 'Content-Length': '10' }); res.write('12345'); });
    other = stalled;
    const env = { ELASTICIO_OBJECT_STORAGE_URI: stalled.url(''), ELASTICIO_OBJECT_STORAGE_TOKEN: maester.token };
    const opened = await openAttachment(file('s.txt', stalled.url(`/objects/${id}?storage_type=maester`)), { env, timeoutMs: 300 });
    const err = await failureOf(sha256Of(opened.stream));
    expect(err.message).to.equal('attachments["s.txt"]: could not be downloaded: the platform\'s storage did not deliver it within 300 ms (5 bytes arrived). Retry the message');
  });

  it('measures files that came without a size, holding none of them', async () => {
    other = await localServer((req, res) => {
      if (req.url === '/chunked') {
        res.writeHead(200);
        patternStream(300000).pipe(res);
      } else {
        res.writeHead(200, { 'Content-Length': '1234' });
        res.end(Buffer.alloc(1234));
      }
    });
    const url = await maester.seed(patternStream(4567));
    const sized = await measureAttachments([
      file('a', other.url('/chunked')),
      file('b', other.url('/length')),
      file('c', url),
      file('d', url, 4567),
    ], { env: { ...maester.env, ...ALLOW_LOCAL } });
    expect(sized.map((f) => f.size)).to.deep.equal([300000, 1234, 4567, 4567]);
  });
});
