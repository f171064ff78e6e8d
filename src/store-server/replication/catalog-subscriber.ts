/**
 * Head office → store: reads the catalog stream (latest value per key) through two consumers,
 * one for entries meant for every store and one for this store's own (nats-server 2.9 has no
 * multi-filter consumers), applies each entry in the store's database together with the
 * stream position it came from, and so resumes after a restart or an outage exactly where it
 * stopped, reading only the latest value of what changed. A new store, or a stream that was
 * recreated, starts from the beginning: the stream holds one message per key, a snapshot.
 */
import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  JetStreamApiCodes,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { nanos } from "@nats-io/transport-node";
import { type CatalogChange, catalogChangeSchema, isForStore } from "../../core/catalog-changes.ts";
import { DomainError } from "../../core/errors.ts";
import type { StoreSettings } from "../../core/settings.ts";
import {
  BatchQueue,
  CATALOG_STREAM,
  catalogConsumerName,
  catalogFilter,
  isApiError,
  type NatsLink,
  parseJsonMessage,
  SessionSupervisor,
} from "../../shared/nats/index.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import { CatalogService } from "../catalog/service.ts";
import type { StoreContext } from "../context.ts";
import { applyChange, applySettings } from "./apply-change.ts";
import { POINTER_KEYS, Pointers } from "./pointers.ts";

type Target = "all" | "own";
const TARGETS: readonly Target[] = ["all", "own"];
const POSITION_KEY = { all: POINTER_KEYS.catalogAll, own: POINTER_KEYS.catalogOwn } as const;
const BATCH = 500;

export interface CatalogSubscriberOptions {
  ctx: StoreContext;
  link: NatsLink;
  log: (line: string) => void;
}

class SessionEnded extends Error {}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A pull waits this long (heartbeats every half of it): a silent consumer is noticed soon. */
const PULL_EXPIRES_MS = 10_000;
/** Heartbeats missed in a row after which the session starts again with new consumers. */
const MISSED_HEARTBEATS_TO_RESTART = 2;

export class CatalogSubscriber {
  readonly #ctx: StoreContext;
  readonly #pointers: Pointers;
  readonly #catalog: CatalogService;
  readonly #supervisor: SessionSupervisor;
  #queue: BatchQueue<{ target: Target; msg: JsMsg }> | null = null;
  #applied = 0;
  #lastReport = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: CatalogSubscriberOptions) {
    this.#ctx = options.ctx;
    this.#pointers = new Pointers(options.ctx.sqlite);
    this.#catalog = new CatalogService(options.ctx);
    this.#supervisor = new SessionSupervisor(
      options.link,
      (text) => this.#log(text),
      {
        session: (nc) => this.#session(nc),
        onFailure: (err, failures) => ({
          problem:
            err instanceof SessionEnded
              ? null
              : isApiError(err, JetStreamApiCodes.StreamNotFound)
                ? "head office has not created the catalog stream yet; waiting for it"
                : `reading head office's changes failed (${reason(err)}); retrying`,
          retryInMs: err instanceof SessionEnded ? 50 : Math.min(5_000, 200 * 2 ** Math.min(failures, 5)),
        }),
      },
      () => this.#queue?.close(),
    );
  }

  /** The highest head office change seq applied here. */
  appliedSeq(): number {
    return this.#pointers.number(POINTER_KEYS.catalogSeq);
  }

  start(): this {
    this.#supervisor.start();
    return this;
  }

  stop(): Promise<void> {
    return this.#supervisor.stop();
  }

  #log(text: string): void {
    this.options.log(`store ${this.#ctx.storeId}: catalog: ${text}`);
  }

  async #session(nc: NatsConnection): Promise<void> {
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    const info = await jsm.streams.info(CATALOG_STREAM);
    const positions = this.#positions(info.created, info.state.last_seq);
    const queue = new BatchQueue<{ target: Target; msg: JsMsg }>();
    this.#queue = queue;
    const js = jetstream(nc);
    const running: ConsumerMessages[] = [];
    let ended: string | null = null;
    try {
      for (const target of TARGETS) {
        await this.#createConsumer(jsm, target, positions[target] + 1);
        const consumer = await js.consumers.get(
          CATALOG_STREAM,
          catalogConsumerName(target, this.#ctx.storeId),
        );
        const messages = await consumer.consume({
          max_messages: BATCH,
          expires: PULL_EXPIRES_MS,
          callback: (msg) => queue.push({ target, msg }),
        });
        running.push(messages);
        void (async () => {
          for await (const s of messages.status()) {
            // A consumer that stays silent (its server lost, a cluster without quorum that came
            // back) is made again from the saved positions, like a deleted one.
            if (
              s.type === "consumer_deleted" ||
              s.type === "consumer_not_found" ||
              s.type === "stream_not_found" ||
              (s.type === "heartbeats_missed" && s.count >= MISSED_HEARTBEATS_TO_RESTART)
            ) {
              ended ??= s.type;
              queue.close();
            }
          }
        })();
      }
      this.#supervisor.recovered("reading head office's changes again");
      const expected: Record<Target, number> = { all: 1, own: 1 };
      while (this.#supervisor.running && this.options.link.connection === nc && ended === null) {
        const batch = await queue.take(BATCH, 250);
        if (batch.length > 0) this.#applyBatch(batch, expected);
      }
      if (ended !== null) throw new SessionEnded(ended);
    } finally {
      this.#queue = null;
      queue.close();
      await Promise.all(running.map((m) => m.close().catch(() => undefined)));
    }
  }

  /** Positions per consumer; back to the start when the stream is new or lost messages. */
  #positions(epoch: string, lastSeq: number): Record<Target, number> {
    const all = this.#pointers.number(POINTER_KEYS.catalogAll);
    const own = this.#pointers.number(POINTER_KEYS.catalogOwn);
    const stored = this.#pointers.text(POINTER_KEYS.catalogEpoch);
    if (stored === epoch && all <= lastSeq && own <= lastSeq) return { all, own };
    if (stored !== null)
      this.#log("head office's catalog stream was recreated; reading the whole catalog again");
    this.#ctx.db.transaction(() => {
      this.#pointers.set(POINTER_KEYS.catalogEpoch, epoch);
      this.#pointers.set(POINTER_KEYS.catalogAll, 0);
      this.#pointers.set(POINTER_KEYS.catalogOwn, 0);
    });
    return { all: 0, own: 0 };
  }

  async #createConsumer(jsm: JetStreamManager, target: Target, startSeq: number): Promise<void> {
    const name = catalogConsumerName(target, this.#ctx.storeId);
    try {
      await jsm.consumers.delete(CATALOG_STREAM, name);
    } catch (err) {
      if (!isApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    }
    await jsm.consumers.add(CATALOG_STREAM, {
      name,
      filter_subject: catalogFilter(target, this.#ctx.storeId),
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: startSeq,
      inactive_threshold: nanos(5 * 60_000),
      mem_storage: true,
    });
  }

  /**
   * Applies a batch in one transaction, positions included. A consumer that skipped a
   * delivery (a message lost on the wire) ends the session: it starts again from the position.
   */
  #applyBatch(batch: readonly { target: Target; msg: JsMsg }[], expected: Record<Target, number>): void {
    const at = this.#ctx.now();
    let settings: StoreSettings | undefined;
    let applied = 0;
    this.#ctx.db.transaction((tx) => {
      for (const { target, msg } of batch) {
        if (msg.info.deliverySequence !== expected[target]) {
          throw new SessionEnded(`missed a delivery on the ${target} consumer`);
        }
        expected[target]++;
        const parsed = parseJsonMessage(catalogChangeSchema, msg.data);
        if (!parsed.ok) {
          this.#log(`ignored a message on ${msg.subject} that is not a catalog change: ${parsed.reason}`);
        } else if (isForStore(parsed.value, this.#ctx.storeId)) {
          const change: CatalogChange = parsed.value;
          try {
            const outcome = tx.transaction((sp) => applyChange(this.#ctx, sp, this.#catalog, change, at));
            if (outcome.settings) settings = outcome.settings;
            if (outcome.result === "applied") applied++;
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            this.#log(`change ${change.seq} (${change.kind} ${change.key}) was not applied: ${err.message}`);
            // Journaled too, so head office sees which of its changes this store could not apply.
            recordAudit(
              this.#ctx,
              tx,
              {
                action: AUDIT_ACTIONS.catalogChangeSkipped,
                at,
                refId: change.key.slice(0, 64),
                detail: {
                  seq: change.seq,
                  kind: change.kind,
                  code: err.code,
                  reason: err.message.slice(0, 200),
                },
              },
              true,
            );
          }
          if (change.seq > this.#pointers.number(POINTER_KEYS.catalogSeq)) {
            this.#pointers.set(POINTER_KEYS.catalogSeq, change.seq);
          }
        }
        this.#pointers.set(POSITION_KEY[target], msg.seq);
      }
    });
    if (settings) applySettings(this.#ctx, settings);
    this.#applied += applied;
    const now = performance.now();
    if (this.#applied > 0 && now - this.#lastReport > 5_000) {
      this.#log(`applied ${this.#applied} change(s) from head office (up to change ${this.appliedSeq()})`);
      this.#applied = 0;
      this.#lastReport = now;
    }
  }
}
