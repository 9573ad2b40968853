/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
import { checkAvailability } from '../calendar/checkAvailability.step';
import { createEvent } from '../calendar/createEvent.step';
import { findMeetingTimes } from '../calendar/findMeetingTimes.step';
import { getNewAndUpdatedEvents } from '../calendar/getNewAndUpdatedEvents.step';
import { getUpcomingEvents } from '../calendar/getUpcomingEvents.step';
import { getNewMail } from '../mail/getNewMail.step';
import { sendMail } from '../mail/sendMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [getNewMail, getNewAndUpdatedEvents, getUpcomingEvents, sendMail, createEvent, checkAvailability, findMeetingTimes];
