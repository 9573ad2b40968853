'use strict';

// replyToMail in the real sailor: a reply to a mail of another mailbox of the tenant, sent once,
// not again when the message is delivered again or an answer is lost; a bad id is rejected.
const { sendingStepSpec } = require('./helpers/sending');

sendingStepSpec({
  step: 'replyToMail',
  title: 'Reply to Mail',
  happy: (s, tag) => {
    const subject = `E2E question ${tag}`;
    const messageId = s.graph.control.addMail({ subject, from: `Megan Bowen <${s.graph.mailboxes.secondary}>`, body: '<p>Can you confirm?</p>' }).id;
    return { body: { messageId, body: 'Confirmed.', cc: 'ops@fabrikam.example' }, subject: `RE: ${subject}` };
  },
  bad: { messageId: '', body: 'Never sent' },
  badField: 'messageId',
});
