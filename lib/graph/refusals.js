"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.explainRefusal = explainRefusal;
const permissions_1 = require("./permissions");
const NOT_FOUND = new Set(['ErrorInvalidUser', 'Request_ResourceNotFound', 'ResourceNotFound', 'ErrorNonExistentMailbox', 'MailboxNotFound']);
const DENIED = new Set(['ErrorAccessDenied', 'AccessDenied', 'Authorization_RequestDenied']);
const ADMIN_CONSENT = 'In the app registration, API permissions > Add a permission > Microsoft Graph > Application permissions, then Grant admin consent (an administrator of the tenant).';
const whose = (ctx) => (ctx.mailbox ? `mailbox ${ctx.mailbox}` : "the signed-in user's mailbox");
function appRefusal(method, path, status, code, ctx) {
    if (code === 'NoPermissionsInAccessToken') {
        return { consentMissing: true, hint: `The app's token carries no application permissions: no administrator has granted admin consent. Grant ${permissions_1.APP_PERMISSIONS.map((p) => p.name).join(', ')}. ${ADMIN_CONSENT}` };
    }
    if (status === 403 && code !== undefined && DENIED.has(code)) {
        const needed = (0, permissions_1.neededPermission)(method, path);
        if (needed && ctx.roles && !(0, permissions_1.rolesAllow)(ctx.roles, needed)) {
            // Exchange RBAC for Applications grants are not in the token: a scoped grant that leaves this mailbox out looks the same.
            return { consentMissing: true, hint: `The app lacks the application permission ${needed.name} (no admin consent for it). ${ADMIN_CONSENT} If an Exchange administrator grants the app this access through RBAC for Applications instead, ${whose(ctx)} is outside that grant's scope.` };
        }
        const scope = `The Exchange administrator limits this app to some mailboxes (RBAC for Applications management scope, or an older application access policy), and ${whose(ctx)} is outside that scope: ask them to add it to the app's scope.`;
        return { hint: ctx.roles ? scope : `${scope} Or the app lacks the application permission for this request: check API permissions and admin consent.` };
    }
    if (status === 401) {
        return { hint: `Microsoft Graph of the ${ctx.cloud.name} cloud did not accept the app's token even after a new one was obtained: check that Cloud is the cloud your tenant is in.` };
    }
    return undefined;
}
function sendRefusal(code, ctx) {
    if (code === 'ErrorSendAsDenied') {
        const actor = ctx.authType === 'application' ? `Mailbox ${ctx.mailbox}` : `The signed-in user${ctx.mailbox ? ` (sending through mailbox ${ctx.mailbox})` : ''}`;
        const target = ctx.from ?? ctx.mailbox ?? 'the From address';
        return `${actor} has neither Send As nor Send on Behalf on ${target}: an Exchange administrator grants either one (Microsoft 365 admin center > the mailbox > Manage mailbox permissions).`;
    }
    if (code !== undefined && DENIED.has(code) && ctx.authType === 'delegated' && ctx.mailbox) {
        return `The signed-in user may not send from mailbox ${ctx.mailbox}: that needs Full Access on it plus Send As or Send on Behalf, and the credential's consent to Mail.Send.Shared (reconnect the credential to grant it).`;
    }
    return undefined;
}
/** The hint for a refused request, or undefined when the general one of errors.ts fits. */
function explainRefusal(method, path, status, code, ctx) {
    if (status === 404 && code === 'MailboxNotEnabledForRESTAPI') {
        return { hint: `${ctx.mailbox ? `Mailbox ${ctx.mailbox}` : 'This mailbox'} cannot be reached through Microsoft Graph: it is not in Exchange Online (on-premises), inactive, or has no Exchange Online licence. Use an Exchange Online mailbox, or ask an administrator to assign a licence.` };
    }
    if (status === 404 && code !== undefined && NOT_FOUND.has(code) && ctx.mailbox) {
        return { hint: `Mailbox ${ctx.mailbox} was not found${ctx.authType === 'application' ? ' in the credential\'s tenant' : ''}: check the mailbox field (a user principal name, an SMTP address of a mailbox, or a user id); a distribution list, a guest or a contact has no mailbox to act on.` };
    }
    if ((0, permissions_1.neededPermission)(method, path)?.name === 'Mail.Send') {
        const hint = sendRefusal(code, ctx);
        if (hint)
            return { hint };
    }
    if (ctx.authType === 'application')
        return appRefusal(method, path, status, code, ctx);
    if (status === 403 && code !== undefined && DENIED.has(code) && ctx.mailbox) {
        const contacts = (0, permissions_1.neededPermission)(method, path)?.name.startsWith('Contacts.');
        const where = contacts ? 'contact folder' : 'folder or calendar';
        const scopes = contacts ? 'Contacts.ReadWrite.Shared' : 'Mail.ReadWrite.Shared and Calendars.ReadWrite.Shared';
        return { hint: `The signed-in user has no Full Access on mailbox ${ctx.mailbox} (or no permission on this ${where}), or the credential lacks the .Shared scopes: an Exchange administrator grants Full Access; reconnect the credential to consent to ${scopes}.` };
    }
    return undefined;
}
