"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseMailbox = parseMailbox;
/**
 * The `mailbox` field of every step: whose mailbox a step works on. Empty is the signed-in user
 * (`/me`); otherwise `/users/{mailbox}`, for a shared mailbox, another user's mailbox (delegated,
 * with Exchange rights on it) or any mailbox an application credential may reach. Checked before
 * any request, so a typo is an error that names the field, not a 404 from Graph.
 */
const errors_1 = require("../errors");
const emailAddress_1 = require("../validation/emailAddress");
const echo_1 = require("../validation/echo");
const fields_1 = require("../validation/fields");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMS = 'give the mailbox\'s address or user principal name (info@contoso.com) or its user id (a GUID such as 00000000-0000-0000-0000-000000000000)';
/**
 * The path segment for a user principal name or address. `@` stays as Graph's examples write it;
 * `#` (guest UPNs), `+`, `/`, `%`, `?` are percent-encoded, so nothing leaves the segment. A UPN
 * that starts with `$` must be written `('$...')` with single quotes doubled (Graph "Get user").
 */
function userSegment(address) {
    const encoded = (text) => encodeURIComponent(text).replace(/%40/g, '@');
    if (!address.startsWith('$'))
        return `/${encoded(address)}`;
    return `('$${encoded(address.slice(1).replace(/'/g, "''"))}')`;
}
/** `field` names the field in errors: every step's `mailbox`, or the credential's `testMailbox`. */
function parseMailbox(value, authType, field = 'mailbox') {
    const text = typeof value === 'string' ? value.trim() : value;
    if ((0, fields_1.isAbsent)(text)) {
        if (authType === 'application') {
            throw new errors_1.InputError(field, `is required with an application credential, which has no mailbox of its own: ${FORMS}`);
        }
        return { root: '/me' };
    }
    if (typeof text !== 'string')
        throw new errors_1.InputError(field, `must be text: ${FORMS}`);
    if (GUID.test(text))
        return { root: `/users/${text.toLowerCase()}`, address: text.toLowerCase() };
    const checked = (0, emailAddress_1.checkEmailAddress)(text);
    if (checked.problem !== undefined || text.startsWith('"')) {
        // Exchange addresses and UPNs have no quoted local parts, though RFC 5321 allows them.
        const why = /[<>]/.test(text) ? 'give the address alone, without a display name' : checked.problem ?? 'a quoted part before the @ is not a mailbox name';
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(text)} is not a mailbox address (${why}): ${FORMS}`);
    }
    return { root: `/users${userSegment(checked.address)}`, address: checked.address };
}
