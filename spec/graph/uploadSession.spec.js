'use strict';

// Large attachments through an upload session, against a stand-in for Graph and Outlook's upload
// URL: ranges under 4 MB, in order, with Content-Range and Content-Length and WITHOUT an
// Authorization header; 429 honoured on Graph's clock; a lost answer resumed from where the
// session stands; an expired session, a refused mailbox and a source of the wrong length named.
const { expect } = require('chai');
const { failureOf } = require('../helpers/failure');
const { LOGIN, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { MiB, patternStream, patternSha256 } = require('../helpers/bytes');
const { fakeOutlook } = require('../helpers/fakeOutlook');
const { withRealHttp } = require('../helpers/realHttp');
const { createSession } = require('../../lib/graph/session');
const { uploadLargeAttachment, UPLOAD_CHUNK_BYTES, nextExpectedOffset } = require('../../lib/graph/uploadSession');

const TOKEN = 'Bearer at-current-0123456789';

function sessionFor(outlook) {
  const waits = [];
  const sleep = async (ms) => { waits.push(ms); };
  const session = createSession(cfgWith(), createContext(), { endpoints: { graph: outlook.origin, login: LOGIN }, sleep });
  // The upload's own waits (429, lost answers) are recorded, not slept.
  const upload = (path, file, open) => uploadLargeAttachment(session, path, file, open, { sleep });
  return { session, waits, upload };
}


const DRAFT = '/me/messages/draft-1';
const fileOf = (size, name = 'video.mp4') => ({ name, size, contentType: 'video/mp4' });

describe('graph/uploadSession: large attachments', function () {
  this.timeout(60000);
  withRealHttp();
  let outlook;
  afterEach(async () => { if (outlook) await outlook.close(); outlook = undefined; });

  it('reads nextExpectedRanges as Microsoft writes them', () => {
    expect(nextExpectedOffset(['0-'])).to.equal(0);
    expect(nextExpectedOffset(['2097152'])).to.equal(2097152);
    expect(nextExpectedOffset(['1998457-2097094', '3000000-'])).to.equal(1998457);
    expect(nextExpectedOffset([])).to.equal(undefined);
    expect(nextExpectedOffset(undefined)).to.equal(undefined);
  });

  it('uploads 40 MB in order, in ranges under 4 MB, with no Authorization on the upload URL', async () => {
    outlook = await fakeOutlook();
    const { upload } = sessionFor(outlook);
    const size = 40 * MiB;
    let opens = 0;
    const result = await upload(DRAFT, { ...fileOf(size), isInline: true, contentId: 'clip1' }, async () => { opens += 1; return patternStream(size, 7); });

    const create = outlook.requests.find((r) => r.path.endsWith('/createUploadSession'));
    expect(create.authorization).to.equal(TOKEN);
    expect(create.body).to.deep.equal({ AttachmentItem: { attachmentType: 'file', name: 'video.mp4', size, contentType: 'video/mp4', isInline: true, contentId: 'clip1' } });
    const [stored] = [...outlook.sessions.values()];
    expect(stored.puts).to.have.length(Math.ceil(size / UPLOAD_CHUNK_BYTES));
    expect(UPLOAD_CHUNK_BYTES).to.equal(3932160).and.be.below(4000000);
    let expectedStart = 0;
    for (const put of stored.puts) {
      const end = Math.min(expectedStart + UPLOAD_CHUNK_BYTES, size) - 1;
      expect(put.range).to.equal(`bytes ${expectedStart}-${end}/${size}`);
      expect(put.length).to.equal(end - expectedStart + 1);
      expect(put.authorization).to.equal(undefined);
      expect(put.contentType).to.equal('application/octet-stream');
      expectedStart = end + 1;
    }
    expect(stored.sha256).to.equal(await patternSha256(size, 7));
    expect(result.attachmentId).to.equal(outlook.messages.get('draft-1').attachments[0].id);
    expect(result.puts).to.equal(stored.puts.length);
    expect(opens).to.equal(1);
  });

  for (const [kind, resent] of [['lostAfterStore', false], ['lostBeforeStore', true]]) {
    it(`resumes from where the session stands after a lost answer (${resent ? 'range not kept: sent again' : 'range kept: not sent again'})`, async () => {
      outlook = await fakeOutlook();
      const { upload, waits } = sessionFor(outlook);
      const size = 12 * MiB;
      outlook.faults.put.push({ put: 2, kind });
      let opens = 0;
      await upload(DRAFT, fileOf(size), async () => { opens += 1; return patternStream(size, 8); });
      const [stored] = [...outlook.sessions.values()];
      const ranges = stored.puts.map((p) => p.range);
      const second = `bytes ${UPLOAD_CHUNK_BYTES}-${2 * UPLOAD_CHUNK_BYTES - 1}/${size}`;
      expect(ranges.filter((r) => r === second)).to.have.length(resent ? 2 : 1);
      // Asked where the session stands, without a token, before sending anything more.
      const statusAsks = outlook.requests.filter((r) => r.method === 'GET' && r.path.includes('AttachmentSessions'));
      expect(statusAsks).to.have.length(1);
      expect(statusAsks[0].authorization).to.equal(undefined);
      expect(stored.sha256).to.equal(await patternSha256(size, 8));
      expect(waits).to.have.length(1);
      // The current range was still in memory: the source was not read again.
      expect(opens).to.equal(1);
    });
  }

  it('after a lost answer to the last range, finds the attachment on the draft instead of uploading again', async () => {
    outlook = await fakeOutlook();
    const { upload } = sessionFor(outlook);
    const size = 5 * MiB;
    outlook.faults.put.push({ put: 2, kind: 'lostAfterStore' });
    const result = await upload(DRAFT, fileOf(size, 'last.bin'), async () => patternStream(size, 9));
    const attachments = outlook.messages.get('draft-1').attachments;
    expect(attachments).to.have.length(1);
    expect(result.attachmentId).to.equal(attachments[0].id);
    expect(outlook.sessions.size).to.equal(1);
  });

  it('waits out a 429 on a range for its Retry-After, measured against the answer\'s Date, then sends the range again', async () => {
    // Graph's clock is an hour behind the container's: measured locally, the date would be long past.
    outlook = await fakeOutlook({ clockOffsetMs: -3600 * 1000 });
    const { upload, waits } = sessionFor(outlook);
    const size = 6 * MiB;
    outlook.faults.put.push({ put: 1, kind: 'throttle', retryAfter: (now) => new Date(now + 7000).toUTCString() });
    outlook.faults.put.push({ put: 3, kind: 'throttle', retryAfter: () => '2' });
    await upload(DRAFT, fileOf(size), async () => patternStream(size, 10));
    const [stored] = [...outlook.sessions.values()];
    expect(stored.puts.map((p) => p.range)).to.deep.equal([
      `bytes 0-${UPLOAD_CHUNK_BYTES - 1}/${size}`,
      `bytes 0-${UPLOAD_CHUNK_BYTES - 1}/${size}`,
      `bytes ${UPLOAD_CHUNK_BYTES}-${size - 1}/${size}`,
      `bytes ${UPLOAD_CHUNK_BYTES}-${size - 1}/${size}`,
    ]);
    expect(waits[0]).to.be.within(6000, 7000);
    expect(waits[1]).to.equal(2000);
    expect(stored.sha256).to.equal(await patternSha256(size, 10));
  });

  it('resumes from an earlier range by reading the source again, keeping only one range in memory', async () => {
    outlook = await fakeOutlook();
    const { upload } = sessionFor(outlook);
    const size = 10 * MiB;
    // The server loses what it had at the third range and asks for the file from byte 0 again.
    outlook.faults.put.push({ put: 3, kind: 'forget' });
    let opens = 0;
    await upload(DRAFT, fileOf(size), async () => { opens += 1; return patternStream(size, 11); });
    expect(opens).to.equal(2);
    const [stored] = [...outlook.sessions.values()];
    expect(stored.puts.map((p) => p.range.split('/')[0])).to.deep.equal(['bytes 0-3932159', 'bytes 3932160-7864319', 'bytes 7864320-10485759', 'bytes 0-3932159', 'bytes 3932160-7864319', 'bytes 7864320-10485759']);
    expect(stored.sha256).to.equal(await patternSha256(size, 11));
  });

  it('stops before sending once the session has expired on Graph\'s clock, and names an expiry Graph reports', async () => {
    outlook = await fakeOutlook({ sessionLifetimeMs: 0 });
    const { upload } = sessionFor(outlook);
    const early = await failureOf(upload(DRAFT, fileOf(5 * MiB, 'late.bin'), async () => patternStream(5 * MiB)));
    expect(early.name).to.equal('GraphRequestError');
    expect(early.code).to.equal('uploadSessionExpired');
    expect(early.message).to.match(/^attachments\["late\.bin"\]: the upload session expired after 0 of 5,242,880 bytes \(Graph set it to expire at \d{4}-\d\d-\d\dT[\d:.]+Z\); nothing was attached\. Retry the message; if it keeps happening, the connection to 127\.0\.0\.1:\d+ is too slow for a file of this size$/);
    expect([...outlook.sessions.values()][0].puts).to.have.length(0);
    await outlook.close();

    outlook = await fakeOutlook();
    const fresh = sessionFor(outlook).upload;
    outlook.faults.put.push({ put: 2, kind: 'status', status: 404 });
    const gone = await failureOf(fresh(DRAFT, fileOf(9 * MiB, 'gone.bin'), async () => patternStream(9 * MiB)));
    expect(gone.message).to.match(/^attachments\["gone\.bin"\]: the upload session no longer exists after 3,932,160 of 9,437,184 bytes \(Graph set it to expire at .*\); nothing was attached\. Retry the message/);
  });

  it('says what Microsoft documents when a mailbox refuses the upload with 403 (shared or delegated mailboxes)', async () => {
    outlook = await fakeOutlook();
    const { upload } = sessionFor(outlook);
    outlook.faults.create.push({ status: 403, code: 'ErrorAccessDenied' });
    const err = await failureOf(upload(DRAFT, fileOf(5 * MiB, 'big.pdf'), async () => patternStream(5 * MiB)));
    expect(err.statusCode).to.equal(403);
    expect(err.message).to.include('attachments["big.pdf"]: Outlook POST /me/messages/draft-1/attachments/createUploadSession failed: HTTP 403 ErrorAccessDenied')
      .and.include('Microsoft documents that with delegated permissions, attaching large files (upload sessions) to items in a shared or delegated mailbox fails with 403, while app-only (application) permissions work');

    outlook.faults.put.push({ put: 1, kind: 'status', status: 403, code: 'ErrorAccessDenied' });
    const put = await failureOf(upload(DRAFT, fileOf(5 * MiB, 'big.pdf'), async () => patternStream(5 * MiB)));
    expect(put.message).to.match(/^attachments\["big\.pdf"\]: 127\.0\.0\.1:\d+ refused the upload at byte 0 \(HTTP 403 ErrorAccessDenied\)\. Microsoft documents that with delegated permissions/);
  });

  it('never completes an attachment from a source shorter or longer than declared', async () => {
    outlook = await fakeOutlook();
    const { upload } = sessionFor(outlook);
    const short = await failureOf(upload(DRAFT, fileOf(5 * MiB, 'short.bin'), async () => patternStream(5 * MiB - 10)));
    expect(short.message).to.equal('attachments["short.bin"]: the file ended after 5,242,870 bytes, but was declared with 5,242,880; it was not attached. Check the size the previous step gave the file');
    const long = await failureOf(upload(DRAFT, fileOf(5 * MiB, 'long.bin'), async () => patternStream(5 * MiB + 1)));
    expect(long.message).to.equal('attachments["long.bin"]: the file has more bytes than the 5,242,880 it was declared with; it was not attached. Check the size the previous step gave the file');
    // Neither sent its last range.
    for (const s of outlook.sessions.values()) expect(s.done).to.equal(false);
    expect(outlook.messages.get('draft-1')).to.equal(undefined);
  });
});
