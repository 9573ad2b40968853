"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readFlag = readFlag;
exports.assertIfMatch = assertIfMatch;
/**
 * Two parts of `PATCH /messages/{id}` (message-update.md) the toolbox relies on:
 * - the follow-up flag with its dates (followupflag.md): `startDateTime`, `dueDateTime`,
 *   `completedDateTime` as dateTimeTimeZone; "to set the due date, you must also specify the
 *   startDateTime; otherwise, you will get a 400 Bad Request"; clearing the flag clears its dates;
 * - optimistic concurrency: with `If-Match` naming another version than the item's current
 *   `@odata.etag`, the update is refused with 412 ErrorIrresolvableConflict and changes nothing, as
 *   Outlook answers a stale change key.
 */
const entity_1 = require("./entity");
const errors_1 = require("./errors");
const json_1 = require("./json");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
const DATES = ['startDateTime', 'dueDateTime', 'completedDateTime'];
function flagDate(value, name) {
    const wall = (0, json_1.isObject)(value) && typeof value.dateTime === 'string' ? (0, timefmt_1.parseWallTime)(value.dateTime) : undefined;
    const zone = (0, json_1.isObject)(value) && typeof value.timeZone === 'string' ? (0, timezones_1.graphTimeZone)(value.timeZone) : undefined;
    if (!wall)
        throw (0, errors_1.badRequest)(`The value of '${name}' is not a valid dateTimeTimeZone.`);
    if (!zone)
        throw new errors_1.GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(value.timeZone)}'.`);
    return { dateTime: (0, timefmt_1.wallTicks)(wall.wallMs), timeZone: zone.graphName };
}
function readFlag(flag) {
    const flagStatus = (0, json_1.enumValue)(flag.flagStatus, ['notFlagged', 'flagged', 'complete'], 'notFlagged');
    if (flag.dueDateTime !== undefined && flag.startDateTime === undefined) {
        throw new errors_1.GraphError(400, 'ErrorInvalidArgument', 'The due date of a follow-up flag needs its start date: set startDateTime too.');
    }
    const dates = {};
    for (const name of DATES)
        if (flag[name] !== undefined && flag[name] !== null)
            dates[name] = flagDate(flag[name], name);
    return { flagStatus, flagDates: flagStatus === 'notFlagged' || !Object.keys(dates).length ? undefined : dates };
}
/** 412 when If-Match names a version the item no longer is; `*` and no header always pass. */
function assertIfMatch(req, message) {
    const header = req.headers['if-match'];
    if (header === undefined || header === '*')
        return;
    const wanted = String(header).split(',').map((tag) => tag.trim());
    if (!wanted.includes((0, entity_1.weakEtag)(message.changeKey))) {
        throw new errors_1.GraphError(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');
    }
}
