/** Shapes of the returns and sale-void API (CONTRACT.md `POST /returns`). */
import { z } from "zod";
import { qtySchema as qty } from "./quantity.ts";
import { cardNumberField } from "./sales.ts";

const tillId = z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores");
/** User and customer references as the journal carries them: printable, no spaces. */
const ref = z.string().regex(/^[\x21-\x7e]{1,40}$/, "must be 1 to 40 printable characters without spaces");
const approvalPin = z.string().regex(/^\d{4,8}$/, "must be the supervisor's PIN, 4 to 8 digits");

export const returnLineSchema = z.strictObject({
  /** Product code, PLU or barcode of the returned item. */
  code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
  qty,
  /** With a receipt: the line of the original sale to return from (default: any line of the product). */
  lineNo: z.number().int().positive().max(2000).optional(),
  /** Without a receipt: the price paid, when it is not the current price (needs the approval anyway). */
  unitPriceMinor: z.number().int("must be whole minor units").min(0, "must not be negative").optional(),
});

export const refundTenderSchema = z.strictObject({
  type: z.string().min(1).max(20),
  /** Money paid back to the customer: positive. */
  amountMinor: z.number().int("must be whole minor units").positive("must be more than zero"),
  /** `store_credit`: the customer's loyalty card the refund is credited to. */
  card: cardNumberField.optional(),
});

export const returnRequestSchema = z.strictObject({
  id: z.uuid("must be a UUID (the till makes a UUIDv7 per return)"),
  /** The sale the goods were bought in. */
  originalSaleId: z.uuid("must be a sale id (UUID)").optional(),
  /** Alternative to originalSaleId: the receipt number printed (and barcoded) on the receipt. */
  receiptNo: z.string().trim().min(1).max(48).optional(),
  tillId: tillId.optional(),
  cashierId: ref.optional(),
  lines: z.array(returnLineSchema).min(1, "a return needs at least one line").max(500, "at most 500 lines"),
  /** How the refund is paid back; without it, the way the original sale was paid (cash without a receipt). */
  tenders: z.array(refundTenderSchema).max(20, "at most 20 refund tenders").optional(),
  /** Supervisor PIN: required for a return without a receipt (settings.approvals.refund). */
  approvalPin: approvalPin.optional(),
  /** Instead of the PIN: an approval for returnWithoutReceipt obtained with POST /approvals. */
  approvalId: z.uuid("must be an approval id (UUID)").optional(),
  reason: z.string().trim().min(1).max(200).optional(),
  customerId: ref.optional(),
});
export type ReturnRequest = z.infer<typeof returnRequestSchema>;

export const voidRequestSchema = z
  .strictObject({
    reason: z.string().trim().min(1).max(200).optional(),
    /** Supervisor PIN, when settings.approvals.voidAfterTotal asks for one. */
    approvalPin: approvalPin.optional(),
    /** Instead of the PIN: an approval for voidAfterTotal obtained with POST /approvals. */
    approvalId: z.uuid("must be an approval id (UUID)").optional(),
    tillId: tillId.optional(),
  })
  .optional();
export type VoidRequest = z.infer<typeof voidRequestSchema>;

export const saleIdParamsSchema = z.object({ id: z.uuid("must be a sale id (UUID)") });

export interface ReturnedLine {
  lineNo: number;
  /** The line of the original sale it returns; null without a receipt. */
  originalLineNo: number | null;
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

export interface TaxRow {
  taxClass: string;
  rate: string;
  baseMinor: number;
  taxMinor: number;
}

export interface ReturnResponse {
  id: string;
  receiptNo: string;
  originalSaleId: string | null;
  originalReceiptNo: string | null;
  /** The store that sold the goods (this store, or another of the chain); null without a receipt. */
  originalStoreId: string | null;
  tillId: string;
  cashierId: string | null;
  approvedBy: string | null;
  at: string;
  lines: ReturnedLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  /** What is paid back, before cash rounding. */
  totalMinor: number;
  /** Cash paid back minus the cash part due (non-zero only with cash rounding). */
  cashRoundingMinor: number;
  taxes: TaxRow[];
  tenders: { type: string; amountMinor: number; card?: string }[];
  currency: string;
}

export interface VoidInfo {
  at: string;
  userId: string | null;
  approvedBy: string | null;
  reason: string | null;
}
