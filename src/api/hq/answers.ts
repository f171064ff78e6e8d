/** Head office's answers as the admin CLI and the stores read them. */
import { z } from "zod";
import { chainSaleLineSchema, chainSaleSchema } from "../../core/chain-sale.ts";
import { taxClassSchema } from "../../core/settings.ts";
import { productAnswerSchema } from "../store/admin-answers.ts";

const int = z.number().int();

/** `PUT /prices`: the chain price of a product, and whether it is in force or scheduled. */
export const hqPriceAnswerSchema = z.looseObject({
  code: z.string(),
  priceMinor: int.nullable(),
  status: z.string(),
});

export const hqProductsAnswerSchema = z.object({ products: z.array(productAnswerSchema) });

/** `GET /settings`: the chain's settings as the registered stores' settings give them. */
export const chainSettingsAnswerSchema = z.looseObject({
  currency: z.string(),
  locale: z.string(),
  taxClasses: z.array(taxClassSchema),
  maxPriceMinor: int,
  stores: int,
});

/**
 * `GET /sales/:id`: the contract's sale (`ChainSale`, what a store reads) and what head office
 * answers besides; who sold and bought it only to a reader of reports or the sale's own store.
 */
export const hqSaleAnswerSchema = chainSaleSchema
  .extend({
    cashierId: z.string().nullable().optional(),
    customerId: z.string().nullable().optional(),
    day: z.string().optional(),
    subtotalMinor: int.optional(),
    discountMinor: int.optional(),
    taxMinor: int.optional(),
    voidedAt: z.string().nullable().optional(),
    lines: z.array(chainSaleLineSchema.extend({ qty: z.number().optional() }).loose()),
  })
  .loose();
