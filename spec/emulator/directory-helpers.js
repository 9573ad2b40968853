'use strict';
// Helpers for the specs of tenants, clouds, mailbox rights and app-only access.
const { tokenRequest } = require('./helpers');

const CLIENT = { client_id: 'emulator-client-id', client_secret: 'emulator-client-secret' };

/** The claims of one of the emulator's JWT access tokens. */
function claims(accessToken) {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
}

/** The client-credentials grant over HTTP, with the seeded app unless `form` says otherwise. */
function appToken(emu, tenant, form = {}) {
  return tokenRequest(emu, { ...CLIENT, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default', ...form }, { tenant });
}

/** The seeded tenant of a cloud, as `emu.tenants` lists it. */
function tenantOf(emu, cloud) {
  return emu.tenants.find((t) => t.cloud === cloud);
}

module.exports = { CLIENT, claims, appToken, tenantOf };
