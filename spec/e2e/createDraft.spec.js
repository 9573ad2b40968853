'use strict';

// createDraft in the real sailor: one draft per message, the same draft when the message is
// delivered again; a draft without recipients is rejected.
const { sendingStepSpec } = require('./helpers/sending');

sendingStepSpec({
  step: 'createDraft',
  title: 'Create Draft',
  happy: (s, tag) => ({ body: { to: s.graph.mailboxes.secondary, subject: `E2E draft ${tag}`, body: 'For later.' } }),
  bad: { subject: 'Nobody to send to' },
  badField: 'to',
  done: 'alreadyCreated',
  sends: false,
});
