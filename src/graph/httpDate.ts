/**
 * HTTP-date (RFC 9110, section 5.6.7): the Date header that tells Graph's clock, and the date form
 * of Retry-After. Date.parse is not used: it reads "1", "+5" or an ISO string as some instant,
 * and a header a proxy mangled must count as absent, not as a time.
 */
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** Sun, 06 Nov 1994 08:49:37 GMT: the one form senders may use. */
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
/** Sunday, 06-Nov-94 08:49:37 GMT and Sun Nov  6 08:49:37 1994: obsolete, but recipients must accept them. */
const RFC850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * Epoch ms of an HTTP-date, or undefined for anything else (including impossible dates such as
 * 31 Feb). `nowMs` only places a two-digit year: one more than 50 years ahead is in the past century.
 */
export function parseHttpDate(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  let parts: { day: string; month: string; year: number; h: string; m: string; s: string } | undefined;
  let match = IMF_FIXDATE.exec(text);
  if (match) parts = { day: match[1], month: match[2], year: Number(match[3]), h: match[4], m: match[5], s: match[6] };
  match = parts ? null : RFC850.exec(text);
  if (match) {
    const thisYear = new Date(nowMs).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(match[3]);
    if (year > thisYear + 50) year -= 100;
    parts = { day: match[1], month: match[2], year, h: match[4], m: match[5], s: match[6] };
  }
  match = parts ? null : ASCTIME.exec(text);
  if (match) parts = { day: match[2].trim(), month: match[1], year: Number(match[6]), h: match[3], m: match[4], s: match[5] };
  if (!parts) return undefined;
  const [day, hour, minute, second] = [parts.day, parts.h, parts.m, parts.s].map(Number);
  const month = MONTHS.indexOf(parts.month);
  const ms = Date.UTC(parts.year, month, day, hour, minute, second);
  const back = new Date(ms);
  // Date.UTC rolls 31 Feb over into March and 24:00 into the next day; HTTP has no such dates.
  const exact = back.getUTCFullYear() === parts.year && back.getUTCMonth() === month && back.getUTCDate() === day
    && back.getUTCHours() === hour && back.getUTCMinutes() === minute && back.getUTCSeconds() === second;
  return exact ? ms : undefined;
}

/** Graph's clock when it answered (its Date header) as ISO 8601 UTC; undefined when a proxy dropped it. */
export function answeredAt(headers: Headers): string | undefined {
  const date = parseHttpDate(headers.get('date'));
  return date === undefined ? undefined : new Date(date).toISOString();
}
