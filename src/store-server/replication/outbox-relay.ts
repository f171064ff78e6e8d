/**
 * The outbox relay: publishes the store's journal (the `events` table) to JetStream in
 * sequence order, `Nats-Msg-Id` = event id, many in flight at once within a bounded window,
 * and remembers the highest acknowledged sequence (the published pointer) so it resumes there
 * after a restart. A publish acknowledgement is not the finish line: HQ announces the highest
 * sequence it has applied, and when HQ stays behind what was published the relay publishes
 * again from HQ's pointer, so nothing depends on the broker keeping an acknowledged message.
 * The session supervisor waits for the link and retries a failed session with back-off; a
 * failure is logged once, and once more when publishing moves on again.
 */
import type { Database } from "bun:sqlite";
import { jetstream } from "@nats-io/jetstream";
import type { NatsConnection, Subscription } from "@nats-io/transport-node";
import { envelopeJson, storeEventSubject } from "../../core/events.ts";
import {
  type AppliedPointer,
  appliedPointerSchema,
  appliedSubject,
  type NatsLink,
  parseJsonMessage,
  SessionSupervisor,
} from "../../shared/nats/index.ts";
import { POINTER_KEYS, Pointers } from "./pointers.ts";

export interface RelayOptions {
  sqlite: Database;
  storeId: string;
  link: NatsLink;
  log: (line: string) => void;
  /** Most publishes awaiting their acknowledgement at once (default 256). */
  window?: number;
  /** How long HQ may stay behind the published pointer before the relay publishes again (ms). */
  stallMs?: number;
  /** Idle poll interval for new journal rows (ms). */
  pollMs?: number;
  /** Told every applied pointer HQ sends (the divergence check compares it with the journal). */
  onApplied?: (pointer: AppliedPointer) => void;
}

export interface RelayStatus {
  /** Highest sequence JetStream acknowledged. */
  published: number;
  /** Highest sequence HQ reports applied (null until HQ has said). */
  appliedAtHq: number | null;
  /** Last sequence in the journal. */
  lastSeq: number;
  /** Events HQ has not confirmed applying. */
  backlog: number;
}

interface EventRow {
  seq: number;
  id: string;
  type: string;
  version: number;
  at: string;
  payload: string;
  prevHash: string | null;
  hash: string;
}

/** How long without a word from HQ (it speaks every second) before its pointer is stale (ms). */
const HQ_SILENT_MS = 3_500;
const MAX_REWIND_INTERVAL_MS = 60_000;
const PUBLISH_TIMEOUT_MS = 5_000;

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class OutboxRelay {
  readonly #o: Required<Omit<RelayOptions, "sqlite" | "link" | "log" | "onApplied">> & RelayOptions;
  readonly #pointers: Pointers;
  readonly #after;
  readonly #lastSeq;
  #published: number;
  #applied: number | null = null;
  #appliedSeenAt = 0;
  /** Since when HQ has been behind the published pointer without moving (ms, monotonic). */
  #behindSince: number | null = null;
  #lastRewindAt = -Infinity;
  #rewindInterval: number;
  readonly #supervisor: SessionSupervisor;
  #sub: { nc: NatsConnection; sub: Subscription } | null = null;
  /** Bumped whenever HQ's pointer sends the published one back (a rewind). */
  #generation = 0;
  /**
   * Times the relay published again from HQ's pointer. Message ids then carry it, so the
   * broker's duplicate window cannot drop what HQ says it lacks (HQ dedupes by event id).
   */
  #rewinds = 0;
  #saved: number;
  #savedAt = 0;

  constructor(options: RelayOptions) {
    this.#o = { window: 256, stallMs: 3_000, pollMs: 20, ...options };
    this.#pointers = new Pointers(options.sqlite);
    this.#after = options.sqlite.query<EventRow, [number, number]>(
      `SELECT seq, id, type, version, at, payload, prev_hash AS prevHash, hash
       FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2`,
    );
    this.#lastSeq = options.sqlite.query<{ seq: number | null }, []>("SELECT max(seq) AS seq FROM events");
    this.#published = this.#pointers.number(POINTER_KEYS.published);
    this.#saved = this.#published;
    this.#rewindInterval = this.#o.stallMs;
    this.#supervisor = new SessionSupervisor(options.link, (text) => this.#log(text), {
      session: (nc) => this.#session(nc),
      onFailure: (err, failures) => ({
        // One line per outage: later failures before publishing moves on again say nothing new.
        problem:
          this.#supervisor.problem === null
            ? `publishing from event ${this.#published + 1} failed (${reason(err)}); retrying with backoff`
            : null,
        retryInMs: Math.min(5_000, 100 * 2 ** Math.min(failures, 6)) * (0.75 + Math.random() / 2),
      }),
    });
  }

  status(): RelayStatus {
    const lastSeq = this.#lastSeq.get()?.seq ?? 0;
    return {
      published: this.#published,
      appliedAtHq: this.#applied,
      lastSeq,
      backlog: Math.max(0, lastSeq - (this.#applied ?? 0)),
    };
  }

  start(): this {
    this.#supervisor.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.#supervisor.stop();
    this.#sub?.sub.unsubscribe();
    this.#sub = null;
  }

  #log(text: string): void {
    this.#o.log(`store ${this.#o.storeId}: replication: ${text}`);
  }

  /** One session on a live connection: HQ's pointer is watched and the journal published. */
  async #session(nc: NatsConnection): Promise<void> {
    this.#watchApplied(nc);
    await this.#pump(nc);
  }

  /**
   * Publishes until the link drops or the relay stops; throws on a failed publish. A sliding
   * window: up to `window` publishes await their acknowledgement, the oldest first, and the
   * window is refilled from the journal as it drains.
   */
  async #pump(nc: NatsConnection): Promise<void> {
    const js = jetstream(nc, { timeout: PUBLISH_TIMEOUT_MS });
    const { link, window, pollMs } = this.#o;
    let inFlight: { seq: number; done: Promise<unknown> }[] = [];
    let next = this.#published + 1;
    let generation = this.#generation;
    try {
      while (this.#supervisor.running && link.connection === nc) {
        this.#checkHq();
        if (generation !== this.#generation) {
          // HQ is behind what was published: start again from its pointer. The publishes
          // still in flight settle on their own; their outcome no longer matters.
          inFlight = [];
          next = this.#published + 1;
          generation = this.#generation;
        }
        // HQ may already have more than was acknowledged here (its pointer moved ahead):
        // nothing it has is read or sent again, and what is in flight beyond it carries on.
        if (next <= this.#published) next = this.#published + 1;
        if (inFlight.length <= window / 2) {
          for (const row of this.#after.all(next - 1, window - inFlight.length)) {
            const done = js
              .publish(storeEventSubject(this.#o.storeId, row.type), this.#body(row), {
                msgID: this.#rewinds === 0 ? row.id : `${row.id}.r${this.#rewinds}`,
                timeout: PUBLISH_TIMEOUT_MS,
              })
              .then(
                () => null,
                (err: unknown) => err ?? new Error("publish failed"),
              );
            inFlight.push({ seq: row.seq, done });
            next = row.seq + 1;
          }
        }
        const head = inFlight[0];
        if (!head) {
          this.#persist(true);
          await this.#supervisor.sleep(pollMs);
          continue;
        }
        const failure = await head.done;
        inFlight.shift();
        if (head.seq <= this.#published) {
          // Already applied at HQ: how its publish went no longer matters.
          this.#persist(inFlight.length === 0);
          continue;
        }
        if (failure !== null) throw failure;
        if (generation === this.#generation && head.seq === this.#published + 1) this.#published = head.seq;
        this.#persist(inFlight.length === 0);
      }
    } finally {
      this.#persist(true);
    }
  }

  /** Saves the published pointer: at most every 250 ms while busy, at once when caught up. */
  #persist(now: boolean): void {
    if (this.#published === this.#saved) return;
    const t = performance.now();
    if (!now && t - this.#savedAt < 250) return;
    this.#pointers.set(POINTER_KEYS.published, this.#published);
    this.#saved = this.#published;
    this.#savedAt = t;
    if (this.#supervisor.problem !== null) {
      this.#supervisor.recovered(`publishing again (up to event ${this.#published})`);
    }
  }

  /** The event envelope as JSON, the payload spliced in exactly as journaled. */
  #body(row: EventRow): string {
    return envelopeJson({ ...row, storeId: this.#o.storeId }, row.payload, row.hash);
  }

  /** Subscribes to HQ's applied pointer for this store on a (new) connection. */
  #watchApplied(nc: NatsConnection): void {
    if (this.#sub?.nc === nc && !this.#sub.sub.isClosed()) return;
    this.#sub?.sub.unsubscribe();
    const sub = nc.subscribe(appliedSubject(this.#o.storeId), {
      callback: (err, msg) => {
        if (err) return;
        const parsed = parseJsonMessage(appliedPointerSchema, msg.data);
        if (parsed.ok && parsed.value.storeId === this.#o.storeId) this.#onApplied(parsed.value);
      },
    });
    this.#sub = { nc, sub };
  }

  #onApplied(pointer: AppliedPointer): void {
    this.#o.onApplied?.(pointer);
    const now = performance.now();
    this.#appliedSeenAt = now;
    if (pointer.seq !== this.#applied) {
      this.#applied = pointer.seq;
      this.#behindSince = null;
      this.#rewindInterval = this.#o.stallMs;
    }
    this.#checkHq();
  }

  /**
   * Compares HQ's applied pointer with the published one: skips ahead when HQ already has
   * more (e.g. the pointer was not saved before a crash), and publishes again from HQ's
   * pointer when HQ, alive and talking, has stayed behind for longer than the stall time.
   */
  #checkHq(): void {
    const applied = this.#applied;
    if (applied === null) return;
    const now = performance.now();
    if (applied > this.#published) {
      const lastSeq = this.#lastSeq.get()?.seq ?? 0;
      const to = Math.min(applied, lastSeq);
      if (to > this.#published) {
        this.#published = to;
        this.#persist(true);
      }
      this.#behindSince = null;
      return;
    }
    if (applied === this.#published) {
      this.#behindSince = null;
      return;
    }
    this.#behindSince ??= now;
    const hqTalking = now - this.#appliedSeenAt < HQ_SILENT_MS;
    if (
      hqTalking &&
      now - this.#behindSince >= this.#o.stallMs &&
      now - this.#lastRewindAt >= this.#rewindInterval
    ) {
      this.#log(
        `HQ has applied up to event ${applied} but ${this.#published} were published; publishing again from ${applied + 1}`,
      );
      this.#published = applied;
      this.#generation++;
      this.#rewinds++;
      this.#persist(true);
      this.#lastRewindAt = now;
      this.#behindSince = null;
      this.#rewindInterval = Math.min(this.#rewindInterval * 2, MAX_REWIND_INTERVAL_MS);
    }
  }
}
