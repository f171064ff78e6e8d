/**
 * Cashier actions a till reports to its store's audit log (`POST /api/v1/audit/till-entries`):
 * what leaves no sale behind but must leave a trace, such as a price check, a PIN refused while
 * the store was unreachable, an offline log-in or a receipt printed again. One schema, used by
 * the store to check what it records and by the till to keep only what the store will take.
 */
import { z } from "zod";

/** The actions a till may report; each is an audit action of the store (dotted, lower case). */
export const TILL_TRACE_ACTIONS = [
  "price.checked",
  "pin.failed_offline",
  "user.login_offline",
  "receipt.reprinted",
  /**
   * An age-restricted item: the age it needs, how it was checked (`confirmed`: the cashier saw
   * the customer is old enough; `dob`: a date of birth typed, which is never kept; `refused`)
   * and the result (`over`, `under`, `refused`).
   */
  "age.checked",
  /** A promo code keyed or scanned for a sale: the code, the sale and the answer (`accepted`, `accepted_offline`, or the refusal's code). */
  "promo_code.entered",
  /** A customer created at the till (`offline`: kept at the till until the store was back). */
  "customer.created",
  /** An invoice asked for at the till: the sale, and the invoice's number or the refusal's code. */
  "invoice.requested",
  /** A basket placed as an order at the pick-up point: the order's id and number, the basket, the prepaid amount. */
  "order.placed",
  /** A sale rung in training mode (core/training.ts): kept at the till, never recorded as a sale. */
  "training.sale",
] as const;
export type TillTraceAction = (typeof TILL_TRACE_ACTIONS)[number];

/** At most this many entries in one request. */
export const TILL_TRACE_MAX_ENTRIES = 100;
/** An entry's detail, as JSON, is at most this long (it is kept in the store's journal). */
export const TILL_TRACE_MAX_DETAIL_CHARS = 1_000;

const detailValue = z.union([z.string().max(200), z.number().finite(), z.boolean(), z.null()]);

export const tillTraceDetailSchema = z
  .record(z.string().min(1).max(40), detailValue)
  .refine((d) => Object.keys(d).length <= 8, "at most 8 detail fields")
  .refine(
    (d) => JSON.stringify(d).length <= TILL_TRACE_MAX_DETAIL_CHARS,
    `at most ${TILL_TRACE_MAX_DETAIL_CHARS} characters as JSON`,
  );
export type TillTraceDetail = z.infer<typeof tillTraceDetailSchema>;

/** One cashier action as the till kept it. */
export const tillTraceEntrySchema = z.strictObject({
  /** The till's id for the entry (a UUID): the store records each id once. */
  id: z.uuid("must be the entry's id (a UUID)"),
  action: z.enum(TILL_TRACE_ACTIONS, {
    error: `must be one of ${TILL_TRACE_ACTIONS.join(", ")}`,
  }),
  at: z.iso.datetime({ error: "must be an ISO 8601 UTC time such as 2026-03-02T15:00:00Z" }),
  detail: tillTraceDetailSchema.optional(),
  /** Proof of the log-in of the cashier who did it (absent when nobody was logged in). */
  madeIn: z.string().min(1).max(2_000).optional(),
});
export type TillTraceEntry = z.infer<typeof tillTraceEntrySchema>;

export const tillTraceRequestSchema = z.strictObject({
  entries: z
    .array(tillTraceEntrySchema)
    .min(1, "send at least one entry")
    .max(TILL_TRACE_MAX_ENTRIES, `at most ${TILL_TRACE_MAX_ENTRIES} entries per request`),
});
export type TillTraceRequest = z.infer<typeof tillTraceRequestSchema>;
