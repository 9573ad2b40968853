'use strict';
const { expect } = require('chai');
const { mailLine, utcTime } = require('../../lib/cli/summary');

/** A UTF-16 half of a character: what cutting an emoji in two leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cli/summary', () => {
  it('shortens a long subject by characters, never cutting an emoji in half', () => {
    const line = mailLine({ receivedDateTime: '2026-03-10T09:00:00Z', subject: `${'🎉'.repeat(60)}`, from: { emailAddress: { name: '📣 News' } }, isRead: true });
    expect(line).not.to.match(LONE_SURROGATE);
    expect(line).to.include(`${'🎉'.repeat(49)}…`);
    expect(line).not.to.include('🎉'.repeat(50));
  });

  it('keeps a subject that fits whole', () => {
    expect(mailLine({ receivedDateTime: '2026-03-10T09:00:00Z', subject: 'x'.repeat(50), isRead: true })).to.match(/ x{50}$/);
  });

  it('labels an instant as UTC', () => {
    expect(utcTime('2026-03-10T09:05:07.1234567Z')).to.equal('2026-03-10 09:05 UTC');
    expect(utcTime(undefined)).to.equal('?');
  });
});
