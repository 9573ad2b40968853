"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parsePreferences = parsePreferences;
const timezones_1 = require("./timezones");
const odata_1 = require("./odata");
/** Splits `a=1, b="x, y"` on commas outside quotes. */
function splitPreferences(header) {
    const parts = header.match(/(?:[^,"]|"[^"]*")+/g) ?? [];
    return parts.map((part) => {
        const at = part.indexOf('=');
        const name = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
        const value = at < 0 ? '' : part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
        return [name, value];
    });
}
function parsePreferences(header) {
    const prefs = { immutableIds: false, applied: [] };
    const raw = Array.isArray(header) ? header.join(',') : header ?? '';
    for (const [name, value] of splitPreferences(raw)) {
        if (name === 'odata.maxpagesize' && /^\d+$/.test(value) && Number(value) > 0) {
            prefs.maxPageSize = Math.min(Number(value), odata_1.MAX_TOP);
            prefs.applied.push(`odata.maxpagesize=${prefs.maxPageSize}`);
        }
        else if (name === 'outlook.timezone') {
            const zone = (0, timezones_1.graphTimeZone)(value);
            if (zone) {
                prefs.timeZone = zone;
                prefs.applied.push(`outlook.timezone="${zone.graphName}"`);
            }
        }
        else if (name === 'outlook.body-content-type' && /^(text|html)$/i.test(value)) {
            prefs.bodyType = value.toLowerCase();
            prefs.applied.push(`outlook.body-content-type="${prefs.bodyType}"`);
        }
        else if (name === 'idtype' && value.toLowerCase() === 'immutableid') {
            prefs.immutableIds = true;
            prefs.applied.push('IdType="ImmutableId"');
        }
    }
    return prefs;
}
