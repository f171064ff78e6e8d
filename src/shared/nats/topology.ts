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

/** What a line of the log says when a stream or consumer changes; nothing is logged without it. */
export type TopologyLog = (line: string) => void;

/**
 * Store events on their way to HQ. File storage; a 2-minute duplicate window on Nats-Msg-Id
 * (the event id); a week of retention: HQ's applied pointer, not the stream, is what stores
 * trust, so the stream is only a conveyor and may forget.
 */
export function storeEventsStreamConfig(replicas = 1): Partial<StreamConfig> & { name: string } {
  return {
    name: STORE_EVENTS_STREAM,
    subjects: [STORE_EVENTS_SUBJECTS],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(2 * 60_000),
    max_age: nanos(7 * DAY_MS),
    max_msg_size: 1024 * 1024,
    num_replicas: replicas,
  };
}

/**
 * HQ → stores: catalog, prices, users and settings, compacted like a key/value bucket (the
 * latest message per subject, one subject per key), so a new store reads the current state
 * and a store that was away reads only the latest value of what changed.
 */
export function catalogStreamConfig(replicas = 1): Partial<StreamConfig> & { name: string } {
  return {
    name: CATALOG_STREAM,
    subjects: [CATALOG_SUBJECTS],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_msgs_per_subject: 1,
    duplicate_window: nanos(2 * 60_000),
    max_msg_size: 1024 * 1024,
    num_replicas: replicas,
  };
}

/**
 * HQ's durable pull consumer: every store's events, each acknowledged after the commit of
 * the batch it was applied in. Explicit acknowledgements, not "all": a message delivered to a
 * pull request of a process that died must come back, and acknowledging a later message
 * must not acknowledge it.
 */
export function ingestConsumerConfig(replicas = 1): Partial<ConsumerConfig> & { durable_name: string } {
  return {
    durable_name: INGEST_CONSUMER,
    filter_subject: STORE_EVENTS_SUBJECTS,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(5_000),
    max_deliver: -1,
    max_ack_pending: 20_000,
    max_waiting: 64,
    num_replicas: replicas,
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

/**
 * Creates the stream, or updates the settings we manage that differ (a change of its replica
 * count is logged). Answers its info. A replica count the servers cannot hold is refused with
 * the reason, before anything is changed where that can be known.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
  log?: TopologyLog,
): Promise<StreamInfo> {
  const replicas = config.num_replicas ?? 1;
  let info: StreamInfo;
  try {
    info = await jsm.streams.info(config.name);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
    try {
      return await jsm.streams.add(config);
    } catch (addErr) {
      // Another process created it in the meantime.
      if (!isApiError(addErr, STREAM_NAME_IN_USE))
        throw replicasProblem(`stream ${config.name}`, replicas, addErr);
      return await jsm.streams.info(config.name);
    }
  }
  const want: Record<string, unknown> = config;
  const changed = differs(want, info.config, MUTABLE_STREAM_KEYS);
  if (changed.length === 0) return info;
  // A single server takes an update to more replicas without complaint, and keeps one.
  if (replicas > 1 && !info.cluster?.name) throw notACluster(`stream ${config.name}`, replicas);
  const update: Record<string, unknown> = { ...info.config };
  for (const key of changed) update[key] = want[key];
  let updated: StreamInfo;
  try {
    updated = await jsm.streams.update(config.name, update);
  } catch (err) {
    throw replicasProblem(`stream ${config.name}`, replicas, err);
  }
  if (changed.includes("num_replicas")) {
    log?.(
      `stream ${config.name} had ${info.config.num_replicas} replica(s); now ${replicas} (--nats-replicas)`,
    );
    // Its group is formed anew: until it has a leader, requests to the stream time out.
    return withLeader(() => jsm.streams.info(config.name), updated);
  }
  return updated;
}

const LEADER_WAIT_MS = 20_000;

/**
 * Waits (polling, up to 20 s) until a stream or consumer whose replicas changed has a leader
 * again; answers its info then, or the last known one if the cluster takes longer (the next
 * request then fails and the caller's session starts over).
 */
async function withLeader<T extends { cluster?: { leader?: string } }>(
  read: () => Promise<T>,
  last: T,
): Promise<T> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  let info = last;
  while (info.cluster?.leader === undefined && Date.now() < deadline) {
    await Bun.sleep(100);
    try {
      info = await read();
    } catch {
      // No leader to answer yet.
    }
  }
  return info;
}

/** nats-server's error codes for a stream name in use and for replicas it cannot place. */
const STREAM_NAME_IN_USE = 10058;
const REPLICAS_NOT_CLUSTERED = 10074;
const NO_SUITABLE_PEERS = 10005;
const INSUFFICIENT_RESOURCES = 10023;

function notACluster(what: string, replicas: number): Error {
  return new Error(
    `${what}: --nats-replicas ${replicas} needs a NATS cluster, and the server is not part of one: give --nats-replicas 1, or run a cluster (docs/replication.md)`,
  );
}

/** The server's refusal, said in terms of --nats-replicas when that is what it is about. */
function replicasProblem(what: string, replicas: number, err: unknown): unknown {
  if (isApiError(err, REPLICAS_NOT_CLUSTERED)) return notACluster(what, replicas);
  if (replicas > 1 && (isApiError(err, NO_SUITABLE_PEERS) || isApiError(err, INSUFFICIENT_RESOURCES))) {
    const reason = err instanceof Error ? err.message : String(err);
    return new Error(
      `${what}: --nats-replicas ${replicas} needs at least ${replicas} JetStream servers in the NATS cluster (the server says: ${reason})`,
      { cause: err },
    );
  }
  return err;
}

const MUTABLE_CONSUMER_KEYS = [
  "ack_wait",
  "max_deliver",
  "max_ack_pending",
  "max_waiting",
  "num_replicas",
] as const;

/** Creates the durable consumer, or updates the settings we manage that differ (replicas logged). */
export async function ensureDurableConsumer(
  jsm: JetStreamManager,
  stream: string,
  config: Partial<ConsumerConfig> & { durable_name: string },
  log?: TopologyLog,
): Promise<ConsumerInfo> {
  const what = `consumer ${config.durable_name}`;
  const replicas = config.num_replicas ?? 1;
  let info: ConsumerInfo;
  try {
    info = await jsm.consumers.info(stream, config.durable_name);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    try {
      return await jsm.consumers.add(stream, config);
    } catch (addErr) {
      throw replicasProblem(what, replicas, addErr);
    }
  }
  const want: Record<string, unknown> = config;
  const have: Record<string, unknown> = {
    ...info.config,
    // 0 is "as many as the stream", which is what it has.
    num_replicas: info.config.num_replicas || (info.cluster?.replicas?.length ?? 0) + 1,
  };
  const changed = differs(want, have, MUTABLE_CONSUMER_KEYS);
  if (changed.length === 0) return info;
  const update: Record<string, unknown> = {};
  for (const key of changed) update[key] = want[key];
  let updated: ConsumerInfo;
  try {
    updated = await jsm.consumers.update(stream, config.durable_name, update);
  } catch (err) {
    throw replicasProblem(what, replicas, err);
  }
  if (changed.includes("num_replicas")) {
    log?.(`${what} had ${have.num_replicas} replica(s); now ${replicas} (--nats-replicas)`);
    return withLeader(() => jsm.consumers.info(stream, config.durable_name), updated);
  }
  return updated;
}

export { isApiError };
