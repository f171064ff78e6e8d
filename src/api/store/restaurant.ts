/**
 * Shapes of the restaurant mode's API (docs/restaurant.md): the floor (areas and tables), orders
 * at a table opened by a waiter, lines per seat and course with priced modifiers and notes,
 * rounds sent to the kitchen, transfers and merges, checks (split by seat, line, equal parts or
 * amounts) and paying a check, which records a sale as rung through the sales path.
 */
import { z } from "zod";
import { rungLineSchema, rungSaleSchema } from "./sales.ts";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "must be 1 to 40 letters, digits, _ or -");
const code = z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters");
const seat = z.number().int("must be a whole number").min(0, "0 is the table's shared lines").max(99);
const course = z.number().int("must be a whole number").min(1).max(9);
const qty = z.union([
  z.number().positive("must be more than zero").max(10_000),
  z.string().regex(/^\d{1,5}(\.\d{1,3})?$/, 'must be a decimal with at most 3 decimals, e.g. "2" or "0.5"'),
]);

export const TABLE_STATUSES = ["free", "ordered", "bill_printed", "paid"] as const;

export const tablesInputSchema = z.strictObject({
  /** Tables made or changed (by id); the rest of the floor is kept. */
  tables: z
    .array(
      z.strictObject({
        id,
        area: z.string().trim().min(1, "must not be empty").max(20, "must be at most 20 characters"),
        name: z.string().trim().min(1, "must not be empty").max(8, "must be at most 8 characters"),
        seats: z.number().int("must be a whole number").min(1).max(40),
      }),
    )
    .min(1, "name at least one table")
    .max(500, "at most 500 tables"),
});
export type TablesInput = z.infer<typeof tablesInputSchema>;

export const tableAnswerSchema = z.object({
  id: z.string(),
  area: z.string(),
  name: z.string(),
  seats: z.number(),
  status: z.enum(TABLE_STATUSES),
  /** The order at the table (open, billed or the last paid one); null when free. */
  orderId: z.string().nullable(),
  waiterId: z.string().nullable(),
  waiterName: z.string().nullable(),
  guests: z.number().nullable(),
  /** What the order comes to so far (goods and modifiers, before service charge and tax). */
  amountMinor: z.number(),
});
export const tablesAnswerSchema = z.object({ tables: z.array(tableAnswerSchema) });
export type TableAnswer = z.infer<typeof tableAnswerSchema>;

export const openOrderInputSchema = z
  .strictObject({
    /** Made by the till (UUIDv7); a repeat answers the order already opened. */
    id: z.uuid("must be a UUID (the till makes a UUIDv7 per order)"),
    /** The table; none for a takeaway order. */
    tableId: id.optional(),
    takeaway: z.boolean().default(false),
    guests: z.number().int().min(1).max(99).default(1),
  })
  .refine((o) => o.takeaway || o.tableId !== undefined, {
    message: "a dine-in order needs tableId (or takeaway: true)",
    path: ["tableId"],
  });
export type OpenOrderInput = z.infer<typeof openOrderInputSchema>;

export const orderLineInputSchema = z.strictObject({
  /** Made by the till; a repeat of a line already on the order is ignored. */
  id,
  code,
  qty: qty.default(1),
  seat: seat.default(0),
  course: course.default(1),
  /** Modifiers that are products of their own (priced from the catalog, e.g. "extra cheese"). */
  modifiers: z.array(code).max(10, "at most 10 modifiers").default([]),
  /** A free-text request for the kitchen ("no onions"). */
  note: z.string().trim().max(80, "must be at most 80 characters").optional(),
});
export const addLinesInputSchema = z.strictObject({
  lines: z.array(orderLineInputSchema).min(1, "add at least one line").max(100, "at most 100 lines at once"),
});
export type AddLinesInput = z.infer<typeof addLinesInputSchema>;

export const sendRoundInputSchema = z.strictObject({ id: z.uuid("must be a UUID (one per round)") });
export const fireCourseInputSchema = z.strictObject({ id: z.uuid("must be a UUID (one per round)"), course });

export const transferInputSchema = z
  .strictObject({
    /** Move to this table (the whole order, or only `lineIds` onto the order there). */
    toTableId: id.optional(),
    /** Hand the order to this waiter. */
    toWaiterId: z.string().min(1).max(40).optional(),
    /** Only these lines (to `toTableId`); default the whole order. */
    lineIds: z.array(id).min(1).max(200).optional(),
  })
  .refine((t) => t.toTableId !== undefined || t.toWaiterId !== undefined, {
    message: "name toTableId, toWaiterId or both",
  })
  .refine((t) => t.lineIds === undefined || t.toTableId !== undefined, {
    message: "moving lines needs toTableId",
    path: ["lineIds"],
  });
export type TransferInput = z.infer<typeof transferInputSchema>;

export const mergeInputSchema = z.strictObject({
  /** The open order whose lines join this one (it is then closed as merged). */
  fromOrderId: z.uuid("must be an order id (UUID)"),
});

export const splitInputSchema = z.discriminatedUnion("by", [
  z.strictObject({ by: z.literal("seat") }),
  z.strictObject({ by: z.literal("lines"), groups: z.array(z.array(id).max(200)).min(2).max(50) }),
  z.strictObject({ by: z.literal("equal"), parts: z.number().int() }),
  z.strictObject({
    by: z.literal("amounts"),
    amountsMinor: z.array(z.number().int("must be whole minor units")).min(2).max(50),
  }),
]);
export type SplitInput = z.infer<typeof splitInputSchema>;

export const payCheckInputSchema = z.strictObject({
  /** The sale's id (UUIDv7 from the till): a repeat answers the payment already made. */
  saleId: z.uuid("must be a UUID (the till makes a UUIDv7 per sale)"),
  receiptNo: z.string().max(40).optional(),
  tenders: rungSaleSchema.shape.tenders,
  /** A tip for the waiter, on top of the check (counted in the waiter's shift report). */
  tipMinor: z.number().int("must be whole minor units").min(0).max(10_000_000).default(0),
});
export type PayCheckInput = z.infer<typeof payCheckInputSchema>;

export const orderIdParamsSchema = z.object({ id: z.uuid("must be an order id (UUID)") });
export const checkParamsSchema = z.object({
  id: z.uuid("must be an order id (UUID)"),
  checkId: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, "must be a check id"),
});

export const modifierSchema = z.object({
  code: z.string(),
  name: z.string(),
  unitPriceMinor: z.number(),
  taxClass: z.string().nullable(),
});
export type Modifier = z.infer<typeof modifierSchema>;

export const orderLineAnswerSchema = z.object({
  id: z.string(),
  seat: z.number(),
  course: z.number(),
  code: z.string(),
  name: z.string(),
  qtyMilli: z.number(),
  unitPriceMinor: z.number(),
  categoryId: z.string().nullable(),
  modifiers: z.array(modifierSchema),
  note: z.string().nullable(),
  /** The line with its modifiers, before discounts and tax. */
  amountMinor: z.number(),
  roundId: z.string().nullable(),
  firedAt: z.string().nullable(),
  checkId: z.string().nullable(),
});
export type OrderLineAnswer = z.infer<typeof orderLineAnswerSchema>;

/** A check: the document as priced (a sale as rung without id, time and tenders). */
export const checkDocumentSchema = rungSaleSchema
  .pick({
    subtotalMinor: true,
    discountMinor: true,
    taxMinor: true,
    totalMinor: true,
    cashDueMinor: true,
    cashRoundingMinor: true,
    taxes: true,
  })
  .extend({ lines: z.array(rungLineSchema) });
export type CheckDocument = z.infer<typeof checkDocumentSchema>;

export const checkAnswerSchema = z.object({
  id: z.string(),
  label: z.string(),
  totalMinor: z.number(),
  /** The amounts its tenders pay, one tender each (equal parts or stated amounts); null: any tenders. */
  parts: z.array(z.number()).nullable(),
  document: checkDocumentSchema,
  saleId: z.string().nullable(),
  tipMinor: z.number(),
  paidAt: z.string().nullable(),
});
export type CheckAnswer = z.infer<typeof checkAnswerSchema>;

/** A round sent or a course fired, and how far the kitchen is with it (for the waiter). */
export const orderRoundAnswerSchema = z.object({
  id: z.string(),
  kind: z.enum(["round", "fire"]),
  course: z.number().nullable(),
  at: z.string(),
  /** `sent`; `in_progress` once a station started or bumped its ticket; `done`: every ticket bumped. */
  status: z.enum(["sent", "in_progress", "done"]),
});
export type OrderRoundAnswer = z.infer<typeof orderRoundAnswerSchema>;

export const orderAnswerSchema = z.object({
  id: z.string(),
  tableId: z.string().nullable(),
  tableName: z.string().nullable(),
  waiterId: z.string(),
  status: z.enum(["open", "billed", "paid", "merged"]),
  takeaway: z.boolean(),
  guests: z.number(),
  openedAt: z.string(),
  lines: z.array(orderLineAnswerSchema),
  checks: z.array(checkAnswerSchema),
  amountMinor: z.number(),
  /** The rounds sent to the kitchen, oldest first, with the kitchen's progress. */
  rounds: z.array(orderRoundAnswerSchema).optional(),
});
export type OrderAnswer = z.infer<typeof orderAnswerSchema>;

/** One line of a round as the kitchen gets it. */
export const kitchenLineSchema = z.object({
  lineId: z.string(),
  name: z.string(),
  qtyMilli: z.number(),
  categoryId: z.string().nullable(),
  modifiers: z.array(z.string()),
  note: z.string().nullable(),
  seat: z.number(),
  course: z.number(),
});
/** A round sent to the kitchen (new lines) or a course fired (the course's lines again). */
export const tableRoundSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  kind: z.enum(["round", "fire"]),
  course: z.number().nullable(),
  tableName: z.string().nullable(),
  waiterId: z.string(),
  at: z.string(),
  lines: z.array(kitchenLineSchema),
});
export type TableRound = z.infer<typeof tableRoundSchema>;

export const paidCheckAnswerSchema = z.object({
  check: checkAnswerSchema,
  order: orderAnswerSchema,
  receiptNo: z.string(),
});
