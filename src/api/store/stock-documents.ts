/**
 * Shapes of stock documents (`POST /stock/documents`): receipts (with a unit cost), issues,
 * write-offs (with a reason), counts (a count line's `qty` is the quantity counted on the shelf,
 * and posting sets stock to it), adjustments (signed, with a reason and a supervisor's approval),
 * transfers out (to another store: the stock leaves and is in transit) and transfers in (the
 * receiving site records what arrived against what was sent).
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
export type StockDocumentType = (typeof STOCK_DOCUMENT_TYPES)[number];

/** How a count treats what it does not list (docs/store.md). */
export const COUNT_MODES = ["full", "partial", "cycle"] as const;

/** Why stock is written off. */
export const WRITEOFF_REASONS = ["expired", "damaged", "theft", "own_use"] as const;

/** Where stock is when a document names no location. */
export const DEFAULT_LOCATION = "floor";

/** A line's quantity: signed for adjustments; each type checks the sign it allows. */
const lineQty = z.union([
  z
    .number()
    .refine((v) => Number.isFinite(v), "must be a finite number")
    .refine((v) => Math.abs(v) <= MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units per line"),
  z
    .string()
    .regex(/^-?\d{1,5}(\.\d{1,3})?$/, 'must be a quantity with at most 3 decimals, e.g. "12" or "0.455"'),
]);

const place = z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters");

export const stockDocumentLineSchema = z.strictObject({
  code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
  qty: lineQty,
  /** A receipt's cost per unit in minor units (required on receipts). */
  unitCostMinor: z.int("must be a whole number of minor units").min(0, "must not be negative").optional(),
  lot: z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters").optional(),
  expiry: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day such as 2026-06-30 (YYYY-MM-DD)")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "must be a real day")
    .optional(),
  /** Serial numbers of the line's units (kept with the request; tracked by serials support). */
  serials: z.array(z.string().trim().min(1).max(64)).max(10_000).optional(),
  /** The line's location when it differs from the document's. */
  location: place.optional(),
});
export type StockDocumentLineRequest = z.infer<typeof stockDocumentLineSchema>;

export const stockDocumentRequestSchema = z
  .strictObject({
    /** Idempotency key: a repeat answers the document as it is and changes nothing. */
    id: z.uuid("must be a UUID"),
    type: z.enum(STOCK_DOCUMENT_TYPES, { error: `must be one of ${STOCK_DOCUMENT_TYPES.join(", ")}` }),
    /** Post at once (default false: the document is kept as a draft until posted). */
    post: z.boolean().optional(),
    location: place.optional(),
    reason: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .optional(),
    /** transfer_out: the receiving store. */
    toStore: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a store id")
      .optional(),
    /** transfer_in: the transfer received (the id of its transfer_out document). */
    transferId: z.uuid("must be the UUID of the transfer_out document").optional(),
    /** adjustment: a supervisor's PIN typed with the request, or an approval from POST /approvals. */
    approvalPin: z
      .string()
      .regex(/^\d{4,8}$/, "must be 4 to 8 digits")
      .optional(),
    approvalId: z.uuid("must be a UUID").optional(),
    /**
     * count: `full` sets every product of the location (or of `department` / `category`) that is
     * not on the count to zero; `partial` (default) and `cycle` touch only the lines counted.
     */
    mode: z.enum(COUNT_MODES, { error: `must be one of ${COUNT_MODES.join(", ")}` }).optional(),
    /** count: when it was counted (default: when the document is made); stock moved since is kept. */
    countedAt: z.iso
      .datetime({ offset: true, error: "must be a time such as 2026-03-02T16:00:00Z" })
      .transform((v) => new Date(v).toISOString())
      .optional(),
    department: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(64, "must be at most 64 characters")
      .optional(),
    category: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(16, "must be at most 16 characters")
      .optional(),
    lines: z
      .array(stockDocumentLineSchema)
      .min(1, "a stock document has at least one line")
      .max(5000, "at most 5,000 lines per document"),
  })
  .superRefine((body, issues) => {
    for (const field of ["mode", "countedAt", "department", "category"] as const) {
      if (body[field] !== undefined && body.type !== "count") {
        issues.addIssue({ code: "custom", path: [field], message: "is a count's: only with type count" });
      }
    }
    for (const field of ["department", "category"] as const) {
      if (body[field] !== undefined && body.mode !== "full") {
        issues.addIssue({
          code: "custom",
          path: [field],
          message: 'limits a full count: only with mode "full"',
        });
      }
    }
    if (body.type === "adjustment") return;
    body.lines.forEach((line, i) => {
      if (typeof line.qty === "number" ? line.qty < 0 : line.qty.startsWith("-")) {
        issues.addIssue({ code: "custom", path: ["lines", i, "qty"], message: "must be zero or more" });
      }
    });
  });
export type StockDocumentRequest = z.infer<typeof stockDocumentRequestSchema>;

export const stockDocumentParamsSchema = z.object({ id: z.uuid("must be a UUID") });

/** `GET /stock/documents/:id`, `…/:id.pdf` (A4) or `…/:id.txt` (receipt printer lines). */
export const stockDocumentFileParamsSchema = z.object({
  id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.pdf|\.txt)?$/i,
      "must be a document's UUID, optionally ending .pdf or .txt",
    ),
});

export const stockDocumentsQuerySchema = z.object({
  type: z.enum(STOCK_DOCUMENT_TYPES).optional(),
  status: z.enum(["draft", "posted"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Page backwards: only documents numbered below this one. */
  before: z.coerce.number().int().min(1).optional(),
});

export interface StockDocumentLine {
  lineNo: number;
  code: string;
  name: string | null;
  /** The line's quantity (for a count, the quantity counted; signed for an adjustment). */
  qty: number;
  qtyMilli: number;
  /** Kept for counts' readers: the same as `qty`/`qtyMilli`. */
  counted: number;
  countedMilli: number;
  /** On hand when the document was posted; for a draft, on hand now. */
  systemMilli: number;
  /**
   * The stock movement posting made (or would make, for a draft); for a transfer_in, what
   * arrived minus what was sent (the discrepancy).
   */
  differenceMilli: number;
  /** The ledger movement posting made; null for a draft or when nothing moved. */
  movementId: number | null;
  location: string;
  lot: string | null;
  expiry: string | null;
  unitCostMinor: number | null;
  /** A transfer_in line: what was sent (null for other types). */
  expectedMilli: number | null;
}

export interface StockDocument {
  id: string;
  number: number;
  type: StockDocumentType;
  status: "draft" | "posted";
  location: string;
  reason: string | null;
  toStore: string | null;
  transferId: string | null;
  /** A posted transfer_out: "in_transit" until its transfer_in is posted, then "received". */
  transferStatus: "in_transit" | "received" | null;
  /** Who made the document, and when. */
  userId: string | null;
  createdAt: string;
  postedBy: string | null;
  postedAt: string | null;
  approvedBy: string | null;
  totalCostMinor: number | null;
  /** A count's mode and when it was counted (other documents: null). */
  mode: (typeof COUNT_MODES)[number] | null;
  countedAt: string | null;
  department: string | null;
  category: string | null;
  lines: StockDocumentLine[];
}

export interface StockDocumentSummary {
  id: string;
  number: number;
  type: StockDocumentType;
  status: "draft" | "posted";
  location: string;
  reason: string | null;
  lineCount: number;
  createdAt: string;
  postedAt: string | null;
}
