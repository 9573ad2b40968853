/**
 * Change tracking as Exchange keeps it for Graph's delta queries (message: delta, and the same
 * machinery for events and contacts).
 *
 * The journal: every change in a mailbox takes the next number of one change sequence. An item's
 * stamp holds the number of its last change, the number at which it entered its container (a
 * folder, a calendar) and the container; a container's log lists, in sequence order, each change
 * made in it (an item entering or changing, or a tombstone when an item leaves: moved out or
 * deleted). A move is a tombstone in the source and an entry in the target, as Exchange does it
 * (a move creates the item anew in the target; immutable ids survive it).
 *
 * The sync states ("delta tokens"): a round of delta requests lists the changes since a watermark
 * (nothing: the initial round lists every item). The round is fixed when its first page is asked
 * for (what changed after that comes in the next round) and served page by page; each answer mints
 * a new token of the chain's next generation: a skip token for the rest of the round, or, on the
 * last page, a delta token whose watermark is the sequence number at which the round was fixed.
 * Exchange keeps only the newest generations of a sync state (a published 410 reads "The sync
 * state generation is not found; generation=149;[highest=157][157][155][156]"): an older token
 * answers 410 SyncStateNotFound. Tokens are opaque references to server-side state, as Graph's
 * are, so their length does not grow with the folder.
 *
 * Classification, as Outlook reports it for `changeType`: an item that entered the container after
 * the watermark is `created` (delivered, or moved in, whatever its age); one that was there and
 * changed is `updated`; a tombstone of an item that was there at the watermark is `deleted`
 * (items that came and went between two rounds are never reported).
 */
import { createHash } from 'node:crypto';

export type ChangeKind = 'created' | 'updated' | 'deleted';
export const CHANGE_KINDS: readonly ChangeKind[] = ['created', 'updated', 'deleted'];
export type RemovedReason = 'deleted' | 'changed';

interface Stamp {
  seq: number;
  entered: number;
  container: string;
}

/** What is left of an item that left its container. */
export interface Tombstone {
  seq: number;
  /** When the item had entered the container it left. */
  entered: number;
  container: string;
  /** The ids a client may know it by: REST id (as it was in the container) and immutable id. */
  restId: string;
  immutableId: string;
  /** For filters that still apply to removals (messages: receivedDateTime). */
  receivedAt?: number;
  reason: RemovedReason;
  /** The item as it was (a removed series: its occurrences are what clients knew). */
  item?: object;
}

/**
 * A change `changes` reports: an item as it is now (`current`), the entry that recorded an item
 * still there entering the container although it changed since (`current` false: a round that
 * stops short of the later change must still report the arrival), or a tombstone.
 */
export type JournalChange =
  | { seq: number; item: object; stamp: Readonly<Stamp>; current: boolean; tomb?: undefined }
  | { seq: number; tomb: Tombstone; item?: undefined; stamp?: undefined; current?: undefined };

type LogEntry = { seq: number; item: object; tomb?: undefined } | { seq: number; tomb: Tombstone; item?: undefined };

/** Past this many superseded entries a container's log is compacted. */
const COMPACT_AFTER = 4096;

export class ChangeJournal {
  private last = 0;
  private readonly stamps = new WeakMap<object, Stamp>();
  private readonly logs = new Map<string, LogEntry[]>();
  private readonly superseded = new Map<string, number>();

  /** The newest change number of the mailbox. */
  get seq(): number {
    return this.last;
  }

  /** The item's stamp; undefined for items not tracked (or no longer in a container). */
  stamp(item: object): Readonly<Stamp> | undefined {
    return this.stamps.get(item);
  }

  /** The item entered `container` (created there, delivered, or moved in). */
  entered(item: object, container: string): void {
    this.last += 1;
    const stamp: Stamp = { seq: this.last, entered: this.last, container };
    this.stamps.set(item, stamp);
    this.log(container).push({ seq: stamp.seq, item });
  }

  /** The item changed where it is. A no-op for items the journal does not track. */
  touched(item: object): void {
    const stamp = this.stamps.get(item);
    if (!stamp) return;
    this.last += 1;
    this.supersede(stamp.container);
    stamp.seq = this.last;
    this.log(stamp.container).push({ seq: stamp.seq, item });
  }

  /** The item left its container (moved out, deleted): a tombstone takes its place. */
  left(item: object, removed: Pick<Tombstone, 'restId' | 'immutableId' | 'receivedAt' | 'reason' | 'item'>): void {
    const stamp = this.stamps.get(item);
    if (!stamp) return;
    this.last += 1;
    this.supersede(stamp.container);
    this.stamps.delete(item);
    const tomb: Tombstone = { ...removed, seq: this.last, entered: stamp.entered, container: stamp.container };
    this.log(stamp.container).push({ seq: tomb.seq, tomb });
  }

  /**
   * What changed in `container` after `since` (everything when undefined), oldest first: the items
   * as they are now, each once where it last changed (and where it entered, if it changed since),
   * and the tombstones.
   */
  *changes(container: string, since = 0): Generator<JournalChange> {
    const log = this.logs.get(container) ?? [];
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (log[mid].seq <= since) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < log.length; i += 1) {
      const entry = log[i];
      if (entry.tomb) {
        yield { seq: entry.seq, tomb: entry.tomb };
        continue;
      }
      const stamp = this.stamps.get(entry.item);
      // Superseded by a later change of the item (or it left): that later entry speaks for it,
      // except for when it arrived, which a round ending before the later change must report.
      if (!stamp || stamp.container !== container) continue;
      if (stamp.seq === entry.seq) yield { seq: entry.seq, item: entry.item, stamp, current: true };
      else if (stamp.entered === entry.seq) yield { seq: entry.seq, item: entry.item, stamp, current: false };
    }
  }

  private log(container: string): LogEntry[] {
    let log = this.logs.get(container);
    if (!log) {
      log = [];
      this.logs.set(container, log);
    }
    return log;
  }

  private supersede(container: string): void {
    const count = (this.superseded.get(container) ?? 0) + 1;
    this.superseded.set(container, count);
    const log = this.logs.get(container);
    if (!log || count < COMPACT_AFTER || count * 2 < log.length) return;
    // Rounds keep their own lists, so dropping superseded entries changes no answer; an arrival stays.
    this.logs.set(container, log.filter((entry) => {
      if (entry.tomb) return true;
      const stamp = this.stamps.get(entry.item);
      return stamp?.container === container && (stamp.seq === entry.seq || stamp.entered === entry.seq);
    }));
    this.superseded.set(container, 0);
  }
}

/** One entry of a round: an item as it is when the page is served, or a tombstone. */
export type RoundEntry =
  | { kind: ChangeKind; item: object; tomb?: undefined }
  | { kind: 'deleted'; tomb: Tombstone; item?: undefined };

/** Lists a round: every item (initial round, `since` undefined), or the changes after `since`. */
export type RoundBuilder = (since: number | undefined) => { entries: RoundEntry[]; end: number };

/** Why a token no longer works, as Graph answers it (410 Gone). */
export interface DeltaFailure {
  status: number;
  code: string;
  message: string;
}

/** The codes Graph uses for a sync state it no longer has (errors.md, delta-query-overview.md, public reports). */
export const DELTA_FAILURES = {
  SyncStateNotFound: { status: 410, code: 'SyncStateNotFound', message: 'The sync state generation is not found.' },
  syncStateNotFound: { status: 410, code: 'syncStateNotFound', message: 'The sync state generation is not found. The delta token is expired and data must be synchronized again.' },
  resyncRequired: { status: 410, code: 'resyncRequired', message: 'Resync is required.' },
} as const satisfies Record<string, DeltaFailure>;
export type DeltaFailureCode = keyof typeof DELTA_FAILURES;

/** How many generations of a sync state Exchange keeps (the published 410 lists three). */
export const KEPT_GENERATIONS = 3;

interface Round {
  entries: RoundEntry[];
  since: number | undefined;
  /** The change number the round was fixed at: the next round's watermark. */
  end: number;
}

interface Chain {
  id: number;
  /** What the chain tracks (a folder id, a calendar and window): a token is only valid there. */
  scope: string;
  build: RoundBuilder;
  /** Page size the initial request asked for with $top. */
  top?: number;
  /** What else the first request fixed for the chain ($select), handed back with each page. */
  data: unknown;
  highest: number;
  failure?: DeltaFailure;
}

interface TokenState {
  chain: Chain;
  generation: number;
  /** A skip token goes on in a round; a delta token starts the next one. */
  round?: Round;
  offset: number;
  /** Delta tokens: the watermark, and the one before it (for replays). */
  since?: number;
  previous?: number;
}

export interface DeltaPage {
  entries: RoundEntry[];
  /** The chain's `data` (what its first request fixed besides the round). */
  data: unknown;
  /** The token of the next request, a skip token (more pages) or a delta token (round done). */
  token: string;
  done: boolean;
}

/** Sync states of one mailbox: Exchange's delta token cache. */
export class DeltaStore {
  private chains = 0;
  private readonly tokens = new Map<string, TokenState>();
  private readonly live = new Set<Chain>();
  /** Rounds started from a delta token that repeat the round before (Graph's replays). */
  private replays = 0;

  constructor(private readonly seedKey: string) {}

  /** An initial request: a new chain, its first round fixed now. */
  start(scope: string, build: RoundBuilder, fixed: { top?: number; data?: unknown } = {}): (pageSize: number | undefined) => DeltaPage {
    this.chains += 1;
    const chain: Chain = { id: this.chains, scope, build, top: fixed.top, data: fixed.data, highest: 0 };
    this.live.add(chain);
    const round = this.fix(chain, undefined);
    return (pageSize) => this.serve(chain, round, 0, pageSize ?? chain.top);
  }

  /**
   * A request with a token. Throws the failure Graph answers for unknown, expired or superseded
   * tokens, and 400 (via `wrongScope`) for a token used on another folder or calendar.
   */
  resume(token: string, scope: string, wrongScope: () => Error): (pageSize: number | undefined) => DeltaPage {
    const state = this.tokens.get(token);
    if (!state) throw new DeltaError(DELTA_FAILURES.SyncStateNotFound);
    const { chain } = state;
    if (chain.scope !== scope) throw wrongScope();
    if (chain.failure) throw new DeltaError(chain.failure);
    if (chain.highest - state.generation >= KEPT_GENERATIONS) {
      const kept = Array.from({ length: KEPT_GENERATIONS }, (_, i) => `[${chain.highest - i}]`).join('');
      throw new DeltaError({ ...DELTA_FAILURES.SyncStateNotFound, message: `The sync state generation is not found; generation=${state.generation};[highest=${chain.highest}]${kept}.` });
    }
    let round = state.round;
    let offset = state.offset;
    if (!round) {
      const since = this.replays > 0 && state.previous !== undefined ? state.previous : state.since;
      if (since !== state.since) this.replays -= 1;
      round = this.fix(chain, since);
      offset = 0;
    }
    const fixed = round;
    return (pageSize) => this.serve(chain, fixed, offset, pageSize ?? chain.top, state.since);
  }

  /** Every sync state of this mailbox fails from now on with `failure` (token cache lost, migration). */
  expire(failure: DeltaFailure): number {
    for (const chain of this.live) chain.failure = failure;
    const count = this.live.size;
    this.live.clear();
    return count;
  }

  /** The next `rounds` rounds repeat the changes of the round before them too. */
  replay(rounds: number): void {
    this.replays = rounds;
  }

  private fix(chain: Chain, since: number | undefined): Round {
    const { entries, end } = chain.build(since);
    return { entries, since, end };
  }

  private serve(chain: Chain, round: Round, offset: number, pageSize: number | undefined, previous?: number): DeltaPage {
    const size = pageSize ?? DEFAULT_DELTA_PAGE_SIZE;
    const entries = round.entries.slice(offset, offset + size);
    const done = offset + size >= round.entries.length;
    chain.highest += 1;
    const state: TokenState = done
      ? { chain, generation: chain.highest, offset: 0, since: round.end, previous: round.since ?? previous }
      : { chain, generation: chain.highest, round, offset: offset + size };
    const token = this.mint(chain, chain.highest);
    this.tokens.set(token, state);
    this.forget(chain);
    return { entries, data: chain.data, token, done };
  }

  /** Tokens far past the kept generations answer as unknown (410) too; their rounds can go. */
  private forget(chain: Chain): void {
    for (const [token, state] of this.tokens) {
      if (state.chain === chain && chain.highest - state.generation >= KEPT_GENERATIONS * 4) this.tokens.delete(token);
    }
  }

  /** Opaque, deterministic from the seed, about as long as Graph's (128 + 1 + 43 characters). */
  private mint(chain: Chain, generation: number): string {
    const part = (salt: string): string => createHash('sha256').update(`${this.seedKey}|${chain.id}|${generation}|${salt}`).digest('base64url');
    return `${(part('a') + part('b') + part('c')).slice(0, 128)}.${part('d')}`;
  }
}

/** Graph's page size for delta when the request names none. */
export const DEFAULT_DELTA_PAGE_SIZE = 10;

export class DeltaError extends Error {
  constructor(readonly failure: DeltaFailure) {
    super(failure.message);
    this.name = 'DeltaError';
  }
}

/** What a mailbox keeps for delta queries. */
export class MailboxDelta {
  readonly journal = new ChangeJournal();
  readonly store: DeltaStore;

  constructor(seed: number, userId: string) {
    this.store = new DeltaStore(`${seed}|${userId}`);
  }
}
