"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STEPS = void 0;
/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
const createEvent_step_1 = require("../calendar/createEvent.step");
const getEventChanges_step_1 = require("../calendar/getEventChanges.step");
const getNewAndUpdatedEvents_step_1 = require("../calendar/getNewAndUpdatedEvents.step");
const getMailFolderChanges_step_1 = require("../mail/getMailFolderChanges.step");
const getNewMail_step_1 = require("../mail/getNewMail.step");
const sendMail_step_1 = require("../mail/sendMail.step");
exports.STEPS = [getNewMail_step_1.getNewMail, getNewAndUpdatedEvents_step_1.getNewAndUpdatedEvents, getMailFolderChanges_step_1.getMailFolderChanges, getEventChanges_step_1.getEventChanges, sendMail_step_1.sendMail, createEvent_step_1.createEvent];
