/**
 * Is this store's journal the one head office applied? Compared with HQ's applied pointer
 * (its last sequence and that event's hash) at start and on every pointer HQ sends. A journal
 * that ends before HQ's pointer is *behind* (restored from an older copy, or writes that were
 * acknowledged got lost, e.g. a WAL file deleted after a crash); one whose event at HQ's
 * sequence has another hash has *forked*. Either way new events would reuse sequence numbers
 * HQ applied, and HQ refuses them: the store says so loudly (the log, `/health`, head office's
 * `GET /stores`, `ringup doctor`) and never shows green.
 */
import type { Database } from "bun:sqlite";
import type { Divergence } from "../../api/hq/store-journal.ts";

export interface HqHead {
  seq: number;
  /** The hash of HQ's event at seq; null or absent when HQ did not say. */
  hash?: string | null | undefined;
}

export type Finding = Omit<Divergence, "since" | "foundBy">;

export const RECOVER_FIX =
  'stop the store and start it with --recover-from-hq (with --hq-url and --hq-token-file) to fetch the missing events from head office, or restore a newer backup; see docs/operations.md, "Recover a store from head office"';

export const FORK_FIX =
  'stop the store, move its data directory aside (it keeps the events made since the fork for review) and rebuild it from head office into an empty one: ringup store --recover-from-hq --hq-url URL --hq-token-file FILE; see docs/operations.md, "Recover a store from head office"';

/** The journal's last sequence and the hash of its event at a sequence. */
export function journalHead(sqlite: Database): { seq: number; hash: string | null } {
  const row = sqlite
    .query<{ seq: number; hash: string }, []>("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
    .get();
  return { seq: row?.seq ?? 0, hash: row?.hash ?? null };
}

export function hashAt(sqlite: Database, seq: number): string | null {
  return (
    sqlite.query<{ hash: string }, [number]>("SELECT hash FROM events WHERE seq = ?1").get(seq)?.hash ?? null
  );
}

/** Compares the journal with HQ's applied pointer: null when it is the one HQ applied. */
export function compareWithHq(sqlite: Database, storeId: string, hq: HqHead): Finding | null {
  const head = journalHead(sqlite);
  if (hq.seq > head.seq) {
    const missing = hq.seq - head.seq;
    return {
      kind: "behind",
      storeSeq: head.seq,
      hqSeq: hq.seq,
      message: `store ${storeId}'s journal ends at event ${head.seq} but head office has applied ${hq.seq}: it is behind by ${missing} event(s) head office holds (the database was restored from an older copy, or acknowledged writes were lost); new events would reuse sequence numbers head office applied`,
      fix: RECOVER_FIX,
    };
  }
  if (hq.seq > 0 && typeof hq.hash === "string" && hashAt(sqlite, hq.seq) !== hq.hash) {
    return {
      kind: "forked",
      storeSeq: head.seq,
      hqSeq: hq.seq,
      message: `store ${storeId}'s event ${hq.seq} is not the one head office applied (another hash): its journal forked from head office's copy (restored from an older copy and written to since)`,
      fix: FORK_FIX,
    };
  }
  return null;
}

/**
 * Compares the journal with head office's answer to `GET /stores/:id/events?after=<last seq>`:
 * HQ's hash at this journal's last event is the previous hash of the event HQ holds after it.
 */
export function compareWithHqCopy(
  sqlite: Database,
  storeId: string,
  hq: { appliedSeq: number; appliedHash: string | null; events: readonly { prevHash: string | null }[] },
): Finding | null {
  const head = journalHead(sqlite);
  const next = hq.events[0];
  if (head.seq > 0 && next !== undefined && next.prevHash !== head.hash) {
    return {
      kind: "forked",
      storeSeq: head.seq,
      hqSeq: hq.appliedSeq,
      message: `store ${storeId}'s event ${head.seq} is not the one head office applied (another hash): its journal forked from head office's copy`,
      fix: FORK_FIX,
    };
  }
  return compareWithHq(sqlite, storeId, { seq: hq.appliedSeq, hash: hq.appliedHash });
}

/**
 * Keeps the current finding: logs an error when the store diverges (and again when the
 * finding changes), and once when it matches again.
 */
export class DivergenceWatch {
  #current: Divergence | null = null;

  constructor(
    private readonly sqlite: Database,
    private readonly storeId: string,
    private readonly log: (line: string) => void,
    private readonly now: () => Date,
    /** Told whenever the finding changes (e.g. to report it to head office). */
    private readonly onChange: (diverged: Divergence | null) => void = () => undefined,
  ) {}

  get current(): Divergence | null {
    return this.#current;
  }

  check(hq: HqHead): Divergence | null {
    const finding = compareWithHq(this.sqlite, this.storeId, hq);
    const before = this.#current;
    if (finding === null) {
      if (before !== null) {
        this.#current = null;
        this.log(`store ${this.storeId}: the journal matches head office's copy again (event ${hq.seq})`);
        this.onChange(null);
      }
      return null;
    }
    if (before !== null && before.kind === finding.kind) {
      // Same trouble: keep when it began, follow the numbers.
      this.#current = {
        ...before,
        storeSeq: finding.storeSeq,
        hqSeq: finding.hqSeq,
        message: finding.message,
      };
      return this.#current;
    }
    this.#current = { ...finding, since: this.now().toISOString(), foundBy: "store" };
    this.log(
      `store ${this.storeId}: error: journal diverged from head office: ${finding.message}; fix: ${finding.fix}`,
    );
    this.onChange(this.#current);
    return this.#current;
  }
}
