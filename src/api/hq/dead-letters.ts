/**
 * Head office's dead letters API: the messages it could not apply, with the reason and the
 * message as received; an operator retries one after a fix or discards it with a reason.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";

const int = z.number().int();

export const deadLetterResolutionSchema = z.enum(["retried", "redelivered", "discarded"]);

/** A dead letter as listed: the message body stays out (see `deadLetterDetailAnswerSchema`). */
export const deadLetterAnswerSchema = z.looseObject({
  id: int,
  /** The store its subject names (null for a subject that names none). */
  storeId: z.string().nullable(),
  subject: z.string(),
  eventId: z.string().nullable(),
  seq: int.nullable(),
  /** Stable code: INVALID_JSON, INVALID_EVENT, HASH_MISMATCH, CHAIN_BROKEN, APPLY_FAILED, … */
  reason: z.string(),
  message: z.string(),
  receivedAt: z.string(),
  /** null while open. */
  resolution: deadLetterResolutionSchema.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  /** A discard's reason. */
  note: z.string().nullable(),
});
export type DeadLetterAnswer = z.infer<typeof deadLetterAnswerSchema>;

/** `GET /dead-letters/:id`: the dead letter, the message as received, and what it holds back. */
export const deadLetterDetailAnswerSchema = deadLetterAnswerSchema.extend({
  /** The message body as received (at most 64 KiB of it). */
  data: z.string(),
  /** The body parsed as JSON, when it is JSON. */
  payload: z.unknown(),
  /** Events of its store parked behind it (or behind any gap of that store). */
  heldBack: int,
});
export type DeadLetterDetailAnswer = z.infer<typeof deadLetterDetailAnswerSchema>;

export const deadLettersQuerySchema = z.object({
  storeId: storeIdSchema.optional(),
  status: z.enum(["open", "resolved", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const deadLettersAnswerSchema = z.object({ deadLetters: z.array(deadLetterAnswerSchema) });

export const deadLetterParamsSchema = z.object({ id: z.coerce.number().int().min(1) });

export const discardInputSchema = z.strictObject({
  reason: z.string().trim().min(1, "say why it is discarded").max(500, "must be at most 500 characters"),
});

export const retryAnswerSchema = z.object({
  deadLetter: deadLetterAnswerSchema,
  /** What ingest made of it: applied, parked (behind a gap) or duplicate (applied before). */
  outcome: z.enum(["applied", "parked", "duplicate"]),
  /** The store's applied sequence afterwards. */
  lastSeq: int.nullable(),
});

export const discardAnswerSchema = z.object({
  deadLetter: deadLetterAnswerSchema,
  /** True when it was its store's next event: kept unapplied, the held-back events followed. */
  skipped: z.boolean(),
  lastSeq: int.nullable(),
});
