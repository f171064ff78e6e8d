/**
 * Shapes of the cash book: expenses paid from the drawer (`POST /cash/expenses`), corrections
 * of cash errors (`POST /cash/corrections`), couriers' cash handed in (`POST /cash/hand-ins`),
 * and the cash book report per cashier and per register (`GET /reports/cash-book`).
 */
import { z } from "zod";
import { refId } from "../../core/events/fields.ts";
import { tillIdSchema, uuidSchema } from "../../core/ids.ts";
import { MAX_DRAWER_MINOR } from "./shifts.ts";

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]+$/u, "must not contain control characters");

const amount = z
  .number({ error: "must be a whole number of minor units" })
  .int("must be whole minor units")
  .positive("must be more than zero")
  .max(MAX_DRAWER_MINOR, `is absurd: at most ${MAX_DRAWER_MINOR} minor units`);

export const expenseCategorySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "must be a category such as supplies or cleaning (a-z, 0-9, _ and -)");

export const expenseSchema = z.strictObject({
  id: uuidSchema,
  /** The register: a till session's own till; an admin names it. */
  tillId: tillIdSchema.optional(),
  category: expenseCategorySchema,
  amountMinor: amount,
  note: plainText(500).optional(),
  /** Where the receipt's photo is kept (a file name or URL). */
  receiptRef: plainText(500).optional(),
});
export type ExpenseInput = z.infer<typeof expenseSchema>;

export const correctionSchema = z.strictObject({
  id: uuidSchema,
  /** The cash book entry or cash movement the correction corrects. */
  correctsId: uuidSchema,
  /** Cash put back in the drawer's count (positive) or taken out of it (negative). */
  amountMinor: z
    .number({ error: "must be a whole number of minor units" })
    .int("must be whole minor units")
    .refine((v) => v !== 0, "must not be zero")
    .refine((v) => Math.abs(v) <= MAX_DRAWER_MINOR, `is absurd: at most ${MAX_DRAWER_MINOR} minor units`),
  reason: plainText(200),
});
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const handInSchema = z.strictObject({
  id: uuidSchema,
  tillId: tillIdSchema.optional(),
  courierId: refId,
  deliveryIds: z.array(uuidSchema).min(1, "name the deliveries whose cash is handed in").max(500),
  /** The cash counted from the courier: it must be what the deliveries collected. */
  amountMinor: amount,
});
export type HandInInput = z.infer<typeof handInSchema>;

export const cashBookQuerySchema = z.object({
  from: z.iso.date("must be a date YYYY-MM-DD"),
  to: z.iso.date("must be a date YYYY-MM-DD"),
  tillId: tillIdSchema.optional(),
  cashierId: refId.optional(),
});
export type CashBookQuery = z.infer<typeof cashBookQuerySchema>;

export const cashBookEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(["expense", "correction", "hand_in"]),
  shiftId: z.string(),
  tillId: z.string(),
  userId: z.string(),
  at: z.string(),
  /** Effect on the drawer: negative out, positive in. */
  amountMinor: z.number().int(),
  category: z.string(),
  note: z.string().nullable(),
  receiptRef: z.string().nullable(),
  correctsId: z.string().nullable(),
  courierId: z.string().nullable(),
  deliveryIds: z.array(z.string()),
  movementId: z.string(),
  /** Cash the drawer should hold after the entry. */
  expectedCashMinor: z.number().int().optional(),
  /** A hand-in's orders paid at the door, collected by it as their sales (cash_on_delivery). */
  collected: z.array(z.object({ orderId: z.string(), saleId: z.string(), receiptNo: z.string() })).optional(),
});
export type CashBookEntry = z.infer<typeof cashBookEntrySchema>;

const cashBookTotalsSchema = z.object({
  /** Net takings per tender of the sales and returns (cash net of change). */
  tenders: z.array(z.object({ type: z.string(), amountMinor: z.number().int() })),
  cashInMinor: z.number().int(),
  cashOutMinor: z.number().int(),
  expensesMinor: z.number().int(),
  correctionsMinor: z.number().int(),
  handInsMinor: z.number().int(),
});
export type CashBookTotals = z.infer<typeof cashBookTotalsSchema>;

export const cashBookReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  tillId: z.string().nullable(),
  cashierId: z.string().nullable(),
  entries: z.array(cashBookEntrySchema),
  byCategory: z.array(z.object({ category: z.string(), amountMinor: z.number().int() })),
  byCashier: z.array(cashBookTotalsSchema.extend({ cashierId: z.string() })),
  byTill: z.array(cashBookTotalsSchema.extend({ tillId: z.string() })),
  /** Cash couriers hold now (collected on delivery, not yet handed in). */
  couriers: z.array(
    z.object({ courierId: z.string(), heldMinor: z.number().int(), deliveries: z.number().int() }),
  ),
});
export type CashBookReport = z.infer<typeof cashBookReportSchema>;
