'use strict';
const { expect } = require('chai');
const { start, withEmulator, tokenRequest } = require('./helpers');

const send = (graph, subject) => graph('/me/sendMail', {
  method: 'POST', body: { message: { subject, toRecipients: [{ emailAddress: { address: 'megan.bowen@contoso.example' } }] } },
});

describe('emulator: faults, throttling and statistics', () => {
  let emu;
  let graph;

  withEmulator({}, (env) => ({ emu, graph } = env));

  it('answers 429 ApplicationThrottled with Retry-After for the next N matching requests only', async () => {
    emu.control.setFaults([{ match: { method: 'GET', path: '^/me/messages$' }, kind: 'status', status: 429, retryAfterSeconds: 7, times: 2 }]);
    const first = await graph('/me/messages?$top=1');
    expect(first.status).to.equal(429);
    expect(first.headers.get('retry-after')).to.equal('7');
    expect(first.body.error.code).to.equal('ApplicationThrottled');
    expect((await graph('/me/mailFolders')).status).to.equal(200); // not matched
    expect((await graph('/me/messages?$top=1')).status).to.equal(429);
    expect((await graph('/me/messages?$top=1')).status).to.equal(200);
    expect(emu.control.stats().throttled).to.equal(2);
  });

  it('serves 503 and 504 with Graph-shaped bodies, with or without Retry-After', async () => {
    emu.control.setFaults([
      { match: { path: '^/me$' }, kind: 'status', status: 503, retryAfterSeconds: 3, times: 1 },
      { match: { path: '^/me$' }, kind: 'status', status: 504, retryAfterSeconds: null, times: 1 },
    ]);
    const unavailable = await graph('/me');
    expect(unavailable.status).to.equal(503);
    expect(unavailable.headers.get('retry-after')).to.equal('3');
    expect(unavailable.body.error).to.have.keys('code', 'message', 'innerError');
    const timeout = await graph('/me');
    expect(timeout.status).to.equal(504);
    expect(timeout.headers.get('retry-after')).to.equal(null);
    expect((await graph('/me')).status).to.equal(200);
  });

  it("'drop' destroys the connection without an answer", async () => {
    emu.control.setFaults([{ match: { path: '^/me$' }, kind: 'drop', times: 1 }]);
    let error;
    try {
      await graph('/me');
    } catch (err) {
      error = err;
    }
    expect(error).to.be.an('error');
    expect((await graph('/me')).status).to.equal(200);
  });

  it('applyThenFail sends the mail for real and then loses the answer', async () => {
    emu.control.setFaults([{ match: { method: 'POST', path: '^/me/sendMail$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    const res = await send(graph, 'sent but lost');
    expect(res.status).to.equal(504);
    expect(emu.control.sent().map((s) => s.subject)).to.deep.equal(['sent but lost']);
    emu.control.setFaults([{ match: { path: 'sendMail' }, kind: 'drop', applyThenFail: true }]);
    await send(graph, 'dropped after sending').catch(() => undefined);
    expect(emu.control.sent()).to.have.length(2);
  });

  it('limits concurrency per mailbox: beyond maxConcurrentPerMailbox requests get 429 MailboxConcurrency', async () => {
    emu.control.setFaults([{ match: { path: '^/me/messages$' }, kind: 'delay', delayMs: 150 }]);
    const results = await Promise.all(Array.from({ length: 6 }, () => graph('/me/messages?$top=1')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).to.deep.equal([200, 200, 200, 200, 429, 429]);
    const throttled = results.find((r) => r.status === 429);
    expect(throttled.body.error.message).to.contain('MailboxConcurrency');
    expect(throttled.headers.get('retry-after')).to.equal('1');
    // Another mailbox has its own budget.
    const other = await graph(`/users/${emu.mailboxes.secondary}/mailFolders`);
    expect(other.status).to.equal(200);
    const stats = emu.control.stats();
    expect(stats.maxInFlightPerMailbox).to.equal(4);
    expect(stats.throttled).to.equal(2);
    expect(stats.byRoute['GET /me/messages']).to.equal(6);
    expect(stats.byRoute['GET /users/{id}/mailFolders']).to.equal(1);
  });

  it('applies probability faults from the seeded RNG, reproducibly', async () => {
    const run = async () => {
      const local = await start({ seed: 42 });
      local.emu.control.setFaults([{ match: { path: '^/me$' }, kind: 'status', status: 503, probability: 0.5 }]);
      const statuses = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await local.graph('/me')).status);
      await local.emu.close();
      return statuses;
    };
    const a = await run();
    expect(a).to.include(503).and.to.include(200);
    expect(await run()).to.deep.equal(a);
  });

  it('faults the token endpoint with Azure-style bodies', async () => {
    emu.control.setFaults([{ match: { path: '^/.+/oauth2/v2.0/token$' }, kind: 'status', status: 503, retryAfterSeconds: 2, times: 1 }]);
    const { tokens } = { tokens: emu.control.issueTokens() };
    const form = { client_id: 'emulator-client-id', client_secret: 'emulator-client-secret', grant_type: 'refresh_token', refresh_token: tokens.refresh_token };
    const failed = await tokenRequest(emu, form);
    expect(failed.status).to.equal(503);
    expect(failed.body.error).to.equal('temporarily_unavailable');
    expect(failed.headers.get('retry-after')).to.equal('2');
    expect((await tokenRequest(emu, form)).status).to.equal(200); // the fault did not use the token up
    expect(emu.control.stats().byRoute['POST /{tenant}/oauth2/v2.0/token']).to.equal(2);
  });

  it('rejects bad fault rules and resets statistics', () => {
    expect(() => emu.control.setFaults([{ kind: 'status', status: 418 }])).to.throw(/status/);
    expect(() => emu.control.setFaults([{ kind: 'status', status: 503, match: { path: '(' } }])).to.throw(/regular expression/);
    emu.control.resetStats();
    expect(emu.control.stats()).to.deep.equal({ requests: 0, byRoute: {}, maxInFlightPerMailbox: 0, throttled: 0 });
  });

  it('offers the same control operations over HTTP under /_emulator', async () => {
    const call = async (method, path, body) => {
      const res = await fetch(`${emu.url}/_emulator${path}`, {
        method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    const info = await call('GET', '');
    expect(info.body).to.include({ url: emu.url, tenantId: emu.tenantId });
    expect(info.body.routes).to.include('PUT /_emulator/faults');
    const tokens = await call('POST', '/tokens', { mailbox: emu.mailboxes.secondary });
    expect(tokens.body.access_token).to.be.a('string');
    const mail = await call('POST', '/mail', { subject: 'over http', from: 'a@fabrikam.example', receivedAt: Date.now() - 5 });
    expect(mail.status).to.equal(201);
    const patched = await call('PATCH', `/mail/${mail.body.id}`, { isRead: true, flag: 'flagged' });
    expect(patched.body).to.deep.include({ isRead: true, flag: { flagStatus: 'flagged' } });
    const bulk = await call('POST', '/mail/bulk', { count: 50, folder: 'archive' });
    expect(bulk.body.count).to.equal(50);
    const ev = await call('POST', '/events', { subject: 'http event', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' } });
    expect(ev.status).to.equal(201);
    expect((await call('PATCH', `/events/${ev.body.id}`, { subject: 'renamed' })).body.subject).to.equal('renamed');
    expect((await call('POST', '/events/bulk', { count: 20 })).body.count).to.equal(20);
    expect((await call('PUT', '/faults', [{ match: { path: '^/me$' }, kind: 'status', status: 500, times: 1 }])).status).to.equal(204);
    expect((await call('GET', '/faults')).body.value[0]).to.include({ kind: 'status', status: 500, remaining: 1 });
    expect((await graph('/me')).status).to.equal(500);
    expect((await call('DELETE', '/faults')).status).to.equal(204);
    await send(graph, 'recorded');
    expect((await call('GET', '/sent')).body.value[0].subject).to.equal('recorded');
    expect((await call('GET', '/stats')).body.byRoute['POST /me/sendMail']).to.equal(1);
    expect((await call('DELETE', '/stats')).status).to.equal(204);
    expect((await call('POST', '/tokens/expire')).status).to.equal(204);
    expect((await graph('/me')).status).to.equal(401);
    expect((await call('POST', '/tokens/revoke', { refresh_token: tokens.body.refresh_token })).body).to.deep.equal({ revoked: true });
    expect((await call('POST', '/tokens/revoke-all')).status).to.equal(204);
    expect((await call('PUT', '/faults', [{ kind: 'nonsense' }])).status).to.equal(400);
    expect((await call('PATCH', '/mail/AAMkAGnothing', {})).status).to.equal(404);
    expect((await call('GET', '/nope')).status).to.equal(404);
  });
});
