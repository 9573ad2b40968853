'use strict';

// The slice of the elastic.io platform API that sailor talks to, on node:http:
//   GET  /v1/tasks/{flowId}/steps/{stepId}  -> {config, snapshot}   (sailor start-up: Sailor#prepare)
//   PUT  /v1/accounts/{accountId}           <- {keys}              (the updateKeys event)
// Like the platform, it stores updated keys with the account: a container started later gets
// them in its cfg (credential fields from the account, step fields from the step).
//   POST /service-results/{id}              <- {status, data}      (ELASTICIO_POST_RESULT_URL of runService.js)
// Every request is recorded, so specs can assert on what arrived and that nothing unexpected did.
const http = require('node:http');
const { randomBytes } = require('node:crypto');

const API_USERNAME = 'e2e-api-user@example.com';

async function startPlatform() {
  const apiKey = `e2e-api-key-${randomBytes(8).toString('hex')}`;
  const steps = new Map();
  const accounts = new Map();
  const requests = [];
  const results = new Map();

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const url = new URL(req.url, 'http://platform.invalid');
      const entry = { method: req.method, path: url.pathname, body, at: Date.now() };
      requests.push(entry);
      const reply = (status, payload) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };

      const results$ = /^\/service-results\/([\w-]+)$/.exec(url.pathname);
      if (req.method === 'POST' && results$) {
        results.set(results$[1], body);
        reply(200, {});
        return;
      }
      if (!authorised(req.headers.authorization, apiKey)) {
        entry.unauthorised = true;
        reply(401, { error: 'Unauthorized' });
        return;
      }
      const step$ = /^\/v1\/tasks\/([^/]+)\/steps\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && step$) {
        const step = steps.get(`${step$[1]}/${step$[2]}`);
        if (!step) {
          reply(404, { error: `No step ${step$[2]} in flow ${step$[1]}` });
          return;
        }
        const keys = accounts.get(step.config._account);
        reply(200, keys ? { ...step, config: { ...step.config, ...keys } } : step);
        return;
      }
      const account$ = /^\/v1\/accounts\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'PUT' && account$) {
        if (body && body.keys && typeof body.keys === 'object') accounts.set(account$[1], { ...accounts.get(account$[1]), ...body.keys });
        reply(200, { id: account$[1], ...(body && typeof body === 'object' ? body : {}) });
        return;
      }
      entry.unexpected = true;
      reply(404, { error: `The fake platform does not serve ${req.method} ${url.pathname}` });
    });
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    username: API_USERNAME,
    apiKey,
    requests,
    /** What GET /v1/tasks/{flowId}/steps/{stepId} answers (sailor reads it once at start-up). */
    setStep(flowId, stepId, { config, snapshot = {} }) {
      steps.set(`${flowId}/${stepId}`, { id: stepId, config, snapshot });
    },
    /** The bodies of PUT /v1/accounts/{id}, oldest first. */
    accountUpdates(accountId) {
      return requests.filter((r) => r.method === 'PUT' && r.path === `/v1/accounts/${accountId}`).map((r) => r.body);
    },
    unexpectedRequests() {
      return requests.filter((r) => r.unexpected || r.unauthorised).map((r) => `${r.method} ${r.path}`);
    },
    /** A fresh ELASTICIO_POST_RESULT_URL and a way to read what was posted to it. */
    resultSlot() {
      const id = randomBytes(6).toString('hex');
      return { url: `${url}/service-results/${id}`, read: () => results.get(id) };
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function authorised(header, apiKey) {
  const m = /^Basic\s+(\S+)$/i.exec(header || '');
  return Boolean(m) && Buffer.from(m[1], 'base64').toString('utf8') === `${API_USERNAME}:${apiKey}`;
}

module.exports = { startPlatform };
