"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listCalendars = listCalendars;
const odata_1 = require("./odata");
/** Calendars of the mailbox for a dropdown, the default one first. */
async function listCalendars(session) {
    const calendars = [];
    const query = (0, odata_1.queryString)({ select: ['id', 'name', 'isDefaultCalendar', 'canEdit'], top: 250 });
    for await (const page of session.pages(`${session.root}/calendars${query}`))
        calendars.push(...page.items);
    calendars.sort((a, b) => Number(Boolean(b.isDefaultCalendar)) - Number(Boolean(a.isDefaultCalendar)) || (a.name ?? '').localeCompare(b.name ?? ''));
    return Object.fromEntries(calendars.map((c) => [c.id, c.isDefaultCalendar ? `${c.name} (default)` : c.name ?? c.id]));
}
