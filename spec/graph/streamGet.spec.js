'use strict';

// The session's streaming GET (attachment contents): authorised, retried until the body starts,
// holding one of the mailbox's 4 concurrency slots until the body ends, fails or is destroyed,
// with a deadline over the whole exchange and Graph's error mapping.
const http = require('node:http');
const { expect } = require('chai');
const { failureOf } = require('../helpers/failure');
const { LOGIN, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { createSession } = require('../../lib/graph/session');

/** A stand-in for Graph on 127.0.0.1; `handler(req, res, state)` answers, `state` counts what it saw. */
async function graphServer(handler) {
  const state = { requests: [], inFlight: 0, maxInFlight: 0 };
  const server = http.createServer((req, res) => {
    state.requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.once('close', () => { state.inFlight -= 1; });
    handler(req, res, state);
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return {
    state,
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

function sessionFor(graph, options = {}) {
  const waits = [];
  const session = createSession(cfgWith(), createContext(), {
    endpoints: { graph: graph.origin, login: LOGIN },
    sleep: async (ms) => { waits.push(ms); },
    ...options,
  });
  return { session, waits };
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}


const until = async (check) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => { setTimeout(resolve, 5); });
  expect(check()).to.equal(true);
};

describe('Graph session: streaming GET', () => {
  let graph;
  afterEach(async () => { if (graph) await graph.close(); graph = undefined; });

  it('streams the body in pieces as it arrives, with the bearer token, and leaves the JSON path as it was', async () => {
    const piece = Buffer.alloc(64 * 1024, 7);
    graph = await graphServer((req, res) => {
      if (req.url.endsWith('/$value')) {
        res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': String(piece.length * 20) });
        for (let i = 0; i < 20; i += 1) res.write(piece);
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: 'm1' }));
      }
    });
    const { session } = sessionFor(graph);
    const result = await session.getStream('/me/messages/m1/attachments/a1/$value', { timeoutMs: 5000 });
    expect(result.status).to.equal(200);
    expect(result.headers.get('content-length')).to.equal(String(piece.length * 20));
    const bytes = await readAll(result.body);
    expect(bytes.length).to.equal(piece.length * 20);
    expect((await session.get('/me/messages/m1')).body).to.deep.equal({ id: 'm1' });
    expect(graph.state.requests.map((r) => r.authorization)).to.deep.equal(['Bearer at-current-0123456789', 'Bearer at-current-0123456789']);
  });

  it('retries 503 and 429 before the body starts, waiting the Retry-After measured against the answer\'s Date', async () => {
    const graphNow = Date.now() - 3600 * 1000;
    let calls = 0;
    graph = await graphServer((req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end('{"error":{"code":"ServiceUnavailable"}}');
      } else if (calls === 2) {
        res.writeHead(429, { 'Content-Type': 'application/json', Date: new Date(graphNow).toUTCString(), 'Retry-After': new Date(graphNow + 4000).toUTCString() });
        res.end('{"error":{"code":"ApplicationThrottled"}}');
      } else {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('the file');
      }
    });
    const { session, waits } = sessionFor(graph);
    const result = await session.getStream('/me/messages/m1/attachments/a1/$value', { timeoutMs: 5000 });
    expect((await readAll(result.body)).toString()).to.equal('the file');
    expect(calls).to.equal(3);
    expect(waits).to.have.length(2);
    expect(waits[1]).to.equal(4000);
  });

  it('maps an error answer as for JSON requests', async () => {
    graph = await graphServer((req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json', 'request-id': 'req-404' });
      res.end('{"error":{"code":"ErrorItemNotFound","message":"The specified object was not found in the store."}}');
    });
    const { session } = sessionFor(graph);
    const err = await failureOf(session.getStream('/me/messages/m1/attachments/a1/$value?x=1', { timeoutMs: 5000 }));
    expect(err.name).to.equal('GraphRequestError');
    expect(err.statusCode).to.equal(404);
    expect(err.code).to.equal('ErrorItemNotFound');
    expect(err.message).to.equal('Outlook GET /me/messages/m1/attachments/a1/$value failed: HTTP 404 ErrorItemNotFound (The specified object was not found in the store.). The item or folder does not exist in this mailbox (wrong id, deleted, or moved). Pick it again in the step settings. request-id: req-404');
  });

  it('holds a concurrency slot while a body is open: a fifth request waits until one ends or is destroyed', async () => {
    graph = await graphServer((req, res) => {
      if (req.url.endsWith('/$value')) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.write(Buffer.alloc(1000, 1));
        // The rest comes when the test ends the response.
        graph.open.push(res);
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"id":"m1"}');
      }
    });
    graph.open = [];
    const { session } = sessionFor(graph);
    const streams = [];
    for (let i = 0; i < 4; i += 1) streams.push((await session.getStream(`/me/messages/m1/attachments/a${i}/$value`, { timeoutMs: 10000 })).body);
    let fifthDone = false;
    const fifth = session.get('/me/messages/m1').then(() => { fifthDone = true; });
    await new Promise((resolve) => { setTimeout(resolve, 100); });
    expect(fifthDone, 'the fifth request waited').to.equal(false);
    expect(graph.state.requests).to.have.length(4);

    streams[0].destroy();
    await fifth;
    expect(graph.state.requests).to.have.length(5);

    // Reading a body to its end frees its slot too.
    streams.push((await session.getStream('/me/messages/m1/attachments/a4/$value', { timeoutMs: 10000 })).body);
    let sixthDone = false;
    const sixth = session.get('/me/messages/m1').then(() => { sixthDone = true; });
    await new Promise((resolve) => { setTimeout(resolve, 100); });
    expect(sixthDone).to.equal(false);
    expect(graph.state.requests).to.have.length(6);
    graph.open[1].end(Buffer.alloc(10, 2));
    expect((await readAll(streams[1])).length).to.equal(1010);
    await sixth;
    streams.slice(2).forEach((s) => s.destroy());
    expect(graph.state.maxInFlight).to.equal(4);
  });

  it('fails a body that stalls past the deadline, naming the bytes received, and frees the slot', async () => {
    graph = await graphServer((req, res) => {
      if (req.url.endsWith('/$value')) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.write(Buffer.alloc(700, 1));
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"id":"m1"}');
      }
    });
    const { session } = sessionFor(graph);
    const stalled = [];
    for (let i = 0; i < 4; i += 1) stalled.push((await session.getStream(`/me/messages/m1/attachments/a${i}/$value`, { timeoutMs: 300 })).body);
    const err = await failureOf(readAll(stalled[0]));
    expect(err.name).to.equal('GraphRequestError');
    expect(err.code).to.equal('timeout');
    expect(err.message).to.equal('Outlook GET /me/messages/m1/attachments/a0/$value failed after 700 bytes: the body did not arrive within 300 ms. Retry later.');
    // The three bodies nobody reads also give their slots back at the deadline.
    await session.get('/me/messages/m1');
    await until(() => graph.state.inFlight === 0);
  });

  it('fails a body cut off by a reset, naming the bytes received', async () => {
    graph = await graphServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '50000' });
      res.write(Buffer.alloc(2000, 1));
      setTimeout(() => res.socket.destroy(), 20);
    });
    const { session } = sessionFor(graph);
    const { body } = await session.getStream('/me/messages/m1/attachments/a1/$value', { timeoutMs: 5000 });
    const err = await failureOf(readAll(body));
    expect(err.code).to.equal('network');
    expect(err.message).to.match(/^Outlook GET \/me\/messages\/m1\/attachments\/a1\/\$value failed after 2000 bytes: the connection failed \(\S+\)\. Retry later\.$/);
  });
});
