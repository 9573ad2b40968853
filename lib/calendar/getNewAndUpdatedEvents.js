"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getCalendars = exports.EVENT_PAGE_SIZE = exports.EVENT_FIELDS = void 0;
exports.eventPollSpec = eventPollSpec;
exports.process = processTrigger;
const calendars_1 = require("../graph/calendars");
const cursor_1 = require("../graph/cursor");
const events_1 = require("../graph/events");
Object.defineProperty(exports, "EVENT_FIELDS", { enumerable: true, get: function () { return events_1.EVENT_FIELDS; } });
Object.defineProperty(exports, "EVENT_PAGE_SIZE", { enumerable: true, get: function () { return events_1.EVENT_PAGE_SIZE; } });
const pollingTrigger_1 = require("../platform/pollingTrigger");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
function eventPollSpec(cfg, root) {
    const zone = (0, fields_1.isAbsent)(cfg.timeZone) ? 'UTC' : (0, timezones_1.resolveTimeZone)(cfg.timeZone, 'timeZone').graphName;
    return {
        collectionPath: `${(0, calendars_1.calendarPath)(root, cfg.calendarId)}/events`,
        timeField: 'lastModifiedDateTime',
        select: events_1.EVENT_FIELDS,
        prefer: [`outlook.timezone="${zone}"`],
        pageSize: events_1.EVENT_PAGE_SIZE,
        keyOf: (event) => (0, cursor_1.itemKey)(event.id, event.changeKey ?? ''),
    };
}
async function processTrigger(_msg, cfg, snapshot) {
    await (0, pollingTrigger_1.runPollingTrigger)(this, cfg, snapshot, (root) => eventPollSpec(cfg, root), 'new or changed event(s)');
}
// The Calendar field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getCalendars", { enumerable: true, get: function () { return dropdowns_1.getCalendars; } });
