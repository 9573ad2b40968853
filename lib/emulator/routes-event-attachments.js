"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENT_ATTACHMENT_ROUTES = void 0;
/**
 * Files on events: list, read and add (event-list-attachments.md, attachment-get.md,
 * event-post-attachments.md) and upload sessions for large ones (attachment-createuploadsession.md),
 * under /events/{id}, /calendar/events/{id} and /calendars/{id}/events/{id}. File attachments only
 * (item and reference attachments answer 400); not on single occurrences (400: not emulated).
 * `contentId` and `contentBytes` belong to fileAttachment: $select takes them through the type cast
 * (`microsoft.graph.fileAttachment/contentId`); bare, Graph refuses them on the attachments set.
 */
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const graph_request_1 = require("./graph-request");
const http_1 = require("./http");
const instances_1 = require("./instances");
const json_1 = require("./json");
const timefmt_1 = require("./timefmt");
const upload_sessions_1 = require("./upload-sessions");
const FILE = '#microsoft.graph.fileAttachment';
const CAST = 'microsoft.graph.fileattachment/';
const BASE = ['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline'];
const OWN = ['contentId', 'contentLocation', 'contentBytes'];
const DEFAULT_PAGE = 10;
/** Files this small keep their bytes (contentBytes can be shown); larger ones only their hash. */
const KEPT_BYTES = 4 * 1024 * 1024;
function eventIn(req, scope, calendarId, eventId) {
    const event = (0, graph_request_1.lookup)(eventId, (id) => (0, instances_1.findEvent)(req.mailbox, id));
    const calendar = scope === 'default' ? req.mailbox.calendar() : scope === 'byId' ? (0, graph_request_1.lookup)(calendarId, (id) => req.mailbox.calendar(id)) : undefined;
    if (calendar && event.calendarId !== calendar.id)
        throw (0, errors_1.notFound)();
    if (event.instance)
        throw (0, errors_1.badRequest)('Attachments of a single occurrence are not emulated; use the series master.');
    return event;
}
/** $select of attachments: base properties by name, fileAttachment's own through the cast. */
function selection(req) {
    const raw = req.params.get('$select');
    if (raw === null)
        return undefined;
    return raw.split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
        const lower = name.toLowerCase();
        const own = lower.startsWith(CAST) ? OWN.find((p) => p.toLowerCase() === lower.slice(CAST.length)) : undefined;
        if (own)
            return own;
        const base = BASE.find((p) => p.toLowerCase() === lower);
        if (!base)
            throw (0, errors_1.unknownProperty)(name, 'attachment');
        return base;
    });
}
function render(a, select) {
    const all = {
        id: a.id,
        lastModifiedDateTime: (0, timefmt_1.graphInstant)(Math.floor(a.lastModifiedAt / 1000) * 1000),
        name: a.name,
        contentType: a.contentType,
        size: a.size,
        isInline: a.isInline,
        contentId: a.contentId,
        contentLocation: null,
        ...(a.content && { contentBytes: a.content.toString('base64') }),
    };
    const names = select ?? Object.keys(all);
    return { '@odata.type': FILE, id: a.id, ...Object.fromEntries(names.filter((n) => n in all && n !== 'id').map((n) => [n, all[n]])) };
}
function context(req, event, entity = '') {
    return `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/events('${encodeURIComponent(event.id)}')/attachments${entity}`;
}
const list = (scope) => (req, { calendarId, eventId }) => {
    const event = eventIn(req, scope, calendarId, eventId);
    const select = selection(req);
    const top = req.params.get('$top');
    const size = top === null ? req.prefs.maxPageSize ?? DEFAULT_PAGE : Number(top);
    if (!Number.isInteger(size) || size < 1 || size > 1000)
        throw (0, errors_1.badRequest)(`Invalid value '${top}' for the $top query option.`);
    const skip = Number(req.params.get('$skip') ?? 0);
    const page = event.attachments.slice(skip, skip + size);
    const more = skip + size < event.attachments.length;
    const next = new URLSearchParams(req.params);
    next.set('$skip', String(skip + size));
    return (0, http_1.graphJson)(200, {
        '@odata.context': context(req, event),
        value: page.map((a) => render(a, select)),
        ...(more && { '@odata.nextLink': `${req.world.baseUrl}/v1.0${req.rawPath}?${next.toString()}` }),
    });
};
const getOne = (scope) => (req, { calendarId, eventId, attachmentId }) => {
    const event = eventIn(req, scope, calendarId, eventId);
    const attachment = event.attachments.find((a) => a.id === attachmentId);
    if (!attachment)
        throw (0, errors_1.notFound)();
    return (0, http_1.graphJson)(200, { '@odata.context': `${context(req, event)}/$entity`, ...render(attachment, selection(req)) });
};
/** Graph's size of a stored file: the bytes and some metadata (a little more, as Graph reports it). */
function storedSize(bytes, name) {
    return bytes + 150 + 2 * name.length;
}
/** Adds a file to the event (the change bumps its change key, as any Exchange write does). */
function attach(mailbox, event, item, sha256, content, now) {
    const attachment = {
        id: mailbox.ids.next('attachment'),
        name: item.name,
        contentType: item.contentType,
        size: storedSize(item.size, item.name),
        bytes: item.size,
        sha256,
        isInline: item.isInline,
        contentId: item.contentId,
        lastModifiedAt: now,
        ...(content && { content }),
    };
    mailbox.updateEvent(event, now, (e) => { e.attachments = [...e.attachments, attachment]; });
    return attachment;
}
function text(value, fallback) {
    return typeof value === 'string' && value ? value : fallback;
}
const add = (scope) => (req, { calendarId, eventId }) => {
    const json = (0, graph_request_1.jsonBody)(req);
    const event = eventIn(req, scope, calendarId, eventId);
    const type = (0, json_1.param)(json, '@odata.type');
    if (typeof type !== 'string')
        throw (0, errors_1.badRequest)("The attachment needs an '@odata.type' (#microsoft.graph.fileAttachment).");
    if (type.replace(/^#/, '').toLowerCase() !== 'microsoft.graph.fileattachment')
        throw (0, errors_1.badRequest)(`Attachments of type '${type}' are not emulated; only #microsoft.graph.fileAttachment.`);
    const bytes = (0, json_1.param)(json, 'contentBytes');
    if (typeof bytes !== 'string')
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', 'A file attachment needs contentBytes.');
    const content = Buffer.from(bytes, 'base64');
    const name = text((0, json_1.param)(json, 'name'), 'Untitled');
    const item = {
        name,
        size: content.length,
        contentType: text((0, json_1.param)(json, 'contentType'), 'application/octet-stream'),
        isInline: (0, json_1.param)(json, 'isInline') === true,
        contentId: typeof (0, json_1.param)(json, 'contentId') === 'string' ? (0, json_1.param)(json, 'contentId') : null,
    };
    const attachment = attach(req.mailbox, event, item, (0, node_crypto_1.createHash)('sha256').update(content).digest('hex'), content.length <= KEPT_BYTES ? content : undefined, req.world.now());
    return (0, http_1.graphJson)(201, { '@odata.context': `${context(req, event)}/$entity`, ...render(attachment) });
};
const uploadSession = (scope) => (req, { calendarId, eventId }) => {
    const { id } = eventIn(req, scope, calendarId, eventId);
    const { mailbox } = req;
    return (0, upload_sessions_1.startUploadSession)(req, {
        set: 'Events',
        itemId: id,
        attach: ({ item, chunks, sha256 }, now) => {
            const event = mailbox.event(id);
            return event && attach(mailbox, event, item, sha256, item.size <= KEPT_BYTES ? Buffer.concat(chunks) : undefined, now).id;
        },
    });
};
const SCOPES = [['all', '/events/{eventId}'], ['default', '/calendar/events/{eventId}'], ['byId', '/calendars/{calendarId}/events/{eventId}']];
exports.EVENT_ATTACHMENT_ROUTES = SCOPES.flatMap(([scope, path]) => [
    { method: 'GET', pattern: `${path}/attachments`, handler: list(scope), permission: 'Calendars.Read' },
    { method: 'GET', pattern: `${path}/attachments/{attachmentId}`, handler: getOne(scope), permission: 'Calendars.Read' },
    { method: 'POST', pattern: `${path}/attachments`, handler: add(scope), permission: 'Calendars.ReadWrite' },
    { method: 'POST', pattern: `${path}/attachments/createUploadSession`, handler: uploadSession(scope), permission: 'Calendars.ReadWrite' },
]);
