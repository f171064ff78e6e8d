/**
 * The NATS side of ingest: makes sure the store events stream and HQ's durable consumer exist
 * (after every reconnect: a broker that lost its store dir gets them back), pulls events,
 * hands them to the ingestor in batches, acknowledges each batch only after its commit, and
 * announces each store's applied pointer: after every batch that moved it, and every second
 * for every store, so a store can tell when HQ is behind what it published.
 */
import type { Database, Statement } from "bun:sqlite";
import { type JsMsg, jetstream, jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import {
  type AppliedPointer,
  appliedSubject,
  BatchQueue,
  ensureDurableConsumer,
  ensureStream,
  INGEST_CONSUMER,
  ingestConsumerConfig,
  type NatsLink,
  SessionSupervisor,
  STORE_EVENTS_STREAM,
  storeEventsStreamConfig,
} from "../../shared/nats/index.ts";
import { EventIngestor } from "./ingestor.ts";

export interface IngestOptions {
  sqlite: Database;
  now: () => Date;
  link: NatsLink;
  log: (line: string) => void;
  /** Most messages applied in one transaction (default 1000). */
  batch?: number;
  /** Replicas of the stream and the consumer (`--nats-replicas`, default 1). */
  replicas?: number;
}

const HEARTBEAT_MS = 1_000;
/**
 * Event-loop turns a batch may wait for more messages that are already on their way. A read
 * of the connection hands over a few hundred sale-sized messages; under load the next read is
 * ready at once, and one commit for a full batch costs far less per event than one per read.
 */
const GATHER_TURNS = 4;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class IngestConsumer {
  readonly #ingestor: EventIngestor;
  readonly #storeIds;
  readonly #supervisor: SessionSupervisor;
  #queue: BatchQueue<JsMsg> | null = null;

  constructor(private readonly options: IngestOptions) {
    this.#ingestor = new EventIngestor(options.sqlite, options.now);
    this.#storeIds = storeIdsQuery(options.sqlite);
    this.#supervisor = new SessionSupervisor(
      options.link,
      (text) => this.#log(text),
      {
        session: (nc) => this.#session(nc),
        onFailure: (err, failures) => ({
          problem: `consuming store events failed (${reason(err)}); retrying`,
          retryInMs: Math.min(5_000, 200 * 2 ** Math.min(failures, 5)),
        }),
      },
      () => this.#queue?.close(),
    );
  }

  /** The ingestor this consumer applies with: dead letters are retried and discarded through it. */
  get ingestor(): EventIngestor {
    return this.#ingestor;
  }

  /** Tells these stores HQ's applied pointer now (when connected; the heartbeat does later). */
  announce(storeIds: ReadonlySet<string>): void {
    const nc = this.options.link.connection;
    if (nc === null) return;
    for (const storeId of storeIds) this.#announce(nc, storeId);
  }

  start(): this {
    this.#supervisor.start();
    return this;
  }

  stop(): Promise<void> {
    return this.#supervisor.stop();
  }

  #log(text: string): void {
    this.options.log(`hq: ingest: ${text}`);
  }

  async #session(nc: NatsConnection): Promise<void> {
    const jsm = await jetstreamManager(nc);
    const replicas = this.options.replicas ?? 1;
    const log = (line: string) => this.#log(line);
    await ensureStream(jsm, storeEventsStreamConfig(replicas), log);
    await ensureDurableConsumer(jsm, STORE_EVENTS_STREAM, ingestConsumerConfig(replicas), log);
    const consumer = await jetstream(nc).consumers.get(STORE_EVENTS_STREAM, INGEST_CONSUMER);
    const queue = new BatchQueue<JsMsg>();
    this.#queue = queue;
    const batchSize = this.options.batch ?? 1_000;
    // Two batches' worth requested, so the broker keeps sending while a batch commits.
    const messages = await consumer.consume({
      max_messages: 2 * batchSize,
      callback: (msg) => queue.push(msg),
    });
    let ended: string | null = null;
    void (async () => {
      for await (const s of messages.status()) {
        if (
          s.type === "consumer_deleted" ||
          s.type === "consumer_not_found" ||
          s.type === "stream_not_found"
        ) {
          ended ??= s.type;
          queue.close();
        }
      }
    })();
    this.#supervisor.recovered("consuming store events again");
    let lastBeat = 0;
    try {
      while (this.#supervisor.running && this.options.link.connection === nc && ended === null) {
        const now = performance.now();
        if (now - lastBeat >= HEARTBEAT_MS) {
          lastBeat = now;
          for (const storeId of this.#storeIds()) this.#announce(nc, storeId);
        }
        const batch = await gather(queue, batchSize);
        if (batch.length > 0) this.#process(nc, batch);
      }
      if (ended !== null) throw new Error(`the consumer went away (${ended})`);
    } finally {
      this.#queue = null;
      queue.close();
      await messages.close().catch(() => undefined);
    }
  }

  /**
   * Applies a batch and acknowledges it after the commit. A batch that fails is not
   * acknowledged: the session ends and its messages are delivered again.
   */
  #process(nc: NatsConnection, batch: readonly JsMsg[]): void {
    let result: ReturnType<EventIngestor["ingest"]>;
    try {
      result = this.#ingestor.ingest(batch.map((m) => ({ subject: m.subject, data: m.data })));
    } catch (err) {
      throw new Error(
        `applying ${batch.length} event(s) failed (${reason(err)}); they will be delivered again`,
      );
    }
    for (const m of batch) m.ack();
    const dead = result.outcomes.filter((o) => o === "dead").length;
    if (dead > 0) this.#log(`${dead} message(s) dead-lettered (see GET /api/v1/stores)`);
    for (const storeId of result.moved) this.#announce(nc, storeId);
  }

  #announce(nc: NatsConnection, storeId: string): void {
    const applied = this.#ingestor.applied(storeId);
    const pointer: AppliedPointer = {
      storeId,
      seq: applied.seq,
      hash: applied.hash,
      lastEventAt: applied.lastEventAt,
      at: this.options.now().toISOString(),
    };
    try {
      nc.publish(appliedSubject(storeId), JSON.stringify(pointer));
    } catch {
      // Not connected right now: the next heartbeat tells it again.
    }
  }
}

/**
 * What has arrived (waiting up to 250 ms for the first message), topped up with what the next
 * few turns of the event loop deliver while more keeps coming, up to `max`.
 */
async function gather(queue: BatchQueue<JsMsg>, max: number): Promise<JsMsg[]> {
  const batch = await queue.take(max, 250);
  for (let turn = 0; turn < GATHER_TURNS && batch.length > 0 && batch.length < max; turn++) {
    await nextTurn();
    if (queue.length === 0) break;
    for (const msg of await queue.take(max - batch.length)) batch.push(msg);
  }
  return batch;
}

/** Every store HQ knows: registered ones and those it has events from. */
function storeIdsQuery(sqlite: Database): () => string[] {
  const isStoreId = (id: string) => /^[A-Za-z0-9_]{1,16}$/.test(id);
  let query: Statement<{ id: string }, []>;
  try {
    query = sqlite.query<{ id: string }, []>(
      "SELECT store_id AS id FROM store_replication UNION SELECT store_id AS id FROM stores",
    );
  } catch {
    query = sqlite.query<{ id: string }, []>("SELECT store_id AS id FROM store_replication");
  }
  return () =>
    query
      .all()
      .map((r) => r.id)
      .filter(isStoreId);
}
