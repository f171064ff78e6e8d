/** Shapes of receipt reprints at the store. */
import { z } from "zod";

export const receiptParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });

export const receiptQuerySchema = z.object({
  /** `text` (default): the receipt as printed; `json`: `{saleId, receiptNo, text, doc}`. */
  format: z.enum(["text", "json"], { error: "must be text or json" }).default("text"),
  /** Characters per line: 32 for 58 mm paper, 48 (default) for 80 mm. */
  columns: z.coerce.number().int().min(24, "must be 24 or more").max(64, "must be at most 64").default(48),
});
export type ReceiptQuery = z.infer<typeof receiptQuerySchema>;

/** `/r/:token`: a receipt's link (see src/shared/receipt-link.ts); anything longer is not one. */
export const receiptLinkParamsSchema = z.object({ token: z.string().max(64) });

export const receiptLinkQuerySchema = z.object({
  /** `html` (default): a small page for a phone; `text`: the receipt as printed. */
  format: z.enum(["html", "text"], { error: "must be html or text" }).default("html"),
});
