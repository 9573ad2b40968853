/**
 * How large one attachment may be, both ways (files sent out, files stored from a mail), and how
 * long moving one may take. The platform documents 100 MB per file (100 MiB, as its components
 * count it), configurable on premises; Microsoft Graph takes files up to 150 MB. An installation
 * whose storage accepts more raises the limit with OUTLOOK_ATTACHMENT_MAX_BYTES, up to Graph's and
 * never above.
 */
import { InputError } from '../errors';

export const MAX_BYTES_VARIABLE = 'OUTLOOK_ATTACHMENT_MAX_BYTES';

/** The platform's documented limit per file: 100 MB, counted as 100 MiB as its own components do. */
export const PLATFORM_ATTACHMENT_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * Graph's "up to 150 MB" per file, read as 150,000,000 bytes, the smaller of its two readings,
 * so that neither is exceeded (as GRAPH_REQUEST_LIMIT_BYTES reads "4 MB").
 */
export const GRAPH_ATTACHMENT_LIMIT_BYTES = 150_000_000;

const count = (n: number): string => n.toLocaleString('en-US');

/** The per-file limit in bytes: OUTLOOK_ATTACHMENT_MAX_BYTES if set, else the platform's. */
export function attachmentLimit(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[MAX_BYTES_VARIABLE]?.trim();
  if (!text) return PLATFORM_ATTACHMENT_LIMIT_BYTES;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new InputError(MAX_BYTES_VARIABLE, `must be a whole number of bytes, such as ${GRAPH_ATTACHMENT_LIMIT_BYTES}; fix the environment variable of the component`);
  }
  const bytes = Number(text);
  if (bytes > GRAPH_ATTACHMENT_LIMIT_BYTES) {
    throw new InputError(MAX_BYTES_VARIABLE, `is ${count(bytes)} bytes, above the ${count(GRAPH_ATTACHMENT_LIMIT_BYTES)} bytes Microsoft Graph accepts per file; set it to at most ${GRAPH_ATTACHMENT_LIMIT_BYTES}`);
  }
  return bytes;
}

/**
 * Why a file over the limit may not be moved: "is N bytes, more than the L bytes accepted per
 * file...". `bytes` undefined: its size is not known, only that it grew past the limit.
 */
export function overLimit(bytes: number | undefined, limit: number): string {
  const raise = limit < GRAPH_ATTACHMENT_LIMIT_BYTES
    ? `; an administrator can raise that up to ${count(GRAPH_ATTACHMENT_LIMIT_BYTES)} with ${MAX_BYTES_VARIABLE} if the platform's storage takes larger files`
    : ' (the most Microsoft Graph takes)';
  return `${bytes === undefined ? 'is larger than' : `is ${count(bytes)} bytes, more than`} the ${count(limit)} bytes accepted per file${raise}`;
}

/**
 * The deadline for moving `bytes` through one request: a minute to get going plus the time at
 * 256 KiB/s, a pace any working connection between the platform, its storage and Graph beats
 * many times over, so only a stalled transfer meets it. At most 20 minutes, the longest the
 * storage client allows.
 */
export function transferDeadlineMs(bytes: number): number {
  return Math.min(60_000 + Math.ceil((bytes * 1000) / (256 * 1024)), 20 * 60_000);
}
