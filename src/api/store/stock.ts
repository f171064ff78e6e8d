/** Shapes of the stock API: on-hand quantities, the movement ledger and manual adjustments. */
import { z } from "zod";
import { MAX_QTY_MILLI } from "../../core/quantity.ts";
import { reportDaySchema } from "../../core/report-figures.ts";

const productCode = z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters");

/** A quantity: a number or a decimal string with at most 3 decimals; the sign is checked by its use. */
const quantity = z.union([
  z
    .number()
    .refine((v) => Number.isFinite(v), "must be a finite number")
    .refine((v) => Math.abs(v) <= MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units per line"),
  z
    .string()
    .regex(
      /^-?\d{1,5}(\.\d{1,3})?$/,
      'must be a signed decimal with at most 3 decimals, e.g. "12", "-3" or "-0.455"',
    ),
]);

function isZero(qty: number | string): boolean {
  return Number(qty) === 0;
}

function isNegative(qty: number | string): boolean {
  return typeof qty === "number" ? qty < 0 : qty.trim().startsWith("-");
}

export const ADJUSTMENT_KINDS = ["receive", "count", "damage", "shrink", "transfer", "correction"] as const;

export const adjustmentRequestSchema = z
  .strictObject({
    /** Optional idempotency key: a repeat of the same id answers the first result. */
    id: z.uuid("must be a UUID").optional(),
    code: productCode,
    /**
     * Signed change: positive adds stock (a delivery), negative removes it (damage, shrink).
     * With kind "count" it is the quantity counted on the shelf: stock is set to it.
     */
    qty: quantity,
    reason: z
      .string()
      .trim()
      .min(1, "is required: say why the stock changes")
      .max(200, "must be at most 200 characters"),
    kind: z.enum(ADJUSTMENT_KINDS).default("correction"),
    /** What one unit of goods received cost (kind "receive"): the cost layer it makes (docs/stock.md). */
    unitCostMinor: z.number().int().min(0).max(100_000_000).optional(),
  })
  .superRefine((body, issues) => {
    if (body.kind === "count" && isNegative(body.qty) && !isZero(body.qty)) {
      issues.addIssue({
        code: "custom",
        path: ["qty"],
        message: "is the quantity counted on the shelf: zero or more",
      });
    } else if (body.unitCostMinor !== undefined && (body.kind !== "receive" || isNegative(body.qty))) {
      issues.addIssue({
        code: "custom",
        path: ["unitCostMinor"],
        message: 'is the cost of goods received: only with kind "receive" and a positive qty',
      });
    } else if (body.kind !== "count" && typeof body.qty === "number" && body.qty === 0) {
      issues.addIssue({ code: "custom", path: ["qty"], message: "must be a non-zero number" });
    }
  });
export type AdjustmentRequest = z.infer<typeof adjustmentRequestSchema>;

export const stockQuerySchema = z.object({
  code: productCode.optional(),
  /** How many of the latest movements to include with a single product (0: none). */
  movements: z.coerce.number().int().min(0).max(200).default(10),
  /** Without a code: only products whose on-hand quantity is below zero. */
  negative: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const movementsQuerySchema = z.object({
  code: productCode,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Page backwards: only movements with an id below this one. */
  before: z.coerce.number().int().min(1).optional(),
  /** Only movements of these business days (inclusive; both or neither). */
  from: reportDaySchema.optional(),
  to: reportDaySchema.optional(),
});

export const MOVEMENT_KINDS = [
  "sale",
  "return",
  "adjustment",
  "void",
  "count",
  "receipt",
  "issue",
  "writeoff",
  "transfer_out",
  "transfer_in",
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface StockMovement {
  id: number;
  code: string;
  kind: MovementKind;
  qty: number;
  qtyMilli: number;
  refId: string | null;
  reason: string | null;
  userId: string | null;
  at: string;
  location?: string;
  lot?: string | null;
  expiry?: string | null;
  /** Signed change of the stock's value; null for movements made before costing. */
  valueMinor: number | null;
  /** Cost of goods taken out, or restored or brought in (docs/stock.md); null before costing. */
  costMinor: number | null;
  /** Cost adjustment settled on goods arriving for stock sold below zero. */
  settledMinor: number | null;
}

export interface StockLevel {
  code: string;
  name: string | null;
  onHand: number;
  onHandMilli: number;
  /** On hand is below zero: more was sold than the ledger knows came in (allowed, flagged). */
  negative: boolean;
  movements?: StockMovement[];
  /** A single product (`GET /stock?code=`): reserved by open customer orders; available = on hand − reserved. */
  reserved?: number;
  available?: number;
  /** Weighted average cost of the receipts recorded (null: none yet), and on hand at that cost. */
  avgCostMinor?: number | null;
  valueMinor?: number | null;
  byLocation?: { location: string; onHand: number }[];
  lots?: { lot: string; expiry: string | null; onHand: number }[];
}

export interface AdjustmentResult extends StockLevel {
  /** Null when a count found what the system held: nothing moved. */
  movementId: number | null;
  deltaMilli: number;
  kind: (typeof ADJUSTMENT_KINDS)[number];
  reason: string;
}

export const belowMinimumQuerySchema = z.object({
  /** Only this location's limits (store-wide catalog limits are left out). */
  location: z.string().trim().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** `GET /stock/below-minimum`: a product under its minimum stock and what to order to reach its maximum. */
export const belowMinimumRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The location whose limits these are; null: the whole store, by the catalog's limits. */
  location: z.string().nullable(),
  onHand: z.number(),
  onHandMilli: z.int(),
  min: z.number(),
  /** Null: no maximum; `toOrder` then reaches the minimum. */
  max: z.number().nullable(),
  toOrder: z.number(),
  toOrderMilli: z.int(),
});
export type BelowMinimumRow = z.infer<typeof belowMinimumRowSchema>;
export const belowMinimumAnswerSchema = z.object({ products: z.array(belowMinimumRowSchema) });
