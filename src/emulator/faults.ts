/**
 * Injected failures, matched per request. A seeded RNG decides `probability`, so a chaos run
 * is reproducible from the seed. Rules are checked in order; the first that fires wins.
 */
import type { Rng } from './rng';

export interface FaultRule {
  match?: { method?: string; path?: string };
  kind: 'status' | 'drop' | 'delay';
  status?: number;
  /** Retry-After in seconds; null sends none. Defaults to 1 for 429 and none otherwise. */
  retryAfterSeconds?: number | null;
  /** Wait this long first (for every kind); for 'delay' it is the whole fault. */
  delayMs?: number;
  /** Apply to the next N matching requests only. */
  times?: number;
  /** Let the first N matching requests through untouched (e.g. fail an upload from its second range on). */
  after?: number;
  probability?: number;
  /** Process the request for real, then answer with the fault (a lost response). */
  applyThenFail?: boolean;
}

export interface Fault {
  kind: FaultRule['kind'];
  status: number;
  retryAfterSeconds: number | null;
  delayMs: number;
  applyThenFail: boolean;
}

interface ActiveRule {
  rule: FaultRule;
  method?: string;
  path?: RegExp;
  remaining: number;
  /** Matching requests still to let through. */
  skip: number;
}

const STATUSES = [429, 500, 503, 504];

export class InvalidFaultRule extends Error {}

function compile(rule: FaultRule): ActiveRule {
  if (!['status', 'drop', 'delay'].includes(rule.kind)) throw new InvalidFaultRule(`unknown fault kind '${String(rule.kind)}'`);
  if (rule.kind === 'status' && !STATUSES.includes(rule.status as number)) {
    throw new InvalidFaultRule(`a 'status' fault needs status ${STATUSES.join('|')}`);
  }
  if (rule.kind === 'delay' && !(typeof rule.delayMs === 'number' && rule.delayMs >= 0)) {
    throw new InvalidFaultRule("a 'delay' fault needs delayMs >= 0");
  }
  let path: RegExp | undefined;
  try {
    path = rule.match?.path === undefined ? undefined : new RegExp(rule.match.path);
  } catch {
    throw new InvalidFaultRule(`match.path is not a valid regular expression: ${rule.match?.path}`);
  }
  if (rule.after !== undefined && !(Number.isInteger(rule.after) && rule.after >= 0)) throw new InvalidFaultRule("'after' must be a whole number of requests");
  return { rule, method: rule.match?.method?.toUpperCase(), path, remaining: rule.times ?? Infinity, skip: rule.after ?? 0 };
}

export class FaultEngine {
  private rules: ActiveRule[] = [];

  constructor(private readonly rng: Rng) {}

  /** Replaces all rules; throws InvalidFaultRule and keeps the old ones if any rule is bad. */
  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map(compile);
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules still armed, with how many uses remain (null = unlimited). */
  list(): (FaultRule & { remaining: number | null })[] {
    return this.rules
      .filter((r) => r.remaining > 0)
      .map((r) => ({ ...r.rule, remaining: Number.isFinite(r.remaining) ? r.remaining : null }));
  }

  /** @param path the path without the /v1.0 prefix, e.g. '/me/sendMail' or '/common/oauth2/v2.0/token'. */
  pick(method: string, path: string): Fault | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      if (active.method && active.method !== method) continue;
      if (active.path && !active.path.test(path)) continue;
      if (active.skip > 0) {
        active.skip -= 1;
        continue;
      }
      if (active.rule.probability !== undefined && !this.rng.chance(active.rule.probability)) continue;
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
