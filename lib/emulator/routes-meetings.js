"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MEETING_ROUTES = void 0;
/**
 * The meeting actions of an event (event-cancel.md, event-accept.md, event-tentativelyaccept.md,
 * event-decline.md): POST under /events/{id}, /calendar/events/{id} and /calendars/{id}/events/{id},
 * each answering 202 without a body. What they do is meetings.ts.
 */
const errors_1 = require("./errors");
const graph_request_1 = require("./graph-request");
const http_1 = require("./http");
const errors_2 = require("./errors");
const instances_1 = require("./instances");
const json_1 = require("./json");
const meetings_1 = require("./meetings");
/** An action's parameters; the pages send a JSON object, an empty body is taken as none. */
function actionBody(req) {
    if (req.body.length === 0)
        return {};
    const json = (0, http_1.parseJsonObject)(req.body);
    if (!json)
        throw (0, errors_2.invalidJson)();
    return json;
}
/** The event by id, in the calendar the route names. */
function eventIn(req, scope, calendarId, eventId) {
    const event = (0, graph_request_1.lookup)(eventId, (id) => (0, instances_1.findEvent)(req.mailbox, id));
    const calendar = scope === 'default' ? req.mailbox.calendar() : scope === 'byId' ? (0, graph_request_1.lookup)(calendarId, (id) => req.mailbox.calendar(id)) : undefined;
    if (calendar && event.calendarId !== calendar.id)
        throw (0, errors_1.notFound)();
    return event;
}
const cancel = (scope) => (req, { calendarId, eventId }) => {
    const json = actionBody(req);
    const event = eventIn(req, scope, calendarId, eventId);
    if (!event.isOrganizer) {
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
    }
    const comment = (0, json_1.param)(json, 'comment');
    (0, meetings_1.cancelMeeting)(req.world, req.mailbox, event, typeof comment === 'string' ? comment : '', req.world.now());
    return { status: 202 };
};
const answer = (scope, action) => (req, { calendarId, eventId }) => {
    const json = actionBody(req);
    (0, meetings_1.respond)(req.world, req.mailbox, eventIn(req, scope, calendarId, eventId), action, json, req.world.now());
    return { status: 202 };
};
const SCOPES = [['all', '/events/{eventId}'], ['default', '/calendar/events/{eventId}'], ['byId', '/calendars/{calendarId}/events/{eventId}']];
exports.MEETING_ROUTES = SCOPES.flatMap(([scope, path]) => [
    { method: 'POST', pattern: `${path}/cancel`, handler: cancel(scope), permission: 'Calendars.ReadWrite' },
    ...['accept', 'tentativelyAccept', 'decline'].map((action) => ({
        method: 'POST', pattern: `${path}/${action}`, handler: answer(scope, action), permission: 'Calendars.ReadWrite',
    })),
]);
