'use strict';

// Attachment downloads fail with an error that names the file and says what to do, whatever went
// wrong: refused address, reset connection, deadline, bad status.
const http = require('node:http');
const { expect } = require('chai');
const { downloadAttachments, planAttachments } = require('../../lib/platform/attachments');

const ALLOW_LOCAL = { OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: '127.0.0.1' };
const ROOM = 4000000;

async function localServer(handler) {
  const server = http.createServer(handler);
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return {
    url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

async function failureOf(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the download to fail');
}

describe('platform/attachments: every download failure names the file and what to do', () => {
  let server;
  afterEach(async () => { if (server) await server.close(); server = undefined; });

  const plan = (name, url) => planAttachments({ [name]: { url } });

  it('a reset after the headers', async () => {
    server = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Length': '50000' });
      res.write(Buffer.alloc(2000, 1));
      setTimeout(() => res.socket.destroy(), 20);
    });
    const err = await failureOf(downloadAttachments(plan('report.pdf', server.url('/r')), ROOM, { env: ALLOW_LOCAL }));
    expect(err.name).to.equal('InputError');
    expect(err.field).to.equal('attachments["report.pdf"]');
    expect(err.message).to.match(/^attachments\["report\.pdf"\]: could not be downloaded: the connection to 127\.0\.0\.1 failed after 2000 bytes \(ECONNRESET\)\. Retry the message/);
  });

  it('the deadline, after the headers', async () => {
    server = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Length': '50000' });
      res.write(Buffer.alloc(700, 1));
    });
    const err = await failureOf(downloadAttachments(plan('slow.bin', server.url('/s')), ROOM, { env: ALLOW_LOCAL, timeoutMs: 300 }));
    expect(err.name).to.equal('InputError');
    expect(err.message).to.match(/^attachments\["slow\.bin"\]: could not be downloaded: 127\.0\.0\.1 did not deliver it within 300 ms after 700 bytes\. Retry the message/);
  });

  it('the deadline, before the headers', async () => {
    server = await localServer(() => {});
    const err = await failureOf(downloadAttachments(plan('mute.bin', server.url('/m')), ROOM, { env: ALLOW_LOCAL, timeoutMs: 300 }));
    expect(err.message).to.match(/^attachments\["mute\.bin"\]: could not be downloaded: 127\.0\.0\.1 did not deliver it within 300 ms\. Retry/);
  });

  it('a refused connection', async () => {
    server = await localServer(() => {});
    const url = server.url('/gone');
    await server.close();
    server = undefined;
    const err = await failureOf(downloadAttachments(plan('a.txt', url), ROOM, { env: ALLOW_LOCAL }));
    expect(err.message).to.match(/^attachments\["a\.txt"\]: could not be downloaded: the connection to 127\.0\.0\.1 failed \(ECONNREFUSED\)/);
  });

  it('an internal address, without the setting', async () => {
    const err = await failureOf(downloadAttachments(plan('creds.json', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'), ROOM, { env: {} }));
    expect(err.field).to.equal('attachments["creds.json"]');
    expect(err.message).to.include('refused to download from 169.254.169.254: it is a link-local address')
      .and.include('OUTLOOK_ATTACHMENT_ALLOWED_HOSTS').and.not.include('security-credentials');
  });

  it('a setting that cannot be read', async () => {
    const err = await failureOf(downloadAttachments(plan('a.txt', 'https://files.example.net/a'), ROOM, { env: { OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: 'http://files' } }));
    expect(err.field).to.equal('attachments["a.txt"]');
    expect(err.message).to.include('OUTLOOK_ATTACHMENT_ALLOWED_HOSTS holds "http://files"').and.include('fix the environment variable');
  });
});
