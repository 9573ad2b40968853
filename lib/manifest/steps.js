"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STEPS = void 0;
/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
const checkAvailability_step_1 = require("../calendar/checkAvailability.step");
const createEvent_step_1 = require("../calendar/createEvent.step");
const findMeetingTimes_step_1 = require("../calendar/findMeetingTimes.step");
const getNewAndUpdatedEvents_step_1 = require("../calendar/getNewAndUpdatedEvents.step");
const getUpcomingEvents_step_1 = require("../calendar/getUpcomingEvents.step");
const createContact_step_1 = require("../contacts/createContact.step");
const deleteContact_step_1 = require("../contacts/deleteContact.step");
const getNewAndUpdatedContacts_step_1 = require("../contacts/getNewAndUpdatedContacts.step");
const lookupContact_step_1 = require("../contacts/lookupContact.step");
const updateContact_step_1 = require("../contacts/updateContact.step");
const upsertContact_step_1 = require("../contacts/upsertContact.step");
const copyMail_step_1 = require("../mail/copyMail.step");
const deleteMail_step_1 = require("../mail/deleteMail.step");
const getMail_step_1 = require("../mail/getMail.step");
const getNewMail_step_1 = require("../mail/getNewMail.step");
const lookupFolder_step_1 = require("../mail/lookupFolder.step");
const lookupMails_step_1 = require("../mail/lookupMails.step");
const moveMail_step_1 = require("../mail/moveMail.step");
const sendMail_step_1 = require("../mail/sendMail.step");
const updateMail_step_1 = require("../mail/updateMail.step");
exports.STEPS = [
    getNewMail_step_1.getNewMail, getNewAndUpdatedEvents_step_1.getNewAndUpdatedEvents, getUpcomingEvents_step_1.getUpcomingEvents, getNewAndUpdatedContacts_step_1.getNewAndUpdatedContacts,
    sendMail_step_1.sendMail, createEvent_step_1.createEvent, checkAvailability_step_1.checkAvailability, findMeetingTimes_step_1.findMeetingTimes, createContact_step_1.createContact, updateContact_step_1.updateContact, upsertContact_step_1.upsertContact, lookupContact_step_1.lookupContact, deleteContact_step_1.deleteContact,
    getMail_step_1.getMail, lookupMails_step_1.lookupMails, moveMail_step_1.moveMail, copyMail_step_1.copyMail, updateMail_step_1.updateMail, deleteMail_step_1.deleteMail, lookupFolder_step_1.lookupFolder,
];
