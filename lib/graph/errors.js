"use strict";
/**
 * Graph failures as messages a flow designer can act on: what was asked, what Graph said (status,
 * code, request-id for Microsoft support) and what to do. Graph's own message text is included
 * only after checking it repeats nothing from the request.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.GraphRequestError = void 0;
exports.errorFromResponse = errorFromResponse;
class GraphRequestError extends Error {
    statusCode;
    code;
    requestId;
    constructor(message, statusCode, code, requestId) {
        super(message);
        this.statusCode = statusCode;
        this.code = code;
        this.requestId = requestId;
        this.name = 'GraphRequestError';
    }
}
exports.GraphRequestError = GraphRequestError;
const THROTTLED = 'Microsoft is throttling requests to this mailbox. The step waited as long as it may; the next run continues where this one stopped.';
const RECONNECT = 'Microsoft did not accept the access token even after a refresh. Reconnect the Outlook credential.';
const HINTS_BY_CODE = {
    ErrorItemNotFound: 'The item or folder does not exist in this mailbox (wrong id, deleted, or moved). Pick it again in the step settings.',
    ErrorInvalidIdMalformed: 'The id is not a valid Outlook id. Map an id that Outlook returned, unchanged.',
    ErrorAccessDenied: 'The signed-in user may not access this mailbox or folder, or a scope is missing. Check the mailbox permissions and reconnect the credential to grant the scopes.',
    ErrorMessageSizeExceeded: 'The message is larger than the mailbox allows. Send fewer or smaller attachments.',
    ErrorRequestEntityTooLarge: 'The request is larger than Graph accepts in one call (about 4 MB). Send fewer or smaller attachments.',
    InefficientFilter: 'Graph rejected the query as inefficient. This is a bug in the component: please report it with the request-id.',
    ErrorTimeIntervalTooBig: 'The requested time range is too long. Use a shorter range.',
    ApplicationThrottled: THROTTLED,
    MailboxNotEnabledForRESTAPI: 'This mailbox cannot be reached through Microsoft Graph: it is on-premises, inactive or has no Exchange Online licence. Use an Exchange Online mailbox, or ask an administrator to assign a licence.',
    ErrorInvalidRecipients: 'A recipient address was rejected by Outlook. Check the to, cc and bcc addresses.',
    ErrorInvalidInternetMessageHeader: 'Custom headers must start with x-.',
    InvalidAuthenticationToken: RECONNECT,
    ErrorTimeZoneNotSupported: 'Outlook does not know this time zone. Use an IANA name such as Europe/Berlin or a Windows name such as W. Europe Standard Time.',
};
const HINTS_BY_STATUS = {
    400: 'Graph rejected the request as invalid. Check the step input.',
    401: RECONNECT,
    403: 'The signed-in user lacks the permission for this request. Check the mailbox permissions and reconnect the credential to grant the scopes.',
    404: 'Not found: the mailbox, folder or item does not exist or was moved. Pick it again in the step settings.',
    413: 'The request is too large for Graph. Send fewer or smaller attachments.',
    429: THROTTLED,
    500: 'Graph failed internally. Retry later; if it persists, give Microsoft the request-id.',
    502: 'Graph is temporarily unavailable. Retry later.',
    503: 'Graph is temporarily unavailable. Retry later.',
    504: 'Graph did not answer in time. Retry later.',
};
/**
 * The id Microsoft support asks for: the request-id header, else the error body's, which
 * Microsoft's pages spell both innerError['request-id'] and innerError.requestId.
 */
function requestIdOf(header, body) {
    const inner = body?.error?.innerError;
    return [header, inner?.['request-id'], inner?.requestId].find((id) => typeof id === 'string' && id !== '');
}
/** Graph's message, unless it quotes what we sent (some 400s echo filter values or ids). */
function safeGraphMessage(message) {
    if (!message)
        return undefined;
    const trimmed = message.replace(/\s+/g, ' ').trim().slice(0, 200);
    return /['"<>]|Bearer|eyJ/.test(trimmed) ? undefined : trimmed;
}
/** `hint` replaces the general advice when the caller knows better (a shared mailbox, an app-only credential). */
function errorFromResponse(method, path, status, body, requestId, given) {
    const code = body?.error?.code;
    const id = requestIdOf(requestId, body);
    const hint = given ?? (code && HINTS_BY_CODE[code]) ?? HINTS_BY_STATUS[status] ?? 'Graph could not complete the request.';
    const said = safeGraphMessage(body?.error?.message);
    const parts = [
        `Outlook ${method} ${path} failed: HTTP ${status}${code ? ` ${code}` : ''}${said ? ` (${said})` : ''}.`,
        hint,
        id ? `request-id: ${id}` : undefined,
    ];
    return new GraphRequestError(parts.filter(Boolean).join(' '), status, code, id);
}
