/** Shapes of the basket and sale API (CONTRACT.md). */
import { z } from "zod";
import { MAX_QTY_MILLI } from "../../core/quantity.ts";

const qty = z.union([
  z
    .number()
    .positive("must be more than zero")
    .max(MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units per line"),
  z
    .string()
    .regex(
      /^\d{1,5}(\.\d{1,3})?$/,
      'must be a positive decimal with at most 3 decimals, e.g. "3" or "0.455"',
    ),
]);

export const discountSchema = z.union([
  z
    .object({
      percent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percent such as "10" or "12.5"'),
    })
    .strict(),
  z.object({ amountMinor: z.number().int().positive("must be more than zero") }).strict(),
]);

export const basketLineSchema = z.object({
  code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
  qty: qty.optional(),
  unitPriceMinor: z.number().int("must be whole minor units").min(0, "must not be negative").optional(),
  discount: discountSchema.optional(),
});

export const quoteRequestSchema = z.object({
  lines: z.array(basketLineSchema).min(1, "a basket needs at least one line").max(500, "at most 500 lines"),
  discount: discountSchema.optional(),
  customerId: z.string().max(40).optional(),
  couponCodes: z.array(z.string().max(40)).max(20).optional(),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

const auditEntrySchema = z.object({
  action: z.enum(["line.voided", "price.overridden", "discount.given", "sale.voided"]),
  at: z.iso.datetime().optional(),
  userId: z.string().max(40).nullable().optional(),
  approvedBy: z.string().max(40).nullable().optional(),
  detail: z
    .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
    .refine((d) => Object.keys(d).length <= 8, "at most 8 detail fields")
    .optional(),
});

export const saleRequestSchema = quoteRequestSchema.extend({
  id: z.uuid("must be a UUID (the till makes a UUIDv7 per sale)"),
  tillId: z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores"),
  cashierId: z.string().max(40).optional(),
  /** When the sale completed at the till (offline sales arrive later); default now. */
  at: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }).optional(),
  /** The receipt number the till printed (offline tills number their own receipts). */
  receiptNo: z.string().max(40).optional(),
  tenders: z
    .array(
      z.object({
        type: z.string().min(1).max(20),
        amountMinor: z.number().int("must be whole minor units").positive("must be more than zero"),
      }),
    )
    // None only for a sale that comes to nothing (free items, a full discount): settling
    // checks that the tenders cover the total, whatever it is.
    .max(20),
  /** Cashier actions during the sale (voided lines, overrides), recorded in the audit log. */
  audit: z.array(auditEntrySchema).max(200).optional(),
});
export type SaleRequest = z.infer<typeof saleRequestSchema>;

export interface QuotedLine {
  code: string;
  name: string;
  department: string | null;
  taxClass: string | null;
  qty: number;
  qtyMilli: number;
  unitPriceMinor: number;
  extendedMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface QuoteResponse {
  lines: QuotedLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  cashDueMinor: number;
  cashRoundingMinor: number;
  taxes: { taxClass: string; rate: string; baseMinor: number; taxMinor: number }[];
  currency: string;
}

export interface SaleResponse extends QuoteResponse {
  id: string;
  receiptNo: string;
  tillId: string;
  cashierId: string | null;
  at: string;
  status: "completed" | "voided";
  tenders: { type: string; amountMinor: number }[];
  changeMinor: number;
  /** Set when selling took on-hand stock below zero (allowed, flagged). */
  negativeStock?: string[];
}
