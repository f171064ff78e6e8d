/**
 * Identifiers: RFC 9562 UUIDv7 generation (time-ordered, monotonic within
 * a process), UUID validation, store/till ids and receipt numbers.
 */
import { z } from "zod";
import { InvalidInputError } from "./errors.ts";

// ---- UUIDs ---------------------------------------------------------------------------------

/** Any RFC 9562 UUID (versions 1–8, RFC variant), either case. The nil and max UUIDs are not ids. */
const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const UUIDV7_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

export function isUuid(s: string): boolean {
  return UUID_PATTERN.test(s);
}

export function isUuidv7(s: string): boolean {
  return UUIDV7_PATTERN.test(s);
}

/** A UUID string (any version). A plain pattern, so it converts to JSON Schema / OpenAPI. */
export const uuidSchema = z
  .string()
  .regex(UUID_PATTERN, "expected a UUID such as 0190f5e4-7c1a-7b3e-9d2f-3a4b5c6d7e8f");

/** A UUIDv7 string: what clients and the store generate for sales, returns, events. */
export const uuidv7Schema = z
  .string()
  .regex(UUIDV7_PATTERN, "expected a version 7 UUID such as 0190f5e4-7c1a-7b3e-9d2f-3a4b5c6d7e8f");

/** Milliseconds since the Unix epoch stored in a UUIDv7. INVALID_UUID for anything else. */
export function uuidv7Time(id: string): number {
  if (!isUuidv7(id)) {
    throw new InvalidInputError("INVALID_UUID", `"${id}" is not a version 7 UUID, so it carries no time.`, {
      value: id,
    });
  }
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** Largest UUIDv7 timestamp: 48 bits of milliseconds (year 10889). */
const MAX_UUIDV7_MS = 2 ** 48 - 1;
/** A clock that steps back by at most this much keeps ids increasing instead of going back. */
const CLOCK_REGRESSION_TOLERANCE_MS = 10_000;
const COUNTER_MAX = 0xfff;

export interface Uuidv7GeneratorOptions {
  /** Clock in Unix milliseconds; default Date.now. */
  now?: () => number;
  /** Fills a byte array with random values; default crypto.getRandomValues. */
  random?: (bytes: Uint8Array) => void;
}

export type Uuidv7Generator = (nowMs?: number) => string;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += "-";
    out += HEX[bytes[i] ?? 0];
  }
  return out;
}

function requireTimestamp(ms: number): void {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_UUIDV7_MS) {
    throw new InvalidInputError(
      "INVALID_TIMESTAMP",
      `A UUIDv7 timestamp must be whole milliseconds between 0 and ${MAX_UUIDV7_MS}, got ${ms}.`,
      { value: ms },
    );
  }
}

/**
 * A UUIDv7 generator (RFC 9562 §5.7 with the fixed-length counter of §6.2 method 1): 48-bit
 * Unix milliseconds, version 7, a 12-bit counter in `rand_a`, variant, 62 random bits.
 *
 * Ids from one generator are strictly increasing: within one millisecond the counter (seeded
 * at random below 0x800) is incremented; if it overflows, the timestamp moves on by one
 * millisecond. A clock stepping back by up to 10 s keeps the last timestamp; an explicit
 * time further in the past (back-dated imports) is used as given, with a fresh counter; the
 * clock itself further behind restarts the sequence from the clock.
 */
export function createUuidv7Generator(options: Uuidv7GeneratorOptions = {}): Uuidv7Generator {
  const now = options.now ?? Date.now;
  const random = options.random ?? ((bytes: Uint8Array) => crypto.getRandomValues(bytes));
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);

  return (nowMs?: number): string => {
    const requested = nowMs ?? now();
    requireTimestamp(requested);
    random(bytes);
    let ms: number;
    let seq: number;
    const firstRandom = ((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0);
    if (requested > lastMs) {
      ms = requested;
      seq = firstRandom & 0x7ff;
    } else if (lastMs - requested <= CLOCK_REGRESSION_TOLERANCE_MS) {
      ms = lastMs;
      seq = counter + 1;
      if (seq > COUNTER_MAX) {
        ms = lastMs + 1;
        seq = firstRandom & 0x7ff;
      }
    } else if (nowMs === undefined) {
      // The clock itself is far behind the last id (it was set back, or the last id was given
      // a time far ahead): the sequence goes on from the clock, so the next ids sort again.
      ms = requested;
      seq = firstRandom & 0x7ff;
    } else {
      // Back-dated on purpose: take the time as given and leave the live sequence alone.
      return hex(fill(bytes, requested, firstRandom & 0x7ff));
    }
    requireTimestamp(ms);
    lastMs = ms;
    counter = seq;
    return hex(fill(bytes, ms, seq));
  };
}

function fill(bytes: Uint8Array, ms: number, seq: number): Uint8Array {
  const high = Math.floor(ms / 2 ** 16);
  bytes[0] = (high >>> 24) & 0xff;
  bytes[1] = (high >>> 16) & 0xff;
  bytes[2] = (high >>> 8) & 0xff;
  bytes[3] = high & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((seq >>> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  return bytes;
}

const defaultGenerator = createUuidv7Generator();

/** A new RFC 9562 UUIDv7, monotonic within this process. `nowMs` overrides the clock. */
export function uuidv7(nowMs?: number): string {
  return defaultGenerator(nowMs);
}

// ---- store and till ids, receipt numbers ---------------------------------------------------

/** Letters, digits and underscore, 1–16 characters: safe in receipt numbers and NATS subjects. */
const SITE_ID_PATTERN = /^[A-Za-z0-9_]{1,16}$/;
const SITE_ID_HINT = "1–16 letters, digits or underscores (no '-', '.', spaces)";

export const storeIdSchema = z.string().regex(SITE_ID_PATTERN, `a store id is ${SITE_ID_HINT}`);
export const tillIdSchema = z.string().regex(SITE_ID_PATTERN, `a till id is ${SITE_ID_HINT}`);

export function isStoreId(s: string): boolean {
  return SITE_ID_PATTERN.test(s);
}

/** Receipt sequence numbers are zero-padded to at least this many digits. */
export const RECEIPT_SEQ_DIGITS = 6;

/**
 * Receipt number `STORE-TILL-SEQ`, e.g. `S1-T2-000123`: the sequence is zero-padded to six
 * digits, and printed in full beyond 999999 (`S1-T2-1234567`). Store and till ids are 1–16
 * letters, digits or underscores, so the two dashes always separate the parts.
 */
export function formatReceiptNo(storeId: string, tillId: string, seq: number): string {
  for (const [label, value] of [
    ["store id", storeId],
    ["till id", tillId],
  ] as const) {
    if (!SITE_ID_PATTERN.test(value)) {
      throw new InvalidInputError(
        "INVALID_RECEIPT_PART",
        `The ${label} "${value}" must be ${SITE_ID_HINT}.`,
        {
          [label === "store id" ? "storeId" : "tillId"]: value,
        },
      );
    }
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new InvalidInputError(
      "INVALID_RECEIPT_PART",
      `A receipt sequence number is a whole number from 1 up, got ${seq}.`,
      { seq },
    );
  }
  return `${storeId}-${tillId}-${String(seq).padStart(RECEIPT_SEQ_DIGITS, "0")}`;
}

const RECEIPT_NO_PATTERN = /^([A-Za-z0-9_]{1,16})-([A-Za-z0-9_]{1,16})-([0-9]{1,16})$/;

/**
 * Parse `STORE-TILL-SEQ` (the padding is optional, so a typed `S1-T2-123` works too).
 * Null when the text is not a receipt number.
 */
export function parseReceiptNo(text: string): { storeId: string; tillId: string; seq: number } | null {
  const match = RECEIPT_NO_PATTERN.exec(text.trim());
  if (match === null) return null;
  const [, storeId, tillId, digits] = match;
  if (storeId === undefined || tillId === undefined || digits === undefined) return null;
  const seq = Number(digits);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return { storeId, tillId, seq };
}
