'use strict';

// Send Mail, driven through its real module against nock: the exact request Graph gets, what the
// step returns, attachments read from platform storage, input validation before any request, and
// the rule that a send is never repeated after a lost answer (only after 429 or 401, which Graph
// answers before doing anything).
const http = require('node:http');
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith, freshToken } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { watchNetwork } = require('../helpers/network');
const sendMail = require('../../lib/mail/sendMail');

const SEND_PATH = '/v1.0/me/sendMail';
const STORAGE = 'https://storage.platform.example.net';
const MB = 1024 * 1024;

const NEW_TOKEN = {
  access_token: 'at-refreshed-9876543210',
  refresh_token: 'rt-refreshed-9876543210',
  token_type: 'Bearer',
  expires_in: 3600,
  scope: 'Mail.Send User.Read offline_access',
};

/** Strings that must never reach a log line, an error message or an emitted data message. */
const SECRETS = [
  freshToken().access_token, freshToken().refresh_token, process.env.MSAPP_CLIENT_SECRET,
  NEW_TOKEN.access_token, NEW_TOKEN.refresh_token, 'storage-jwt-secret-value',
];

/** The one-request path (duplicate check skipped); the guarded path is spec/mail/sendGuard.spec.js. */
const DIRECT = { skipDuplicateCheck: true };

function run(ctx, body, extra = {}, cfg = cfgWith(DIRECT)) {
  return sendMail.process.call(ctx, { id: 'msg-1', body, headers: {}, ...extra }, cfg);
}

async function failureOf(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the step to fail, but it succeeded');
}

/** Intercepts sendMail `times` times, recording each request's body and headers. */
function captureSends(replies) {
  const sends = [];
  const scope = nock(GRAPH);
  replies.forEach((reply) => {
    scope.post(SEND_PATH).reply(function answer(uri, body) {
      sends.push({ body, headers: this.req.headers });
      return typeof reply === 'function' ? reply() : reply;
    });
  });
  return { sends, scope };
}

/**
 * Answers the draft route (a mail that does not fit one sendMail request) as Graph does, recording
 * each request: the draft, its attachments (one POST each, or an upload session whose PUTs go to
 * Outlook's upload URL), and /send.
 */
function captureDraftFlow() {
  const requests = [];
  const record = (method) => function answer(uri, body) {
    requests.push({ method, path: uri.split('?')[0], body, length: Buffer.byteLength(typeof body === 'string' ? body : JSON.stringify(body)), authorization: this.req.headers.authorization });
  };
  nock(GRAPH).persist()
    .post('/v1.0/me/messages').reply(function reply(uri, body) { record('POST').call(this, uri, body); return [201, { id: 'draft-1', parentFolderId: 'drafts-id', webLink: 'https://outlook.example/draft-1' }]; })
    .post('/v1.0/me/messages/draft-1/attachments').reply(function reply(uri, body) { record('POST').call(this, uri, body); return [201, { id: `att-${requests.length}` }]; })
    .post('/v1.0/me/messages/draft-1/attachments/createUploadSession').reply(function reply(uri, body) {
      record('POST').call(this, uri, body);
      return [201, { uploadUrl: 'https://outlook.office.example/upload?authtoken=t', expirationDateTime: '2099-01-01T00:00:00Z', nextExpectedRanges: ['0-'] }];
    })
    .post('/v1.0/me/messages/draft-1/send').reply(function reply(uri, body) { record('POST').call(this, uri, body); return [202, '']; });
  nock('https://outlook.office.example').persist().put('/upload').query(true).reply(function reply() {
    requests.push({ method: 'PUT', path: '/upload', authorization: this.req.headers.authorization, range: this.req.headers['content-range'] });
    const [, , end, total] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(this.req.headers['content-range']);
    if (Number(end) + 1 === Number(total)) return [201, '', { Location: "https://outlook.office.example/Attachments('big-1')" }];
    return [200, { NextExpectedRanges: [String(Number(end) + 1)] }];
  });
  return { requests, paths: () => requests.map((r) => `${r.method} ${r.path}`) };
}

function expectNoSecrets(ctx, err) {
  const texts = [
    ...ctx.logs.map((l) => l.message),
    ...(err ? [err.message, String(err.stack)] : []),
    ...ctx.emitted('data').map((d) => JSON.stringify(d)),
  ];
  for (const text of texts) {
    for (const secret of SECRETS) expect(text, 'a secret leaked into a log line, error or data message').to.not.include(secret);
  }
}

describe('Send Mail action', () => {
  let net;
  afterEach(() => { if (net) net.stop(); net = undefined; });

  describe('the request sent to POST /me/sendMail', () => {
    it('carries every field, with recipients parsed from strings, lists and "Name <address>" forms', async () => {
      const ctx = createContext();
      const { sends, scope } = captureSends([[202, '']]);
      await run(ctx, {
        to: 'Ann Example <ann@example.com>, bob@example.com; "Doe, John" <john.doe@example.org>',
        cc: ['carol@example.com', 'Dan <dan@example.org>'],
        bcc: [{ address: 'eve@example.com', name: 'Eve' }, { emailAddress: { address: 'frank@example.com' } }],
        replyTo: 'Replies <replies@example.com>',
        subject: 'Quarterly report',
        body: '<p>Hello <b>team</b></p>',
        bodyContentType: 'HTML',
        importance: 'High',
        saveToSentItems: false,
      });
      scope.done();
      expect(sends).to.have.length(1);
      expect(sends[0].body).to.deep.equal({
        message: {
          subject: 'Quarterly report',
          body: { contentType: 'html', content: '<p>Hello <b>team</b></p>' },
          toRecipients: [
            { emailAddress: { address: 'ann@example.com', name: 'Ann Example' } },
            { emailAddress: { address: 'bob@example.com' } },
            { emailAddress: { address: 'john.doe@example.org', name: 'Doe, John' } },
          ],
          ccRecipients: [
            { emailAddress: { address: 'carol@example.com' } },
            { emailAddress: { address: 'dan@example.org', name: 'Dan' } },
          ],
          bccRecipients: [
            { emailAddress: { address: 'eve@example.com', name: 'Eve' } },
            { emailAddress: { address: 'frank@example.com' } },
          ],
          importance: 'high',
          replyTo: [{ emailAddress: { address: 'replies@example.com', name: 'Replies' } }],
        },
        saveToSentItems: false,
      });
      expect(sends[0].headers.authorization).to.equal(`Bearer ${freshToken().access_token}`);
      expect(sends[0].headers['content-type']).to.match(/^application\/json/);
    });

    it('defaults to a text body, normal importance and saving to Sent Items, without empty optional keys', async () => {
      const ctx = createContext();
      const { sends } = captureSends([[202, '']]);
      await run(ctx, { to: 'ann@example.com', subject: 'Hi', body: 'Plain text' });
      expect(sends[0].body).to.deep.equal({
        message: {
          subject: 'Hi',
          body: { contentType: 'text', content: 'Plain text' },
          toRecipients: [{ emailAddress: { address: 'ann@example.com' } }],
          ccRecipients: [],
          bccRecipients: [],
          importance: 'normal',
        },
        saveToSentItems: true,
      });
    });

    [
      ['false (boolean)', false, false],
      ['"false" (text from a mapping)', 'false', false],
      ['true (boolean)', true, true],
      ['"TRUE" (text)', 'TRUE', true],
      ['empty (default)', '', true],
    ].forEach(([label, value, expected]) => {
      it(`honours saveToSentItems ${label}`, async () => {
        const ctx = createContext();
        const { sends } = captureSends([[202, '']]);
        const out = await run(ctx, { to: 'ann@example.com', saveToSentItems: value });
        expect(sends[0].body.saveToSentItems).to.equal(expected);
        expect(out.body.savedToSentItems).to.equal(expected);
      });
    });

    it('sends a mail with only cc or bcc recipients', async () => {
      const ctx = createContext();
      const { sends } = captureSends([[202, '']]);
      await run(ctx, { bcc: 'hidden@example.com' });
      expect(sends[0].body.message.toRecipients).to.deep.equal([]);
      expect(sends[0].body.message.bccRecipients).to.deep.equal([{ emailAddress: { address: 'hidden@example.com' } }]);
    });
  });

  describe('the output message', () => {
    it('reports what was sent: recipients, subject, attachments and whether it was saved', async () => {
      const ctx = createContext();
      captureSends([[202, '']]);
      nock(STORAGE).get('/files/report.pdf').reply(200, Buffer.from('%PDF-1.7 tiny'));
      const before = Date.now();
      const out = await run(ctx, {
        to: 'Ann <ann@example.com>, bob@example.com',
        cc: 'carol@example.com',
        bcc: 'dan@example.com',
        subject: 'Report',
      }, { attachments: { 'report.pdf': { url: `${STORAGE}/files/report.pdf`, size: 13, 'content-type': 'application/pdf' } } });
      expect(out).to.include.keys('id', 'body', 'headers', 'attachments');
      const { sentAt, ...rest } = out.body;
      expect(rest).to.deep.equal({
        subject: 'Report',
        to: ['ann@example.com', 'bob@example.com'],
        cc: ['carol@example.com'],
        bcc: ['dan@example.com'],
        attachments: [{ name: 'report.pdf', size: 13 }],
        savedToSentItems: true,
        alreadySent: false,
      });
      expect(Date.parse(sentAt)).to.be.within(before - 1000, Date.now() + 1000);
      expect(sentAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(ctx.logs.map((l) => l.message)).to.include('Mail sent to 4 recipient(s) with 1 attachment(s)');
      expectNoSecrets(ctx);
    });

    it('says when Graph accepted the mail by Graph\'s clock (its Date header), not the container\'s, on the one-request path too', async () => {
      captureSends([[202, '', { Date: 'Mon, 02 Mar 2026 09:00:07 GMT' }]]);
      const out = await run(createContext(), { to: 'ann@example.com', subject: 'Clock' });
      expect(out.body.sentAt).to.equal('2026-03-02T09:00:07.000Z');
    });
  });

  describe('attachments from the incoming message', () => {
    it('downloads each file from storage and sends it inline as base64 with its name and type', async () => {
      const ctx = createContext();
      const { sends } = captureSends([[202, '']]);
      const binary = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 10, 13, 0x89, 0x50, 0x4e, 0x47]);
      const text = Buffer.from('Grüße, 世界\n', 'utf8');
      // A file without a declared size is read twice: once to measure it (an upload session would
      // need its size up front), once to send it.
      const storage = nock(STORAGE)
        .get('/objects/1').reply(200, binary)
        .get('/objects/2').times(2).reply(200, text);
      await run(ctx, { to: 'ann@example.com' }, {
        attachments: {
          'image.png': { url: `${STORAGE}/objects/1`, size: binary.length, 'content-type': 'image/png' },
          'notes.txt': { url: `${STORAGE}/objects/2`, 'content-type': 'text/plain; charset=utf-8' },
        },
      });
      storage.done();
      expect(sends[0].body.message.attachments).to.deep.equal([
        { '@odata.type': '#microsoft.graph.fileAttachment', name: 'image.png', contentType: 'image/png', contentBytes: binary.toString('base64') },
        { '@odata.type': '#microsoft.graph.fileAttachment', name: 'notes.txt', contentType: 'text/plain; charset=utf-8', contentBytes: text.toString('base64') },
      ]);
      expect(Buffer.from(sends[0].body.message.attachments[0].contentBytes, 'base64').equals(binary)).to.equal(true);
    });

    it('falls back to application/octet-stream when the content type is missing or not a MIME type', async () => {
      const ctx = createContext();
      const { sends } = captureSends([[202, '']]);
      nock(STORAGE).get('/a').times(2).reply(200, 'a').get('/b').times(2).reply(200, 'b');
      await run(ctx, { to: 'ann@example.com' }, {
        attachments: { a: { url: `${STORAGE}/a` }, b: { url: `${STORAGE}/b`, 'content-type': 'not a type' } },
      });
      expect(sends[0].body.message.attachments.map((a) => a.contentType)).to.deep.equal(['application/octet-stream', 'application/octet-stream']);
    });

    it('sends no Graph token to the storage host; a Maester URL gets the storage token, a pre-signed URL gets none', async () => {
      const saved = { uri: process.env.ELASTICIO_OBJECT_STORAGE_URI, token: process.env.ELASTICIO_OBJECT_STORAGE_TOKEN };
      process.env.ELASTICIO_OBJECT_STORAGE_URI = 'https://maester.platform.example.net';
      process.env.ELASTICIO_OBJECT_STORAGE_TOKEN = 'storage-jwt-secret-value';
      try {
        const ctx = createContext();
        captureSends([[202, '']]);
        const maester = nock('https://maester.platform.example.net')
          .matchHeader('authorization', 'Bearer storage-jwt-secret-value')
          // Read through the storage's own client, which asks for the object by id.
          .get('/objects/abc').reply(200, 'from maester');
        const steward = nock(STORAGE, { badheaders: ['authorization'] }).get('/signed/xyz').query(true).reply(200, 'from steward');
        await run(ctx, { to: 'ann@example.com' }, {
          attachments: {
            'm.txt': { url: 'https://maester.platform.example.net/objects/abc?storage_type=maester', size: 12 },
            's.txt': { url: `${STORAGE}/signed/xyz?sig=abc`, size: 12 },
          },
        });
        maester.done();
        steward.done();
        expectNoSecrets(ctx);
      } finally {
        for (const [key, value] of [['ELASTICIO_OBJECT_STORAGE_URI', saved.uri], ['ELASTICIO_OBJECT_STORAGE_TOKEN', saved.token]]) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
    });

    // Graph refuses request bodies over 4 MB with 413 (Microsoft: "The Microsoft Graph REST API has
    // a 4 MB request limit"); the step reads that as 4,000,000 bytes of JSON, base64 included.
    const GRAPH_LIMIT = 4000000;
    const BOUNDARY_MAIL = { to: 'ann@example.com', subject: 'Boundary' };

    /** The request Graph must get for BOUNDARY_MAIL with these files, written out here, file contents empty. */
    function boundarySkeleton(files) {
      return {
        message: {
          subject: 'Boundary',
          body: { contentType: 'text', content: '' },
          toRecipients: [{ emailAddress: { address: 'ann@example.com' } }],
          ccRecipients: [],
          bccRecipients: [],
          importance: 'normal',
          attachments: files.map(([name, type]) => ({ '@odata.type': '#microsoft.graph.fileAttachment', name, contentType: type, contentBytes: '' })),
        },
        saveToSentItems: true,
      };
    }
    const base64 = (n) => 4 * Math.ceil(n / 3);
    const overheadOf = (files) => Buffer.byteLength(JSON.stringify(boundarySkeleton(files)));

    /** Captures each sendMail body as it arrived on the wire: its length in bytes, and its JSON. */
    function captureWire() {
      const wire = [];
      const scope = nock(GRAPH).post(SEND_PATH).reply(202, '');
      scope.on('request', (req, interceptor, raw) => { wire.push({ length: Buffer.byteLength(raw), body: JSON.parse(raw) }); });
      return wire;
    }

    it('sends the largest file that fits: the request on the wire is within Graph\'s 4,000,000 bytes', async () => {
      const largest = Math.floor((GRAPH_LIMIT - overheadOf([['exact.bin', 'application/octet-stream']])) / 4) * 3;
      const wire = captureWire();
      nock(STORAGE).get('/exact').reply(200, Buffer.alloc(largest, 1));
      const out = await run(createContext(), BOUNDARY_MAIL, { attachments: { 'exact.bin': { url: `${STORAGE}/exact`, size: largest } } });
      expect(wire).to.have.length(1);
      expect(wire[0].length, 'bytes on the wire').to.be.at.most(GRAPH_LIMIT).and.above(GRAPH_LIMIT - 4);
      const { contentBytes, ...attachment } = wire[0].body.message.attachments[0];
      expect({ ...wire[0].body, message: { ...wire[0].body.message, attachments: [{ ...attachment, contentBytes: '' }] } }).to.deep.equal(boundarySkeleton([['exact.bin', 'application/octet-stream']]));
      expect(contentBytes).to.have.length(base64(largest));
      expect(Buffer.from(wire[0].body.message.attachments[0].contentBytes, 'base64').length).to.equal(largest);
      expect(out.body.attachments).to.deep.equal([{ name: 'exact.bin', size: largest }]);
    });

    it('sends the largest pair of files that fits, and refuses the pair with one byte more before any request', async () => {
      const files = [['a.bin', 'application/octet-stream'], ['b.pdf', 'application/pdf']];
      const room = GRAPH_LIMIT - overheadOf(files);
      const a = 1000000;
      const b = Math.floor((room - base64(a)) / 4) * 3;
      const attachments = (extra) => ({
        'a.bin': { url: `${STORAGE}/a`, size: a },
        'b.pdf': { url: `${STORAGE}/b`, size: b + extra, 'content-type': 'application/pdf' },
      });
      const wire = captureWire();
      nock(STORAGE).get('/a').reply(200, Buffer.alloc(a, 1)).get('/b').reply(200, Buffer.alloc(b, 2));
      await run(createContext(), BOUNDARY_MAIL, { attachments: attachments(0) });
      expect(wire[0].length).to.be.at.most(GRAPH_LIMIT).and.above(GRAPH_LIMIT - 4);

      // One byte more no longer fits sendMail's request. A draft's request is a little smaller (no
      // saveToSentItems around the message), so both still ride in it, within the limit on the wire.
      nock(STORAGE).get('/a').reply(200, Buffer.alloc(a, 1)).get('/b').reply(200, Buffer.alloc(b + 1, 2));
      const flow = captureDraftFlow();
      const out = await run(createContext(), BOUNDARY_MAIL, { attachments: attachments(1) });
      expect(flow.paths()).to.deep.equal(['POST /v1.0/me/messages', 'POST /v1.0/me/messages/draft-1/send']);
      expect(flow.requests[0].body.attachments.map((f) => f.name)).to.deep.equal(['a.bin', 'b.pdf']);
      expect(flow.requests[0].length).to.be.at.most(GRAPH_LIMIT);
      expect(out.body).to.include({ id: 'draft-1', alreadySent: false });
    });

    it('a file too large for the draft\'s request with the mail is added to the draft by itself', async () => {
      const draftRoom = GRAPH_LIMIT - Buffer.byteLength(JSON.stringify({ ...boundarySkeleton([['big.bin', 'application/octet-stream']]).message }));
      const size = Math.floor(draftRoom / 4) * 3 + 3;
      nock(STORAGE).get('/big').reply(200, Buffer.alloc(size, 1));
      const flow = captureDraftFlow();
      await run(createContext(), BOUNDARY_MAIL, { attachments: { 'big.bin': { url: `${STORAGE}/big`, size } } });
      expect(flow.paths()).to.deep.equal(['POST /v1.0/me/messages', 'POST /v1.0/me/messages/draft-1/attachments', 'POST /v1.0/me/messages/draft-1/send']);
      expect(flow.requests[0].body).to.not.have.property('attachments');
      expect(flow.requests[1].length).to.be.at.most(GRAPH_LIMIT);
      expect(Buffer.from(flow.requests[1].body.contentBytes, 'base64').length).to.equal(size);
    });

    it('one byte more than the largest file, not declared, is measured first and goes through a draft', async () => {
      const largest = Math.floor((GRAPH_LIMIT - overheadOf([['exact.bin', 'application/octet-stream']])) / 4) * 3;
      nock(STORAGE).get('/exact').times(2).reply(200, Buffer.alloc(largest + 1, 1));
      const flow = captureDraftFlow();
      await run(createContext(), BOUNDARY_MAIL, { attachments: { 'exact.bin': { url: `${STORAGE}/exact` } } });
      expect(flow.paths()).to.deep.equal(['POST /v1.0/me/messages', 'POST /v1.0/me/messages/draft-1/send']);
      expect(Buffer.from(flow.requests[0].body.attachments[0].contentBytes, 'base64').length).to.equal(largest + 1);
    });

    it('a 3 MiB file (4 MiB of base64, which Graph answers 413 in one request) travels through an upload session', async () => {
      nock(STORAGE).get('/three').reply(200, Buffer.alloc(3 * MB, 3));
      const flow = captureDraftFlow();
      const out = await run(createContext(), { to: 'ann@example.com' }, { attachments: { 'three.bin': { url: `${STORAGE}/three`, size: 3 * MB } } });
      expect(flow.paths()).to.deep.equal(['POST /v1.0/me/messages', 'POST /v1.0/me/messages/draft-1/attachments/createUploadSession', 'PUT /upload', 'POST /v1.0/me/messages/draft-1/send']);
      expect(flow.requests[1].body).to.deep.equal({ AttachmentItem: { attachmentType: 'file', name: 'three.bin', size: 3 * MB, contentType: 'application/octet-stream' } });
      expect(flow.requests[2].authorization).to.equal(undefined);
      expect(out.body.attachments).to.deep.equal([{ name: 'three.bin', size: 3 * MB }]);
    });

    it('a long mail body leaves less room for files: the file that no longer fits is added to the draft by itself', async () => {
      nock(STORAGE).get('/one').reply(200, Buffer.alloc(1.5 * MB, 1));
      const flow = captureDraftFlow();
      await run(createContext(), { to: 'ann@example.com', body: 'b'.repeat(2 * MB) }, { attachments: { 'one.bin': { url: `${STORAGE}/one`, size: 1.5 * MB } } });
      expect(flow.paths()).to.deep.equal(['POST /v1.0/me/messages', 'POST /v1.0/me/messages/draft-1/attachments', 'POST /v1.0/me/messages/draft-1/send']);
    });

    it('saveToSentItems false with a file that needs a draft is refused before any request: a draft always leaves a copy in Sent Items', async () => {
      net = watchNetwork();
      let downloads = 0;
      nock(STORAGE).persist().get(/.*/).reply(() => { downloads += 1; return [200, 'x']; });
      const err = await failureOf(run(createContext(), { to: 'ann@example.com', saveToSentItems: false }, { attachments: { 'three.bin': { url: `${STORAGE}/three`, size: 3 * MB } } }));
      expect(err.name).to.equal('InputError');
      expect(err.field).to.equal('saveToSentItems');
      expect(downloads).to.equal(0);
      expect(net.hits).to.deep.equal([]);
    });

    it('a mail whose text alone makes the request too large -> "body: ...", before any request', async () => {
      net = watchNetwork();
      // 1.5 million characters within the body limit, but 4.5 MB as UTF-8.
      const err = await failureOf(run(createContext(), { to: 'ann@example.com', body: '文'.repeat(1500000) }));
      expect(err.name).to.equal('InputError');
      expect(err.message).to.match(/^body: the mail is 4,50\d,\d\d\d bytes as a Graph request, over the 4,000,000 bytes/).and.include('shorten the body');
      expect(net.hits).to.deep.equal([]);
    });

    it('counts the measured sizes of all files together: one rides in the draft, the other is added by itself', async () => {
      nock(STORAGE).get('/one').times(2).reply(200, Buffer.alloc(2 * MB)).get('/two').times(2).reply(200, Buffer.alloc(2 * MB));
      const flow = captureDraftFlow();
      await run(createContext(), { to: 'ann@example.com' }, { attachments: { 'one.bin': { url: `${STORAGE}/one` }, 'two.bin': { url: `${STORAGE}/two` } } });
      expect(flow.paths()).to.deep.equal(['POST /v1.0/me/messages', 'POST /v1.0/me/messages/draft-1/attachments', 'POST /v1.0/me/messages/draft-1/send']);
      expect(flow.requests[0].body.attachments).to.have.length(1);
    });
  });

  it('the network watch used below does see a request (so its empty lists mean something)', async () => {
    const ctx = createContext();
    net = watchNetwork();
    const err = await failureOf(run(ctx, { to: 'ann@example.com' }));
    expect(net.hits).to.deep.equal([`POST ${GRAPH}${SEND_PATH}`]);
    expect(err.statusCode).to.equal(500);
  });

  describe('bad input: an error naming the field, and no request to Graph', () => {
    const ok = { to: 'ann@example.com' };
    const cases = [
      ['no recipients at all', { subject: 'Hi' }, undefined, 'to'],
      ['empty recipient fields', { to: '', cc: [], bcc: ' , ' }, undefined, 'to'],
      ['a malformed address in to', { to: 'ann@example.com, not-an-address' }, undefined, 'to[1]'],
      ['an address without a domain dot in cc', { ...ok, cc: 'carol@localhost' }, undefined, 'cc[0]'],
      ['a display name with an unquoted semicolon', { to: 'Doe; John <john@example.com>' }, undefined, 'to[0]'],
      ['an unclosed angle bracket', { to: 'Ann <ann@example.com' }, undefined, 'to[0]'],
      ['a malformed replyTo', { ...ok, replyTo: 'replies@' }, undefined, 'replyTo[0]'],
      ['a number as to', { to: 42 }, undefined, 'to'],
      ['a boolean inside the bcc list', { ...ok, bcc: ['a@example.com', true] }, undefined, 'bcc[1]'],
      ['an object recipient without address', { ...ok, cc: [{ name: 'Nobody' }] }, undefined, 'cc[0]'],
      ['a number as subject', { ...ok, subject: 123 }, undefined, 'subject'],
      ['a list as body', { ...ok, body: ['a', 'b'] }, undefined, 'body'],
      ['a text as the whole message body', 'to: ann@example.com', undefined, 'body'],
      ['a list as the whole message body', [ok], undefined, 'body'],
      ['an unknown importance', { ...ok, importance: 'urgent' }, undefined, 'importance'],
      ['an unknown body type', { ...ok, bodyContentType: 'markdown' }, undefined, 'bodyContentType'],
      ['a saveToSentItems that is not a flag', { ...ok, saveToSentItems: 'maybe' }, undefined, 'saveToSentItems'],
      ['a subject over 255 characters', { ...ok, subject: 'x'.repeat(256) }, undefined, 'subject'],
      ['a huge subject', { ...ok, subject: 'y'.repeat(100000) }, undefined, 'subject'],
      ['more than 500 recipients', { to: Array.from({ length: 501 }, (_, i) => `r${i}@example.com`) }, undefined, 'to'],
      ['an attachment without url', ok, { 'a.txt': { size: 10 } }, 'attachments["a.txt"]'],
      ['an attachment with a non-http url', ok, { 'a.txt': { url: 'file:///etc/passwd' } }, 'attachments["a.txt"]'],
      ['an attachment whose size is not a number', ok, { 'a.txt': { url: `${STORAGE}/a`, size: 'big' } }, 'attachments["a.txt"]'],
      ['an attachment name with a slash', ok, { '../a.txt': { url: `${STORAGE}/a` } }, 'attachments["../a.txt"]'],
      ['attachments given as a list', ok, [{ url: `${STORAGE}/a` }], 'attachments'],
    ];
    cases.forEach(([label, body, attachments, field]) => {
      it(`${label} -> "${field}: ..."`, async () => {
        const ctx = createContext();
        net = watchNetwork();
        const extra = attachments === undefined ? {} : { attachments };
        const err = await failureOf(run(ctx, body, extra));
        expect(err.name, err.message).to.equal('InputError');
        expect(err.field).to.equal(field);
        expect(err.message.startsWith(`${field}: `), err.message).to.equal(true);
        expect(err.message.length).to.be.below(700);
        expect(net.hits).to.deep.equal([]);
        expect(net.unmatched).to.deep.equal([]);
        expect(ctx.events).to.deep.equal([]);
      });
    });

    it('an attachment that storage answers 404 -> names the file and the status, and no request to Graph', async () => {
      const ctx = createContext();
      net = watchNetwork();
      const storage = nock(STORAGE).get('/gone').reply(404, 'Not Found');
      const err = await failureOf(run(ctx, { to: 'ann@example.com' }, { attachments: { 'gone.pdf': { url: `${STORAGE}/gone`, size: 10 } } }));
      storage.done();
      expect(err.name).to.equal('InputError');
      expect(err.message).to.match(/^attachments\["gone\.pdf"\]: /).and.include('HTTP 404');
      expect(net.hits).to.deep.equal([]);
    });

    it('an attachment whose download fails on the network -> names the file, and no request to Graph', async () => {
      const ctx = createContext();
      net = watchNetwork();
      nock(STORAGE).get('/reset').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      const err = await failureOf(run(ctx, { to: 'ann@example.com' }, { attachments: { 'r.pdf': { url: `${STORAGE}/reset` } } }));
      expect(err.message).to.match(/^attachments\["r\.pdf"\]: /).and.include('could not be downloaded');
      expect(net.hits).to.deep.equal([]);
    });

    describe('attachments on internal addresses, and downloads that break off', () => {
      let server;
      let served;
      let savedAllowed;
      beforeEach(async () => {
        savedAllowed = process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS;
        served = [];
        server = http.createServer((req, res) => {
          served.push(req.url);
          if (req.url === '/reset') {
            res.writeHead(200, { 'Content-Length': '100000' });
            res.write(Buffer.alloc(1000, 1));
            setTimeout(() => res.socket.destroy(), 20);
          } else res.end('{"AccessKeyId":"internal"}');
        });
        await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
      });
      afterEach(async () => {
        if (savedAllowed === undefined) delete process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS;
        else process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS = savedAllowed;
        server.closeAllConnections();
        await new Promise((resolve) => { server.close(resolve); });
      });
      const local = (path) => `http://127.0.0.1:${server.address().port}${path}`;

      it('a URL on a loopback or metadata address, in any spelling -> refused naming the file, nothing fetched, no request to Graph', async () => {
        const { port } = server.address();
        for (const url of [local('/latest/meta-data/'), `http://2130706433:${port}/x`, `http://0x7f.1:${port}/x`, `http://[::ffff:127.0.0.1]:${port}/x`, 'http://169.254.169.254/latest/meta-data/']) {
          net = watchNetwork();
          const err = await failureOf(run(createContext(), { to: 'ann@example.com' }, { attachments: { 'creds.json': { url } } }));
          expect(err.name, url).to.equal('InputError');
          expect(err.message, url).to.match(/^attachments\["creds\.json"\]: refused to download from /).and.match(/loopback|link-local/)
            .and.include('OUTLOOK_ATTACHMENT_ALLOWED_HOSTS');
          expect(net.hits, url).to.deep.equal([]);
          net.stop();
          net = undefined;
        }
        expect(served).to.deep.equal([]);
      });

      it('the same file is sent when OUTLOOK_ATTACHMENT_ALLOWED_HOSTS lists 127.0.0.1', async () => {
        process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS = '127.0.0.1';
        const { sends } = captureSends([[202, '']]);
        await run(createContext(), { to: 'ann@example.com' }, { attachments: { 'a.json': { url: local('/a') } } });
        expect(Buffer.from(sends[0].body.message.attachments[0].contentBytes, 'base64').toString()).to.equal('{"AccessKeyId":"internal"}');
      });

      it('a connection reset after the headers -> names the file and says to retry, no request to Graph', async () => {
        process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS = '127.0.0.1';
        net = watchNetwork();
        const err = await failureOf(run(createContext(), { to: 'ann@example.com' }, { attachments: { 'r.bin': { url: local('/reset') } } }));
        expect(err.name).to.equal('InputError');
        expect(err.message).to.match(/^attachments\["r\.bin"\]: could not be downloaded: the connection to 127\.0\.0\.1 failed after 1000 bytes/).and.include('Retry');
        expect(net.hits).to.deep.equal([]);
      });
    });

    it('quotes at most a short excerpt of a bad value', async () => {
      const ctx = createContext();
      const err = await failureOf(run(ctx, { to: 'ann@example.com', importance: `urgent${'!'.repeat(5000)}` }));
      expect(err.message).to.match(/^importance: /);
      expect(err.message.length).to.be.below(200);
    });
  });

  describe('throttling and failures', () => {
    it('waits for Retry-After after a 429 and then sends the mail once', async () => {
      const ctx = createContext();
      const { sends, scope } = captureSends([
        [429, { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } }, { 'Retry-After': '1' }],
        [202, ''],
      ]);
      const started = Date.now();
      const out = await run(ctx, { to: 'ann@example.com', subject: 'Throttled' });
      scope.done();
      expect(Date.now() - started).to.be.at.least(950);
      expect(sends).to.have.length(2);
      expect(sends[1].body).to.deep.equal(sends[0].body);
      expect(out.body.subject).to.equal('Throttled');
      expect(ctx.logs.some((l) => l.level === 'warn' && /429/.test(l.message))).to.equal(true);
    });

    it('retries a 429 without waiting when Retry-After is 0, several times if needed', async () => {
      const ctx = createContext();
      const throttled = [429, { error: { code: 'ApplicationThrottled' } }, { 'Retry-After': '0' }];
      const { sends, scope } = captureSends([throttled, throttled, [202, '']]);
      await run(ctx, { to: 'ann@example.com' });
      scope.done();
      expect(sends).to.have.length(3);
    });

    [503, 504, 500, 502].forEach((status) => {
      it(`makes exactly one POST when Graph answers ${status}, and says the mail may have been sent and was not repeated`, async () => {
        const ctx = createContext();
        let posts = 0;
        nock(GRAPH).post(SEND_PATH).times(10).reply(() => {
          posts += 1;
          return [status, { error: { code: 'ServiceUnavailable', message: 'Service temporarily unavailable' } }, { 'Retry-After': '0', 'request-id': 'req-123' }];
        });
        const err = await failureOf(run(ctx, { to: 'ann@example.com' }));
        expect(posts).to.equal(1);
        expect(err.statusCode).to.equal(status);
        expect(err.message).to.include(`HTTP ${status}`);
        expect(err.message).to.include('may or may not have been sent').and.include('not sent again');
        expect(err.message).to.include('req-123');
        expect(ctx.emitted('data')).to.deep.equal([]);
        expectNoSecrets(ctx, err);
      });
    });

    [
      // What Node's fetch (undici) throws when the peer resets the connection.
      ['a reset connection (fetch failed, cause ECONNRESET)', () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
      ['a socket hang-up (Error with code ECONNRESET)', () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
      ['nock replyWithError({code: "ECONNRESET"})', () => ({ code: 'ECONNRESET' })],
    ].forEach(([label, failure]) => {
      it(`makes exactly one POST after ${label}, and says the mail may have been sent and was not repeated`, async () => {
        const ctx = createContext();
        const dropped = nock(GRAPH).post(SEND_PATH).replyWithError(failure());
        const repeat = nock(GRAPH).post(SEND_PATH).times(5).reply(202);
        const err = await failureOf(run(ctx, { to: 'ann@example.com' }));
        dropped.done();
        expect(repeat.pendingMocks(), 'the send was repeated after a dropped connection').to.have.length(1);
        expect(err.message).to.include('/me/sendMail');
        expect(err.message).to.include('may or may not have been sent').and.include('not sent again');
        expect(ctx.emitted('data')).to.deep.equal([]);
        expectNoSecrets(ctx, err);
      });
    });

    it('does not add the may-have-been-sent warning to a 400, which Graph refused outright', async () => {
      const ctx = createContext();
      nock(GRAPH).post(SEND_PATH).reply(400, { error: { code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid.' } });
      const err = await failureOf(run(ctx, { to: 'ann@example.com' }));
      expect(err.statusCode).to.equal(400);
      expect(err.message).to.include('ErrorInvalidRecipients').and.include('Check the to, cc and bcc addresses');
      expect(err.message).to.not.include('may or may not have been sent');
    });
  });

  describe('an expired access token', () => {
    it('refreshes the token after a 401, sends once with the new token, and emits updateKeys with the whole new token', async () => {
      const ctx = createContext();
      const tokenRequests = [];
      const login = nock(LOGIN).post('/common/oauth2/v2.0/token', (body) => { tokenRequests.push(body); return true; }).reply(200, NEW_TOKEN);
      const rejected = nock(GRAPH).matchHeader('authorization', `Bearer ${freshToken().access_token}`)
        .post(SEND_PATH).reply(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } });
      const { sends } = captureSends([[202, '']]);
      const out = await run(ctx, { to: 'ann@example.com', subject: 'After refresh' });
      login.done();
      rejected.done();
      expect(sends).to.have.length(1);
      expect(sends[0].headers.authorization).to.equal(`Bearer ${NEW_TOKEN.access_token}`);
      expect(tokenRequests).to.have.length(1);
      expect({ ...tokenRequests[0] }).to.deep.equal({
        grant_type: 'refresh_token',
        refresh_token: freshToken().refresh_token,
        client_id: process.env.MSAPP_CLIENT_ID,
        client_secret: process.env.MSAPP_CLIENT_SECRET,
      });
      const keys = ctx.emitted('updateKeys');
      expect(keys).to.have.length(1);
      expect(Object.keys(keys[0])).to.deep.equal(['oauth']);
      expect(keys[0].oauth).to.include(NEW_TOKEN);
      expect(Date.parse(keys[0].oauth.expires_at)).to.be.closeTo(Date.now() + 3600 * 1000, 60 * 1000);
      expect(out.body.subject).to.equal('After refresh');
      expectNoSecrets(ctx);
    });

    it('uses the refreshed token for the next message of the container, whose cfg still holds the old one', async () => {
      const staleCfg = cfgWith(DIRECT);
      let tokenCalls = 0;
      nock(LOGIN).post('/common/oauth2/v2.0/token').times(5).reply(() => { tokenCalls += 1; return [200, NEW_TOKEN]; });
      nock(GRAPH).matchHeader('authorization', `Bearer ${freshToken().access_token}`).post(SEND_PATH).reply(401, { error: { code: 'InvalidAuthenticationToken' } });
      const { sends } = captureSends([[202, ''], [202, '']]);
      await run(createContext(), { to: 'ann@example.com' }, {}, staleCfg);
      const second = createContext();
      await run(second, { to: 'bob@example.com' }, {}, JSON.parse(JSON.stringify(staleCfg)));
      expect(tokenCalls).to.equal(1);
      expect(sends.map((s) => s.headers.authorization)).to.deep.equal([`Bearer ${NEW_TOKEN.access_token}`, `Bearer ${NEW_TOKEN.access_token}`]);
      expect(second.emitted('updateKeys')).to.deep.equal([]);
    });

    it('keeps the old refresh token in updateKeys when Microsoft sends none', async () => {
      const ctx = createContext();
      const { refresh_token: omitted, ...withoutRefresh } = NEW_TOKEN;
      expect(omitted).to.be.a('string');
      nock(LOGIN).post('/common/oauth2/v2.0/token').reply(200, withoutRefresh);
      nock(GRAPH).post(SEND_PATH).reply(401, { error: { code: 'InvalidAuthenticationToken' } });
      captureSends([[202, '']]);
      await run(ctx, { to: 'ann@example.com' });
      const [keys] = ctx.emitted('updateKeys');
      expect(keys.oauth.access_token).to.equal(NEW_TOKEN.access_token);
      expect(keys.oauth.refresh_token).to.equal(freshToken().refresh_token);
    });

    it('refreshes before sending when the stored token is about to expire', async () => {
      const ctx = createContext();
      const login = nock(LOGIN).post('/common/oauth2/v2.0/token').reply(200, NEW_TOKEN);
      const { sends } = captureSends([[202, '']]);
      const expiring = freshToken({ expires_at: new Date(Date.now() + 60 * 1000).toISOString() });
      await run(ctx, { to: 'ann@example.com' }, {}, cfgWith(DIRECT, expiring));
      login.done();
      expect(sends).to.have.length(1);
      expect(sends[0].headers.authorization).to.equal(`Bearer ${NEW_TOKEN.access_token}`);
      expect(ctx.emitted('updateKeys')).to.have.length(1);
    });

    it('fails with a reconnect message, sends nothing and leaks nothing when the refresh token was revoked', async () => {
      const ctx = createContext();
      let tokenCalls = 0;
      nock(LOGIN).post('/common/oauth2/v2.0/token').times(5).reply(() => {
        tokenCalls += 1;
        return [400, { error: 'invalid_grant', error_description: `AADSTS70008: The refresh token has expired. Token: ${freshToken().refresh_token}`, error_codes: [70008] }];
      });
      nock(GRAPH).post(SEND_PATH).reply(401, { error: { code: 'InvalidAuthenticationToken' } });
      const accepted = nock(GRAPH).post(SEND_PATH).reply(202);
      const err = await failureOf(run(ctx, { to: 'ann@example.com' }));
      expect(tokenCalls).to.equal(1);
      expect(accepted.isDone()).to.equal(false);
      expect(err.message).to.include('Reconnect the Outlook credential');
      expect(ctx.emitted('updateKeys')).to.deep.equal([]);
      expectNoSecrets(ctx, err);
    });

    it('fails clearly when the credential holds no token, without any request', async () => {
      const ctx = createContext();
      net = watchNetwork();
      const err = await failureOf(run(ctx, { to: 'ann@example.com' }, {}, { tenantId: 'common' }));
      expect(err.message).to.include('connect the Outlook credential');
      expect(net.hits).to.deep.equal([]);
    });
  });
});
