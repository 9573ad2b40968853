"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listCalendars = listCalendars;
const odata_1 = require("./odata");
/** Calendars of the mailbox for a dropdown, the default one first. */
async function listCalendars(session) {
    const query = (0, odata_1.queryString)({ select: ['id', 'name', 'isDefaultCalendar', 'canEdit'], top: 250 });
    const calendars = await session.all(`${session.root}/calendars${query}`);
    calendars.sort((a, b) => Number(Boolean(b.isDefaultCalendar)) - Number(Boolean(a.isDefaultCalendar)) || (a.name ?? '').localeCompare(b.name ?? ''));
    return Object.fromEntries(calendars.map((c) => [c.id, c.isDefaultCalendar ? `${c.name} (default)` : c.name ?? c.id]));
}
