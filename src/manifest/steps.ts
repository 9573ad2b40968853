/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
import { cancelEvent } from '../calendar/cancelEvent.step';
import { checkAvailability } from '../calendar/checkAvailability.step';
import { createEvent } from '../calendar/createEvent.step';
import { findMeetingTimes } from '../calendar/findMeetingTimes.step';
import { getEvent } from '../calendar/getEvent.step';
import { getEventChanges } from '../calendar/getEventChanges.step';
import { getNewAndUpdatedEvents } from '../calendar/getNewAndUpdatedEvents.step';
import { getUpcomingEvents } from '../calendar/getUpcomingEvents.step';
import { lookupEvents } from '../calendar/lookupEvents.step';
import { respondToEvent } from '../calendar/respondToEvent.step';
import { updateEvent } from '../calendar/updateEvent.step';
import { getMailFolderChanges } from '../mail/getMailFolderChanges.step';
import { createContact } from '../contacts/createContact.step';
import { deleteContact } from '../contacts/deleteContact.step';
import { getContactChanges } from '../contacts/getContactChanges.step';
import { getNewAndUpdatedContacts } from '../contacts/getNewAndUpdatedContacts.step';
import { lookupContact } from '../contacts/lookupContact.step';
import { updateContact } from '../contacts/updateContact.step';
import { upsertContact } from '../contacts/upsertContact.step';
import { getNewMail } from '../mail/getNewMail.step';
import { sendMail } from '../mail/sendMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [
  getNewMail, getNewAndUpdatedEvents, getUpcomingEvents, getNewAndUpdatedContacts, getMailFolderChanges, getEventChanges, getContactChanges,
  sendMail, createEvent, updateEvent, cancelEvent, respondToEvent, getEvent, lookupEvents, checkAvailability, findMeetingTimes,
  createContact, updateContact, upsertContact, lookupContact, deleteContact,
];
