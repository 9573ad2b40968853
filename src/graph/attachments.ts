/**
 * The attachments of one Outlook item (`messagePath`, e.g. /me/messages/{id}) through Graph:
 * listing them (metadata only, never the base64 contents), streaming one's raw bytes
 * (`/$value`), and adding a small file in one POST. Large files go through uploadSession.ts.
 */
import type { Readable } from 'node:stream';
import { GraphRequestError } from './errors';
import { idSegment, queryString } from './odata';
import type { GraphSession } from './session';

export const FILE_ATTACHMENT = '#microsoft.graph.fileAttachment';
export const ITEM_ATTACHMENT = '#microsoft.graph.itemAttachment';
export const REFERENCE_ATTACHMENT = '#microsoft.graph.referenceAttachment';

/**
 * What is listed. contentId exists on fileAttachment only, so it is selected through a type cast:
 * plain `contentId` on the attachments collection is refused with 400. No contentBytes: a listing
 * with them carries every file as base64.
 */
const LIST_QUERY = queryString({ select: ['id', 'name', 'contentType', 'size', 'isInline', 'microsoft.graph.fileAttachment/contentId'] });

/** One attachment as listed: metadata only. */
export interface AttachmentInfo {
  id: string;
  name: string;
  /** As Graph reports it; null for item attachments. */
  contentType: string | null;
  /** Graph's size of the attachment: its bytes plus some metadata, so a little more than the file. */
  size: number;
  isInline: boolean;
  contentId?: string | null;
  '@odata.type': string;
}

/** Every attachment of the item, page by page (an item has at most a few hundred). */
export async function listAttachments(session: GraphSession, messagePath: string): Promise<AttachmentInfo[]> {
  return session.all<AttachmentInfo>(`${messagePath}/attachments${LIST_QUERY}`);
}

/** The attachment's raw contents: a file's bytes; an attached mail, event or contact as MIME. */
export async function openAttachmentValue(session: GraphSession, messagePath: string, attachmentId: string, timeoutMs: number): Promise<{ body: Readable; contentLength: number | undefined; contentType: string | undefined }> {
  const { body, headers } = await session.getStream(`${messagePath}/attachments/${idSegment(attachmentId, 'attachmentId')}/$value`, { timeoutMs });
  const length = headers.get('content-length');
  return {
    body,
    contentLength: length && /^\d+$/.test(length) ? Number(length) : undefined,
    contentType: headers.get('content-type') ?? undefined,
  };
}

/** A file to attach, as the steps describe it. */
export interface OutgoingFile {
  name: string;
  contentType: string;
  /** For inline images of an HTML body: shown where the body says <img src="cid:{contentId}">. */
  isInline?: boolean;
  contentId?: string;
}

/** The fileAttachment Graph takes in a POST to attachments, or inside a message's attachments. */
export function fileAttachmentBody(file: OutgoingFile, bytes: Buffer): Record<string, unknown> {
  return {
    '@odata.type': FILE_ATTACHMENT,
    name: file.name,
    contentType: file.contentType,
    contentBytes: bytes.toString('base64'),
    ...(file.isInline ? { isInline: true } : {}),
    ...(file.contentId ? { contentId: file.contentId } : {}),
  };
}

/**
 * The file attachment named `name` that the item already has, of at least `minBytes` (Graph's
 * size counts a little metadata too): how an add whose answer was lost is checked before it is
 * repeated, and how a draft left by an interrupted run shows what it already carries.
 */
export async function findFileAttachment(session: GraphSession, messagePath: string, name: string, minBytes: number): Promise<AttachmentInfo | undefined> {
  const listed = await listAttachments(session, messagePath);
  return listed.find((a) => a['@odata.type'] === FILE_ATTACHMENT && a.name === name && a.size >= minBytes);
}

/**
 * Adds a small file (one that fits one request as base64) to the item. A POST is not idempotent:
 * after a lost answer the attachments are looked at, and the file is added again only if it is
 * not there.
 */
export async function postFileAttachment(session: GraphSession, messagePath: string, file: OutgoingFile, bytes: Buffer): Promise<string | undefined> {
  const path = `${messagePath}/attachments`;
  try {
    const { body } = await session.post<{ id?: string }>(path, fileAttachmentBody(file, bytes), { idempotent: false });
    return body?.id;
  } catch (err) {
    if (!(err instanceof GraphRequestError) || (err.statusCode !== undefined && err.statusCode < 500)) throw err;
    const there = await findFileAttachment(session, messagePath, file.name, bytes.length);
    if (there) return there.id;
    const { body } = await session.post<{ id?: string }>(path, fileAttachmentBody(file, bytes), { idempotent: false });
    return body?.id;
  }
}
