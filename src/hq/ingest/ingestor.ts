/**
 * Applies store events at head office, exactly once and in each store's sequence order:
 *
 * - every message is validated (subject, JSON, envelope and payload schemas, the store and
 *   type named by the subject, the event's hash); one that fails is kept as a dead letter with
 *   its reason and never touches any store's state;
 * - an event whose id was applied before is a harmless duplicate (the id is the key);
 * - the next event of a store (seq = last + 1, prevHash = last hash) is applied; one further
 *   ahead is parked until the gap before it fills (the store publishes again from HQ's
 *   applied pointer), then the parked run is applied in order.
 *
 * A batch of messages is one transaction (one fsync) and each store's state is written once
 * per batch. Its messages are decoded and validated a run at a time (no table is touched),
 * then that run is applied in order: each loop stays on one kind of work. Events are applied
 * without savepoints (they cost more than the writes); should applying one fail, the batch is
 * rolled back and run again with a savepoint per event, so the failing one is dead-lettered
 * alone. The caller acknowledges the batch only after the commit. On PostgreSQL the first run's
 * writes are not waited for one by one (`deferringWrites`): a write that failed is reported at
 * the next read or at COMMIT, and it too sends the batch round again carefully, without them.
 * The first run also adds the batch's summaries up in memory and writes each summary row once
 * at its end (`SummaryWriter.fold`), and so the stock moves (`StockWriter.fold`); the careful run
 * writes them event by event.
 *
 * A dead letter that is a store's next event holds back that store's later events (parked):
 * the chain keeps its order. An operator retries it after a fix (it runs through ingest again)
 * or discards it with a reason (HQ keeps the event in its copy of the journal without applying
 * it, and the held-back events follow); either is recorded on the dead letter.
 */
import type { Database, Statement } from "bun:sqlite";
import { parseEvent, receivedEventForm, type StoreEvent } from "../../core/events.ts";
import { parseStoreEventSubject, storeEventSubject } from "../../shared/nats/index.ts";
import { deferringWrites, isDeferredWriteFailure } from "../../shared/postgres/deferred.ts";
import { nativeSha256Hex } from "../../shared/sha256-native.ts";
import { SummaryWriter } from "../analytics/writer.ts";
import { HqWebhookQueue } from "../webhooks/queue.ts";
import { OrdersWriter } from "./apply-orders.ts";
import { PurchasingWriter } from "./apply-purchasing.ts";
import { SalesWriter } from "./apply-sales.ts";
import { ScaleHealthWriter } from "./apply-scales.ts";
import { StockWriter } from "./apply-stock.ts";
import { DeadLetterResolvedError, RetryFailedError, UnknownDeadLetterError } from "./errors.ts";

export interface IncomingMessage {
  subject: string;
  data: Uint8Array;
}

export type Outcome = "applied" | "duplicate" | "parked" | "dead";

export type DeadLetterReason =
  | "BAD_SUBJECT"
  | "INVALID_JSON"
  | "INVALID_EVENT"
  | "STORE_MISMATCH"
  | "TYPE_MISMATCH"
  | "HASH_MISMATCH"
  | "SEQUENCE_CONFLICT"
  | "CHAIN_BROKEN"
  | "APPLY_FAILED";

interface State {
  lastSeq: number;
  lastHash: string | null;
  lastEventAt: string | null;
  appliedAt: string | null;
  /** The first missing seq (lastSeq + 1) while events are parked behind it; else null. */
  gapFromSeq: number | null;
  gapSince: string | null;
}

/** A validated event with its canonical payload text. */
interface Checked {
  event: StoreEvent;
  payload: string;
}

/** A message decoded and checked before it is applied: its event, or why it is refused. */
interface Read {
  subject: string;
  /** The store its subject names (null for a subject that is not a store event subject). */
  storeId: string | null;
  text: string;
  raw: unknown;
  checked: Checked | DeadLetter;
}

type Row = Record<string, string | number | null>;

/** A dead letter as the ingestor reads it back to retry or discard it. */
interface DeadLetterRow {
  id: number;
  storeId: string | null;
  subject: string;
  data: string;
  resolution: string | null;
}

/** Applying an event failed in a batch without savepoints: run the batch again carefully. */
class RetryCarefully extends Error {}

class DeadLetter extends Error {
  constructor(
    readonly reason: DeadLetterReason,
    message: string,
  ) {
    super(message);
  }
}

const MAX_DATA = 64 * 1024;
/**
 * Reasons a store's own event may be refused for and then apply when it comes again (a fault
 * at HQ fixed, HQ upgraded to read a newer event): its dead letter closes as "redelivered".
 */
const REDELIVERABLE: readonly DeadLetterReason[] = ["APPLY_FAILED", "INVALID_EVENT"];
const REDELIVERABLE_SQL = REDELIVERABLE.map((r) => `'${r}'`).join(", ");
/**
 * Messages decoded and validated at a time before they are applied: long enough runs of one
 * kind of work to keep it warm, few enough that what is read stays small.
 */
const READ_AHEAD = 128;
const decoder = new TextDecoder();

function field(raw: unknown, key: string): unknown {
  return typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class EventIngestor {
  readonly #sqlite: Database;
  readonly #now: () => Date;
  readonly #sales: SalesWriter;
  readonly #summaries: SummaryWriter;
  readonly #stock: StockWriter;
  readonly #purchasing: PurchasingWriter;
  readonly #orders: OrdersWriter;
  readonly #scales: ScaleHealthWriter;
  readonly #webhooks: HqWebhookQueue;
  readonly #states = new Map<string, State>();
  /** Each applied event in its own savepoint (the retry of a batch in which one failed). */
  #careful = false;
  readonly #s: {
    state: Statement<State, [string]>;
    saveState: Statement<unknown, [Row]>;
    seen: Statement<{ seq: number }, [string]>;
    insertEvent: Statement<unknown, [Row]>;
    park: Statement<unknown, [Row]>;
    parked: Statement<{ event: string }, [string, number]>;
    unpark: Statement<unknown, [string, number]>;
    firstParked: Statement<{ seq: number | null }, [string]>;
    deadLetter: Statement<unknown, [Row]>;
    openDead: Statement<{ eventId: string }, []>;
    redelivered: Statement<unknown, [string, string]>;
    deadLetterRow: Statement<DeadLetterRow, [number]>;
    resolve: Statement<unknown, [Row]>;
  };
  /** Event ids with an open dead letter: applying one of them closes it ("redelivered"). */
  readonly #openDead: Set<string>;
  /** The last dead letter recorded, for a retry that fails again. */
  #lastDead: { reason: DeadLetterReason; message: string } | null = null;

  constructor(sqlite: Database, now: () => Date) {
    this.#sqlite = sqlite;
    this.#now = now;
    this.#sales = new SalesWriter(sqlite);
    this.#summaries = new SummaryWriter(sqlite, {
      dayOf: (storeId, at) => this.#sales.dayOf(storeId, at),
    });
    this.#webhooks = new HqWebhookQueue(sqlite, () => this.#stock.settle());
    this.#stock = new StockWriter(sqlite, (storeId, code) => this.#webhooks.moved(storeId, code));
    this.#purchasing = new PurchasingWriter(sqlite);
    this.#orders = new OrdersWriter(sqlite);
    this.#scales = new ScaleHealthWriter(sqlite);
    this.#s = {
      state: sqlite.query(
        `SELECT last_seq AS lastSeq, last_hash AS lastHash, last_event_at AS lastEventAt,
          applied_at AS appliedAt, gap_from_seq AS gapFromSeq, gap_since AS gapSince
         FROM store_replication WHERE store_id = ?1`,
      ),
      saveState: sqlite.query(
        `INSERT INTO store_replication (store_id, last_seq, last_hash, last_event_at, applied_at, gap_from_seq, gap_since)
         VALUES ($storeId, $lastSeq, $lastHash, $lastEventAt, $appliedAt, $gapFromSeq, $gapSince)
         ON CONFLICT(store_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash,
          last_event_at = excluded.last_event_at, applied_at = excluded.applied_at,
          gap_from_seq = excluded.gap_from_seq, gap_since = excluded.gap_since`,
      ),
      seen: sqlite.query("SELECT seq FROM ingested_events WHERE id = ?1"),
      insertEvent: sqlite.query(
        `INSERT INTO ingested_events (id, store_id, seq, type, version, at, payload, prev_hash, hash, applied_at)
         VALUES ($id, $storeId, $seq, $type, $version, $at, $payload, $prevHash, $hash, $appliedAt)`,
      ),
      park: sqlite.query(
        `INSERT INTO parked_events (store_id, seq, id, event, received_at)
         VALUES ($storeId, $seq, $id, $event, $receivedAt) ON CONFLICT DO NOTHING`,
      ),
      parked: sqlite.query("SELECT event FROM parked_events WHERE store_id = ?1 AND seq = ?2"),
      unpark: sqlite.query("DELETE FROM parked_events WHERE store_id = ?1 AND seq <= ?2"),
      firstParked: sqlite.query("SELECT min(seq) AS seq FROM parked_events WHERE store_id = ?1"),
      deadLetter: sqlite.query(
        `INSERT INTO dead_letters (store_id, subject, event_id, seq, reason, message, data, received_at)
         VALUES ($storeId, $subject, $eventId, $seq, $reason, $message, $data, $receivedAt) ON CONFLICT DO NOTHING`,
      ),
      openDead: sqlite.query(
        `SELECT event_id AS eventId FROM dead_letters
         WHERE resolution IS NULL AND event_id IS NOT NULL AND reason IN (${REDELIVERABLE_SQL})`,
      ),
      redelivered: sqlite.query(
        `UPDATE dead_letters SET resolution = 'redelivered', resolved_at = ?2
         WHERE event_id = ?1 AND resolution IS NULL AND reason IN (${REDELIVERABLE_SQL})`,
      ),
      deadLetterRow: sqlite.query(
        "SELECT id, store_id AS storeId, subject, data, resolution FROM dead_letters WHERE id = ?1",
      ),
      resolve: sqlite.query(
        `UPDATE dead_letters SET resolution = $resolution, resolved_at = $at, resolved_by = $by, note = $note
         WHERE id = $id`,
      ),
    };
    this.#openDead = new Set(this.#s.openDead.all().map((r) => r.eventId));
  }

  /** How far a store is applied (0 for a store never heard of). */
  applied(storeId: string): { seq: number; hash: string | null; lastEventAt: string | null } {
    const state = this.#state(storeId);
    return { seq: state.lastSeq, hash: state.lastHash, lastEventAt: state.lastEventAt };
  }

  /**
   * Ingests messages in order in one transaction. Answers each message's outcome and the
   * stores whose applied pointer moved.
   */
  ingest(
    messages: readonly IncomingMessage[],
    finish?: (outcomes: readonly Outcome[], at: string) => void,
  ): { outcomes: Outcome[]; moved: Set<string> } {
    try {
      return this.#batch(messages, false, finish);
    } catch (err) {
      if (!(err instanceof RetryCarefully) && !isDeferredWriteFailure(err)) throw err;
      return this.#batch(messages, true, finish);
    }
  }

  /**
   * Runs a dead letter's message through ingest again (after a fix: an upgrade, a store's
   * settings). Applied, parked behind a gap or found applied already, the dead letter is closed
   * as retried and the store's held-back events follow in order; failing again, nothing
   * changes and the new reason is thrown.
   */
  retry(id: number, by: string): { outcome: Outcome; moved: Set<string> } {
    const row = this.#openRow(id);
    this.#lastDead = null;
    const { outcomes, moved } = this.ingest(
      [{ subject: row.subject, data: new TextEncoder().encode(row.data) }],
      (outcomes, at) => {
        if (outcomes[0] === "dead") {
          const failed = this.#lastDead ?? { reason: "APPLY_FAILED", message: "refused again" };
          throw new RetryFailedError(id, failed.reason, failed.message);
        }
        this.#s.resolve.run({ id, resolution: "retried", at, by, note: null });
      },
    );
    return { outcome: outcomes[0] ?? "dead", moved };
  }

  /**
   * Closes a dead letter without applying it, with the operator's reason. When it is its
   * store's next event (it reads, verifies and follows the last one applied), HQ keeps it in
   * its copy of the journal unapplied, so the held-back events after it follow in order and a
   * copy sent again is a duplicate; answers whether it was such an event (`skipped`).
   */
  discard(id: number, by: string, note: string): { skipped: boolean; moved: Set<string> } {
    const row = this.#openRow(id);
    const moved = new Set<string>();
    let skipped = false;
    this.#careful = true;
    try {
      this.#sqlite.transaction(() => {
        const at = this.#now().toISOString();
        skipped = this.#skip(row, at);
        this.#s.resolve.run({ id, resolution: "discarded", at, by, note });
        if (skipped && row.storeId !== null) {
          moved.add(row.storeId);
          this.#s.saveState.run({ storeId: row.storeId, ...this.#state(row.storeId) });
        }
      })();
    } catch (err) {
      this.#states.clear();
      throw err;
    }
    return { skipped, moved };
  }

  #openRow(id: number): DeadLetterRow {
    const row = this.#s.deadLetterRow.get(id);
    if (!row) throw new UnknownDeadLetterError(id);
    if (row.resolution !== null) throw new DeadLetterResolvedError(id, row.resolution);
    return row;
  }

  /** Records a dead letter's event as its store's next without applying it, when it is that. */
  #skip(row: DeadLetterRow, at: string): boolean {
    if (row.storeId === null) return false;
    let raw: unknown;
    let event: StoreEvent;
    try {
      raw = JSON.parse(row.data);
      event = parseEvent(raw);
    } catch {
      return false;
    }
    const state = this.#state(row.storeId);
    if (
      event.storeId !== row.storeId ||
      event.seq !== state.lastSeq + 1 ||
      event.prevHash !== state.lastHash
    ) {
      return false;
    }
    const canonical = receivedEventForm(event, field(raw, "payload"), nativeSha256Hex);
    if (canonical.hash !== event.hash) return false;
    this.#insertEvent(event, canonical.payload, at);
    state.lastSeq = event.seq;
    state.lastHash = event.hash;
    state.lastEventAt = event.at;
    state.appliedAt = at;
    this.#drainParked(event.storeId, state, at);
    return true;
  }

  #batch(
    messages: readonly IncomingMessage[],
    careful: boolean,
    finish?: (outcomes: readonly Outcome[], at: string) => void,
  ): { outcomes: Outcome[]; moved: Set<string> } {
    const moved = new Set<string>();
    const outcomes: Outcome[] = [];
    const dirty = new Set<string>();
    this.#careful = careful;
    const body = () => {
      const at = this.#now().toISOString();
      for (let i = 0; i < messages.length; i += READ_AHEAD) {
        const reads = messages.slice(i, i + READ_AHEAD).map((message) => this.#read(message));
        for (const read of reads) outcomes.push(this.#one(read, at, moved, dirty));
      }
      finish?.(outcomes, at);
      for (const storeId of dirty) this.#s.saveState.run({ storeId, ...this.#state(storeId) });
    };
    try {
      if (careful) this.#sqlite.transaction(body)();
      else
        deferringWrites(
          this.#sqlite,
          this.#sqlite.transaction(() => this.#summaries.fold(() => this.#stock.fold(body))),
        );
    } catch (err) {
      this.#states.clear();
      throw err;
    }
    return { outcomes, moved };
  }

  #state(storeId: string): State {
    let state = this.#states.get(storeId);
    if (!state) {
      state = this.#s.state.get(storeId) ?? {
        lastSeq: 0,
        lastHash: null,
        lastEventAt: null,
        appliedAt: null,
        gapFromSeq: null,
        gapSince: null,
      };
      this.#states.set(storeId, state);
    }
    return state;
  }

  /** Decodes and validates a message: its checked event, or why it is refused. */
  #read(message: IncomingMessage): Read {
    const text = decoder.decode(message.data);
    const subject = parseStoreEventSubject(message.subject);
    let raw: unknown;
    try {
      if (!subject) throw new DeadLetter("BAD_SUBJECT", `${message.subject} is not a store event subject`);
      try {
        raw = JSON.parse(text);
      } catch {
        throw new DeadLetter("INVALID_JSON", "the message body is not JSON");
      }
      return {
        subject: message.subject,
        storeId: subject.storeId,
        text,
        raw,
        checked: this.#validate(raw, subject),
      };
    } catch (err) {
      const refused = err instanceof DeadLetter ? err : new DeadLetter("APPLY_FAILED", messageOf(err));
      return { subject: message.subject, storeId: subject?.storeId ?? null, text, raw, checked: refused };
    }
  }

  #one(read: Read, at: string, moved: Set<string>, dirty: Set<string>): Outcome {
    const { checked } = read;
    try {
      if (checked instanceof DeadLetter) throw checked;
      const storeId = checked.event.storeId;
      dirty.add(storeId);
      const outcome = this.#sequence(checked, read.text, at);
      if (outcome === "applied") moved.add(storeId);
      return outcome;
    } catch (err) {
      if (err instanceof RetryCarefully || isDeferredWriteFailure(err)) throw err;
      const dead = err instanceof DeadLetter ? err : new DeadLetter("APPLY_FAILED", messageOf(err));
      const id = field(read.raw, "id");
      const seq = field(read.raw, "seq");
      this.#recordDead(read.subject, read.storeId, read.text, at, {
        reason: dead.reason,
        message: dead.message,
        eventId: typeof id === "string" ? id.slice(0, 64) : null,
        seq: typeof seq === "number" && Number.isSafeInteger(seq) ? seq : null,
      });
      return "dead";
    }
  }

  #validate(raw: unknown, subject: { storeId: string; type: string | null }): Checked {
    let event: StoreEvent;
    try {
      event = parseEvent(raw);
    } catch (err) {
      throw new DeadLetter("INVALID_EVENT", messageOf(err));
    }
    if (event.storeId !== subject.storeId) {
      throw new DeadLetter(
        "STORE_MISMATCH",
        `the event claims store ${event.storeId} but came on store ${subject.storeId}'s subject`,
      );
    }
    if (event.type !== subject.type) {
      throw new DeadLetter(
        "TYPE_MISMATCH",
        `the event is a ${event.type} but came on a ${subject.type} subject`,
      );
    }
    const canonical = receivedEventForm(event, field(raw, "payload"), nativeSha256Hex);
    if (canonical.hash !== event.hash) {
      throw new DeadLetter("HASH_MISMATCH", `event ${event.seq} (${event.id}) does not match its hash`);
    }
    return { event, payload: canonical.payload };
  }

  /** Applies, parks or recognises a duplicate. Cached state changes only once writes succeed. */
  #sequence(checked: Checked, text: string, at: string): Outcome {
    const { event } = checked;
    const state = this.#state(event.storeId);
    if (event.seq <= state.lastSeq) {
      if (this.#s.seen.get(event.id)) return "duplicate";
      throw new DeadLetter(
        "SEQUENCE_CONFLICT",
        `store ${event.storeId} event ${event.seq} was applied before with another id; this one (${event.id}) is not its journal's`,
      );
    }
    if (event.seq > state.lastSeq + 1) {
      this.#s.park.run({ storeId: event.storeId, seq: event.seq, id: event.id, event: text, receivedAt: at });
      state.gapFromSeq = state.lastSeq + 1;
      state.gapSince ??= at;
      return "parked";
    }
    this.#applyNext(checked, state, at);
    if (state.gapFromSeq !== null) this.#drainParked(event.storeId, state, at);
    return "applied";
  }

  /** Applies the store's next event in a savepoint; the state moves only after it succeeded. */
  #applyNext({ event, payload }: Checked, state: State, at: string): void {
    if (event.prevHash !== state.lastHash) {
      throw new DeadLetter(
        "CHAIN_BROKEN",
        `store ${event.storeId} event ${event.seq} does not follow event ${state.lastSeq}: its prevHash differs from the hash HQ applied`,
      );
    }
    const write = () => {
      this.#insertEvent(event, payload, at);
      this.#webhooks.before(event);
      this.#stock.apply(event);
      this.#summaries.apply(event, () => this.#sales.apply(event));
      this.#purchasing.apply(event);
      this.#orders.apply(event);
      this.#scales.apply(event);
      this.#webhooks.after(event);
      if (this.#openDead.has(event.id)) this.#s.redelivered.run(event.id, at);
    };
    if (this.#careful) {
      this.#sqlite.transaction(write)();
    } else {
      try {
        write();
      } catch (err) {
        throw new RetryCarefully(messageOf(err));
      }
    }
    state.lastSeq = event.seq;
    state.lastHash = event.hash;
    state.lastEventAt = event.at;
    state.appliedAt = at;
  }

  /** Keeps the event in HQ's copy of its store's journal. */
  #insertEvent(event: StoreEvent, payload: string, at: string): void {
    this.#s.insertEvent.run({
      id: event.id,
      storeId: event.storeId,
      seq: event.seq,
      type: event.type,
      version: event.version,
      at: event.at,
      payload,
      prevHash: event.prevHash,
      hash: event.hash,
      appliedAt: at,
    });
  }

  /** The gap may have filled: applies the parked run that follows, in order. */
  #drainParked(storeId: string, state: State, at: string): void {
    for (;;) {
      const next = this.#s.parked.get(storeId, state.lastSeq + 1);
      if (!next) break;
      let raw: unknown;
      let event: StoreEvent;
      try {
        raw = JSON.parse(next.event);
        event = parseEvent(raw);
      } catch (err) {
        // Parked events were validated first; one this build cannot read is set aside.
        this.#s.unpark.run(storeId, state.lastSeq + 1);
        this.#recordDead(`parked.${storeId}`, storeId, next.event, at, {
          reason: "INVALID_EVENT",
          message: messageOf(err),
          eventId: null,
          seq: state.lastSeq + 1,
        });
        break;
      }
      if (this.#s.seen.get(event.id)) {
        this.#s.unpark.run(storeId, event.seq);
        continue;
      }
      if (event.prevHash !== state.lastHash) break;
      try {
        this.#applyNext(
          { event, payload: receivedEventForm(event, field(raw, "payload"), nativeSha256Hex).payload },
          state,
          at,
        );
      } catch (err) {
        if (err instanceof RetryCarefully || isDeferredWriteFailure(err)) throw err;
        this.#s.unpark.run(storeId, event.seq);
        this.#recordDead(storeEventSubject(storeId, event.type), storeId, next.event, at, {
          reason: "APPLY_FAILED",
          message: messageOf(err),
          eventId: event.id,
          seq: event.seq,
        });
        break;
      }
    }
    this.#s.unpark.run(storeId, state.lastSeq);
    const parked = this.#s.firstParked.get(storeId)?.seq ?? null;
    state.gapFromSeq = parked === null ? null : state.lastSeq + 1;
    state.gapSince = parked === null ? null : (state.gapSince ?? at);
  }

  #recordDead(
    subject: string,
    storeId: string | null,
    text: string,
    at: string,
    what: { reason: DeadLetterReason; message: string; eventId: string | null; seq: number | null },
  ): void {
    this.#s.deadLetter.run({
      storeId,
      subject,
      eventId: what.eventId,
      seq: what.seq,
      reason: what.reason,
      message: what.message.slice(0, 2000),
      data: text.slice(0, MAX_DATA),
      receivedAt: at,
    });
    this.#lastDead = { reason: what.reason, message: what.message };
    if (what.eventId !== null && REDELIVERABLE.includes(what.reason)) this.#openDead.add(what.eventId);
  }
}
