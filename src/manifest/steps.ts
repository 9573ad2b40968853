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
import { copyMail } from '../mail/copyMail.step';
import { deleteMail } from '../mail/deleteMail.step';
import { getMail } from '../mail/getMail.step';
import { getNewMail } from '../mail/getNewMail.step';
import { createDraft } from '../mail/createDraft.step';
import { forwardMail } from '../mail/forwardMail.step';
import { replyToMail } from '../mail/replyToMail.step';
import { sendDraft } from '../mail/sendDraft.step';
import { lookupFolder } from '../mail/lookupFolder.step';
import { lookupMails } from '../mail/lookupMails.step';
import { moveMail } from '../mail/moveMail.step';
import { sendMail } from '../mail/sendMail.step';
import { updateMail } from '../mail/updateMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [
  getNewMail, getNewAndUpdatedEvents, getUpcomingEvents, getNewAndUpdatedContacts, getMailFolderChanges, getEventChanges, getContactChanges,
  sendMail, replyToMail, forwardMail, createDraft, sendDraft, getMail, lookupMails, moveMail, copyMail, updateMail, deleteMail, lookupFolder,
  createEvent, updateEvent, cancelEvent, respondToEvent, getEvent, lookupEvents, checkAvailability, findMeetingTimes,
  createContact, updateContact, upsertContact, lookupContact, deleteContact,
];
