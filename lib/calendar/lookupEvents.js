"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getCalendars = exports.LOOKUP_PAGE_SIZE = void 0;
exports.parseLookupInput = parseLookupInput;
exports.matches = matches;
exports.calendarViewPath = calendarViewPath;
exports.process = processAction;
const calendars_1 = require("../graph/calendars");
const events_1 = require("../graph/events");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const batches_1 = require("../platform/batches");
const addresses_1 = require("../validation/addresses");
const event_1 = require("../validation/event");
const eventRef_1 = require("../validation/eventRef");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
/** Small pages: an emitPage message holds one, bodies included, and must stay a message's size. */
exports.LOOKUP_PAGE_SIZE = 100;
/** Everything checked before a request. */
function parseLookupInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const zone = (0, event_1.inputZone)(body);
    const window = (0, eventRef_1.parseWindow)(body.windowStart, body.windowEnd, zone);
    const [organizer] = (0, addresses_1.parseMailboxes)(body.organizer, 'organizer', { max: 1 });
    const filter = {
        subject: (0, fields_1.optionalText)(body.subject, 'subject', 255)?.trim().toLowerCase() || undefined,
        organizer: organizer?.address.toLowerCase(),
        categories: (0, fields_1.stringList)(body.categories, 'categories', { maxItems: 25, maxLength: 255 }).map((c) => c.toLowerCase()),
    };
    return { window, zone: zone ?? timezones_1.UTC_ZONE, filter };
}
/** Whether an event passes the filters: subject contains (any case), organizer is, has any of the categories. */
function matches(event, filter) {
    if (filter.subject && !(event.subject ?? '').toLowerCase().includes(filter.subject))
        return false;
    if (filter.organizer && (event.organizer?.emailAddress?.address ?? '').toLowerCase() !== filter.organizer)
        return false;
    if (filter.categories.length && !(event.categories ?? []).some((c) => filter.categories.includes(c.toLowerCase())))
        return false;
    return true;
}
/** The first page's path; later pages follow Graph's @odata.nextLink, which keeps the window. */
function calendarViewPath(calendar, window) {
    const query = (0, odata_1.queryString)({ select: events_1.EVENT_DETAIL_FIELDS, orderby: 'start/dateTime', top: exports.LOOKUP_PAGE_SIZE }).slice(1);
    return `${calendar}/calendarView?startDateTime=${(0, odata_1.instantLiteral)(window.startMs)}&endDateTime=${(0, odata_1.instantLiteral)(window.endMs)}&${query}`;
}
async function processAction(msg, cfg) {
    const { window, zone, filter } = parseLookupInput(msg.body);
    const behaviour = (0, batches_1.parseEmitBehaviour)(cfg.emitBehaviour);
    const session = (0, session_1.createSession)(cfg, this);
    const path = calendarViewPath((0, calendars_1.calendarPath)(session.root, cfg.calendarId), window);
    let pages = 0;
    let found = 0;
    let read = 0;
    for await (const page of session.pages(path, { prefer: [(0, events_1.zonePreference)(zone.graphName)] })) {
        read += page.items.length;
        const items = page.items.filter((event) => matches(event, filter)).map(events_1.eventDetail);
        if (!items.length)
            continue;
        found += items.length;
        pages += await (0, batches_1.emitItems)(this, behaviour, items, pages + 1);
    }
    this.logger.info(`Found ${found} of ${read} event(s) in the window`);
}
// The Calendar field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getCalendars", { enumerable: true, get: function () { return dropdowns_1.getCalendars; } });
