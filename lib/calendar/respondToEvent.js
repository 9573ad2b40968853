"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESPONSES = void 0;
exports.parseRespondInput = parseRespondInput;
exports.proposedTime = proposedTime;
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const errors_2 = require("../graph/errors");
const events_1 = require("../graph/events");
const session_1 = require("../graph/session");
const datetime_1 = require("../validation/datetime");
const event_1 = require("../validation/event");
const eventRef_1 = require("../validation/eventRef");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
exports.RESPONSES = ['accept', 'tentativelyAccept', 'decline'];
/** What the event's responseStatus shows once the answer is given. */
const ANSWERED = { accept: 'accepted', tentativelyAccept: 'tentativelyAccepted', decline: 'declined' };
const MAX_COMMENT = 10_000;
const STATE_FIELDS = ['isOrganizer', 'responseStatus', 'allowNewTimeProposals', 'isCancelled', 'type', 'subject', 'start', 'end'];
function parseRespondInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const zone = (0, event_1.inputZone)(body);
    const response = (0, fields_1.oneOf)(body.response, 'response', exports.RESPONSES);
    if (!response)
        throw new errors_1.InputError('response', 'is required: accept, tentativelyAccept or decline');
    const sendResponse = (0, fields_1.parseFlag)(body.sendResponse, 'sendResponse', true);
    const given = (value, field) => ((0, fields_1.isAbsent)(value) ? undefined : (0, datetime_1.parseEventTime)(value, field, { timeZone: zone }));
    let proposedStart = given(body.proposedStart, 'proposedStart');
    let proposedEnd = given(body.proposedEnd, 'proposedEnd');
    if (proposedStart && proposedEnd && proposedEnd.epochMs <= proposedStart.epochMs)
        throw new errors_1.InputError('proposedEnd', 'must be after proposedStart');
    // With accept there is nothing to propose (Graph takes no proposal with it): the time is fine as it is.
    const ignoredProposal = response === 'accept' && Boolean(proposedStart || proposedEnd);
    const proposing = response !== 'accept' && Boolean(proposedStart || proposedEnd);
    if (!proposing)
        [proposedStart, proposedEnd] = [undefined, undefined];
    if (proposing && !sendResponse)
        throw new errors_1.InputError('sendResponse', 'must be true to propose a new time: the proposal travels in the response to the organizer');
    return {
        eventId: String(body.eventId ?? '').trim(),
        idSegment: (0, eventRef_1.eventIdSegment)(body.eventId),
        occurrence: (0, eventRef_1.parseOccurrenceStart)(body.occurrenceStart, zone),
        zone: zone ?? timezones_1.UTC_ZONE,
        response,
        comment: (0, fields_1.optionalText)(body.comment, 'comment', MAX_COMMENT),
        sendResponse,
        proposing,
        ignoredProposal,
        proposedStart,
        proposedEnd,
    };
}
/** The time proposed: a lone start or end keeps the meeting's length, as Outlook's own proposals do. */
function proposedTime(start, end, event, zone) {
    if (!start && !end)
        return undefined;
    const instant = (value) => (0, datetime_1.wallTimeToEpoch)((value?.dateTime ?? '').slice(0, 19), zone.iana);
    const length = instant(event.end) - instant(event.start);
    const startMs = start ? start.epochMs : end.epochMs - length;
    const endMs = end ? end.epochMs : start.epochMs + length;
    const slot = (given, ms) => (given ? { dateTime: given.dateTime, timeZone: given.timeZone } : { dateTime: (0, datetime_1.epochToWallTime)(ms, zone.iana), timeZone: zone.graphName });
    return { start: slot(start, startMs), end: slot(end, endMs) };
}
/** Why Outlook would refuse this answer, said before asking it. */
function refusal(event, response, proposing) {
    if (event.isOrganizer)
        return new errors_1.InputError('eventId', 'the mailbox organises this event, so there is no invitation to answer: use Update Event or Cancel or Delete Event');
    if (event.isCancelled && response !== 'decline')
        return new errors_1.InputError('response', 'the organizer cancelled this meeting: decline it, or use Cancel or Delete Event to remove it from the calendar');
    if (proposing && event.allowNewTimeProposals === false)
        return new errors_1.InputError('proposedStart', 'the organizer does not allow new time proposals for this meeting: leave the proposed time empty and say it in the comment');
    return undefined;
}
async function processAction(msg, cfg) {
    const input = parseRespondInput(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    if (input.ignoredProposal)
        this.logger.info('The proposed time is not sent: a new time goes only with tentativelyAccept or decline');
    const out = { eventId: input.eventId, ...(input.occurrence && { occurrenceStart: input.occurrence.text }), response: input.response, sendResponse: input.sendResponse };
    const done = (alreadyAnswered, proposedNewTime) => (0, messages_1.newMessageWithBody)({ ...out, alreadyAnswered, ...(proposedNewTime && { proposedNewTime }) });
    const found = await (0, events_1.resolveEvent)(session, input.idSegment, input.occurrence, input.zone, STATE_FIELDS);
    if (!found) {
        // Outlook moves a declined invitation out of the calendar: gone is what declining leaves.
        if (input.response === 'decline') {
            this.logger.info('Invitation no longer in the calendar: already declined (or deleted)');
            return done(true);
        }
        throw (0, events_1.eventGone)(session, input.occurrence ? 'occurrence' : 'invitation');
    }
    const problem = refusal(found.event, input.response, input.proposing);
    if (problem)
        throw problem;
    const proposedNewTime = proposedTime(input.proposedStart, input.proposedEnd, found.event, input.zone);
    const answered = (event) => (event === undefined ? input.response === 'decline' : event.responseStatus?.response === ANSWERED[input.response]);
    if (answered(found.event)) {
        this.logger.info(`Invitation already answered ${ANSWERED[input.response]}`);
        return done(true);
    }
    const request = {
        ...(input.comment !== undefined && { comment: input.comment }),
        sendResponse: input.sendResponse,
        ...(proposedNewTime && { proposedNewTime }),
    };
    const path = `${found.path}/${input.response}`;
    try {
        await session.post(path, request, { idempotent: false });
    }
    catch (err) {
        const lost = err instanceof errors_2.GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500);
        if (!lost)
            throw err;
        // The answer may have arrived: look before answering again.
        if (!answered(await (0, events_1.readEvent)(session, found.path, STATE_FIELDS))) {
            try {
                await session.post(path, request, { idempotent: false });
            }
            catch (again) {
                if (again instanceof errors_2.GraphRequestError) {
                    throw new errors_2.GraphRequestError(`${again.message} The answer may or may not have reached Outlook, so it was not sent a third time: check the invitation before re-running this message.`, again.statusCode, again.code, again.requestId);
                }
                throw again;
            }
        }
    }
    this.logger.info(`Invitation answered: ${ANSWERED[input.response]}`);
    return done(false, proposedNewTime);
}
