/**
 * Shapes of stock documents (`POST /stock/documents`). Counts are implemented: a count line's
 * `qty` is the quantity counted on the shelf, and posting sets stock to it.
 */
import { z } from "zod";
import { MAX_QTY_MILLI } from "../../core/quantity.ts";

export const STOCK_DOCUMENT_TYPES = [
  "receipt",
  "issue",
  "writeoff",
  "count",
  "adjustment",
  "transfer_out",
  "transfer_in",
] as const;

/** Types this store posts today; the others are refused with STOCK_DOCUMENT_TYPE_UNSUPPORTED. */
export const SUPPORTED_DOCUMENT_TYPES = ["count"] as const;
export type StockDocumentType = (typeof SUPPORTED_DOCUMENT_TYPES)[number];

const countedQty = z.union([
  z
    .number()
    .refine((v) => Number.isFinite(v) && v >= 0, "must be the quantity counted: zero or more")
    .refine((v) => v <= MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units per line"),
  z
    .string()
    .regex(/^\d{1,5}(\.\d{1,3})?$/, 'must be zero or more, with at most 3 decimals, e.g. "12" or "0.455"'),
]);

export const stockDocumentLineSchema = z.strictObject({
  code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
  qty: countedQty,
});

export const stockDocumentRequestSchema = z.strictObject({
  /** Idempotency key: a repeat answers the document as it is and changes nothing. */
  id: z.uuid("must be a UUID"),
  type: z.enum(STOCK_DOCUMENT_TYPES, { error: `must be one of ${STOCK_DOCUMENT_TYPES.join(", ")}` }),
  /** Post at once (default false: the document is kept as a draft until posted). */
  post: z.boolean().optional(),
  location: z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters").optional(),
  reason: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  lines: z
    .array(stockDocumentLineSchema)
    .min(1, "a stock document has at least one line")
    .max(5000, "at most 5,000 lines per document"),
});
export type StockDocumentRequest = z.infer<typeof stockDocumentRequestSchema>;

export const stockDocumentParamsSchema = z.object({ id: z.uuid("must be a UUID") });

export interface StockDocumentLine {
  lineNo: number;
  code: string;
  name: string | null;
  counted: number;
  countedMilli: number;
  /** On hand when the count was posted; for a draft, on hand now. */
  systemMilli: number;
  /** counted − system: the stock movement posting made (or would make, for a draft). */
  differenceMilli: number;
  /** The ledger movement posting made; null for a draft or when nothing differed. */
  movementId: number | null;
}

export interface StockDocument {
  id: string;
  number: number;
  type: StockDocumentType;
  status: "draft" | "posted";
  location: string | null;
  reason: string | null;
  /** Who counted, and when the count was recorded. */
  userId: string | null;
  createdAt: string;
  postedBy: string | null;
  postedAt: string | null;
  lines: StockDocumentLine[];
}
