/**
 * Head office's purchasing reads, from the stores' replicated events: vendors and their
 * catalogs, purchase orders, vendor credits (`storeId` for one store, else every store), and
 * supplier performance for one store or the whole chain, in the store's own answer shapes
 * (src/api/store/supplier-performance.ts). Money in minor units, quantities in milli-units.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import {
  CREDIT_REASONS,
  PO_STATUSES,
  vendorCreditAnswerSchema,
  vendorIdSchema,
  vendorItemAnswerSchema,
} from "../store/purchasing.ts";
import { qtySchema } from "../store/quantity.ts";
import { periodQuery } from "../store/supplier-performance.ts";

const storeId = { storeId: storeIdSchema.optional() };

export const hqVendorsQuerySchema = z.object(storeId);
export const hqVendorQuerySchema = z.object({ storeId: storeIdSchema });
export const hqVendorParamsSchema = z.object({ id: vendorIdSchema });
export const hqPurchaseOrdersQuerySchema = z.object({
  ...storeId,
  vendorId: vendorIdSchema.optional(),
  status: z.enum(PO_STATUSES).optional(),
});
export const hqPurchaseOrderParamsSchema = z.object({ id: z.uuid("must be a UUID") });
export const hqVendorCreditsQuerySchema = z.object({
  ...storeId,
  vendorId: vendorIdSchema.optional(),
  status: z.enum(["open", "settled"]).optional(),
});
export const hqVendorReportQuerySchema = periodQuery(storeId);
export const hqCheapestVendorQuerySchema = periodQuery({
  ...storeId,
  code: z.string().trim().min(1, "must not be empty").max(32),
});

const int = z.number().int();
const str = z.string();
/** A vendor item's every cost, as the store answers it. */
const costHistorySchema = vendorItemAnswerSchema.shape.costHistory.unwrap();

export const hqVendorAnswerSchema = z.looseObject({
  storeId: str,
  id: str,
  name: str,
  paymentTerms: str.nullable(),
  paymentTypes: z.array(str),
  active: z.boolean(),
  updatedAt: str,
  itemCount: int,
});
export const hqVendorsAnswerSchema = z.looseObject({ vendors: z.array(hqVendorAnswerSchema) });

export const hqVendorDetailAnswerSchema = hqVendorAnswerSchema.extend({
  /** The store's vendor items as the store answers them (without the product's name), each with its cost history. */
  items: z.array(
    vendorItemAnswerSchema.omit({ vendorId: true, name: true }).extend({ costHistory: costHistorySchema }),
  ),
});
export type HqVendorDetail = z.infer<typeof hqVendorDetailAnswerSchema>;

export const hqPurchaseOrderAnswerSchema = z.looseObject({
  storeId: str,
  id: str,
  number: int,
  vendorId: str,
  status: z.enum(PO_STATUSES),
  expectedAt: str.nullable(),
  createdAt: str,
  sentAt: str.nullable(),
  closedAt: str.nullable(),
  updatedAt: str,
  /** Ordered quantity × cost. */
  totalMinor: int,
  lines: z.array(z.looseObject({ code: str, orderedMilli: int, costMinor: int, receivedMilli: int })),
  receipts: z.array(
    z.looseObject({ id: str, receivedAt: str, invoiceNumber: str.nullable(), landedCostMinor: int }),
  ),
});
export type HqPurchaseOrder = z.infer<typeof hqPurchaseOrderAnswerSchema>;
export const hqPurchaseOrdersAnswerSchema = z.looseObject({ orders: z.array(hqPurchaseOrderAnswerSchema) });

/** A store's credit as the store answers it, less its note, and with the store. */
export const hqVendorCreditAnswerSchema = vendorCreditAnswerSchema.omit({ note: true, lines: true }).extend({
  storeId: str,
  lines: z.array(
    z.looseObject({ code: str, qtyMilli: int, reason: z.enum(CREDIT_REASONS), amountMinor: int }),
  ),
});
export type HqVendorCredit = z.infer<typeof hqVendorCreditAnswerSchema>;
export const hqVendorCreditsAnswerSchema = z.looseObject({ credits: z.array(hqVendorCreditAnswerSchema) });

const chainLineSchema = z.strictObject({
  code: z.string().trim().min(1, "must not be empty").max(32),
  qty: qtySchema,
  costMinor: z
    .int("must be a whole number of minor units")
    .min(0, "must not be negative")
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
});

/**
 * `POST /purchase-orders` at head office: a purchase order for several stores, idempotent by id.
 * With `storeIds`, each store gets its own order of these lines; with `deliverTo`, one central
 * order is delivered to that site (a warehouse) and `distribution` says how much of each
 * product goes on to which store by transfer.
 */
export const chainOrderRequestSchema = z
  .strictObject({
    id: z.uuid("must be a UUID"),
    vendorId: vendorIdSchema,
    lines: z.array(chainLineSchema).min(1, "an order has at least one line").max(5000, "at most 5,000 lines"),
    expectedAt: z.iso.date({ error: "must be a day such as 2026-06-30 (YYYY-MM-DD)" }).optional(),
    note: z.string().trim().min(1).max(500).optional(),
    /** Send the stores' orders to the vendor at once (default: each store gets a draft). */
    send: z.boolean().optional(),
    storeIds: z
      .array(storeIdSchema)
      .min(1, "name at least one store")
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, "a store is named twice")
      .optional(),
    deliverTo: storeIdSchema.optional(),
    distribution: z
      .array(
        z.strictObject({
          storeId: storeIdSchema,
          lines: z.array(z.strictObject({ code: z.string().trim().min(1).max(32), qty: qtySchema })).min(1),
        }),
      )
      .max(500)
      .optional(),
  })
  .refine((r) => (r.storeIds === undefined) !== (r.deliverTo === undefined), {
    message: "give either storeIds (one order per store) or deliverTo (a central order to a warehouse)",
    path: ["storeIds"],
  })
  .refine((r) => r.distribution === undefined || r.deliverTo !== undefined, {
    message: "a distribution goes with deliverTo (a central order)",
    path: ["distribution"],
  });
export type ChainOrderRequest = z.infer<typeof chainOrderRequestSchema>;

export const chainOrderParamsSchema = z.object({ id: z.uuid("must be a UUID") });

export const chainOrderAnswerSchema = z.looseObject({
  id: str,
  vendorId: str,
  /** The warehouse site of a central order; null for one order per store. */
  deliverTo: str.nullable(),
  createdAt: str,
  orders: z.array(
    z.looseObject({
      storeId: str,
      /** The store's purchase order id. */
      orderId: str,
      /** As the store last reported it; null until its order reaches head office. */
      status: z.enum(PO_STATUSES).nullable(),
      number: int.nullable(),
      lines: z.array(z.looseObject({ code: str, orderedMilli: int, receivedMilli: int })),
    }),
  ),
  distribution: z.array(
    z.looseObject({
      storeId: str,
      lines: z.array(
        z.looseObject({
          code: str,
          qtyMilli: int,
          /** Transferred out of the warehouse to the store since the order was made. */
          transferredMilli: int,
        }),
      ),
    }),
  ),
});
export type ChainOrder = z.infer<typeof chainOrderAnswerSchema>;
