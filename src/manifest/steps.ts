/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
import { cancelEvent } from '../calendar/cancelEvent.step';
import { createEvent } from '../calendar/createEvent.step';
import { getEvent } from '../calendar/getEvent.step';
import { getNewAndUpdatedEvents } from '../calendar/getNewAndUpdatedEvents.step';
import { lookupEvents } from '../calendar/lookupEvents.step';
import { respondToEvent } from '../calendar/respondToEvent.step';
import { updateEvent } from '../calendar/updateEvent.step';
import { getNewMail } from '../mail/getNewMail.step';
import { sendMail } from '../mail/sendMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [
  getNewMail, getNewAndUpdatedEvents, sendMail, createEvent,
  updateEvent, cancelEvent, respondToEvent, getEvent, lookupEvents,
];
