"use strict";
/**
 * Errors a flow designer sees. Every message names what is wrong and what to do about it, and is
 * built only from values that are safe to show: never a token, a secret or a mail body.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.CredentialError = exports.InputError = void 0;
/** Bad step input or configuration: raised before any request is made, so nothing has happened yet. */
class InputError extends Error {
    field;
    constructor(field, detail) {
        super(`${field}: ${detail}`);
        this.field = field;
        this.name = 'InputError';
    }
}
exports.InputError = InputError;
/** The credential can no longer be used without the user acting (reconnect, consent, fix the secret). */
class CredentialError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'CredentialError';
    }
}
exports.CredentialError = CredentialError;
