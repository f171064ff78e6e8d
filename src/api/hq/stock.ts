/**
 * Head office's stock reads: each store's on-hand quantity of a product, kept from the stores'
 * replicated sales and stock documents (`GET /stock?code=`), and the transfers in transit to a
 * store (`GET /transfers?to=`), which the receiving store reads to post its transfer in.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";

export const hqStockQuerySchema = z.object({
  code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
});

export const hqStockAnswerSchema = z.looseObject({
  code: z.string(),
  sites: z.array(
    z.looseObject({
      storeId: z.string(),
      /** On hand in units (e.g. 12 or 0.455). */
      onHand: z.number(),
      onHandMilli: z.number().int(),
      byLocation: z.array(z.looseObject({ location: z.string(), onHandMilli: z.number().int() })),
    }),
  ),
});
export type HqStockAnswer = z.infer<typeof hqStockAnswerSchema>;

export const transfersQuerySchema = z.object({
  /** The receiving store. */
  to: storeIdSchema,
  /** One transfer: the id of its transfer_out document. */
  id: z.uuid("must be the UUID of a transfer out document").optional(),
});

const transferLineSchema = z.looseObject({
  code: z.string(),
  qtyMilli: z.number().int(),
  location: z.string(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  unitCostMinor: z.number().int().nullable(),
});

export const transferSchema = z.looseObject({
  /** The transfer_out document's id (a transfer in names it as `transferId`). */
  id: z.string(),
  fromStore: z.string(),
  toStore: z.string(),
  number: z.number().int(),
  postedAt: z.string(),
  lines: z.array(transferLineSchema),
});
export type Transfer = z.infer<typeof transferSchema>;

export const transfersAnswerSchema = z.looseObject({ transfers: z.array(transferSchema) });
