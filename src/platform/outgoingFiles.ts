/**
 * The files of an incoming message that a send-like step attaches to its mail: checked (names,
 * declared sizes against the per-file limit) and sized before any request to Graph, and marked as
 * inline images where an HTML body shows them. A flow designer marks a file as an inline image by
 * referring to it by name in the HTML body, as Outlook does: `<img src="cid:logo.png">` shows the
 * attached file logo.png in the text (its content id is its name) instead of listing it among the
 * attachments.
 */
import type { OutgoingFile } from '../graph/attachments';
import { planAttachments } from './attachments';
import { measureAttachments } from './readAttachment';
import type { PlannedAttachment, ReadOptions } from './readAttachment';

export type OutgoingPlanned = PlannedAttachment & OutgoingFile;
export type SizedOutgoing = OutgoingPlanned & { size: number };

export interface BodyText {
  content: string;
  contentType: 'text' | 'html';
}

/** Whether an HTML body refers to `name` as a cid: URL, written as is or percent-encoded (RFC 2392). */
function shownInline(html: string, name: string): boolean {
  const forms = new Set([name, encodeURIComponent(name)]);
  for (const form of forms) {
    const at = html.indexOf(`cid:${form}`);
    // The reference must end where the name does: logo.png must not match cid:logo.png2.
    if (at >= 0 && !/[\w.%-]/.test(html.charAt(at + 4 + form.length))) return true;
  }
  return false;
}

/** The files an HTML body shows through `cid:` become inline images with their name as content id. */
export function markInlineImages(planned: PlannedAttachment[], body: BodyText): OutgoingPlanned[] {
  if (body.contentType !== 'html') return planned;
  return planned.map((file) => (shownInline(body.content, file.name) ? { ...file, isInline: true, contentId: file.name } : file));
}

/**
 * The incoming message's files, planned, marked and sized: a declared size is taken as is, an
 * unknown one is counted by reading the file once (upload sessions need it up front).
 */
export async function outgoingFiles(attachments: unknown, body: BodyText, options: ReadOptions = {}): Promise<SizedOutgoing[]> {
  const planned = markInlineImages(planAttachments(attachments, { env: options.env, maxBytes: options.maxBytes }), body);
  return measureAttachments(planned, options);
}

/** What the output lists of each file. */
export function filesOutput(files: SizedOutgoing[]): Array<{ name: string; size: number; isInline?: true }> {
  return files.map((file) => ({ name: file.name, size: file.size, ...(file.isInline ? { isInline: true as const } : {}) }));
}

/**
 * What identifies the files in the duplicate guard's key: the same files give the same key. Not
 * their URLs: the platform may hand the same message again with its files behind new (re-signed)
 * URLs, and a key that changed with them would send the mail twice. Within one message id, a file's
 * name, size and type tell it apart.
 */
export function filesKey(files: SizedOutgoing[]): unknown {
  return files.map((file) => [file.name, file.size, file.contentType, Boolean(file.isInline)]);
}
