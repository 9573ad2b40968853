/**
 * The Microsoft identity platform endpoints: /{tenant}/oauth2/v2.0/authorize (consents at once
 * and redirects back with a code) and /{tenant}/oauth2/v2.0/token.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { plainJson } from './http';
import type { HttpResult } from './http';
import { AadError, missingParameter } from './token';
import type { TokenResponse, TokenService } from './token';
import type { World } from './world';

export const IDENTITY_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|token)$/i;

export interface IdentityRequest {
  world: World;
  tenant: string;
  endpoint: 'authorize' | 'token';
  method: string;
  params: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function unknownTenant(tenant: string): AadError {
  return new AadError(400, 'invalid_request', 90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}

/** HTTP Basic client credentials; simple-oauth2 form-encodes both halves first, so decode them. */
function basicCredentials(header: string | undefined): { id?: string; secret?: string } {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return {};
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  if (at < 0) return {};
  const formDecode = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { id: formDecode(decoded.slice(0, at)), secret: formDecode(decoded.slice(at + 1)) };
}

const optional = (form: URLSearchParams, name: string): string | undefined => form.get(name) ?? undefined;

const GRANTS: Record<string, (tokens: TokenService, form: URLSearchParams) => TokenResponse> = {
  refresh_token: (tokens, form) => tokens.redeemRefreshToken(optional(form, 'refresh_token'), optional(form, 'scope')),
  authorization_code: (tokens, form) => tokens.redeemCode(optional(form, 'code'), optional(form, 'redirect_uri')),
  client_credentials: (tokens, form) => {
    const scope = optional(form, 'scope');
    if (!scope) throw missingParameter('scope');
    return tokens.issueAppOnly(scope);
  },
};

function token(req: IdentityRequest): HttpResult {
  if (req.method !== 'POST') throw new AadError(400, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
  const form = new URLSearchParams(req.body.toString('utf8'));
  const grantType = form.get('grant_type');
  if (!grantType) throw missingParameter('grant_type');
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
  if (!grant) throw new AadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
  const basic = basicCredentials(req.headers.authorization);
  req.world.tokens.checkClient(optional(form, 'client_id') ?? basic.id, optional(form, 'client_secret') ?? basic.secret);
  return plainJson(200, grant(req.world.tokens, form), { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' });
}

/** No login page: the user (login_hint, else the primary mailbox) consents immediately. */
function authorize(req: IdentityRequest): HttpResult {
  const p = req.params;
  req.world.tokens.checkClientId(p.get('client_id') ?? undefined);
  const redirectUri = p.get('redirect_uri');
  if (!redirectUri) throw missingParameter('redirect_uri');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    throw new AadError(400, 'invalid_request', 90102, `'redirect_uri' value must be a valid absolute URI.`);
  }
  const state = p.get('state');
  if (p.get('response_type') !== 'code') {
    target.searchParams.set('error', 'unsupported_response_type');
    target.searchParams.set('error_description', 'AADSTS70005: The response_type is not supported; use code.');
  } else {
    const mailbox = req.world.directory.mailbox(p.get('login_hint') ?? undefined) ?? req.world.directory.primary;
    const scope = p.get('scope') ?? 'openid profile';
    target.searchParams.set('code', req.world.tokens.createCode(mailbox.address, scope, redirectUri));
  }
  if (state !== null) target.searchParams.set('state', state);
  target.searchParams.set('session_state', req.world.directory.tenantId);
  return { status: 302, headers: { Location: target.toString(), 'Cache-Control': 'no-store, no-cache' } };
}

export function handleIdentity(req: IdentityRequest): HttpResult {
  if (!req.world.directory.knowsTenant(req.tenant)) throw unknownTenant(req.tenant);
  return req.endpoint === 'token' ? token(req) : authorize(req);
}

/** Azure AD's error body; the description repeats the ids and time like the real one. */
export function aadErrorBody(error: AadError, now: number, traceId: string, correlationId: string): Record<string, unknown> {
  const timestamp = `${new Date(now).toISOString().slice(0, 19).replace('T', ' ')}Z`;
  return {
    error: error.error,
    error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [error.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${error.code}`,
  };
}
