'use strict';

// Shared by every spec: no real network, known app credentials, production endpoints (nock
// intercepts them), and fresh token memory between tests.
const nock = require('nock');
const { resetTokenMemory } = require('../../lib/graph/tokens');
const { resetMailboxQueues } = require('../../lib/graph/limiter');

// The storage client logs each retry to stdout (useful on the platform); specs provoke retries on purpose.
require('@elastic.io/maester-client/dist/src/logger').default.level('fatal');

process.env.MSAPP_CLIENT_ID = 'test-client-id';
process.env.MSAPP_CLIENT_SECRET = 'test-client-secret-value';
delete process.env.OUTLOOK_GRAPH_BASE_URL;
delete process.env.OUTLOOK_LOGIN_BASE_URL;

const GRAPH = 'https://graph.microsoft.com';
const LOGIN = 'https://login.microsoftonline.com';

function freshToken(overrides = {}) {
  return {
    access_token: 'at-current-0123456789',
    refresh_token: 'rt-current-0123456789',
    token_type: 'Bearer',
    expires_in: 3600,
    expires_at: new Date(Date.now() + 3600 * 1000).toISOString(),
    ...overrides,
  };
}

/** An access token shaped like Azure AD's (a JWT whose payload holds `claims`); unsigned, as the component never validates one. */
function jwt(claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

function cfgWith(fields = {}, token = freshToken()) {
  return { oauth: token, tenantId: 'common', ...fields };
}

exports.mochaHooks = {
  beforeEach() {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    resetTokenMemory();
    resetMailboxQueues();
  },
  afterEach() {
    nock.cleanAll();
  },
};

module.exports.GRAPH = GRAPH;
module.exports.LOGIN = LOGIN;
module.exports.freshToken = freshToken;
module.exports.cfgWith = cfgWith;
module.exports.jwt = jwt;
