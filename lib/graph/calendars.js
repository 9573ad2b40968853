"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.calendarPath = calendarPath;
exports.listCalendars = listCalendars;
const fields_1 = require("../validation/fields");
const odata_1 = require("./odata");
/** `/calendar` is the default calendar; a chosen one is addressed by id. */
function calendarPath(root, calendarId) {
    return (0, fields_1.isAbsent)(calendarId) ? `${root}/calendar` : `${root}/calendars/${(0, odata_1.idSegment)(calendarId, 'calendarId')}`;
}
/** Calendars of the mailbox for a dropdown, the default one first. */
async function listCalendars(session) {
    const query = (0, odata_1.queryString)({ select: ['id', 'name', 'isDefaultCalendar', 'canEdit'], top: 250 });
    const calendars = await session.all(`${session.root}/calendars${query}`);
    calendars.sort((a, b) => Number(Boolean(b.isDefaultCalendar)) - Number(Boolean(a.isDefaultCalendar)) || (a.name ?? '').localeCompare(b.name ?? ''));
    return Object.fromEntries(calendars.map((c) => [c.id, c.isDefaultCalendar ? `${c.name} (default)` : c.name ?? c.id]));
}
