/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
import { createEvent } from '../calendar/createEvent.step';
import { getNewAndUpdatedEvents } from '../calendar/getNewAndUpdatedEvents.step';
import { createContact } from '../contacts/createContact.step';
import { deleteContact } from '../contacts/deleteContact.step';
import { getNewAndUpdatedContacts } from '../contacts/getNewAndUpdatedContacts.step';
import { lookupContact } from '../contacts/lookupContact.step';
import { updateContact } from '../contacts/updateContact.step';
import { upsertContact } from '../contacts/upsertContact.step';
import { getNewMail } from '../mail/getNewMail.step';
import { createDraft } from '../mail/createDraft.step';
import { forwardMail } from '../mail/forwardMail.step';
import { replyToMail } from '../mail/replyToMail.step';
import { sendDraft } from '../mail/sendDraft.step';
import { sendMail } from '../mail/sendMail.step';
import type { StepDescriptor } from './descriptor';

export const STEPS: readonly StepDescriptor[] = [getNewMail, getNewAndUpdatedEvents, getNewAndUpdatedContacts, sendMail, replyToMail, forwardMail, createDraft, sendDraft, createEvent, createContact, updateContact, upsertContact, lookupContact, deleteContact];
