/**
 * The envelope of a replicated store event, in one place: its schema and parsing, its
 * canonical text, its hash, and the subject it travels on. The store's journal writes and
 * verifies with it, the outbox relay sends what it writes, and HQ's ingest checks with it.
 *
 * An event's hash is SHA-256 (lower-case hex) over `canonicalJson` of the envelope without
 * `hash`, i.e. `{at, id, payload, prevHash, seq, storeId, type, version}`; `prevHash` is the
 * previous event's hash, null for a store's first event (seq 1). On the wire an event is the
 * canonical JSON of the whole envelope, `hash` included.
 */
import { z } from "zod";
import { InvalidInputError } from "../errors.ts";
import { isStoreId, storeIdSchema, uuidv7Schema } from "../ids.ts";
import { sha256Hex } from "../sha256.ts";
import { canonicalJson, isCanonicalJsonValue } from "./canonical-json.ts";
import {
  EVENT_TYPES,
  type EventPayload,
  type EventType,
  eventPayloadSchemas,
  knownVersions,
  payloadSchemaFor,
} from "./registry.ts";

/** SHA-256 as 64 lower-case hex digits. */
export const sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "expected a SHA-256 hash as 64 lower-case hex digits");

export const eventEnvelopeSchema = z.strictObject({
  id: uuidv7Schema,
  storeId: storeIdSchema,
  /** Per-store sequence: 1, 2, 3, … without gaps. */
  seq: z.int().positive(),
  type: z.enum(EVENT_TYPES),
  version: z.int().positive(),
  /** When the event was written, ISO 8601 UTC. */
  at: z.iso.datetime(),
  payload: z.unknown(),
  prevHash: sha256HexSchema.nullable(),
  hash: sha256HexSchema,
});

type EnvelopeFields = Omit<z.infer<typeof eventEnvelopeSchema>, "type" | "payload">;

/** One event of a given type, its payload typed (a union of events for a union of types). */
export type StoreEventOf<T extends EventType> = T extends EventType
  ? EnvelopeFields & { type: T; payload: EventPayload<T> }
  : never;

/** Any event, discriminated by `type`. */
export type StoreEvent = { [K in EventType]: StoreEventOf<K> }[EventType];

/** An event before it is hashed. */
export type UnsealedEvent<T extends EventType = EventType> = Omit<StoreEventOf<T>, "hash">;

/** The fields of an envelope around its payload, as a journal row or a parsed event has them. */
export interface EnvelopeHead {
  id: string;
  storeId: string;
  seq: number;
  type: string;
  version: number;
  at: string;
  prevHash: string | null;
}

function invalidEvent(
  message: string,
  issues: readonly z.core.$ZodIssue[],
  extra?: object,
): InvalidInputError {
  return new InvalidInputError("INVALID_EVENT", message, { issues, ...extra });
}

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(event)"}: ${issue.message}`)
    .join("; ");
}

/**
 * Validate an event (envelope, then the payload against its type and version). Throws
 * INVALID_EVENT with the zod issues in `details.issues` (payload paths start with "payload").
 */
export function parseEvent(input: unknown): StoreEvent {
  const envelope = eventEnvelopeSchema.safeParse(input);
  if (!envelope.success) {
    const issues = envelope.error.issues;
    throw invalidEvent(`Event rejected: ${describe(issues)}.`, issues);
  }
  const { type, version } = envelope.data;
  const schema = payloadSchemaFor(type, version);
  if (schema === undefined) {
    const issue: z.core.$ZodIssue = {
      code: "custom",
      path: ["version"],
      message: `unsupported version ${version} of ${type} (this build reads version ${knownVersions(type)})`,
      input: version,
    };
    throw invalidEvent(
      `Event rejected: ${type} version ${version} is not known here; upgrade this server to read it.`,
      [issue],
      { type, version },
    );
  }
  const payload = schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    const issues = payload.error.issues.map((issue) => ({ ...issue, path: ["payload", ...issue.path] }));
    throw invalidEvent(`Event ${type} rejected: ${describe(issues)}.`, issues, { type, version });
  }
  return { ...envelope.data, payload: payload.data } as StoreEvent;
}

/** Validate a payload for a type at the current version; INVALID_EVENT when it does not fit. */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  const result = eventPayloadSchemas[type].safeParse(payload);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ ...issue, path: ["payload", ...issue.path] }));
    throw invalidEvent(`Event ${type} rejected: ${describe(issues)}.`, issues, { type });
  }
  return result.data as EventPayload<T>;
}

// ---- canonical text and hash ---------------------------------------------------------------

/**
 * The envelope as canonical JSON around a payload already written as canonical JSON (so a
 * payload stored as text is spliced in, not parsed and written again). With `hash` it is the
 * event on the wire; without, the exact text the hash covers. The keys in canonical order:
 * at, hash, id, payload, prevHash, seq, storeId, type, version.
 */
export function envelopeJson(head: EnvelopeHead, payloadJson: string, hash?: string): string {
  const sealed = hash === undefined ? "" : `"hash":${JSON.stringify(hash)},`;
  return `{"at":${JSON.stringify(head.at)},${sealed}"id":${JSON.stringify(head.id)},"payload":${payloadJson},"prevHash":${JSON.stringify(head.prevHash)},"seq":${head.seq},"storeId":${JSON.stringify(head.storeId)},"type":${JSON.stringify(head.type)},"version":${head.version}}`;
}

/** SHA-256 of a text's UTF-8 bytes as lower-case hex: the core's own, or a runtime's native one. */
export type Sha256Hex = (text: string) => string;

/** The hash of an envelope whose payload is already canonical JSON text. */
export function envelopeHash(head: EnvelopeHead, payloadJson: string, sha256: Sha256Hex = sha256Hex): string {
  return sha256(envelopeJson(head, payloadJson));
}

/** The exact text an event's hash covers. */
export function eventHashMaterial(event: EnvelopeHead & { payload: unknown }): string {
  return envelopeJson(event, canonicalJson(event.payload));
}

export function computeEventHash(event: EnvelopeHead & { payload: unknown }): string {
  return sha256Hex(eventHashMaterial(event));
}

/**
 * The hash a received event should carry and its payload as canonical JSON. `rawPayload` is
 * the payload as parsed from the message (schema parsing may reorder keys): a payload sent as
 * journaled is already canonical and is written back with JSON.stringify, anything else with
 * `canonicalJson`. Both give the same text for the same event. A server may pass its runtime's
 * native SHA-256 (the same hash, faster).
 */
export function receivedEventForm(
  event: StoreEvent,
  rawPayload: unknown,
  sha256: Sha256Hex = sha256Hex,
): { hash: string; payload: string } {
  const payload = isCanonicalJsonValue(rawPayload)
    ? JSON.stringify(rawPayload)
    : canonicalJson(event.payload);
  return { hash: envelopeHash(event, payload, sha256), payload };
}

/** Hash an event and validate the result; INVALID_EVENT when envelope or payload do not fit. */
export async function sealEvent<T extends EventType>(event: UnsealedEvent<T>): Promise<StoreEventOf<T>> {
  const hash = computeEventHash(event);
  return parseEvent({ ...event, hash }) as StoreEventOf<T>;
}

export type ChainCheck =
  | { ok: true; count: number; lastSeq: number | null; lastHash: string | null }
  | { ok: false; seq: number; reason: "seq_gap" | "prev_hash_mismatch" | "hash_mismatch" | "store_mismatch" };

/**
 * Verify a run of one store's events in sequence order: gapless seq, each prevHash equal to
 * the previous hash, each hash matching its content. Pass `after` to continue from a known
 * event (e.g. the last one verified before); without it the run must start at seq 1.
 */
export async function verifyEventChain(
  events: readonly StoreEvent[],
  after: { seq: number; hash: string } | null = null,
): Promise<ChainCheck> {
  let expectedSeq = after === null ? 1 : after.seq + 1;
  let prevHash = after === null ? null : after.hash;
  const storeId = events[0]?.storeId;
  for (const event of events) {
    if (event.storeId !== storeId) return { ok: false, seq: event.seq, reason: "store_mismatch" };
    if (event.seq !== expectedSeq) return { ok: false, seq: event.seq, reason: "seq_gap" };
    if (event.prevHash !== prevHash) return { ok: false, seq: event.seq, reason: "prev_hash_mismatch" };
    if (computeEventHash(event) !== event.hash) return { ok: false, seq: event.seq, reason: "hash_mismatch" };
    prevHash = event.hash;
    expectedSeq += 1;
  }
  const last = events.at(-1);
  return {
    ok: true,
    count: events.length,
    lastSeq: last?.seq ?? after?.seq ?? null,
    lastHash: last?.hash ?? after?.hash ?? null,
  };
}

// ---- subjects ------------------------------------------------------------------------------

/** The root of every replication subject. */
export const SUBJECT_ROOT = "ringup.v1";
const STORE_EVENTS_PREFIX = `${SUBJECT_ROOT}.store.`;
const SUBJECT_TOKEN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

export function checkStoreId(storeId: string): string {
  if (!isStoreId(storeId)) throw new Error(`"${storeId}" is not a store id (1–16 letters, digits or _)`);
  return storeId;
}

/**
 * `ringup.v1.store.<storeId>.<eventType>`: where a store publishes an event. A type that is no
 * subject token (none of ours) travels as `unknown`, for the receiver to refuse.
 */
export function storeEventSubject(storeId: string, type: string): string {
  return `${STORE_EVENTS_PREFIX}${checkStoreId(storeId)}.${SUBJECT_TOKEN.test(type) ? type : "unknown"}`;
}

/** Everything a store may publish its events on. */
export function storeEventsFilter(storeId: string): string {
  return `${STORE_EVENTS_PREFIX}${checkStoreId(storeId)}.>`;
}

/** The store and event type a store-event subject names, or null when it names none. */
export function parseStoreEventSubject(subject: string): { storeId: string; type: EventType | null } | null {
  if (!subject.startsWith(STORE_EVENTS_PREFIX)) return null;
  const rest = subject.slice(STORE_EVENTS_PREFIX.length);
  const dot = rest.indexOf(".");
  if (dot <= 0) return null;
  const storeId = rest.slice(0, dot);
  if (!isStoreId(storeId)) return null;
  const type = rest.slice(dot + 1);
  return { storeId, type: EVENT_TYPE_SET.has(type) ? (type as EventType) : null };
}
