/**
 * Get Event: one event, occurrence or exception by id, or one occurrence of a series by its start
 * (found through the series' instances), with its times in the step's time zone. Reads only.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { EVENT_DETAIL_FIELDS, eventDetail, eventGone, resolveEvent } from '../graph/events';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { inputZone } from '../validation/event';
import { eventIdSegment, parseOccurrenceStart } from '../validation/eventRef';
import { inputObject } from '../validation/fields';
import { UTC_ZONE } from '../validation/timezones';

/** Everything checked before a request: which event, and the zone of times in and out. */
export function parseGetInput(input: unknown) {
  const body = inputObject(input);
  const zone = inputZone(body);
  return { idSegment: eventIdSegment(body.eventId), occurrence: parseOccurrenceStart(body.occurrenceStart, zone), zone: zone ?? UTC_ZONE };
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const { idSegment, occurrence, zone } = parseGetInput(msg.body);
  const session = createSession(cfg, this);
  const found = await resolveEvent(session, idSegment, occurrence, zone, EVENT_DETAIL_FIELDS);
  if (!found) throw eventGone(session, occurrence ? 'occurrence' : 'event');
  this.logger.info('Event read');
  return newMessageWithBody(eventDetail(found.event));
}

export { processAction as process };
