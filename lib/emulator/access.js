"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accessDenied = void 0;
exports.delegatedAllows = delegatedAllows;
exports.authorize = authorize;
const errors_1 = require("./errors");
/** Delegated scopes that grant each permission on the signed-in user's own mailbox. */
const DELEGATED = {
    'Mail.Read': ['Mail.Read', 'Mail.ReadWrite', 'Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
    'Mail.ReadWrite': ['Mail.ReadWrite', 'Mail.ReadWrite.Shared'],
    'Mail.Send': ['Mail.Send', 'Mail.Send.Shared'],
    'Calendars.Read': ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
    'Calendars.ReadWrite': ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
    'Contacts.Read': ['Contacts.Read', 'Contacts.ReadWrite', 'Contacts.Read.Shared', 'Contacts.ReadWrite.Shared'],
    // findMeetingTimes asks for the .Shared scopes even on the user's own mailbox (user-findmeetingtimes.md).
    'Calendars.Read.Shared': ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
    // No .Shared variant exists: another user's mailbox settings are out of a delegated token's reach.
    'MailboxSettings.Read': ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    'Contacts.ReadWrite': ['Contacts.ReadWrite', 'Contacts.ReadWrite.Shared'],
};
/** Application permissions that grant each permission on any mailbox of the tenant. */
const APPLICATION = {
    User: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    'Mail.Read': ['Mail.Read', 'Mail.ReadWrite'],
    'Mail.ReadWrite': ['Mail.ReadWrite'],
    'Mail.Send': ['Mail.Send'],
    'Calendars.Read': ['Calendars.Read', 'Calendars.ReadWrite'],
    'Calendars.ReadWrite': ['Calendars.ReadWrite'],
    'Contacts.Read': ['Contacts.Read', 'Contacts.ReadWrite'],
    // findMeetingTimes: "Application: Not supported".
    'Calendars.Read.Shared': [],
    'MailboxSettings.Read': ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    'Contacts.ReadWrite': ['Contacts.ReadWrite'],
};
const accessDenied = () => new errors_1.GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
exports.accessDenied = accessDenied;
const outsideAppScope = () => new errors_1.GraphError(403, 'ErrorAccessDenied', 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.');
/** Case-insensitive membership: scope names are case-insensitive in Azure AD. */
function holdsAny(held, wanted) {
    return wanted.some((w) => held.has(w.toLowerCase()));
}
/** Whether a delegated token's scopes allow `permission` on a mailbox other than the user's own. */
function delegatedAllows(scopes, permission, own) {
    const accepted = DELEGATED[permission].filter((s) => own || s.endsWith('.Shared'));
    return holdsAny(scopes, accepted);
}
/** Throws the GraphError Graph answers when `caller` may not use `permission` on `mailbox`. */
function authorize(caller, mailbox, permission) {
    if (caller.kind === 'app') {
        if (!holdsAny(caller.roles, APPLICATION[permission])) {
            throw permission === 'User'
                ? new errors_1.GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')
                : (0, exports.accessDenied)();
        }
        const scope = caller.servicePrincipal?.mailboxScope;
        if (permission !== 'User' && scope && !scope.has(mailbox.user.id))
            throw outsideAppScope();
        return;
    }
    if (permission === 'User')
        return;
    const own = caller.user === mailbox;
    if (!delegatedAllows(caller.scopes, permission, own))
        throw (0, exports.accessDenied)();
    if (!own && !mailbox.hasRight(caller.user.user.id, 'fullAccess'))
        throw (0, exports.accessDenied)();
}
