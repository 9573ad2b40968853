'use strict';

// A mail's attachments into the platform's storage: listed without their contents, each file
// streamed from Graph's $value into a fake Maester byte for byte; attached mails, events and
// contacts stored as .eml, .ics and .vcf; links to cloud files and files over the limit listed
// with the reason instead of failing the mail; names made unique and safe for the message.
const { expect } = require('chai');
const { LOGIN, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { MiB, patternSha256 } = require('../helpers/bytes');
const { fakeMaester } = require('../helpers/fakeMaester');
const { fakeOutlook } = require('../helpers/fakeOutlook');
const { withRealHttp } = require('../helpers/realHttp');
const { createSession } = require('../../lib/graph/session');
const { storeMailAttachments, safeFileName, uniqueName, itemFormat } = require('../../lib/platform/mailAttachments');
const { storageConfig, storageObjectId } = require('../../lib/platform/storage');

const FILE = '#microsoft.graph.fileAttachment';
const ITEM = '#microsoft.graph.itemAttachment';
const REFERENCE = '#microsoft.graph.referenceAttachment';
const MAIL = '/me/messages/m1';
const RAISED = { OUTLOOK_ATTACHMENT_MAX_BYTES: '150000000' };

const MIME_MAIL = 'Received: from mail.contoso.example\r\nSubject: Quarterly numbers\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n';
const ICAL = 'BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const VCARD = 'BEGIN:VCARD\r\nPROFILE:VCARD\r\nVERSION:3.0\r\nFN:Megan Bowen\r\nEND:VCARD\r\n';

describe('platform/mailAttachments: a mail\'s attachments into the platform', function () {
  this.timeout(120000);
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

  const stored = (url) => maester.objects.get(storageObjectId(url, storageConfig(maester.env)));

  it('streams each file into storage and returns what the body\'s attachments[] and the message\'s attachments need', async () => {
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'report.pdf', contentType: 'application/pdf', size: 40 * MiB + 157, content: { size: 40 * MiB, seed: 51 } });
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'logo.png', contentType: 'image/png', size: 2000, isInline: true, contentId: 'logo@contoso', content: { size: 1843, seed: 52 } });
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'empty.txt', contentType: 'text/plain', size: 157, content: { size: 0, seed: 53 } });
    const result = await storeMailAttachments(session, MAIL, { env: maester.env });

    const without = (entry, ...keys) => Object.fromEntries(Object.entries(entry).filter(([key]) => !keys.includes(key)));
    expect(result.attachments.every((a) => typeof a.url === 'string' && typeof a.id === 'string')).to.equal(true);
    expect(result.attachments.map((a) => without(a, 'url', 'id'))).to.deep.equal([
      { name: 'report.pdf', contentType: 'application/pdf', size: 40 * MiB, isInline: false, kind: 'file' },
      { name: 'logo.png', contentType: 'image/png', size: 1843, isInline: true, contentId: 'logo@contoso', kind: 'file' },
      { name: 'empty.txt', contentType: 'text/plain', size: 0, isInline: false, kind: 'file' },
    ]);
    expect(stored(result.attachments[0].url).sha256).to.equal(await patternSha256(40 * MiB, 51));
    expect(stored(result.attachments[1].url).sha256).to.equal(await patternSha256(1843, 52));
    expect(stored(result.attachments[0].url).contentType).to.equal('application/pdf');
    expect(result.map).to.deep.equal({
      'report.pdf': { url: result.attachments[0].url, size: 40 * MiB, 'content-type': 'application/pdf' },
      'logo.png': { url: result.attachments[1].url, size: 1843, 'content-type': 'image/png' },
      'empty.txt': { url: result.attachments[2].url, size: 0, 'content-type': 'text/plain' },
    });
    // Listed without contents, contentId through the fileAttachment cast, pages followed.
    const lists = outlook.requests.filter((r) => r.method === 'GET' && r.path === '/v1.0/me/messages/m1/attachments');
    expect(lists).to.have.length(2);
    expect(decodeURIComponent(lists[0].query)).to.equal('?$select=id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId');
    // Each token went where it belongs and nowhere else.
    expect(outlook.requests.every((r) => r.authorization === 'Bearer at-current-0123456789')).to.equal(true);
    expect(maester.requests.every((r) => r.authorization === `Bearer ${maester.token}`)).to.equal(true);
  });

  it('stores 140 MB with the limit raised; lists 101 MB at the default and 160 MB always, with the reason, without storing them', async () => {
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'big.mov', contentType: 'video/quicktime', size: 140 * MiB + 157, content: { size: 140 * MiB, seed: 54 } });
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'huge.iso', contentType: 'application/octet-stream', size: 160e6 + 157, content: { size: 160e6, seed: 55 } });
    const raised = await storeMailAttachments(session, MAIL, { env: { ...maester.env, ...RAISED } });
    expect(raised.attachments[0]).to.include({ name: 'big.mov', size: 140 * MiB });
    expect(stored(raised.attachments[0].url).sha256).to.equal(await patternSha256(140 * MiB, 54));
    expect(raised.attachments[1]).to.deep.include({ name: 'huge.iso', size: 160e6 + 157, skipped: 'not stored: it is 160,000,000 bytes, more than the 150,000,000 bytes accepted per file (the most Microsoft Graph takes)' });
    expect(raised.attachments[1].url).to.equal(undefined);
    expect(Object.keys(raised.map)).to.deep.equal(['big.mov']);

    const before = maester.requests.length;
    const standard = await storeMailAttachments(session, MAIL, { env: maester.env });
    expect(standard.attachments.map((a) => a.skipped)).to.deep.equal([
      'not stored: it is 146,800,640 bytes, more than the 104,857,600 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files',
      'not stored: it is 160,000,000 bytes, more than the 104,857,600 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files',
    ]);
    expect(standard.map).to.deep.equal({});
    expect(maester.requests.length).to.equal(before);
    // The refused downloads were closed after their headers, not read through.
    const values = outlook.requests.filter((r) => r.path.endsWith('/$value')).slice(-2);
    for (const v of values) expect(v.sent).to.be.below(10 * MiB);
  });

  it('lists a file over the limit that announced no length, once it grows past the limit', async () => {
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'sneaky.bin', contentType: 'application/octet-stream', size: 1000, content: { size: 3 * MiB, seed: 56 } });
    outlook.faults.value.push({ noLength: true });
    const result = await storeMailAttachments(session, MAIL, { env: maester.env, maxBytes: 1 * MiB });
    expect(result.attachments[0].skipped).to.equal('not stored: it is larger than the 1,048,576 bytes accepted per file; an administrator can raise that up to 150,000,000 with OUTLOOK_ATTACHMENT_MAX_BYTES if the platform\'s storage takes larger files');
    expect(maester.objects.size).to.equal(0);
  });

  it('stores attached mails, events and contacts as .eml, .ics and .vcf; lists links to cloud files without contents', async () => {
    outlook.addAttachment('m1', { '@odata.type': ITEM, name: 'Quarterly numbers', contentType: null, size: 32005, content: { text: MIME_MAIL } });
    outlook.addAttachment('m1', { '@odata.type': ITEM, name: 'Review', contentType: null, size: 9000, content: { text: ICAL } });
    outlook.addAttachment('m1', { '@odata.type': ITEM, name: 'Megan Bowen', contentType: null, size: 4000, content: { text: VCARD } });
    outlook.addAttachment('m1', { '@odata.type': REFERENCE, name: 'Sales Invoice Template.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1060, isInline: true });
    const result = await storeMailAttachments(session, MAIL, { env: maester.env });
    expect(result.attachments.map(({ name, contentType, size, kind }) => ({ name, contentType, size, kind }))).to.deep.equal([
      { name: 'Quarterly numbers.eml', contentType: 'message/rfc822', size: Buffer.byteLength(MIME_MAIL), kind: 'item' },
      { name: 'Review.ics', contentType: 'text/calendar', size: Buffer.byteLength(ICAL), kind: 'item' },
      { name: 'Megan Bowen.vcf', contentType: 'text/vcard', size: Buffer.byteLength(VCARD), kind: 'item' },
      { name: 'Sales Invoice Template.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1060, kind: 'reference' },
    ]);
    expect(result.attachments[3].skipped).to.equal('a link to a file in the cloud (OneDrive or SharePoint), not a copy of it; Microsoft Graph v1.0 gives neither its contents nor its address');
    expect(Object.keys(result.map)).to.deep.equal(['Quarterly numbers.eml', 'Review.ics', 'Megan Bowen.vcf']);
    const mime = [...maester.objects.values()].find((o) => o.contentType === 'message/rfc822');
    expect(mime.size).to.equal(Buffer.byteLength(MIME_MAIL));
    // No $value request for the link.
    const reference = outlook.messages.get('m1').attachments[3];
    expect(outlook.requests.some((r) => r.path.includes(`/attachments/${reference.id}/`))).to.equal(false);
  });

  it('makes names unique and safe as keys of the message\'s attachments', async () => {
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'scan.pdf', contentType: 'application/pdf', size: 300, content: { size: 100, seed: 1 } });
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'SCAN.pdf', contentType: 'application/pdf', size: 300, content: { size: 100, seed: 2 } });
    outlook.addAttachment('m1', { '@odata.type': FILE, name: 'Q1/Q2 figures.xlsx', contentType: 'application/vnd.ms-excel', size: 300, content: { size: 100, seed: 3 } });
    outlook.addAttachment('m1', { '@odata.type': FILE, name: '', contentType: null, size: 300, content: { size: 100, seed: 4 } });
    const result = await storeMailAttachments(session, MAIL, { env: maester.env });
    expect(result.attachments.map((a) => a.name)).to.deep.equal(['scan.pdf', 'SCAN (2).pdf', 'Q1_Q2 figures.xlsx', 'attachment']);
    expect(Object.keys(result.map)).to.have.length(4);
    expect(result.attachments[3].contentType).to.equal('application/octet-stream');
  });

  it('names, formats and uniqueness on their own', () => {
    expect(safeFileName('a\u0000b/c\\d.txt')).to.equal('ab_c_d.txt');
    expect(safeFileName('  ')).to.equal('attachment');
    expect(safeFileName('Minutes.eml', '.eml')).to.equal('Minutes.eml');
    expect(safeFileName('x'.repeat(300), '.eml')).to.have.length(255);
    const taken = new Set();
    expect(['a.txt', 'a.txt', 'A.TXT', 'b'].map((n) => uniqueName(n, taken))).to.deep.equal(['a.txt', 'a (2).txt', 'A (3).TXT', 'b']);
    expect(itemFormat(Buffer.from('\uFEFF  BEGIN:VCALENDAR\r\n'))).to.deep.equal({ extension: '.ics', contentType: 'text/calendar' });
    expect(itemFormat(Buffer.from('Received: x'))).to.deep.equal({ extension: '.eml', contentType: 'message/rfc822' });
  });
});
