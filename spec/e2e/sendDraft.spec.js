'use strict';

// sendDraft in the real sailor: a draft (made through the emulator's Graph, as Create Draft or a
// person would) sent once, not again when the message is delivered again or an answer is lost; a
// bad id is rejected.
const { sendingStepSpec } = require('./helpers/sending');

sendingStepSpec({
  step: 'sendDraft',
  title: 'Send Draft',
  happy: async (s, tag) => {
    const subject = `E2E agenda ${tag}`;
    const draft = await s.graph.graph('POST', '/me/messages', { body: { subject, toRecipients: [{ emailAddress: { address: s.graph.mailboxes.secondary } }] } });
    return { body: { messageId: draft.id }, subject };
  },
  bad: { messageId: 'a/../b' },
  badField: 'messageId',
});
