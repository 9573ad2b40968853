/**
 * The files of an incoming message added to an event (`POST /events/{id}/attachments`, or an
 * upload session for those too large for one request: "Attach large files to Outlook messages or
 * events"). Graph takes no files inside the request that creates an event, so each goes on its own,
 * one after another. A file the event already carries (same name, at least its size) is not added
 * again: a replayed message, or a run that died halfway, finds the ones the earlier run added.
 */
import { fileAttachmentBody } from '../graph/attachments';
import type { GraphSession } from '../graph/session';
import { base64Length, GRAPH_REQUEST_LIMIT_BYTES, requestBytes } from './attachments';
import type { AttachmentRoutes, SizedFile } from './attachments';
import { addDraftAttachments } from './draftAttachments';
import type { AddedAttachment, DraftAttachmentOptions } from './draftAttachments';
import { GRAPH_ATTACHMENT_LIMIT_BYTES } from './attachmentLimit';
import { InputError } from '../errors';
import { measureAttachments } from './readAttachment';
import type { PlannedAttachment } from './readAttachment';

export type { AddedAttachment } from './draftAttachments';

const count = (n: number): string => n.toLocaleString('en-US');

/** Which files fit one POST (as base64, with the JSON around them) and which need an upload session. */
export function eventAttachmentRoutes<T extends SizedFile>(files: T[]): AttachmentRoutes<T> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > GRAPH_ATTACHMENT_LIMIT_BYTES) {
    throw new InputError('attachments', `the files take ${count(total)} bytes together, over the ${count(GRAPH_ATTACHMENT_LIMIT_BYTES)} bytes Microsoft Graph accepts on one item; attach fewer or smaller files`);
  }
  const alone = (file: T): number => requestBytes(fileAttachmentBody(file, Buffer.alloc(0))) + base64Length(file.size);
  return {
    inline: [],
    post: files.filter((file) => alone(file) <= GRAPH_REQUEST_LIMIT_BYTES),
    session: files.filter((file) => alone(file) > GRAPH_REQUEST_LIMIT_BYTES),
  };
}

/**
 * Adds `planned` (checked by planAttachments) to the event at `eventPath`, skipping those it already
 * has. Sizes not declared are measured first: an upload session must name the size up front.
 */
export async function attachToEvent(session: GraphSession, eventPath: string, planned: PlannedAttachment[], options: DraftAttachmentOptions = {}): Promise<AddedAttachment[]> {
  if (planned.length === 0) return [];
  const sized = await measureAttachments(planned, options);
  return addDraftAttachments(session, eventPath, eventAttachmentRoutes(sized), { ...options, skipPresent: true });
}
