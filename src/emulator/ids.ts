import { createHash } from 'node:crypto';
import { createRng } from './rng';

/**
 * Graph-looking identifiers. Real Exchange ids are base64 of a binary entry id that embeds the
 * mailbox GUID, so ids of one mailbox share a long prefix; components sometimes log, truncate or
 * put them in URLs, so ours have the same alphabet, length and shape. A per-mailbox seeded stream
 * makes them reproducible from the seed, and cheap enough to mint 100,000 in a bulk insert.
 */
export type IdKind = 'message' | 'immutableMessage' | 'conversation' | 'folder' | 'event' | 'calendar' | 'contact' | 'attachment';

/** Leading bytes differ per kind, as they do in Exchange (item ids vs folder ids vs immutable ids). */
const SHAPES: Record<IdKind, { prefix: string; marker: string; tailBytes: number }> = {
  message: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 66 },
  immutableMessage: { prefix: 'AAkALg', marker: 'AAAAAAAA', tailBytes: 66 },
  conversation: { prefix: 'AAQkAG', marker: 'AQAQAA', tailBytes: 16 },
  folder: { prefix: 'AAMkAG', marker: 'AuAAAAAA', tailBytes: 40 },
  event: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 66 },
  calendar: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 46 },
  contact: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 66 },
  attachment: { prefix: 'AAMkAG', marker: 'BEgAQA', tailBytes: 84 },
};

/** What a client may send as an id before we even look it up (ErrorInvalidIdMalformed otherwise). */
const WELL_FORMED = /^AA[A-Za-z0-9_\-+/]{40,}={0,2}$/;

export function isWellFormedId(id: string): boolean {
  return WELL_FORMED.test(id);
}


/** A deterministic v4-shaped GUID, for tenant and user ids. */
export function deterministicGuid(...parts: (string | number)[]): string {
  const b = createHash('sha256').update(parts.join('|')).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface IdFactory {
  next(kind: IdKind): string;
  /** A change key shaped like Exchange's `CQAAABYAAAA...` values. */
  changeKey(): string;
  /** Upper-case hex, for internet message ids, iCalUIds and join URLs. */
  hex(bytes: number): string;
}

export function createIdFactory(seed: number, mailboxGuid: string): IdFactory {
  const rng = createRng(createHash('sha256').update(`${seed}|${mailboxGuid}`).digest().readUInt32LE(0));
  const bytes = (length: number): Buffer => {
    const out = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i += 1) out[i] = Math.floor(rng.next() * 256);
    return out;
  };
  // Exchange ids embed the mailbox GUID as ASCII: that part is constant within a mailbox.
  const mailboxPart = Buffer.from(mailboxGuid, 'ascii').toString('base64url').slice(2);
  return {
    next(kind) {
      const shape = SHAPES[kind];
      return `${shape.prefix}${mailboxPart}${shape.marker}${bytes(shape.tailBytes).toString('base64url')}AAA=`;
    },
    changeKey: () => `CQAAABYAAAA${bytes(18).toString('base64').replace(/[+/]/g, 'A')}`,
    hex: (length) => bytes(length).toString('hex').toUpperCase(),
  };
}
