"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inZone = inZone;
exports.floatingMidnight = floatingMidnight;
exports.utcInstant = utcInstant;
/**
 * Graph's dateTimeTimeZone and instants, both ways: the wall time of an instant in a zone as
 * Graph writes it (seven fractional digits, no offset), and the instant of a dateTimeTimeZone
 * Graph returned in UTC (what a request without `Prefer: outlook.timezone` gets).
 */
const datetime_1 = require("../validation/datetime");
function inZone(epochMs, zone) {
    return { dateTime: `${(0, datetime_1.epochToWallTime)(epochMs, zone.iana)}.0000000`, timeZone: zone.graphName };
}
/** A floating date (all-day events) as midnight in the zone's name, whatever its offset. */
function floatingMidnight(date, zone) {
    return { dateTime: `${date}T00:00:00.0000000`, timeZone: zone.graphName };
}
/** The instant of a dateTimeTimeZone Graph gave in UTC; NaN when it is not one. */
function utcInstant(value) {
    if (!value?.dateTime || (value.timeZone ?? 'UTC').toUpperCase() !== 'UTC')
        return NaN;
    return Date.parse(`${value.dateTime.slice(0, 23)}Z`);
}
