/**
 * The claims of a Microsoft access token, read without validating it (Graph validates; a client
 * must not rely on a token's format, and personal-account tokens are opaque). Read only to explain
 * a refusal (the application permissions an admin consented to: `roles`) and to tell which mailbox
 * `/me` is (`oid`, `upn`). Never logged: claims name people.
 */

export interface TokenClaims {
  /** Object id of the user (delegated) or of the app's service principal (app-only). */
  oid?: string;
  /** Tenant id. */
  tid?: string;
  /** The signed-in user's principal name (delegated work or school tokens). */
  upn?: string;
  unique_name?: string;
  /** Application permissions (app-only tokens); absent when an admin consented to none. */
  roles?: string[];
  /** Delegated scopes, space-separated. */
  scp?: string;
  aud?: string;
}

/** The payload of a JWT access token; undefined for an opaque token or anything unreadable. */
export function readClaims(token: string | undefined): TokenClaims | undefined {
  const parts = token?.split('.');
  if (!parts || parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
    const claims = payload as Record<string, unknown>;
    const text = (key: string): string | undefined => (typeof claims[key] === 'string' ? claims[key] as string : undefined);
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : undefined;
    return { oid: text('oid'), tid: text('tid'), upn: text('upn'), unique_name: text('unique_name'), roles, scp: text('scp'), aud: text('aud') };
  } catch {
    return undefined;
  }
}
