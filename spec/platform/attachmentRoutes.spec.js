'use strict';

// How the files of an incoming message travel to Graph, decided before any request: inside the
// request that creates the mail while they fit Graph's 4,000,000-byte request limit, the other
// small ones one POST each, files too large for one request through an upload session. Every
// boundary is crossed on the wire, against a stand-in for Graph that measures each request, with
// the files read from a fake Maester; and the whole path carries a 140 MB file.
const { expect } = require('chai');
const { failureOf } = require('../helpers/failure');
const { LOGIN, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { MiB, patternStream, patternSha256 } = require('../helpers/bytes');
const { fakeMaester } = require('../helpers/fakeMaester');
const { fakeOutlook } = require('../helpers/fakeOutlook');
const { withRealHttp } = require('../helpers/realHttp');
const { createSession } = require('../../lib/graph/session');
const { fileAttachmentBody } = require('../../lib/graph/attachments');
const {
  GRAPH_REQUEST_LIMIT_BYTES, base64Length, requestBytes, planAttachments, routeAttachments, inlineRoom, downloadAttachments,
} = require('../../lib/platform/attachments');
const { measureAttachments } = require('../../lib/platform/readAttachment');
const { addDraftAttachments } = require('../../lib/platform/draftAttachments');
const { buildSendMailRequest } = require('../../lib/graph/outgoingMail');
const { parseMailInput } = require('../../lib/validation/mailInput');

const RAISED = { OUTLOOK_ATTACHMENT_MAX_BYTES: '150000000' };
const draftOf = (body = '') => parseMailInput({ to: 'ann@example.com', subject: 'Files', body });
const sized = (name, size) => ({ name, size, contentType: 'application/octet-stream' });

/** A body long enough that the request `shape` builds with one empty file leaves exactly `room` bytes. */
function bodyLeaving(room, file, shape) {
  const probe = (n) => requestBytes(shape(buildSendMailRequest(draftOf('x'.repeat(n)), [{ ...file, bytes: Buffer.alloc(0) }])));
  return 'x'.repeat(GRAPH_REQUEST_LIMIT_BYTES - room - probe(0));
}
const asSendMail = (request) => request;
const asDraft = (request) => request.message;


describe('platform/attachments: routing files to Graph within its request limit', function () {
  this.timeout(120000);

  it('keeps a set that fits inside the one request', () => {
    const build = (files) => buildSendMailRequest(draftOf('hello'), files);
    const files = [sized('a.txt', 1000), sized('b.png', 500000)];
    expect(routeAttachments(files, build)).to.deep.equal({ inline: files, post: [], session: [] });
  });

  it('puts as many small files inline as fit (smallest first), the others one POST each, none in a session', () => {
    const build = (files) => buildSendMailRequest(draftOf('hello'), files);
    const files = ['a', 'b', 'c', 'd', 'e'].map((n, i) => sized(`${n}.bin`, 1 * MiB + i));
    const routes = routeAttachments(files, build);
    expect(routes.inline.map((f) => f.name)).to.deep.equal(['a.bin', 'b.bin']);
    expect(routes.post.map((f) => f.name)).to.deep.equal(['c.bin', 'd.bin', 'e.bin']);
    expect(routes.session).to.deep.equal([]);
  });

  it('sends through an upload session exactly the files whose own POST would exceed the limit', () => {
    const build = (files) => buildSendMailRequest(draftOf(''), files);
    const file = sized('edge.bin', 0);
    const overhead = requestBytes(fileAttachmentBody(file, Buffer.alloc(0)));
    const largestAlone = Math.floor((GRAPH_REQUEST_LIMIT_BYTES - overhead) / 4) * 3;
    expect(overhead + base64Length(largestAlone)).to.be.at.most(GRAPH_REQUEST_LIMIT_BYTES);
    const routes = routeAttachments([sized('edge.bin', largestAlone), sized('over.bin', largestAlone + 1), sized('big.bin', 40 * MiB)], build);
    expect(routes.session.map((f) => f.name)).to.deep.equal(['over.bin', 'big.bin']);
    expect([...routes.inline, ...routes.post].map((f) => f.name)).to.deep.equal(['edge.bin']);
  });

  it('refuses, before anything is read, files together above Graph\'s 150 MB, a file above the limit, and a mail too large on its own', async () => {
    const build = (files) => buildSendMailRequest(draftOf(''), files);
    const together = await failureOf(() => routeAttachments([sized('a', 100 * MiB), sized('b', 50 * MiB)], build, { env: RAISED }));
    expect(together.message).to.equal('attachments: the files take 157,286,400 bytes together, over the 150,000,000 bytes Microsoft Graph accepts in one mail (and the mailbox may allow less: 35 MB unless an administrator raised it); send fewer or smaller files');
    const one = await failureOf(() => routeAttachments([sized('b.iso', 101 * MiB)], build, { env: {} }));
    expect(one.message).to.match(/^attachments\["b\.iso"\]: is 105,906,176 bytes, more than the 104,857,600 bytes accepted per file; /);
    const body = await failureOf(() => routeAttachments([sized('a', 10)], (files) => buildSendMailRequest(draftOf('x'.repeat(3 * MiB)), files).message && { pad: 'y'.repeat(4100000), files }));
    expect(body.field).to.equal('body');
  });

  describe('on the wire', () => {
    withRealHttp();
    let maester;
    let outlook;
    let session;
    beforeEach(async () => {
      maester = await fakeMaester();
      outlook = await fakeOutlook();
      session = createSession(cfgWith(), createContext(), { endpoints: { graph: outlook.origin, login: LOGIN } });
    });
    afterEach(async () => {
      await maester.close();
      await outlook.close();
    });

    async function incoming(files, env = maester.env) {
      const attachments = {};
      for (const [name, size, seed] of files) attachments[name] = { url: await maester.seed(patternStream(size, seed)), size, 'content-type': 'application/octet-stream' };
      return measureAttachments(planAttachments(attachments, { env }), { env });
    }

    it('the inline boundary: a file that brings the request to exactly 4,000,000 bytes goes inline in one sendMail', async () => {
      const size = 2900001; // a multiple of 3: one byte more adds a base64 group
      const body = bodyLeaving(base64Length(size), sized('edge.bin', 0), asSendMail);
      const build = (files) => buildSendMailRequest(draftOf(body), files);
      const files = await incoming([['edge.bin', size, 21]]);
      const routes = routeAttachments(files, build);
      expect(routes.inline).to.have.length(1);
      const inline = await downloadAttachments(routes.inline, inlineRoom(routes.inline, build), { env: maester.env });
      await session.post('/me/sendMail', build(inline), { idempotent: false });
      const sent = outlook.requests.find((r) => r.path === '/v1.0/me/sendMail');
      expect(sent.bodyBytes).to.equal(GRAPH_REQUEST_LIMIT_BYTES);
      const [attached] = [...outlook.messages.values()][0].attachments;
      expect(attached.sha256).to.equal(await patternSha256(size, 21));
    });

    it('one byte over the boundary: the mail becomes a draft and the file its own POST, within the limit', async () => {
      const size = 2900001; // a multiple of 3: one byte more adds a base64 group
      const body = bodyLeaving(base64Length(size), sized('edge.bin', 0), asDraft);
      const build = (files) => asDraft(buildSendMailRequest(draftOf(body), files));
      // Exactly at the boundary it would still go inside the draft.
      expect(routeAttachments([sized('edge.bin', size)], build).inline).to.have.length(1);
      const files = await incoming([['edge.bin', size + 1, 22]]);
      const routes = routeAttachments(files, build);
      expect(routes).to.deep.include({ inline: [], session: [] });
      expect(routes.post).to.have.length(1);
      const { body: draft } = await session.post('/me/messages', build([]));
      await addDraftAttachments(session, `/me/messages/${draft.id}`, routes, { env: maester.env });
      const post = outlook.requests.find((r) => r.path === `/v1.0/me/messages/${draft.id}/attachments` && r.method === 'POST');
      expect(post.bodyBytes).to.be.at.most(GRAPH_REQUEST_LIMIT_BYTES);
      expect(outlook.messages.get(draft.id).attachments[0].sha256).to.equal(await patternSha256(size + 1, 22));
    });

    it('a small file whose POST answer was lost is not attached twice', async () => {
      const build = (files) => buildSendMailRequest(draftOf('x'.repeat(3000000)), files).message;
      const files = await incoming([['lost.bin', 800000, 23]]);
      const routes = routeAttachments(files, build);
      expect(routes.post).to.have.length(1);
      const { body: draft } = await session.post('/me/messages', build([]));
      outlook.faults.create.push({ kind: 'lostAfterStore' });
      const added = await addDraftAttachments(session, `/me/messages/${draft.id}`, routes, { env: maester.env });
      const attachments = outlook.messages.get(draft.id).attachments;
      expect(attachments).to.have.length(1);
      expect(added[0].attachmentId).to.equal(attachments[0].id);
    });

    it('the whole way out of the platform: small, 1 MB, 40 MB and 140 MB files (limit raised) onto one draft, byte for byte', async () => {
      const env = { ...maester.env, ...RAISED };
      const build = (files) => buildSendMailRequest(draftOf('See the files.'), files).message;
      const spec = [['note.txt', 2000, 31], ['one.bin', 1 * MiB, 32], ['forty.bin', 40 * MiB, 33], ['big.mov', 140 * MiB, 34]];
      // 40 + 140 MB together exceed one mail's 150 MB, so the large ones go on two drafts.
      for (const group of [spec.slice(0, 3), [spec[3]]]) {
        const files = await incoming(group, env);
        const routes = routeAttachments(files, build, { env });
        const inline = await downloadAttachments(routes.inline, inlineRoom(routes.inline, build), { env });
        const { body: draft } = await session.post('/me/messages', build(inline));
        await addDraftAttachments(session, `/me/messages/${draft.id}`, routes, { env });
        const attachments = outlook.messages.get(draft.id).attachments;
        expect(attachments.map((a) => a.name).sort()).to.deep.equal(group.map(([name]) => name).sort());
        for (const [name, size, seed] of group) expect(attachments.find((a) => a.name === name).sha256, name).to.equal(await patternSha256(size, seed));
      }
      const puts = [...outlook.sessions.values()].flatMap((s) => s.puts);
      expect(puts.every((p) => p.authorization === undefined && p.length < 4000000)).to.equal(true);
      // The storage token went to the storage only, the Graph token to Graph only.
      expect(maester.requests.every((r) => r.authorization === `Bearer ${maester.token}`)).to.equal(true);
      expect(outlook.requests.every((r) => r.authorization === undefined || r.authorization === 'Bearer at-current-0123456789')).to.equal(true);
    });

    it('skips files a reused draft already carries', async () => {
      const build = (files) => buildSendMailRequest(draftOf('x'), files).message;
      const files = await incoming([['forty.bin', 5 * MiB, 41]]);
      const routes = routeAttachments(files, build);
      const { body: draft } = await session.post('/me/messages', build([]));
      await addDraftAttachments(session, `/me/messages/${draft.id}`, routes, { env: maester.env });
      const again = await addDraftAttachments(session, `/me/messages/${draft.id}`, routes, { env: maester.env, skipPresent: true });
      expect(outlook.messages.get(draft.id).attachments).to.have.length(1);
      expect(again[0].attachmentId).to.equal(outlook.messages.get(draft.id).attachments[0].id);
      expect(outlook.sessions.size).to.equal(1);
    });
  });
});
