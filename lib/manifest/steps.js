"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STEPS = void 0;
/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
const cancelEvent_step_1 = require("../calendar/cancelEvent.step");
const checkAvailability_step_1 = require("../calendar/checkAvailability.step");
const createEvent_step_1 = require("../calendar/createEvent.step");
const findMeetingTimes_step_1 = require("../calendar/findMeetingTimes.step");
const getEvent_step_1 = require("../calendar/getEvent.step");
const getEventChanges_step_1 = require("../calendar/getEventChanges.step");
const getNewAndUpdatedEvents_step_1 = require("../calendar/getNewAndUpdatedEvents.step");
const getUpcomingEvents_step_1 = require("../calendar/getUpcomingEvents.step");
const lookupEvents_step_1 = require("../calendar/lookupEvents.step");
const respondToEvent_step_1 = require("../calendar/respondToEvent.step");
const updateEvent_step_1 = require("../calendar/updateEvent.step");
const getMailFolderChanges_step_1 = require("../mail/getMailFolderChanges.step");
const createContact_step_1 = require("../contacts/createContact.step");
const deleteContact_step_1 = require("../contacts/deleteContact.step");
const getContactChanges_step_1 = require("../contacts/getContactChanges.step");
const getNewAndUpdatedContacts_step_1 = require("../contacts/getNewAndUpdatedContacts.step");
const lookupContact_step_1 = require("../contacts/lookupContact.step");
const updateContact_step_1 = require("../contacts/updateContact.step");
const upsertContact_step_1 = require("../contacts/upsertContact.step");
const getNewMail_step_1 = require("../mail/getNewMail.step");
const sendMail_step_1 = require("../mail/sendMail.step");
exports.STEPS = [
    getNewMail_step_1.getNewMail, getNewAndUpdatedEvents_step_1.getNewAndUpdatedEvents, getUpcomingEvents_step_1.getUpcomingEvents, getNewAndUpdatedContacts_step_1.getNewAndUpdatedContacts, getMailFolderChanges_step_1.getMailFolderChanges, getEventChanges_step_1.getEventChanges, getContactChanges_step_1.getContactChanges,
    sendMail_step_1.sendMail, createEvent_step_1.createEvent, updateEvent_step_1.updateEvent, cancelEvent_step_1.cancelEvent, respondToEvent_step_1.respondToEvent, getEvent_step_1.getEvent, lookupEvents_step_1.lookupEvents, checkAvailability_step_1.checkAvailability, findMeetingTimes_step_1.findMeetingTimes,
    createContact_step_1.createContact, updateContact_step_1.updateContact, upsertContact_step_1.upsertContact, lookupContact_step_1.lookupContact, deleteContact_step_1.deleteContact,
];
