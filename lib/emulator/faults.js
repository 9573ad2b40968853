"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FaultEngine = exports.InvalidFaultRule = void 0;
const STATUSES = [429, 500, 503, 504];
class InvalidFaultRule extends Error {
}
exports.InvalidFaultRule = InvalidFaultRule;
function compile(rule) {
    if (!['status', 'drop', 'delay'].includes(rule.kind))
        throw new InvalidFaultRule(`unknown fault kind '${String(rule.kind)}'`);
    if (rule.kind === 'status' && !STATUSES.includes(rule.status)) {
        throw new InvalidFaultRule(`a 'status' fault needs status ${STATUSES.join('|')}`);
    }
    if (rule.kind === 'delay' && !(typeof rule.delayMs === 'number' && rule.delayMs >= 0)) {
        throw new InvalidFaultRule("a 'delay' fault needs delayMs >= 0");
    }
    let path;
    try {
        path = rule.match?.path === undefined ? undefined : new RegExp(rule.match.path);
    }
    catch {
        throw new InvalidFaultRule(`match.path is not a valid regular expression: ${rule.match?.path}`);
    }
    if (rule.after !== undefined && !(Number.isInteger(rule.after) && rule.after >= 0))
        throw new InvalidFaultRule("'after' must be a whole number of requests");
    return { rule, method: rule.match?.method?.toUpperCase(), path, remaining: rule.times ?? Infinity, skip: rule.after ?? 0 };
}
class FaultEngine {
    rng;
    rules = [];
    constructor(rng) {
        this.rng = rng;
    }
    /** Replaces all rules; throws InvalidFaultRule and keeps the old ones if any rule is bad. */
    set(rules) {
        this.rules = rules.map(compile);
    }
    clear() {
        this.rules = [];
    }
    /** Rules still armed, with how many uses remain (null = unlimited). */
    list() {
        return this.rules
            .filter((r) => r.remaining > 0)
            .map((r) => ({ ...r.rule, remaining: Number.isFinite(r.remaining) ? r.remaining : null }));
    }
    /** @param path the path without the /v1.0 prefix, e.g. '/me/sendMail' or '/common/oauth2/v2.0/token'. */
    pick(method, path) {
        for (const active of this.rules) {
            if (active.remaining <= 0)
                continue;
            if (active.method && active.method !== method)
                continue;
            if (active.path && !active.path.test(path))
                continue;
            if (active.skip > 0) {
                active.skip -= 1;
                continue;
            }
            if (active.rule.probability !== undefined && !this.rng.chance(active.rule.probability))
                continue;
            active.remaining -= 1;
            const { rule } = active;
            const status = rule.status ?? 0;
            return {
                kind: rule.kind,
                status,
                retryAfterSeconds: rule.retryAfterSeconds === undefined ? (status === 429 ? 1 : null) : rule.retryAfterSeconds,
                delayMs: rule.delayMs ?? 0,
                applyThenFail: rule.applyThenFail === true,
            };
        }
        return undefined;
    }
}
exports.FaultEngine = FaultEngine;
