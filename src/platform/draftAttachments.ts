/**
 * The files of an incoming message that did not travel inside the request that created the
 * draft (routeAttachments' `post` and `session`), added to the draft: the small ones one POST
 * each, the large ones through an upload session, streamed from where the platform keeps them.
 */
import { fileAttachmentBody, findFileAttachment, postFileAttachment } from '../graph/attachments';
import type { GraphSession } from '../graph/session';
import { uploadLargeAttachment } from '../graph/uploadSession';
import type { UploadOptions } from '../graph/uploadSession';
import { downloadAttachments, GRAPH_REQUEST_LIMIT_BYTES, requestBytes } from './attachments';
import type { AttachmentRoutes, SizedFile } from './attachments';
import { openAttachment } from './readAttachment';
import type { PlannedAttachment, ReadOptions } from './readAttachment';

export interface AddedAttachment {
  name: string;
  size: number;
  via: 'post' | 'session';
  attachmentId: string | undefined;
}

export interface DraftAttachmentOptions extends ReadOptions, UploadOptions {
  /**
   * Skip files the draft already carries (same name, at least the size): for a draft left by an
   * interrupted run of the same message, reused instead of created again.
   */
  skipPresent?: boolean;
}

/**
 * Adds `routes.post` and `routes.session` to the draft at `draftPath`, one file after another
 * (one upload at a time keeps memory flat and leaves the mailbox's other slots to other steps).
 */
export async function addDraftAttachments<T extends PlannedAttachment & SizedFile>(
  session: GraphSession,
  draftPath: string,
  routes: AttachmentRoutes<T>,
  options: DraftAttachmentOptions = {},
): Promise<AddedAttachment[]> {
  const added: AddedAttachment[] = [];
  const present = async (file: T): Promise<string | undefined> => (options.skipPresent ? (await findFileAttachment(session, draftPath, file.name, file.size))?.id : undefined);
  for (const file of routes.post) {
    const already = await present(file);
    if (already) {
      added.push({ name: file.name, size: file.size, via: 'post', attachmentId: already });
      continue;
    }
    // Routed here because its own request fits Graph's limit: read it whole (stopping should it
    // turn out larger than declared), then post it.
    const room = GRAPH_REQUEST_LIMIT_BYTES - requestBytes(fileAttachmentBody(file, Buffer.alloc(0)));
    const [inline] = await downloadAttachments([file], room, options);
    const attachmentId = await postFileAttachment(session, draftPath, file, inline.bytes);
    added.push({ name: file.name, size: inline.bytes.length, via: 'post', attachmentId });
  }
  for (const file of routes.session) {
    const already = await present(file);
    if (already) {
      added.push({ name: file.name, size: file.size, via: 'session', attachmentId: already });
      continue;
    }
    const open = async () => (await openAttachment({ ...file, declaredSize: file.size }, options)).stream;
    const { attachmentId } = await uploadLargeAttachment(session, draftPath, file, open, options);
    added.push({ name: file.name, size: file.size, via: 'session', attachmentId });
  }
  return added;
}
