"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STEPS = void 0;
/**
 * The registry: every step's descriptor, in the order component.json lists them (and the platform
 * shows them) within triggers and within actions.
 */
const createEvent_step_1 = require("../calendar/createEvent.step");
const getNewAndUpdatedEvents_step_1 = require("../calendar/getNewAndUpdatedEvents.step");
const getNewMail_step_1 = require("../mail/getNewMail.step");
const createDraft_step_1 = require("../mail/createDraft.step");
const forwardMail_step_1 = require("../mail/forwardMail.step");
const replyToMail_step_1 = require("../mail/replyToMail.step");
const sendDraft_step_1 = require("../mail/sendDraft.step");
const sendMail_step_1 = require("../mail/sendMail.step");
exports.STEPS = [getNewMail_step_1.getNewMail, getNewAndUpdatedEvents_step_1.getNewAndUpdatedEvents, sendMail_step_1.sendMail, replyToMail_step_1.replyToMail, forwardMail_step_1.forwardMail, createDraft_step_1.createDraft, sendDraft_step_1.sendDraft, createEvent_step_1.createEvent];
