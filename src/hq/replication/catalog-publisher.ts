/**
 * Head office → stores over JetStream: publishes the change log (`catalog_changes`) to the
 * catalog stream, one subject per (target, kind, key) so the stream keeps only the latest
 * value of each key. The change log is the source of truth and this is an outbox relay over
 * it: `published()` only wakes it up; it reads what comes after the last seq it published
 * (kept in `hq_meta`) and so catches up after a restart or a lost link. When the stream is
 * new (first start, or a broker that lost its store dir) or holds fewer messages than were
 * published to it, everything current is published again: the stores' snapshot. The session
 * supervisor waits for the link and retries a failed session with back-off, logging a problem
 * and its recovery once each.
 */
import type { Database } from "bun:sqlite";
import { type JetStreamClient, jetstream, jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { ALL_STORES, type CatalogChange } from "../../core/catalog-changes.ts";
import {
  CATALOG_STREAM,
  catalogKindFilter,
  catalogStreamConfig,
  catalogSubject,
  ensureStream,
  type NatsLink,
  SessionSupervisor,
} from "../../shared/nats/index.ts";
import { changesAfter } from "../catalog/change-log.ts";
import type { CatalogPublisher } from "../catalog/publisher.ts";
import type { HqContext } from "../context.ts";

const KEYS = {
  /** Highest change-log seq published to the current stream. */
  published: "replication.catalog.published",
  /** Stream sequence of that publish, and the stream's creation time. */
  streamSeq: "replication.catalog.stream_seq",
  epoch: "replication.catalog.epoch",
  /** Set once the users older versions sent to every store (with PIN hashes) are purged. */
  usersPurged: "replication.catalog.users_for_all_purged",
} as const;

const BATCH = 500;

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

class MetaKeys {
  readonly #get;
  readonly #set;
  constructor(sqlite: Database) {
    this.#get = sqlite.query<{ value: string }, [string]>("SELECT value FROM hq_meta WHERE key = ?1");
    this.#set = sqlite.query<unknown, [string, string]>(
      "INSERT INTO hq_meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
  }
  text(key: string): string | null {
    return this.#get.get(key)?.value ?? null;
  }
  number(key: string): number {
    const n = Number(this.text(key) ?? 0);
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }
  set(key: string, value: string | number): void {
    this.#set.run(key, String(value));
  }
}

export class NatsCatalogPublisher implements CatalogPublisher {
  readonly #meta: MetaKeys;
  readonly #supervisor: SessionSupervisor;
  #pending = false;

  constructor(
    private readonly ctx: HqContext,
    private readonly link: NatsLink,
    /** Replicas of the catalog stream (`--nats-replicas`). */
    private readonly replicas = 1,
  ) {
    this.#meta = new MetaKeys(ctx.sqlite);
    this.#supervisor = new SessionSupervisor(link, (text) => ctx.log(`hq: catalog: ${text}`), {
      session: (nc) => this.#session(nc),
      onFailure: (err, failures) => ({
        problem: `publishing catalog changes failed (${reason(err)}); retrying`,
        retryInMs: Math.min(5_000, 200 * 2 ** Math.min(failures, 5)),
      }),
    });
  }

  /** Told after each commit: wakes the relay; never throws or blocks. */
  published(_changes: readonly CatalogChange[]): void {
    this.#pending = true;
    this.#supervisor.wake();
  }

  /** Highest change-log seq published. */
  publishedSeq(): number {
    return this.#meta.number(KEYS.published);
  }

  start(): this {
    this.#supervisor.start();
    return this;
  }

  stop(): Promise<void> {
    return this.#supervisor.stop();
  }

  async #session(nc: NatsConnection): Promise<void> {
    const jsm = await jetstreamManager(nc);
    const info = await ensureStream(jsm, catalogStreamConfig(this.replicas), (line) =>
      this.ctx.log(`hq: catalog: ${line}`),
    );
    const epoch = this.#meta.text(KEYS.epoch);
    if (epoch !== info.created || info.state.last_seq < this.#meta.number(KEYS.streamSeq)) {
      if (epoch !== null) {
        this.ctx.log(
          "hq: catalog: the catalog stream is new or lost messages; publishing the whole catalog again",
        );
      }
      this.ctx.db.transaction(() => {
        this.#meta.set(KEYS.epoch, info.created);
        this.#meta.set(KEYS.published, 0);
        this.#meta.set(KEYS.streamSeq, 0);
      });
    }
    if (this.#meta.text(KEYS.usersPurged) === null) {
      // Users now go to each store on its own subjects (users/distribution.ts): the entries for
      // every store, which carried PIN hashes, leave the stream.
      await jsm.streams.purge(CATALOG_STREAM, { filter: catalogKindFilter(ALL_STORES, "user") });
      this.#meta.set(KEYS.usersPurged, "1");
    }
    this.#supervisor.recovered("publishing again");
    const js = jetstream(nc, { timeout: 5_000 });
    while (this.#supervisor.running && this.link.connection === nc) {
      this.#pending = false;
      const changes = changesAfter(this.ctx.db, this.publishedSeq(), { limit: BATCH });
      if (changes.length === 0) {
        if (!this.#pending) await this.#supervisor.sleep(1_000);
        continue;
      }
      await this.#publish(js, changes);
    }
  }

  async #publish(js: JetStreamClient, changes: readonly CatalogChange[]): Promise<void> {
    const acks = await Promise.allSettled(
      changes.map((change) =>
        js.publish(catalogSubject(change.storeId, change.kind, change.key), JSON.stringify(change), {
          msgID: `change-${change.seq}`,
        }),
      ),
    );
    let seq = 0;
    let streamSeq = 0;
    let failure: unknown = null;
    for (const [i, ack] of acks.entries()) {
      const change = changes[i];
      if (!change) break;
      if (ack.status === "rejected") {
        failure = ack.reason;
        break;
      }
      seq = change.seq;
      streamSeq = Math.max(streamSeq, ack.value.seq);
    }
    if (seq > 0) {
      this.ctx.db.transaction(() => {
        this.#meta.set(KEYS.published, seq);
        this.#meta.set(KEYS.streamSeq, Math.max(streamSeq, this.#meta.number(KEYS.streamSeq)));
      });
    }
    if (failure !== null) throw failure;
  }
}
