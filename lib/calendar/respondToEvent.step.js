"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.respondToEvent = void 0;
const eventSchemas_1 = require("../manifest/eventSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.respondToEvent = {
    id: 'respondToEvent',
    group: 'calendar',
    kind: 'action',
    title: 'Respond to Invitation',
    description: 'Accepts, tentatively accepts or declines an invitation, with a comment and optionally a new time proposed. Answering again the same way changes nothing.',
    help: {
        description: 'Answers an invitation in the mailbox: accept, tentativelyAccept or decline, for the whole series or one occurrence, with a comment to the organizer. Send response false answers without telling the organizer. With tentativelyAccept or decline you may propose another time, if the organizer allows it. An invitation already answered the same way is reported with alreadyAnswered true; a declined one leaves the calendar.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10 }),
    },
    in: (0, schemas_1.body)({
        eventId: eventSchemas_1.eventRefInput.eventId,
        response: (0, schemas_1.text)('Response', 'accept, tentativelyAccept or decline, in any letter case.', { required: true }),
        occurrenceStart: eventSchemas_1.eventRefInput.occurrenceStart,
        comment: (0, schemas_1.text)('Comment', 'Text for the organizer, up to 10000 characters.'),
        sendResponse: (0, schemas_1.flag)('Send response', 'true (the default): the organizer gets the answer; false: only your calendar changes.'),
        proposedStart: (0, schemas_1.text)('Proposed start', "With tentativelyAccept or decline: the start you propose instead (same forms as Create Event's Start). Alone, the meeting keeps its length. Ignored with accept."),
        proposedEnd: (0, schemas_1.text)('Proposed end', 'The end you propose, after Proposed start; alone, the start moves with it, keeping the length.'),
        timeZone: (0, eventSchemas_1.zoneInput)('local times (Occurrence start, the proposed time)'),
    }),
    out: (0, schemas_1.body)({
        eventId: (0, schemas_1.text)('Event id', 'The id given.'),
        occurrenceStart: (0, schemas_1.text)('Occurrence start', 'The occurrence start given; absent for an event or whole series.'),
        response: (0, schemas_1.text)('Response', 'accept, tentativelyAccept or decline.'),
        sendResponse: (0, schemas_1.flag)('Response sent', 'Whether the organizer was to be told.'),
        alreadyAnswered: (0, schemas_1.flag)('Already answered', 'true when the invitation was already answered this way (or, for decline, is no longer in the calendar): nothing was sent.'),
        proposedNewTime: (0, schemas_1.object)('Proposed time', 'The time proposed, when one was; absent otherwise.', {
            start: (0, schemas_1.dateTimeTimeZone)('Start', 'Start proposed.'),
            end: (0, schemas_1.dateTimeTimeZone)('End', 'End proposed.'),
        }),
    }),
};
