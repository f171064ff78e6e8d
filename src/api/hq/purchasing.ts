/**
 * Head office's purchasing reads, from the stores' replicated events: vendors and their
 * catalogs, purchase orders, vendor credits (`storeId` for one store, else every store), and
 * supplier performance for one store or the whole chain, in the store's own answer shapes
 * (src/api/store/supplier-performance.ts). Money in minor units, quantities in milli-units.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { CREDIT_REASONS, PO_STATUSES, vendorIdSchema } from "../store/purchasing.ts";
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
  items: z.array(
    z.looseObject({
      code: str,
      vendorCode: str.nullable(),
      caseSizeMilli: int.nullable(),
      costMinor: int,
      leadTimeDays: int.nullable(),
      minOrderMilli: int.nullable(),
      updatedAt: str,
      costHistory: z.array(
        z.looseObject({
          costMinor: int,
          previousCostMinor: int.nullable(),
          source: z.enum(["manual", "import", "invoice"]),
          refId: str.nullable(),
          at: str,
        }),
      ),
    }),
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

export const hqVendorCreditAnswerSchema = z.looseObject({
  storeId: str,
  id: str,
  number: int,
  vendorId: str,
  receiptId: str.nullable(),
  status: z.enum(["open", "settled"]),
  totalMinor: int,
  createdAt: str,
  settledAt: str.nullable(),
  settlementRef: str.nullable(),
  lines: z.array(
    z.looseObject({ code: str, qtyMilli: int, reason: z.enum(CREDIT_REASONS), amountMinor: int }),
  ),
});
export type HqVendorCredit = z.infer<typeof hqVendorCreditAnswerSchema>;
export const hqVendorCreditsAnswerSchema = z.looseObject({ credits: z.array(hqVendorCreditAnswerSchema) });
