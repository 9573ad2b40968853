'use strict';

// A stand-in for the platform's object storage (Maester) on 127.0.0.1, speaking what
// @elastic.io/maester-client speaks: POST /objects (the body is the object; answers {objectId, ...}),
// GET /objects/{id} (the bytes, with content-type and content-length). Every request must carry
// `Authorization: Bearer <JWT>` signed (HS256) with the storage's key: the token the platform hands
// the container as ELASTICIO_OBJECT_STORAGE_TOKEN. Objects go to a temporary folder on disk (or,
// with `keep: false`, are only hashed), so 140 MB files cost no memory. An upload cut off before
// its end is not stored. `faults` lets a test break the next requests.
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { once } = require('node:events');
const { pipeline } = require('node:stream/promises');

const base64url = (value) => Buffer.from(value).toString('base64url');

/** A JWT signed with `key` (HS256), as the platform issues the storage token. */
function signToken(payload, key) {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = crypto.createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** Why `authorization` is refused, or undefined when it is a valid bearer JWT signed with `key`. */
function refusal(authorization, key) {
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization || '');
  if (!match) return 'no bearer JWT';
  const [, head, body, signature] = match;
  let header;
  let claims;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'malformed JWT';
  }
  if (header.alg !== 'HS256') return `alg ${header.alg}`;
  const expected = crypto.createHmac('sha256', key).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'bad signature';
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return 'expired';
  return undefined;
}

async function fakeMaester(options = {}) {
  const key = options.key || 'maester-signing-key';
  const keep = options.keep !== false;
  const dir = keep ? fs.mkdtempSync(path.join(os.tmpdir(), 'fake-maester-')) : undefined;
  const objects = new Map();
  const requests = [];
  /**
   * Each fault applies to one request in turn: {status} (an upload read to its end, then refused;
   * a read refused at once), {reset: true, afterBytes} (the connection dropped), {stall: true, afterBytes}.
   */
  const faults = [];
  let nextId = 1;
  let onClose;
  /** Settles when the server closes: what a stalled request waits for. */
  const closed = new Promise((resolve) => { onClose = resolve; });

  const server = http.createServer(async (req, res) => {
    const record = { method: req.method, url: req.url, authorization: req.headers.authorization, contentType: req.headers['content-type'], bytes: 0, completed: false };
    requests.push(record);
    const reason = refusal(req.headers.authorization, key);
    if (reason) {
      req.resume();
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: `Unauthorized: ${reason}` }));
      return;
    }
    const fault = faults.shift();
    if (req.method === 'POST' && req.url.split('?')[0] === '/objects') {
      const id = `obj-${nextId}-${crypto.randomBytes(4).toString('hex')}`;
      nextId += 1;
      const file = keep ? path.join(dir, id) : undefined;
      const hash = crypto.createHash('sha256');
      const sink = keep ? fs.createWriteStream(file) : null;
      // A write in flight when an upload is discarded fails; that is expected.
      if (sink) sink.on('error', () => {});
      const discard = () => { if (sink) sink.destroy(); if (file) fs.rm(file, { force: true }, () => {}); };
      let refuseWith;
      try {
        for await (const chunk of req) {
          record.bytes += chunk.length;
          hash.update(chunk);
          if (refuseWith) continue;
          if (sink && !sink.write(chunk)) await once(sink, 'drain');
          if (fault && record.bytes >= (fault.afterBytes || 0)) {
            discard();
            if (fault.stall) {
              await closed;
              return;
            }
            if (fault.reset) {
              req.socket.destroy();
              return;
            }
            // Read to the end, then refuse (as a storage failing to commit the object would).
            refuseWith = fault.status;
          }
        }
      } catch {
        // Cut off before its end: nothing is stored.
        discard();
        return;
      }
      if (refuseWith) {
        res.writeHead(refuseWith, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'fault' }));
        return;
      }
      if (!req.complete) {
        discard();
        return;
      }
      if (sink) await new Promise((resolve, reject) => { sink.end(resolve); sink.on('error', reject); });
      record.completed = true;
      const object = { id, size: record.bytes, sha256: hash.digest('hex'), contentType: req.headers['content-type'] || 'application/octet-stream', file };
      objects.set(id, object);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ objectId: id, contentType: object.contentType, contentLength: object.size, createdAt: Date.now(), metadata: {} }));
      return;
    }
    const match = /^\/objects\/([^/?]+)/.exec(req.url);
    if (req.method === 'GET' && match) {
      const object = objects.get(decodeURIComponent(match[1]));
      if (fault && fault.status) {
        res.writeHead(fault.status, fault.headers || { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'fault' }));
        return;
      }
      if (!object || !object.file) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'Object not found' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': String(object.size) });
      const stream = fs.createReadStream(object.file);
      stream.on('data', (chunk) => { record.bytes += chunk.length; });
      try {
        await pipeline(stream, res);
        record.completed = true;
      } catch {
        // The reader went away.
      }
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"error":"no such route"}');
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const uri = `http://127.0.0.1:${server.address().port}`;
  const token = signToken({ tenantId: 't1', workspaceId: 'w1', flowId: 'f1' }, key);
  return {
    uri,
    token,
    key,
    objects,
    requests,
    faults,
    /** The environment the platform gives a container that may use this storage. */
    env: { ELASTICIO_OBJECT_STORAGE_URI: uri, ELASTICIO_OBJECT_STORAGE_TOKEN: token },
    url: (id) => `${uri}/objects/${id}?storage_type=maester`,
    /** Stores `stream` directly (as another step would have), returning the object's URL. */
    async seed(stream, contentType = 'application/octet-stream') {
      const id = `seed-${nextId}`;
      nextId += 1;
      const file = path.join(dir, id);
      const hash = crypto.createHash('sha256');
      let size = 0;
      stream.on('data', (chunk) => { hash.update(chunk); size += chunk.length; });
      await pipeline(stream, fs.createWriteStream(file));
      objects.set(id, { id, size, sha256: hash.digest('hex'), contentType, file });
      return `${uri}/objects/${id}?storage_type=maester`;
    },
    /** The stored object's bytes as a stream. */
    read(id) {
      return fs.createReadStream(objects.get(id).file);
    },
    close() {
      onClose();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          if (dir) fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      });
    },
  };
}

module.exports = { fakeMaester, signToken };
