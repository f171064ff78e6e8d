/**
 * The store's event journal: every change appends an immutable, schema-checked event in the
 * same transaction as the change itself (transactional outbox), numbered per store and
 * hash-chained over the previous event so any edit, gap or reordering is detectable.
 */
import { InvalidInputError } from "../../core/errors.ts";
import {
  canonicalJson,
  EVENT_VERSION,
  type EventPayload,
  type EventType,
  envelopeHash,
  eventPayloadSchemas,
} from "../../core/events.ts";
import { uuidv7 } from "../../core/ids.ts";
import type { StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { eventWebhook } from "../webhooks/events.ts";

export interface JournalEntry {
  seq: number;
  id: string;
  type: string;
  version: number;
  at: string;
  payload: unknown;
  prevHash: string | null;
  hash: string;
}

/** Appends one event inside the caller's transaction and answers it. */
export function appendEvent<T extends EventType>(
  tx: StoreTx,
  storeId: string,
  type: T,
  payload: EventPayload<T>,
  at: Date,
): JournalEntry {
  const checked = eventPayloadSchemas[type].safeParse(payload);
  if (!checked.success) {
    throw new InvalidInputError(
      "INVALID_EVENT",
      `event ${type} does not match its schema`,
      checked.error.issues,
    );
  }
  const stmts = statementsOf(tx);
  const last = stmts.journalHead.get();
  const base = {
    seq: (last?.seq ?? 0) + 1,
    id: uuidv7(at.getTime()),
    type,
    version: EVENT_VERSION,
    at: at.toISOString(),
    payload: checked.data,
    prevHash: last?.hash ?? null,
  };
  // The payload is written once: stored as it is, and inside the envelope that is hashed.
  const payloadJson = canonicalJson(base.payload);
  const entry: JournalEntry = { ...base, hash: envelopeHash({ ...base, storeId }, payloadJson) };
  stmts.insertEvent.run(
    entry.seq,
    entry.id,
    entry.type,
    entry.version,
    entry.at,
    payloadJson,
    entry.prevHash,
    entry.hash,
  );
  eventWebhook(tx, type, checked.data, entry.at);
  return entry;
}
