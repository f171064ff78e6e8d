/**
 * Head office's copy of a store's journal, and a store's divergence from it: the shapes of
 * `GET /stores/:id/events` (the events as journaled, payload text and hashes exactly, for a
 * store that rebuilds itself from head office) and `PUT /stores/:id/divergence` (a store
 * reporting that its journal no longer matches what head office applied).
 */
import { z } from "zod";

const seq = z.int().nonnegative();

export const storeEventsQuerySchema = z.object({
  after: z.coerce.number().int("must be a whole sequence number").min(0, "must be 0 or more").default(0),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(5000, "must be at most 5000").default(1000),
});

/** One event as the store journaled it: `payload` is the journaled (canonical) JSON text. */
export const journaledEventSchema = z.object({
  seq: z.int().positive(),
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.int().positive(),
  at: z.string(),
  payload: z.string(),
  prevHash: z.string().nullable(),
  hash: z.string().min(1),
});
export type JournaledEvent = z.infer<typeof journaledEventSchema>;

export const storeEventsAnswerSchema = z.looseObject({
  storeId: z.string(),
  /** Highest sequence head office applied without a gap, and that event's hash. */
  appliedSeq: seq,
  appliedHash: z.string().nullable(),
  events: z.array(journaledEventSchema),
});
export type StoreEventsAnswer = z.infer<typeof storeEventsAnswerSchema>;

/** Why a store's journal and head office's copy of it disagree, and what to do. */
export const divergenceSchema = z.strictObject({
  /** `behind`: the store lacks events head office applied; `forked`: an event differs. */
  kind: z.enum(["behind", "forked", "conflict"]),
  /** The store's last journal sequence when it was found (null when head office found it). */
  storeSeq: seq.nullable(),
  /** Head office's applied sequence when it was found. */
  hqSeq: seq,
  message: z.string().max(2000),
  fix: z.string().max(2000),
  since: z.iso.datetime(),
  /** Who found it: the store (from its journal) or head office (from events it refused). */
  foundBy: z.enum(["store", "hq"]),
});
export type Divergence = z.infer<typeof divergenceSchema>;

/** `PUT /stores/:id/divergence`: the store's finding, or null once its journal matches again. */
export const divergenceReportSchema = z.strictObject({ diverged: divergenceSchema.nullable() });

/** `PUT /stores/:id/divergence`: what head office now records for the store. */
export const divergenceAnswerSchema = z.object({
  storeId: z.string(),
  diverged: divergenceReportSchema.shape.diverged,
});
