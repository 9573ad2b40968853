'use strict';

// forwardMail in the real sailor: a mail forwarded with its attachment to another mailbox of the
// tenant, once, not again when the message is delivered again or an answer is lost; a forward
// without a recipient is rejected.
const { sendingStepSpec } = require('./helpers/sending');

sendingStepSpec({
  step: 'forwardMail',
  title: 'Forward Mail',
  happy: (s, tag) => {
    const subject = `E2E specs ${tag}`;
    const messageId = s.graph.control.addMail({ subject, from: 'ann@fabrikam.example', attachments: [{ name: 'spec.pdf', size: 5000, contentType: 'application/pdf' }] }).id;
    return { body: { messageId, to: s.graph.mailboxes.secondary, body: 'FYI' }, subject: `FW: ${subject}` };
  },
  bad: { messageId: 'AAMkAGI2=', body: 'No recipient' },
  badField: 'to',
});
