/**
 * Files on events: list, read and add (event-list-attachments.md, attachment-get.md,
 * event-post-attachments.md) and upload sessions for large ones (attachment-createuploadsession.md),
 * under /events/{id}, /calendar/events/{id} and /calendars/{id}/events/{id}. File attachments only
 * (item and reference attachments answer 400); not on single occurrences (400: not emulated).
 * `contentId` and `contentBytes` belong to fileAttachment: $select takes them through the type cast
 * (`microsoft.graph.fileAttachment/contentId`); bare, Graph refuses them on the attachments set.
 */
import { createHash } from 'node:crypto';
import { GraphError, badRequest, notFound, unknownProperty } from './errors';
import { jsonBody, lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { graphJson } from './http';
import { findEvent } from './instances';
import { param } from './json';
import type { Mailbox } from './mailbox';
import type { StoredAttachment, StoredEvent } from './model';
import { graphInstant } from './timefmt';
import { startUploadSession } from './upload-sessions';
import type { FileItem } from './upload-sessions';

const FILE = '#microsoft.graph.fileAttachment';
const CAST = 'microsoft.graph.fileattachment/';
const BASE = ['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline'] as const;
const OWN = ['contentId', 'contentLocation', 'contentBytes'] as const;
const DEFAULT_PAGE = 10;
/** Files this small keep their bytes (contentBytes can be shown); larger ones only their hash. */
const KEPT_BYTES = 4 * 1024 * 1024;

type Scope = 'all' | 'default' | 'byId';

function eventIn(req: GraphRequest, scope: Scope, calendarId: string | undefined, eventId: string): StoredEvent {
  const event = lookup(eventId, (id) => findEvent(req.mailbox, id));
  const calendar = scope === 'default' ? req.mailbox.calendar() : scope === 'byId' ? lookup(calendarId as string, (id) => req.mailbox.calendar(id)) : undefined;
  if (calendar && event.calendarId !== calendar.id) throw notFound();
  if (event.instance) throw badRequest('Attachments of a single occurrence are not emulated; use the series master.');
  return event;
}

/** $select of attachments: base properties by name, fileAttachment's own through the cast. */
function selection(req: GraphRequest): string[] | undefined {
  const raw = req.params.get('$select');
  if (raw === null) return undefined;
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
    const lower = name.toLowerCase();
    const own = lower.startsWith(CAST) ? OWN.find((p) => p.toLowerCase() === lower.slice(CAST.length)) : undefined;
    if (own) return own;
    const base = BASE.find((p) => p.toLowerCase() === lower);
    if (!base) throw unknownProperty(name, 'attachment');
    return base;
  });
}

function render(a: StoredAttachment, select?: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: a.id,
    lastModifiedDateTime: graphInstant(Math.floor(a.lastModifiedAt / 1000) * 1000),
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

function context(req: GraphRequest, event: StoredEvent, entity = ''): string {
  return `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/events('${encodeURIComponent(event.id)}')/attachments${entity}`;
}

const list = (scope: Scope): GraphHandler => (req, { calendarId, eventId }) => {
  const event = eventIn(req, scope, calendarId, eventId);
  const select = selection(req);
  const top = req.params.get('$top');
  const size = top === null ? req.prefs.maxPageSize ?? DEFAULT_PAGE : Number(top);
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw badRequest(`Invalid value '${top}' for the $top query option.`);
  const skip = Number(req.params.get('$skip') ?? 0);
  const page = event.attachments.slice(skip, skip + size);
  const more = skip + size < event.attachments.length;
  const next = new URLSearchParams(req.params);
  next.set('$skip', String(skip + size));
  return graphJson(200, {
    '@odata.context': context(req, event),
    value: page.map((a) => render(a, select)),
    ...(more && { '@odata.nextLink': `${req.world.baseUrl}/v1.0${req.rawPath}?${next.toString()}` }),
  });
};

const getOne = (scope: Scope): GraphHandler => (req, { calendarId, eventId, attachmentId }) => {
  const event = eventIn(req, scope, calendarId, eventId);
  const attachment = event.attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw notFound();
  return graphJson(200, { '@odata.context': `${context(req, event)}/$entity`, ...render(attachment, selection(req)) });
};

/** Graph's size of a stored file: the bytes and some metadata (a little more, as Graph reports it). */
function storedSize(bytes: number, name: string): number {
  return bytes + 150 + 2 * name.length;
}

/** Adds a file to the event (the change bumps its change key, as any Exchange write does). */
function attach(mailbox: Mailbox, event: StoredEvent, item: FileItem, sha256: string, content: Buffer | undefined, now: number): StoredAttachment {
  const attachment: StoredAttachment = {
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

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback;
}

const add = (scope: Scope): GraphHandler => (req, { calendarId, eventId }) => {
  const json = jsonBody(req);
  const event = eventIn(req, scope, calendarId, eventId);
  const type = param(json, '@odata.type');
  if (typeof type !== 'string') throw badRequest("The attachment needs an '@odata.type' (#microsoft.graph.fileAttachment).");
  if (type.replace(/^#/, '').toLowerCase() !== 'microsoft.graph.fileattachment') throw badRequest(`Attachments of type '${type}' are not emulated; only #microsoft.graph.fileAttachment.`);
  const bytes = param(json, 'contentBytes');
  if (typeof bytes !== 'string') throw new GraphError(400, 'ErrorInvalidRequest', 'A file attachment needs contentBytes.');
  const content = Buffer.from(bytes, 'base64');
  const name = text(param(json, 'name'), 'Untitled');
  const item: FileItem = {
    name,
    size: content.length,
    contentType: text(param(json, 'contentType'), 'application/octet-stream'),
    isInline: param(json, 'isInline') === true,
    contentId: typeof param(json, 'contentId') === 'string' ? param(json, 'contentId') as string : null,
  };
  const attachment = attach(req.mailbox, event, item, createHash('sha256').update(content).digest('hex'), content.length <= KEPT_BYTES ? content : undefined, req.world.now());
  return graphJson(201, { '@odata.context': `${context(req, event)}/$entity`, ...render(attachment) });
};

const uploadSession = (scope: Scope): GraphHandler => (req, { calendarId, eventId }) => {
  const { id } = eventIn(req, scope, calendarId, eventId);
  const { mailbox } = req;
  return startUploadSession(req, {
    set: 'Events',
    itemId: id,
    attach: ({ item, chunks, sha256 }, now) => {
      const event = mailbox.event(id);
      return event && attach(mailbox, event, item, sha256, item.size <= KEPT_BYTES ? Buffer.concat(chunks) : undefined, now).id;
    },
  });
};

const SCOPES: ReadonlyArray<[Scope, string]> = [['all', '/events/{eventId}'], ['default', '/calendar/events/{eventId}'], ['byId', '/calendars/{calendarId}/events/{eventId}']];

export const EVENT_ATTACHMENT_ROUTES: readonly GraphRoute[] = SCOPES.flatMap(([scope, path]): GraphRoute[] => [
  { method: 'GET', pattern: `${path}/attachments`, handler: list(scope), permission: 'Calendars.Read' },
  { method: 'GET', pattern: `${path}/attachments/{attachmentId}`, handler: getOne(scope), permission: 'Calendars.Read' },
  { method: 'POST', pattern: `${path}/attachments`, handler: add(scope), permission: 'Calendars.ReadWrite' },
  { method: 'POST', pattern: `${path}/attachments/createUploadSession`, handler: uploadSession(scope), permission: 'Calendars.ReadWrite' },
]);
