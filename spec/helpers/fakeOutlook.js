'use strict';

// A stand-in for the Graph routes of attachments and for Outlook's upload URL, on 127.0.0.1, as
// Microsoft documents them ("Attach large files to Outlook messages or events", "Get attachment"):
//   POST {message}/attachments/createUploadSession -> 201 {uploadUrl, expirationDateTime, nextExpectedRanges: ["0-"]}
//   PUT  {uploadUrl} with Content-Range: bytes s-e/total -> 200 {expirationDateTime, nextExpectedRanges: ["e+1-"]},
//        the last one 201 with a Location naming Attachments('<id>') and no body
//   GET  {uploadUrl} -> 200 {expirationDateTime, nextExpectedRanges} while the session lives, 404 after
//   GET  {message}/attachments?$select=... -> {value: [metadata...]} (two per page, with @odata.nextLink)
//   GET  {message}/attachments/{id}/$value -> the raw bytes, with Content-Length
//   POST {message}/attachments -> 201 the fileAttachment
//   POST /me/messages (a draft) and /me/sendMail, with inline attachments, refused over 4 MiB
// Received bytes are hashed, not kept. Graph's clock can be set apart from the container's.
// `faults.put` / `faults.create` / `faults.value` hold what the next such requests suffer.
const crypto = require('node:crypto');
const http = require('node:http');
const { patternStream } = require('./bytes');

const FILE = '#microsoft.graph.fileAttachment';

async function fakeOutlook(options = {}) {
  const clockOffsetMs = options.clockOffsetMs || 0;
  const sessionLifetimeMs = options.sessionLifetimeMs ?? 15 * 60 * 1000;
  const graphNow = () => Date.now() + clockOffsetMs;
  const requests = [];
  const messages = new Map();
  const sessions = new Map();
  const faults = { put: [], create: [], value: [] };
  let next = 1;

  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', Date: new Date(graphNow()).toUTCString(), ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const messageOf = (id) => {
    if (!messages.has(id)) messages.set(id, { attachments: [] });
    return messages.get(id);
  };
  const drain = async (req) => {
    const hash = crypto.createHash('sha256');
    let size = 0;
    for await (const chunk of req) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { size, hash };
  };
  const sessionState = (session) => ({
    expirationDateTime: new Date(session.expiresAt).toISOString(),
    nextExpectedRanges: [`${session.received}-`],
  });

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const record = { method: req.method, path: url.pathname, query: url.search, authorization: req.headers.authorization, headers: req.headers };
    requests.push(record);
    let match;

    if (req.method === 'POST' && (match = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments\/createUploadSession$/.exec(url.pathname))) {
      const body = JSON.parse((await readText(req)) || '{}');
      record.body = body;
      const fault = faults.create.shift();
      if (fault) {
        json(res, fault.status, { error: { code: fault.code || 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
        return;
      }
      const item = body.AttachmentItem || {};
      const id = `S${next}`;
      next += 1;
      const session = { id, messageId: decodeURIComponent(match[1]), item, received: 0, hash: crypto.createHash('sha256'), expiresAt: graphNow() + sessionLifetimeMs, done: false, puts: [] };
      sessions.set(id, session);
      json(res, 201, {
        '@odata.context': `${origin}/v1.0/$metadata#microsoft.graph.uploadSession`,
        uploadUrl: `${origin}/api/v2.0/Users('u1')/Messages('${match[1]}')/AttachmentSessions('${id}')?authtoken=opaque-${id}`,
        ...sessionState(session),
        nextExpectedRanges: ['0-'],
      });
      return;
    }

    if ((match = /^\/api\/v2\.0\/Users\('u1'\)\/Messages\('([^']+)'\)\/AttachmentSessions\('([^']+)'\)$/.exec(url.pathname))) {
      const session = sessions.get(match[2]);
      if (!session || session.done || graphNow() >= session.expiresAt || url.searchParams.get('authtoken') !== `opaque-${match[2]}`) {
        await drain(req);
        json(res, 404, { error: { code: 'ErrorItemNotFound', message: 'The upload session was not found.' } });
        return;
      }
      if (req.method === 'GET') {
        json(res, 200, sessionState(session));
        return;
      }
      if (req.method !== 'PUT') {
        json(res, 405, {});
        return;
      }
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] || '');
      const put = { range: req.headers['content-range'], length: Number(req.headers['content-length']), authorization: req.headers.authorization, contentType: req.headers['content-type'] };
      session.puts.push(put);
      const fault = faults.put.length && faults.put[0].put === session.puts.length ? faults.put.shift() : undefined;
      if (!range || Number(range[3]) !== session.item.size || Number(range[1]) !== session.received) {
        await drain(req);
        json(res, 416, { error: { code: 'InvalidRange', message: 'The range is not the one expected.' }, ...sessionState(session) });
        return;
      }
      const start = Number(range[1]);
      const end = Number(range[2]);
      const chunks = [];
      let size = 0;
      for await (const chunk of req) {
        chunks.push(chunk);
        size += chunk.length;
      }
      if (size !== end - start + 1 || size !== put.length) {
        json(res, 400, { error: { code: 'InvalidRequest', message: 'Content-Length does not match the range.' } });
        return;
      }
      if (fault && fault.kind === 'throttle') {
        json(res, 429, { error: { code: 'ApplicationThrottled', message: 'Too many requests.' } }, { 'Retry-After': fault.retryAfter(graphNow()) });
        return;
      }
      if (fault && fault.kind === 'status') {
        json(res, fault.status, { error: { code: fault.code || 'Fault', message: 'injected' } });
        return;
      }
      if (fault && fault.kind === 'forget') {
        // The server lost what it had (as after a failover) and says so only when asked.
        session.received = 0;
        session.hash = crypto.createHash('sha256');
        json(res, 500, { error: { code: 'InternalServerError', message: 'injected' } });
        return;
      }
      if (fault && fault.kind === 'lostBeforeStore') {
        req.socket.destroy();
        return;
      }
      for (const chunk of chunks) session.hash.update(chunk);
      session.received += size;
      const complete = session.received === session.item.size;
      let attachmentId;
      if (complete) {
        session.done = true;
        attachmentId = `A${next}`;
        next += 1;
        session.sha256 = session.hash.digest('hex');
        messageOf(session.messageId).attachments.push({
          id: attachmentId, '@odata.type': FILE, name: session.item.name, contentType: session.item.contentType || 'application/octet-stream',
          // Graph's size counts some metadata too: a little more than the bytes.
          size: session.item.size + 157, isInline: Boolean(session.item.isInline), contentId: session.item.contentId || null, sha256: session.sha256,
        });
      }
      if (fault && fault.kind === 'lostAfterStore') {
        req.socket.destroy();
        return;
      }
      if (complete) {
        res.writeHead(201, { Location: `${origin}/api/v2.0/Users('u1')/Messages('${session.messageId}')/Attachments('${attachmentId}')`, 'Content-Length': '0', Date: new Date(graphNow()).toUTCString() });
        res.end();
      } else {
        json(res, 200, sessionState(session));
      }
      return;
    }

    if (req.method === 'POST' && (url.pathname === '/v1.0/me/messages' || url.pathname === '/v1.0/me/sendMail')) {
      // A draft (or a mail sent at once) with its inline attachments; the body's size is recorded
      // to check Graph's request limit on the wire.
      const text = await readText(req);
      record.bodyBytes = Buffer.byteLength(text);
      const body = JSON.parse(text);
      record.body = body;
      const message = body.message || body;
      if (record.bodyBytes > 4194304) {
        json(res, 413, { error: { code: 'ErrorRequestEntityTooLarge', message: 'The request is too large.' } });
        return;
      }
      const id = `draft-${next}`;
      next += 1;
      for (const a of message.attachments || []) {
        const bytes = Buffer.from(a.contentBytes || '', 'base64');
        messageOf(id).attachments.push({ id: `A${next}`, '@odata.type': a['@odata.type'], name: a.name, contentType: a.contentType, size: bytes.length + 157, isInline: Boolean(a.isInline), contentId: a.contentId || null, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
        next += 1;
      }
      if (url.pathname === '/v1.0/me/sendMail') json(res, 202);
      else json(res, 201, { id, subject: message.subject });
      return;
    }

    if ((match = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments$/.exec(url.pathname))) {
      const message = messageOf(decodeURIComponent(match[1]));
      if (req.method === 'POST') {
        const text = await readText(req);
        record.bodyBytes = Buffer.byteLength(text);
        const body = JSON.parse(text);
        record.body = body;
        const fault = faults.create.shift();
        const id = `A${next}`;
        next += 1;
        const bytes = Buffer.from(body.contentBytes || '', 'base64');
        message.attachments.push({ id, '@odata.type': body['@odata.type'], name: body.name, contentType: body.contentType, size: bytes.length + 157, isInline: Boolean(body.isInline), contentId: body.contentId || null, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
        if (fault && fault.kind === 'lostAfterStore') {
          req.socket.destroy();
          return;
        }
        json(res, 201, { '@odata.type': body['@odata.type'], id, name: body.name, size: bytes.length + 157 });
        return;
      }
      const skip = Number(url.searchParams.get('$skiptoken') || 0);
      const page = message.attachments.slice(skip, skip + 2).map((a) => {
        const shown = { '@odata.type': a['@odata.type'], id: a.id, name: a.name, contentType: a.contentType, size: a.size, isInline: a.isInline };
        if (a['@odata.type'] === FILE) shown.contentId = a.contentId;
        return shown;
      });
      const nextLink = skip + 2 < message.attachments.length ? `${origin}/v1.0${url.pathname.slice(5)}?${url.searchParams.toString().replace(/&?\$skiptoken=\d+/, '')}&$skiptoken=${skip + 2}` : undefined;
      json(res, 200, { value: page, ...(nextLink ? { '@odata.nextLink': nextLink } : {}) });
      return;
    }

    if (req.method === 'GET' && (match = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments\/([^/]+)\/\$value$/.exec(url.pathname))) {
      const attachment = messageOf(decodeURIComponent(match[1])).attachments.find((a) => a.id === decodeURIComponent(match[2]));
      if (!attachment) {
        json(res, 404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
        return;
      }
      if (attachment['@odata.type'] === '#microsoft.graph.referenceAttachment') {
        json(res, 405, { error: { code: 'ErrorInvalidRequest', message: 'The $value of a reference attachment cannot be read.' } });
        return;
      }
      const fault = faults.value.shift();
      const content = attachment.content;
      const size = content.text !== undefined ? Buffer.byteLength(content.text) : content.size;
      res.writeHead(200, {
        ...(fault && fault.noLength ? {} : { 'Content-Length': String(size) }),
        ...(attachment.contentType ? { 'Content-Type': attachment.contentType } : {}),
        Date: new Date(graphNow()).toUTCString(),
      });
      const source = content.text !== undefined ? [Buffer.from(content.text)] : patternStream(size, content.seed);
      record.sent = 0;
      const closed = new Promise((resolve) => { res.once('close', resolve); });
      for await (const chunk of source) {
        record.sent += chunk.length;
        if (!res.write(chunk)) {
          await Promise.race([new Promise((resolve) => { res.once('drain', resolve); }), closed]);
          if (res.destroyed) return;
        }
      }
      res.end();
      return;
    }

    json(res, 404, { error: { code: 'UnknownRoute', message: `${req.method} ${url.pathname}` } });
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  // Read by the handlers, which run only once the server listens.
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    messages,
    sessions,
    faults,
    graphNow,
    /** Adds an attachment to a message; `content` is {size, seed} (pattern bytes) or {text}. */
    addAttachment(messageId, attachment) {
      const id = attachment.id || `A${next}`;
      next += 1;
      messageOf(messageId).attachments.push({ isInline: false, contentType: null, ...attachment, id });
      return id;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

async function readText(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

module.exports = { fakeOutlook };
