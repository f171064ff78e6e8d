/**
 * The store's event journal: every event type, its versioned zod payload schema, the
 * envelope (per-store sequence and SHA-256 hash chain), parsing, and the chain's hashing.
 *
 * An event's hash is SHA-256 (lower-case hex) over `canonicalJson` of the envelope without
 * `hash`, i.e. `{at, id, payload, prevHash, seq, storeId, type, version}`; `prevHash` is the
 * previous event's hash, null for a store's first event (seq 1).
 */
import { z } from "zod";
import { InvalidInputError } from "./errors.ts";
import {
  auditRecordedV1,
  productUpsertedV1,
  stockAdjustedV1,
  userChangedV1,
} from "./events/back-office-events.ts";
import { canonicalJson } from "./events/canonical-json.ts";
import {
  lineVoidedV1,
  priceExceptionV1,
  priceOverriddenV1,
  returnRecordedV1,
  saleCompletedV1,
  saleVoidedV1,
} from "./events/sale-events.ts";
import { cashMovedV1, drawerOpenedV1, shiftClosedV1, shiftOpenedV1 } from "./events/shift-events.ts";
import { storeIdSchema, uuidv7Schema } from "./ids.ts";

export { canonicalJson } from "./events/canonical-json.ts";

export const EVENT_TYPES = [
  "sale.completed",
  "sale.voided",
  "line.voided",
  "price.overridden",
  "return.recorded",
  "shift.opened",
  "shift.closed",
  "cash.moved",
  "drawer.opened",
  "stock.adjusted",
  "product.upserted",
  "user.changed",
  "audit.recorded",
  "exception.recorded",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The current (version 1) payload schema of each event type. */
export const eventPayloadSchemas = {
  "sale.completed": saleCompletedV1,
  "sale.voided": saleVoidedV1,
  "line.voided": lineVoidedV1,
  "price.overridden": priceOverriddenV1,
  "return.recorded": returnRecordedV1,
  "shift.opened": shiftOpenedV1,
  "shift.closed": shiftClosedV1,
  "cash.moved": cashMovedV1,
  "drawer.opened": drawerOpenedV1,
  "stock.adjusted": stockAdjustedV1,
  "product.upserted": productUpsertedV1,
  "user.changed": userChangedV1,
  "audit.recorded": auditRecordedV1,
  "exception.recorded": priceExceptionV1,
} as const satisfies { [K in EventType]: z.ZodType };

/** The version new events of each type are written with. */
export const EVENT_VERSION = 1;

/**
 * Every payload schema by type and version. A later version adds an entry here and keeps the
 * old one, so a journal written by an older store still parses.
 */
const PAYLOAD_SCHEMAS: { readonly [K in EventType]: Readonly<Record<number, z.ZodType>> } = versionOneOnly();

function versionOneOnly(): Record<EventType, Record<number, z.ZodType>> {
  const byType: Partial<Record<EventType, Record<number, z.ZodType>>> = {};
  for (const type of EVENT_TYPES) byType[type] = { 1: eventPayloadSchemas[type] };
  return byType as Record<EventType, Record<number, z.ZodType>>;
}

export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

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

/** The payload schema of a type at a version, or undefined when this build does not know it. */
export function payloadSchemaFor(type: EventType, version: number): z.ZodType | undefined {
  return PAYLOAD_SCHEMAS[type][version];
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
    const known = Object.keys(PAYLOAD_SCHEMAS[type]).join(", ");
    const issue: z.core.$ZodIssue = {
      code: "custom",
      path: ["version"],
      message: `unsupported version ${version} of ${type} (this build reads version ${known})`,
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

// ---- hash chain ----------------------------------------------------------------------------

/** The exact text an event's hash covers. */
export function eventHashMaterial(event: UnsealedEvent | StoreEvent): string {
  const { id, storeId, seq, type, version, at, payload, prevHash } = event;
  return canonicalJson({ id, storeId, seq, type, version, at, payload, prevHash });
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let out = "";
  for (const byte of digest) out += HEX[byte];
  return out;
}

export function computeEventHash(event: UnsealedEvent | StoreEvent): Promise<string> {
  return sha256Hex(eventHashMaterial(event));
}

/** Hash an event and validate the result; INVALID_EVENT when envelope or payload do not fit. */
export async function sealEvent<T extends EventType>(event: UnsealedEvent<T>): Promise<StoreEventOf<T>> {
  const hash = await computeEventHash(event);
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
    if ((await computeEventHash(event)) !== event.hash)
      return { ok: false, seq: event.seq, reason: "hash_mismatch" };
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
