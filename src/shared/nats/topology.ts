/**
 * The JetStream streams and consumers replication needs, created by the binaries themselves
 * and idempotently: created when missing, updated when a setting we manage differs, left alone
 * otherwise. Only settings nats-server 2.9 understands are sent, so the same binary works with
 * the Debian 2.9 server and with 2.10+ (see docs/replication.md for the production settings).
 */
import {
  AckPolicy,
  type ConsumerConfig,
  type ConsumerInfo,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
  type StreamInfo,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import {
  CATALOG_STREAM,
  CATALOG_SUBJECTS,
  INGEST_CONSUMER,
  STORE_EVENTS_STREAM,
  STORE_EVENTS_SUBJECTS,
} from "./subjects.ts";

const DAY_MS = 86_400_000;

/** Replicas of each stream: 1 on a single server, 3 on a production cluster (RINGUP_NATS_REPLICAS). */
export function streamReplicas(): number {
  const raw = process.env.RINGUP_NATS_REPLICAS;
  const n = raw === undefined ? 1 : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : 1;
}

/**
 * Store events on their way to HQ. File storage; a 2-minute duplicate window on Nats-Msg-Id
 * (the event id); a week of retention: HQ's applied pointer, not the stream, is what stores
 * trust, so the stream is only a conveyor and may forget.
 */
export function storeEventsStreamConfig(): Partial<StreamConfig> & { name: string } {
  return {
    name: STORE_EVENTS_STREAM,
    subjects: [STORE_EVENTS_SUBJECTS],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(2 * 60_000),
    max_age: nanos(7 * DAY_MS),
    max_msg_size: 1024 * 1024,
    num_replicas: streamReplicas(),
  };
}

/**
 * HQ → stores: catalog, prices, users and settings, compacted like a key/value bucket (the
 * latest message per subject, one subject per key), so a new store reads the current state
 * and a store that was away reads only the latest value of what changed.
 */
export function catalogStreamConfig(): Partial<StreamConfig> & { name: string } {
  return {
    name: CATALOG_STREAM,
    subjects: [CATALOG_SUBJECTS],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_msgs_per_subject: 1,
    duplicate_window: nanos(2 * 60_000),
    max_msg_size: 1024 * 1024,
    num_replicas: streamReplicas(),
  };
}

/**
 * HQ's durable pull consumer: every store's events, each acknowledged after the commit of
 * the batch it was applied in. Explicit acknowledgements, not "all": a message delivered to a
 * pull request of a process that died must come back, and acknowledging a later message
 * must not acknowledge it.
 */
export function ingestConsumerConfig(): Partial<ConsumerConfig> & { durable_name: string } {
  return {
    durable_name: INGEST_CONSUMER,
    filter_subject: STORE_EVENTS_SUBJECTS,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(5_000),
    max_deliver: -1,
    max_ack_pending: 20_000,
    max_waiting: 64,
  };
}

function isApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

type Comparable = string | number | boolean | readonly string[] | undefined;

function differs(want: Record<string, unknown>, have: Record<string, unknown>, keys: readonly string[]) {
  return keys.filter((k) => JSON.stringify(want[k] as Comparable) !== JSON.stringify(have[k] as Comparable));
}

const MUTABLE_STREAM_KEYS = [
  "subjects",
  "duplicate_window",
  "max_age",
  "max_msgs_per_subject",
  "max_msg_size",
  "discard",
  "num_replicas",
] as const;

/** Creates the stream, or updates the settings we manage that differ. Answers its info. */
export async function ensureStream(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
): Promise<StreamInfo> {
  let info: StreamInfo;
  try {
    info = await jsm.streams.info(config.name);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
    try {
      return await jsm.streams.add(config);
    } catch (addErr) {
      // Another process created it in the meantime.
      if (!(addErr instanceof JetStreamApiError)) throw addErr;
      return await jsm.streams.info(config.name);
    }
  }
  const want: Record<string, unknown> = config;
  const changed = differs(want, info.config, MUTABLE_STREAM_KEYS);
  if (changed.length === 0) return info;
  const update: Record<string, unknown> = { ...info.config };
  for (const key of changed) update[key] = want[key];
  return jsm.streams.update(config.name, update);
}

const MUTABLE_CONSUMER_KEYS = ["ack_wait", "max_deliver", "max_ack_pending", "max_waiting"] as const;

/** Creates the durable consumer, or updates the settings we manage that differ. */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  stream: string,
  config: Partial<ConsumerConfig> & { durable_name: string },
): Promise<ConsumerInfo> {
  let info: ConsumerInfo;
  try {
    info = await jsm.consumers.info(stream, config.durable_name);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    return jsm.consumers.add(stream, config);
  }
  const want: Record<string, unknown> = config;
  const changed = differs(want, info.config, MUTABLE_CONSUMER_KEYS);
  if (changed.length === 0) return info;
  const update: Record<string, unknown> = {};
  for (const key of changed) update[key] = want[key];
  return jsm.consumers.update(stream, config.durable_name, update);
}

export { isApiError };
