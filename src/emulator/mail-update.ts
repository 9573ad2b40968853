/**
 * Two parts of `PATCH /messages/{id}` (message-update.md) the toolbox relies on:
 * - the follow-up flag with its dates (followupflag.md): `startDateTime`, `dueDateTime`,
 *   `completedDateTime` as dateTimeTimeZone; "to set the due date, you must also specify the
 *   startDateTime; otherwise, you will get a 400 Bad Request"; clearing the flag clears its dates;
 * - optimistic concurrency: with `If-Match` naming another version than the item's current
 *   `@odata.etag`, the update is refused with 412 ErrorIrresolvableConflict and changes nothing, as
 *   Outlook answers a stale change key.
 */
import { weakEtag } from './entity';
import { badRequest, GraphError } from './errors';
import type { GraphRequest } from './graph-request';
import { enumValue, isObject } from './json';
import type { Json } from './json';
import type { FlagDate, StoredMessage } from './model';
import { parseWallTime, wallTicks } from './timefmt';
import { graphTimeZone } from './timezones';

const DATES = ['startDateTime', 'dueDateTime', 'completedDateTime'] as const;

function flagDate(value: unknown, name: string): FlagDate {
  const wall = isObject(value) && typeof value.dateTime === 'string' ? parseWallTime(value.dateTime) : undefined;
  const zone = isObject(value) && typeof value.timeZone === 'string' ? graphTimeZone(value.timeZone) : undefined;
  if (!wall) throw badRequest(`The value of '${name}' is not a valid dateTimeTimeZone.`);
  if (!zone) throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String((value as Json).timeZone)}'.`);
  return { dateTime: wallTicks(wall.wallMs), timeZone: zone.graphName };
}

export function readFlag(flag: Json): Pick<StoredMessage, 'flagStatus' | 'flagDates'> {
  const flagStatus = enumValue(flag.flagStatus, ['notFlagged', 'flagged', 'complete'] as const, 'notFlagged');
  if (flag.dueDateTime !== undefined && flag.startDateTime === undefined) {
    throw new GraphError(400, 'ErrorInvalidArgument', 'The due date of a follow-up flag needs its start date: set startDateTime too.');
  }
  const dates: NonNullable<StoredMessage['flagDates']> = {};
  for (const name of DATES) if (flag[name] !== undefined && flag[name] !== null) dates[name] = flagDate(flag[name], name);
  return { flagStatus, flagDates: flagStatus === 'notFlagged' || !Object.keys(dates).length ? undefined : dates };
}

/** 412 when If-Match names a version the item no longer is; `*` and no header always pass. */
export function assertIfMatch(req: GraphRequest, message: StoredMessage): void {
  const header = req.headers['if-match'];
  if (header === undefined || header === '*') return;
  const wanted = String(header).split(',').map((tag) => tag.trim());
  if (!wanted.includes(weakEtag(message.changeKey))) {
    throw new GraphError(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');
  }
}
