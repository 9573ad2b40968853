'use strict';

// The e2e checks every sending step shares, through the real sailor on the emulator (sending is
// asynchronous there: a submitted mail waits in the Outbox for a moment): the mail is sent once
// and emitted; the same message delivered again (its messageId replayed, as the platform does
// after a lost acknowledgement) emits alreadySent and sends nothing; a lost answer to /send is
// looked into, not repeated; a bad input is rejected naming its field, with no write.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./scenario');

const WRITES = /^(POST|PATCH|PUT|DELETE) /;
const writes = (stats) => Object.entries(stats.byRoute).filter(([route]) => WRITES.test(route)).reduce((sum, [, n]) => sum + n, 0);

/**
 * @param {object} o
 * @param {string} o.step the step id
 * @param {(s, tag) => {body, subject}} o.happy the input of a mail, and the subject it is sent with
 * @param {object} o.bad an input refused before any request; o.badField the field it names
 * @param {string} [o.done] the output flag of a redelivery (alreadySent; Create Draft: alreadyCreated)
 * @param {boolean} [o.sends] false for Create Draft: it sends nothing
 */
function sendingStepSpec({ step: func, title, happy, bad, badField, done = 'alreadySent', sends = true }) {
  describe(`e2e: ${func} (${title}) in sailor`, function () {
    const s = useScenario({ emulator: { sendDelayMs: 2000 } });
    let step;
    let first;

    before(async () => {
      step = await s.startStep(func, s.graph.credential());
    });

    it('does its work once, emits it as data and acks the input; the same message delivered again emits it again, flagged, and writes nothing', async () => {
      const { body, subject } = await happy(s, randomBytes(4).toString('hex'));
      const run = await step.run({ body });
      expect(run.errors).to.deep.equal([]);
      expect(run.outcome).to.equal('ack');
      expect(run.data).to.have.length(1);
      expect(run.data[0].body).to.include({ [done]: false });
      first = run.data[0].body;
      const writesBefore = writes(s.graph.control.stats());
      const again = await step.run({ body, messageId: run.messageId });
      expect(again.outcome).to.equal('ack');
      expect(again.data[0].body).to.include({ [done]: true, id: first.id });
      expect(writes(s.graph.control.stats()) - writesBefore, 'writes of the redelivery').to.equal(0);
      if (sends) expect(s.graph.control.sent().filter((m) => m.subject === subject), 'mails sent').to.have.length(1);
    });

    if (sends) {
      it('a lost answer to /send (504 after Outlook took it) is looked into: reported sent once, not sent again', async () => {
        const { body, subject } = await happy(s, randomBytes(4).toString('hex'));
        s.graph.control.setFaults([{ match: { method: 'POST', path: '/send$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
        try {
          const run = await step.run({ body });
          expect(run.errors).to.deep.equal([]);
          expect(run.outcome).to.equal('ack');
          expect(run.data[0].body).to.include({ alreadySent: false });
        } finally {
          s.graph.control.clearFaults();
        }
        expect(s.graph.control.sent().filter((m) => m.subject === subject), 'mails sent').to.have.length(1);
      });
    }

    it('turns a bad input into an error naming the field, writes nothing and rejects the input', async () => {
      const before = writes(s.graph.control.stats());
      const run = await step.run({ body: bad });
      expect(run.outcome).to.equal('reject');
      expect(run.data).to.deep.equal([]);
      expect(run.errors).to.have.length(1);
      expect(run.errors[0].message, 'names the field').to.match(new RegExp(`^${badField}(\\[\\d+\\])?: `));
      expect(writes(s.graph.control.stats()), 'writes').to.equal(before);
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });

    s.itPrintedNoSecrets();
  });
}

module.exports = { sendingStepSpec };
