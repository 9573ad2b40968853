'use strict';
// The real Graph SDK against the emulator: what the component will see. The SDK only attaches
// tokens to https Graph hosts, so the chain here sets Authorization itself.
const { expect } = require('chai');
const { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } = require('@microsoft/microsoft-graph-client');
const { withEmulator } = require('./helpers');

class BearerMiddleware {
  constructor(token) {
    this.token = token;
  }

  async execute(context) {
    context.options.headers = { ...context.options.headers, Authorization: `Bearer ${this.token}` };
    return this.next.execute(context);
  }

  setNext(next) {
    this.next = next;
  }
}

describe('emulator: through @microsoft/microsoft-graph-client', () => {
  let emu;
  let client;

  withEmulator({ once: true }, ({ emu: started, tokens }) => {
    emu = started;
    const auth = new BearerMiddleware(tokens.access_token);
    const retry = new RetryHandler(new RetryHandlerOptions(0, 2));
    auth.setNext(retry);
    retry.setNext(new HTTPMessageHandler());
    client = Client.initWithMiddleware({ middleware: auth, baseUrl: emu.url, defaultVersion: 'v1.0' });
  });

  it('lists, filters and pages messages', async () => {
    const page = await client.api('/me/mailFolders/inbox/messages')
      .filter('receivedDateTime ge 2020-01-01T00:00:00Z').orderby('receivedDateTime asc').top(5).select('subject,receivedDateTime').get();
    expect(page.value).to.have.length(5);
    expect(page['@odata.nextLink']).to.match(new RegExp(`^${emu.url}/v1.0/me/mailFolders/inbox/messages\\?`));
  });

  it('surfaces Graph errors as GraphError with statusCode and code', async () => {
    try {
      await client.api('/me/messages').select('nope').get();
      expect.fail('should have failed');
    } catch (err) {
      expect(err.statusCode).to.equal(400);
      expect(err.code).to.equal('RequestBroker--ParseUri');
      expect(err.requestId).to.be.a('string');
    }
  });

  it('retries a 429 after Retry-After with its RetryHandler', async () => {
    emu.control.setFaults([{ match: { path: '^/me$' }, kind: 'status', status: 429, retryAfterSeconds: 0, times: 1 }]);
    emu.control.resetStats();
    const me = await client.api('/me').get();
    expect(me.userPrincipalName).to.equal(emu.mailboxes.primary);
    expect(emu.control.stats().byRoute['GET /me']).to.equal(2);
  });

  it('posts sendMail and events', async () => {
    await client.api('/me/sendMail').post({ message: { subject: 'via sdk', toRecipients: [{ emailAddress: { address: emu.mailboxes.secondary } }] } });
    expect(emu.control.sent().map((s) => s.subject)).to.include('via sdk');
    const created = await client.api('/me/events').post({
      subject: 'sdk event', start: { dateTime: '2026-12-02T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-02T09:30:00', timeZone: 'UTC' },
    });
    expect(created.id).to.match(/^AAMkAG/);
  });
});
