"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_YEAR = exports.MIN_YEAR = void 0;
exports.lexIso = lexIso;
exports.MIN_YEAR = 1900;
exports.MAX_YEAR = 2999;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function lexIso(text) {
    const m = ISO.exec(text);
    if (m === null)
        return shapeProblem(text);
    const [year, month, day] = [m[1], m[2], m[3]].map(Number);
    const [hour, minute, second] = [m[4], m[5], m[6]].map((part) => Number(part ?? 0));
    if (year < exports.MIN_YEAR || year > exports.MAX_YEAR)
        return `the year must be between ${exports.MIN_YEAR} and ${exports.MAX_YEAR}`;
    if (month < 1 || month > 12)
        return 'the month must be 01 to 12';
    const days = daysInMonth(year, month);
    if (day < 1 || day > days)
        return `${MONTHS[month - 1]} ${year} has ${days} days`;
    if (hour > 23 || minute > 59 || second > 59)
        return 'hours must be 00 to 23, minutes and seconds 00 to 59';
    const [offsetHours, offsetMins] = [m[10], m[11]].map((part) => Number(part ?? 0));
    if (offsetHours > 23 || offsetMins > 59)
        return 'the offset must be between -23:59 and +23:59';
    let offsetMinutes;
    if (m[8] !== undefined)
        offsetMinutes = 0;
    else if (m[9] !== undefined)
        offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
    return {
        wall: { year, month, day, hour, minute, second },
        // Only milliseconds survive in a JavaScript instant; further digits are dropped, not rounded.
        millisecond: m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0')),
        hasTime: m[4] !== undefined,
        offsetMinutes,
    };
}
/** The commonest ways a date is written wrong, named so the user recognises their own input. */
function shapeProblem(text) {
    if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(text))
        return 'day/month/year forms are ambiguous; write the date as YYYY-MM-DD';
    if (/^\d+$/.test(text))
        return 'a bare number is not a date';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/i.test(text))
        return 'the time or the offset after it is not in the form HH:mm:ss followed by Z or +hh:mm';
    return 'it is not in ISO 8601 form';
}
function daysInMonth(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
