"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VIEW_STATUSES = exports.MAX_SCHEDULES = exports.DEFAULT_INTERVAL_MINUTES = exports.MAX_INTERVAL_MINUTES = exports.MIN_INTERVAL_MINUTES = exports.MAX_WINDOW_DAYS = void 0;
exports.parseAvailabilityInput = parseAvailabilityInput;
exports.scheduleRequestBody = scheduleRequestBody;
exports.decodeView = decodeView;
exports.periodsOf = periodsOf;
exports.explainScheduleError = explainScheduleError;
exports.availabilityOutput = availabilityOutput;
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const session_1 = require("../graph/session");
const zonedTime_1 = require("../graph/zonedTime");
const addresses_1 = require("../validation/addresses");
const fields_1 = require("../validation/fields");
const timeWindow_1 = require("../validation/timeWindow");
/** getSchedule's limits: 62 days (ErrorTimeIntervalTooBig), slots of 5 to 1440 minutes, 100 addresses (ErrorMailboxDataArrayTooBig). */
exports.MAX_WINDOW_DAYS = 62;
exports.MIN_INTERVAL_MINUTES = 5;
exports.MAX_INTERVAL_MINUTES = 1440;
exports.DEFAULT_INTERVAL_MINUTES = 30;
exports.MAX_SCHEDULES = 100;
/** availabilityView's digits (scheduleinformation.md); anything else Graph may add reads as unknown. */
exports.VIEW_STATUSES = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere'];
function parseAvailabilityInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const addresses = (0, addresses_1.parseMailboxes)(body.schedules, 'schedules', { required: true, max: exports.MAX_SCHEDULES }).map((m) => m.address);
    const schedules = addresses.filter((a, i) => addresses.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i);
    const window = (0, timeWindow_1.parseTimeWindow)(body, exports.MAX_WINDOW_DAYS, "Microsoft Graph's free/busy (getSchedule)");
    const intervalMinutes = (0, fields_1.optionalInteger)(body.intervalMinutes, 'intervalMinutes', exports.MIN_INTERVAL_MINUTES, exports.MAX_INTERVAL_MINUTES) ?? exports.DEFAULT_INTERVAL_MINUTES;
    if (intervalMinutes * 60_000 > window.end.epochMs - window.start.epochMs) {
        throw new errors_1.InputError('intervalMinutes', `is ${intervalMinutes} minutes, longer than the window from start to end: use a slot length no longer than the window`);
    }
    return { ...window, schedules, intervalMinutes };
}
/** The getSchedule request: the window in the zone it was given in, Graph's own validation then agrees with ours. */
function scheduleRequestBody(req) {
    return {
        schedules: req.schedules,
        startTime: { dateTime: req.start.dateTime, timeZone: req.start.timeZone },
        endTime: { dateTime: req.end.dateTime, timeZone: req.end.timeZone },
        availabilityViewInterval: req.intervalMinutes,
    };
}
function decodeView(view) {
    return [...view].map((digit) => exports.VIEW_STATUSES[Number(digit)] ?? 'unknown');
}
/**
 * Runs of slots with one status, as periods in the request's zone. Slot i covers interval minutes
 * from start + i intervals; the last one may run past the window's end, where its period is cut.
 */
function periodsOf(statuses, req) {
    const intervalMs = req.intervalMinutes * 60_000;
    const at = (slot) => Math.min(req.start.epochMs + slot * intervalMs, req.end.epochMs);
    const periods = [];
    for (let i = 0; i < statuses.length;) {
        let j = i + 1;
        while (j < statuses.length && statuses[j] === statuses[i])
            j += 1;
        periods.push({ start: (0, zonedTime_1.inZone)(at(i), req.zone), end: (0, zonedTime_1.inZone)(at(j), req.zone), status: statuses[i], slots: j - i });
        i = j;
    }
    return periods;
}
/** What Graph's per-person responseCode means, in words that say what to check. */
function explainScheduleError(address, error) {
    const code = error.responseCode ?? 'unknown';
    const graphSays = error.message ? ` (Microsoft Graph: ${error.message.slice(0, 200)})` : '';
    if (code === '5009') {
        return { code, message: `${address} is no mailbox, room or group of the organisation: check the address; a guest, an external address or a contact has no free/busy here${graphSays}` };
    }
    return { code, message: `The free/busy of ${address} could not be read (${code}); check the address and that its calendar shares free/busy with the signed-in user or the app${graphSays}` };
}
const normalStatus = (status) => {
    const lower = (status ?? 'unknown').toLowerCase();
    return lower === 'workingelsewhere' ? 'workingElsewhere' : lower;
};
function busyItem(item) {
    return {
        status: normalStatus(item.status),
        start: item.start,
        end: item.end,
        ...(item.subject !== undefined && { subject: item.subject }),
        ...(item.location !== undefined && { location: item.location }),
        ...(item.isPrivate !== undefined && { isPrivate: item.isPrivate }),
    };
}
function workingHours(hours) {
    if (!hours)
        return null;
    return { daysOfWeek: hours.daysOfWeek ?? [], startTime: hours.startTime ?? null, endTime: hours.endTime ?? null, timeZone: hours.timeZone?.name ?? null };
}
/** The step's output: per person, then the periods everyone whose free/busy was read is free. */
function availabilityOutput(req, answer) {
    const byAddress = new Map(answer.map((info) => [(info.scheduleId ?? '').toLowerCase(), info]));
    const read = [];
    const errors = [];
    const schedules = req.schedules.map((address) => {
        const info = byAddress.get(address.toLowerCase());
        if (!info || info.error || typeof info.availabilityView !== 'string') {
            const error = explainScheduleError(address, info?.error ?? { responseCode: 'missing', message: 'no answer for this address' });
            errors.push({ address, ...error });
            return { address, error, availabilityView: null, freeThroughout: false, periods: [], busyItems: [], workingHours: null };
        }
        const statuses = decodeView(info.availabilityView);
        read.push(statuses);
        return {
            address,
            error: null,
            availabilityView: info.availabilityView,
            freeThroughout: statuses.every((s) => s === 'free'),
            periods: periodsOf(statuses, req),
            busyItems: (info.scheduleItems ?? []).filter((item) => normalStatus(item.status) !== 'free').map(busyItem),
            workingHours: workingHours(info.workingHours),
        };
    });
    const slots = Math.max(0, ...read.map((s) => s.length));
    const everyone = Array.from({ length: slots }, (_, i) => (read.length && read.every((s) => s[i] === 'free') ? 'free' : 'busy'));
    return {
        start: (0, zonedTime_1.inZone)(req.start.epochMs, req.zone),
        end: (0, zonedTime_1.inZone)(req.end.epochMs, req.zone),
        timeZone: req.zone.graphName,
        intervalMinutes: req.intervalMinutes,
        schedules,
        commonFreePeriods: periodsOf(everyone, req).filter((p) => p.status === 'free').map(({ start, end, slots: n }) => ({ start, end, slots: n })),
        errors,
    };
}
async function processAction(msg, cfg) {
    const req = parseAvailabilityInput(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    // A POST that only reads: repeating it after a lost answer is harmless.
    const { body } = await session.post(`${session.root}/calendar/getSchedule`, scheduleRequestBody(req), {
        idempotent: true, prefer: [`outlook.timezone="${req.zone.graphName}"`],
    });
    const output = availabilityOutput(req, body?.value ?? []);
    const errors = output.errors;
    if (errors.length)
        this.logger.warn(`Free/busy of ${errors.length} of ${req.schedules.length} address(es) could not be read (${[...new Set(errors.map((e) => e.code))].join(', ')}); see errors in the output`);
    this.logger.info(`Free/busy read for ${req.schedules.length - errors.length} of ${req.schedules.length} address(es)`);
    return (0, messages_1.newMessageWithBody)(output);
}
