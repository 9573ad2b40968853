/**
 * Errors a flow designer sees. Every message names what is wrong and what to do about it, and is
 * built only from values that are safe to show: never a token, a secret or a mail body.
 */

/** Bad step input or configuration: raised before any request is made, so nothing has happened yet. */
export class InputError extends Error {
  constructor(public readonly field: string, detail: string) {
    super(`${field}: ${detail}`);
    this.name = 'InputError';
  }
}

/** The credential can no longer be used without the user acting (reconnect, consent, fix the secret). */
export class CredentialError extends Error {
  constructor(message: string, public readonly code?: string) {
    super(message);
    this.name = 'CredentialError';
  }
}
