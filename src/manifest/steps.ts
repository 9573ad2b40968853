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
import { createContact } from '../contacts/createContact.step';
import { deleteContact } from '../contacts/deleteContact.step';
import { getNewAndUpdatedContacts } from '../contacts/getNewAndUpdatedContacts.step';
import { lookupContact } from '../contacts/lookupContact.step';
import { updateContact } from '../contacts/updateContact.step';
import { upsertContact } from '../contacts/upsertContact.step';
import { getNewMail } from '../mail/getNewMail.step';
import { sendMail } from '../mail/sendMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [
  getNewMail, getNewAndUpdatedEvents, getNewAndUpdatedContacts, sendMail, createEvent,
  updateEvent, cancelEvent, respondToEvent, getEvent, lookupEvents,
  createContact, updateContact, upsertContact, lookupContact, deleteContact,
];
