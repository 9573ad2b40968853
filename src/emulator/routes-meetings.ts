/**
 * The meeting actions of an event (event-cancel.md, event-accept.md, event-tentativelyaccept.md,
 * event-decline.md): POST under /events/{id}, /calendar/events/{id} and /calendars/{id}/events/{id},
 * each answering 202 without a body. What they do is meetings.ts.
 */
import { GraphError, notFound } from './errors';
import { lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { parseJsonObject } from './http';
import { invalidJson } from './errors';
import { findEvent } from './instances';
import type { Json } from './json';
import { param } from './json';
import { cancelMeeting, respond } from './meetings';
import type { MeetingResponse } from './meetings';
import type { StoredEvent } from './model';

type Scope = 'all' | 'default' | 'byId';

/** An action's parameters; the pages send a JSON object, an empty body is taken as none. */
function actionBody(req: GraphRequest): Json {
  if (req.body.length === 0) return {};
  const json = parseJsonObject(req.body);
  if (!json) throw invalidJson();
  return json;
}

/** The event by id, in the calendar the route names. */
function eventIn(req: GraphRequest, scope: Scope, calendarId: string | undefined, eventId: string): StoredEvent {
  const event = lookup(eventId, (id) => findEvent(req.mailbox, id));
  const calendar = scope === 'default' ? req.mailbox.calendar() : scope === 'byId' ? lookup(calendarId as string, (id) => req.mailbox.calendar(id)) : undefined;
  if (calendar && event.calendarId !== calendar.id) throw notFound();
  return event;
}

const cancel = (scope: Scope): GraphHandler => (req, { calendarId, eventId }) => {
  const json = actionBody(req);
  const event = eventIn(req, scope, calendarId, eventId);
  if (!event.isOrganizer) {
    throw new GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
  }
  const comment = param(json, 'comment');
  cancelMeeting(req.world, req.mailbox, event, typeof comment === 'string' ? comment : '', req.world.now());
  return { status: 202 };
};

const answer = (scope: Scope, action: MeetingResponse): GraphHandler => (req, { calendarId, eventId }) => {
  const json = actionBody(req);
  respond(req.world, req.mailbox, eventIn(req, scope, calendarId, eventId), action, json, req.world.now());
  return { status: 202 };
};

const SCOPES: ReadonlyArray<[Scope, string]> = [['all', '/events/{eventId}'], ['default', '/calendar/events/{eventId}'], ['byId', '/calendars/{calendarId}/events/{eventId}']];

export const MEETING_ROUTES: readonly GraphRoute[] = SCOPES.flatMap(([scope, path]) => [
  { method: 'POST', pattern: `${path}/cancel`, handler: cancel(scope), permission: 'Calendars.ReadWrite' as const },
  ...(['accept', 'tentativelyAccept', 'decline'] as const).map((action) => ({
    method: 'POST', pattern: `${path}/${action}`, handler: answer(scope, action), permission: 'Calendars.ReadWrite' as const,
  })),
]);
