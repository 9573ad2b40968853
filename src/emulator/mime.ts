/**
 * `GET /messages/{id}/$value`: a message as MIME (RFC 5322 headers, then multipart/mixed with its
 * attachments base64-encoded in 76-character lines when it has any), the way Outlook renders it
 * (message-get.md "Get MIME content", concepts/outlook-get-mime-message.md), with the published
 * example's Content-Type (`text/plain`). Produced chunk by chunk: a mail with a 140 MB attachment
 * is never held whole.
 */
import { attachmentContent, attachmentsOf } from './attachments';
import type { EmailAddress, StoredMessage } from './model';

const CRLF = '\r\n';
/** 57 bytes make one 76-character base64 line; chunks of whole lines keep lines whole. */
const LINE_BYTES = 57;
const BLOCK_BYTES = LINE_BYTES * 1024;

const address = (a: EmailAddress): string => (a.name ? `${JSON.stringify(a.name)} <${a.address}>` : a.address);
const list = (addresses: readonly EmailAddress[]): string => addresses.map(address).join(', ');

/** RFC 2047 for a header that is not plain ASCII. */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?utf-8?B?${Buffer.from(text).toString('base64')}?=`;
}

function headers(message: StoredMessage): string[] {
  const lines = [
    `From: ${address(message.from)}`,
    ...(message.sender.address !== message.from.address ? [`Sender: ${address(message.sender)}`] : []),
    ...(message.to.length ? [`To: ${list(message.to)}`] : []),
    ...(message.cc.length ? [`CC: ${list(message.cc)}`] : []),
    ...(message.bcc.length ? [`BCC: ${list(message.bcc)}`] : []),
    ...(message.replyTo.length ? [`Reply-To: ${list(message.replyTo)}`] : []),
    `Subject: ${headerText(message.subject)}`,
    `Date: ${new Date(message.sentAt).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${message.internetMessageId}`,
    ...(message.importance !== 'normal' ? [`Importance: ${message.importance}`] : []),
    'MIME-Version: 1.0',
  ];
  return lines;
}

/** Base64 in whole 76-character lines, from a stream of any chunking. */
async function* base64Lines(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  const lines = (bytes: Buffer): Buffer => {
    const text = bytes.toString('base64').replace(/.{76}/g, `$&${CRLF}`);
    return Buffer.from(text.endsWith(CRLF) ? text : `${text}${CRLF}`);
  };
  for await (const chunk of chunks) {
    const bytes = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % BLOCK_BYTES);
    if (whole) yield lines(bytes.subarray(0, whole));
    rest = Buffer.from(bytes.subarray(whole));
  }
  if (rest.length) yield lines(rest);
}

export async function* messageMime(message: StoredMessage): AsyncGenerator<Buffer> {
  const body = Buffer.from(message.body.content);
  const bodyType = `text/${message.body.contentType === 'html' ? 'html' : 'plain'}; charset="utf-8"`;
  const parts = attachmentsOf(message).filter((ref) => ref.attachment.kind !== 'reference');
  if (!parts.length) {
    yield Buffer.from([...headers(message), `Content-Type: ${bodyType}`, 'Content-Transfer-Encoding: base64', '', ''].join(CRLF));
    yield* base64Lines([body]);
    return;
  }
  const boundary = `_004_${message.immutableId.slice(-24).replace(/[^A-Za-z0-9]/g, '')}_`;
  yield Buffer.from([
    ...headers(message), `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
    `--${boundary}`, `Content-Type: ${bodyType}`, 'Content-Transfer-Encoding: base64', '', '',
  ].join(CRLF));
  yield* base64Lines([body]);
  for (const ref of parts) {
    const { attachment: a } = ref;
    const content = attachmentContent(ref);
    const type = a.kind === 'item' ? 'message/rfc822' : a.contentType;
    const disposition = a.isInline ? 'inline' : 'attachment';
    yield Buffer.from([
      '', `--${boundary}`, `Content-Type: ${type}; name="${a.name}"`, `Content-Disposition: ${disposition}; filename="${a.name}"; size=${content.length}`,
      ...(a.contentId ? [`Content-ID: <${a.contentId}>`] : []), 'Content-Transfer-Encoding: base64', '', '',
    ].join(CRLF));
    yield* base64Lines(content.chunks());
  }
  yield Buffer.from(`${CRLF}--${boundary}--${CRLF}`);
}
