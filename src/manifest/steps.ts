/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
import { createEvent } from '../calendar/createEvent.step';
import { getNewAndUpdatedEvents } from '../calendar/getNewAndUpdatedEvents.step';
import { getNewMail } from '../mail/getNewMail.step';
import { createDraft } from '../mail/createDraft.step';
import { forwardMail } from '../mail/forwardMail.step';
import { replyToMail } from '../mail/replyToMail.step';
import { sendDraft } from '../mail/sendDraft.step';
import { sendMail } from '../mail/sendMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [getNewMail, getNewAndUpdatedEvents, sendMail, replyToMail, forwardMail, createDraft, sendDraft, createEvent];
