/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
import { createEvent } from '../calendar/createEvent.step';
import { getEventChanges } from '../calendar/getEventChanges.step';
import { getNewAndUpdatedEvents } from '../calendar/getNewAndUpdatedEvents.step';
import { getMailFolderChanges } from '../mail/getMailFolderChanges.step';
import { getNewMail } from '../mail/getNewMail.step';
import { sendMail } from '../mail/sendMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [getNewMail, getNewAndUpdatedEvents, getMailFolderChanges, getEventChanges, sendMail, createEvent];
