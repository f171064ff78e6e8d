/**
 * A sale as head office knows it (`GET /api/v1/sales/:id` at HQ): any store's sale with its
 * lines, tenders and taxes, and every return recorded against it in any store of the chain
 * that has reached head office. A store asks for it to take back goods bought in another shop;
 * head office answers it, the store parses it with this schema.
 */
import { z } from "zod";

const minor = z.int("must be whole minor units");
const milli = z.int("must be whole milli-units").min(0, "must not be negative");

export const chainSaleLineSchema = z.object({
  lineNo: z.int().positive(),
  code: z.string().min(1),
  name: z.string(),
  department: z.string().nullable(),
  taxClass: z.string().nullable(),
  qtyMilli: z.int().positive("a sold quantity is more than zero"),
  unitPriceMinor: minor,
  extendedMinor: minor,
  discountMinor: minor,
  taxMinor: minor,
  totalMinor: minor,
  /** Returned against this line in every store whose return head office has applied. */
  returnedMilli: milli,
});

export const chainTenderSchema = z.object({ type: z.string().min(1), amountMinor: minor });

export const chainReturnSchema = z.object({
  id: z.string().min(1),
  storeId: z.string().min(1),
  receiptNo: z.string(),
  at: z.string(),
  totalMinor: minor,
  lines: z.array(
    z.object({ originalLineNo: z.int().positive().nullable(), code: z.string(), qtyMilli: milli }),
  ),
  /** Money paid back, per tender (positive). */
  tenders: z.array(chainTenderSchema),
});

export const chainSaleSchema = z.object({
  id: z.string().min(1),
  storeId: z.string().min(1),
  receiptNo: z.string().min(1),
  tillId: z.string(),
  at: z.string(),
  currency: z.string(),
  status: z.enum(["completed", "voided"]),
  totalMinor: minor,
  changeMinor: minor,
  cashRoundingMinor: minor,
  lines: z.array(chainSaleLineSchema),
  taxes: z.array(z.object({ taxClass: z.string(), rate: z.string(), baseMinor: minor, taxMinor: minor })),
  tenders: z.array(chainTenderSchema),
  returns: z.array(chainReturnSchema),
});
export type ChainSale = z.infer<typeof chainSaleSchema>;
export type ChainReturn = z.infer<typeof chainReturnSchema>;

/**
 * A sale as a till sees it for a return (`GET /api/v1/returns/original/:ref` at the store): this
 * store's or another store's, each line with what was returned of it anywhere, and what each
 * tender of the sale can still refund.
 */
export const returnableSaleSchema = z.object({
  id: z.string().min(1),
  storeId: z.string().min(1),
  receiptNo: z.string().min(1),
  at: z.string(),
  totalMinor: minor,
  /** True when the sale is another store's, looked up at head office. */
  foreign: z.boolean(),
  lines: z.array(
    chainSaleLineSchema.pick({
      lineNo: true,
      code: true,
      name: true,
      qtyMilli: true,
      unitPriceMinor: true,
      taxMinor: true,
      totalMinor: true,
      returnedMilli: true,
    }),
  ),
  refundable: z.array(chainTenderSchema),
});
export type ReturnableSale = z.infer<typeof returnableSaleSchema>;
