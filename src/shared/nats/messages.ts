/**
 * Bodies of the replication messages that are not store events (those are the journal's own
 * envelopes, parsed with `parseEvent`) and not catalog changes (`catalogChangeSchema`): every
 * NATS message is parsed with zod before anything reads it.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";

/**
 * HQ → store on `ringup.v1.hq.applied.<storeId>`: how far HQ has applied the store's journal.
 * Fields a newer head office adds are dropped, not refused: a store of the release before
 * keeps reading the pointers of an upgraded head office (upgrade head office first).
 */
export const appliedPointerSchema = z.object({
  storeId: storeIdSchema,
  /** Highest sequence HQ has applied, gaplessly (0 before the first). */
  seq: z.int().nonnegative(),
  /**
   * The hash of the event at seq (null before the first): a store whose own event at seq has
   * another hash has a journal that forked from the one HQ applied. Absent from older HQs.
   */
  hash: z.string().nullable().optional(),
  /** The store's time of that event, if any. */
  lastEventAt: z.iso.datetime().nullable(),
  /** HQ's clock when it sent this. */
  at: z.iso.datetime(),
});
export type AppliedPointer = z.infer<typeof appliedPointerSchema>;

/** Parses a message body as JSON and then with the schema; null and the reason when it does not fit. */
export function parseJsonMessage<T>(
  schema: z.ZodType<T>,
  data: Uint8Array,
): { ok: true; value: T } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(data));
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: `${first?.path.join(".") || "(body)"}: ${first?.message ?? "invalid"}` };
  }
  return { ok: true, value: parsed.data };
}
