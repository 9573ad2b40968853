"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STEPS = void 0;
/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
const createEvent_step_1 = require("../calendar/createEvent.step");
const getNewAndUpdatedEvents_step_1 = require("../calendar/getNewAndUpdatedEvents.step");
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
    getNewMail_step_1.getNewMail, getNewAndUpdatedEvents_step_1.getNewAndUpdatedEvents, sendMail_step_1.sendMail, createEvent_step_1.createEvent,
    getMail_step_1.getMail, lookupMails_step_1.lookupMails, moveMail_step_1.moveMail, copyMail_step_1.copyMail, updateMail_step_1.updateMail, deleteMail_step_1.deleteMail, lookupFolder_step_1.lookupFolder,
];
