'use strict';

// The egress guard on real sockets: local HTTP servers on 127.0.0.1 stand for an internal service
// (a metadata endpoint, a private host), a resolver stand-in maps names to addresses, and nock
// plays the platform storage where a public host is needed. Every refusal must come before a byte
// reaches the internal server.
const http = require('node:http');
const { expect } = require('chai');
const nock = require('nock');
const { guardedGet, DownloadError } = require('../../lib/platform/guardedGet');

const STORAGE = 'https://maester.platform.example.net';
const ALLOW_LOCAL = { OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: '127.0.0.1' };

/** An HTTP server on 127.0.0.1 that records each request; `handler(req, res)` answers. */
async function localServer(handler = (req, res) => res.end('internal secret')) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url, headers: req.headers });
    handler(req, res);
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address();
  return {
    requests,
    port,
    url: (path = '/latest/meta-data/') => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** A resolver that answers from a table, in dns.lookup's shape. */
function resolverOf(table) {
  const calls = [];
  const resolve = (hostname, options, callback) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
      return;
    }
    const all = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (options.all) callback(null, all);
    else callback(null, all[0].address, all[0].family);
  };
  return { resolve, calls };
}

async function read(body) {
  const chunks = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function refusalOf(promise) {
  try {
    const response = await promise;
    await read(response.body);
  } catch (err) {
    return err;
  }
  throw new Error('expected the download to be refused, but it went through');
}

describe('platform/guardedGet: attachment downloads reach no internal address', () => {
  let server;
  beforeEach(async () => {
    server = await localServer();
    // Names these tests resolve themselves must get past nock to the resolver.
    nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|[\w.-]+\.example\.test)(:\d+)?$/.test(host));
  });
  afterEach(async () => { await server.close(); });

  it('refuses 127.0.0.1 and every other spelling of it, before connecting', async () => {
    const port = server.port;
    for (const url of [
      `http://127.0.0.1:${port}/x`, `http://2130706433:${port}/x`, `http://0x7f.1:${port}/x`, `http://0177.0.0.1:${port}/x`,
      `http://127.1:${port}/x`, `http://[::ffff:127.0.0.1]:${port}/x`, `http://[::ffff:7f00:1]:${port}/x`, `http://[::1]:${port}/x`,
      `http://[0:0:0:0:0:ffff:7f00:1]:${port}/x`, `http://[64:ff9b::7f00:1]:${port}/x`,
    ]) {
      const err = await refusalOf(guardedGet(url, { timeoutMs: 5000, env: {} }));
      expect(err, url).to.be.instanceOf(DownloadError);
      expect(err.kind, url).to.equal('refused');
      expect(err.message, url).to.match(/loopback/).and.include('OUTLOOK_ATTACHMENT_ALLOWED_HOSTS').and.not.include('/x');
    }
    expect(server.requests).to.deep.equal([]);
  });

  it('refuses the cloud metadata address and private hosts by their literal address', async () => {
    for (const host of ['169.254.169.254', '10.0.0.5', '192.168.0.1', '100.100.100.200', '[fd00:ec2::254]', '[fe80::1]']) {
      const err = await refusalOf(guardedGet(`http://${host}/latest/meta-data/iam/`, { timeoutMs: 5000, env: {} }));
      expect(err.kind, host).to.equal('refused');
    }
  });

  it('checks the address a name resolves to, at connect time: localhost and a name pointing at 127.0.0.1 are refused', async () => {
    const err = await refusalOf(guardedGet(`http://localhost:${server.port}/x`, { timeoutMs: 5000, env: {} }));
    expect(err.kind).to.equal('refused');
    expect(err.message).to.match(/localhost \((127\.0\.0\.1|::1)\)/);
    const { resolve, calls } = resolverOf({ 'files.example.test': ['127.0.0.1'] });
    const named = await refusalOf(guardedGet(`http://files.example.test:${server.port}/x`, { timeoutMs: 5000, env: {}, resolve }));
    expect(named.message).to.include('files.example.test (127.0.0.1)').and.include('loopback');
    expect(calls).to.deep.equal(['files.example.test']);
    expect(server.requests).to.deep.equal([]);
  });

  it('connects to exactly the address it checked: with 127.0.0.1 allowed, a name resolving there is served by the local server', async () => {
    const { resolve } = resolverOf({ 'files.example.test': ['127.0.0.1'] });
    const response = await guardedGet(`http://files.example.test:${server.port}/f`, { timeoutMs: 5000, env: ALLOW_LOCAL, resolve });
    expect(await read(response.body)).to.equal('internal secret');
    expect(server.requests.map((r) => r.headers.host)).to.deep.equal([`files.example.test:${server.port}`]);
  });

  it('refuses a name that resolves to a public and a private address (the socket could pick either)', async () => {
    const { resolve } = resolverOf({ 'rebind.example.test': ['93.184.216.34', '127.0.0.1'] });
    const err = await refusalOf(guardedGet(`http://rebind.example.test:${server.port}/x`, { timeoutMs: 5000, env: {}, resolve }));
    expect(err.kind).to.equal('refused');
    expect(server.requests).to.deep.equal([]);
  });

  it('allows by host name: the listed name passes, its address under another name does not', async () => {
    const env = { OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: 'localhost' };
    const { resolve } = resolverOf({ localhost: ['127.0.0.1'] });
    expect(await read((await guardedGet(`http://localhost:${server.port}/f`, { timeoutMs: 5000, env, resolve })).body)).to.equal('internal secret');
    const err = await refusalOf(guardedGet(`http://127.0.0.1:${server.port}/f`, { timeoutMs: 5000, env }));
    expect(err.kind).to.equal('refused');
  });

  it('allows by range', async () => {
    const response = await guardedGet(server.url('/f'), { timeoutMs: 5000, env: { OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: '127.0.0.0/8' } });
    expect(await read(response.body)).to.equal('internal secret');
  });

  it("trusts the platform's storage origin wherever it lives, and sends it the storage token", async () => {
    const env = { ELASTICIO_OBJECT_STORAGE_URI: `http://127.0.0.1:${server.port}`, ELASTICIO_OBJECT_STORAGE_TOKEN: 'storage-jwt-secret-value' };
    const response = await guardedGet(server.url('/objects/1?storage_type=maester'), { timeoutMs: 5000, env });
    expect(await read(response.body)).to.equal('internal secret');
    expect(server.requests[0].headers.authorization).to.equal('Bearer storage-jwt-secret-value');
  });

  it('checks every redirect: storage redirecting to an internal address is refused before it is reached', async () => {
    nock(STORAGE).get('/objects/1').reply(302, '', { Location: server.url('/latest/meta-data/') });
    const err = await refusalOf(guardedGet(`${STORAGE}/objects/1`, { timeoutMs: 5000, env: {} }));
    expect(err.kind).to.equal('refused');
    expect(err.message).to.include('127.0.0.1').and.include('loopback');
    expect(server.requests).to.deep.equal([]);
  });

  it('never sends the storage token to a redirect target elsewhere, even an allowed one', async () => {
    const env = { ...ALLOW_LOCAL, ELASTICIO_OBJECT_STORAGE_URI: STORAGE, ELASTICIO_OBJECT_STORAGE_TOKEN: 'storage-jwt-secret-value' };
    const storage = nock(STORAGE).matchHeader('authorization', 'Bearer storage-jwt-secret-value')
      .get('/objects/1').reply(307, '', { Location: server.url('/bucket/1?sig=abc') });
    const response = await guardedGet(`${STORAGE}/objects/1`, { timeoutMs: 5000, env });
    expect(await read(response.body)).to.equal('internal secret');
    storage.done();
    expect(server.requests).to.have.length(1);
    expect(server.requests[0].url).to.equal('/bucket/1?sig=abc');
    expect(server.requests[0].headers).to.not.have.property('authorization');
  });

  it('follows at most 5 redirects, and no redirect to another scheme', async () => {
    nock(STORAGE).get(/\/loop\/\d+/).times(10).reply((uri) => [302, '', { Location: `/loop/${Number(uri.split('/').pop()) + 1}` }]);
    const err = await refusalOf(guardedGet(`${STORAGE}/loop/0`, { timeoutMs: 5000, env: {} }));
    expect(err.kind).to.equal('network');
    expect(err.message).to.include('redirected more than 5 times');
    nock(STORAGE).get('/file').reply(302, '', { Location: 'file:///etc/passwd' });
    const scheme = await refusalOf(guardedGet(`${STORAGE}/file`, { timeoutMs: 5000, env: {} }));
    expect(scheme.kind).to.equal('refused');
    expect(scheme.message).to.include('file:');
  });

  it('a connection reset after the headers ends the body with a DownloadError, not "terminated"', async () => {
    const reset = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Length': '100000' });
      res.write(Buffer.alloc(1000, 1));
      setTimeout(() => res.socket.destroy(), 20);
    });
    try {
      const err = await refusalOf(guardedGet(reset.url('/f'), { timeoutMs: 5000, env: ALLOW_LOCAL }));
      expect(err).to.be.instanceOf(DownloadError);
      expect(err.kind).to.equal('network');
      expect(err.message).to.match(/the connection to 127\.0\.0\.1 failed after 1000 bytes/);
    } finally {
      await reset.close();
    }
  });

  it('the deadline after the headers ends the body with a DownloadError, not a TimeoutError', async () => {
    const stall = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Length': '100000' });
      res.write(Buffer.alloc(500, 1));
    });
    try {
      const started = Date.now();
      const err = await refusalOf(guardedGet(stall.url('/f'), { timeoutMs: 300, env: ALLOW_LOCAL }));
      expect(err).to.be.instanceOf(DownloadError);
      expect(err.kind).to.equal('timeout');
      expect(err.message).to.include('127.0.0.1 did not deliver it within 300 ms after 500 bytes');
      expect(Date.now() - started).to.be.below(3000);
    } finally {
      await stall.close();
    }
  });
});
