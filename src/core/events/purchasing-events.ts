/**
 * Version 1 payloads of purchasing events: vendors and their catalogs, purchase orders (a
 * snapshot at each change of status or quantities), goods received from a vendor (beside the
 * `stock.document_posted` event of the same receipt) and vendor credits. They carry the dates
 * and quantities head office needs to measure suppliers: when an order was made, sent,
 * promised and closed, what each receipt brought against what was open, and every cost change.
 */
import { z } from "zod";
import { moneyMinor, productCode, refId, signedMilli, utcTimestamp } from "./fields.ts";

const vendorId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const milli = z.int().nonnegative();
/** A document's lines: one to 5,000. */
const linesOf = <T extends z.ZodType>(line: T) => z.array(line).min(1).max(5000);
/** A numbered document of a vendor's. */
const numbered = { id: z.uuid(), number: z.int().min(1), vendorId };

export const vendorChangedV1 = z.strictObject({
  id: vendorId,
  name: z.string().min(1).max(120),
  paymentTerms: z.string().max(80).nullable(),
  paymentTypes: z.array(z.string().min(1).max(32)).max(20),
  active: z.boolean(),
  userId: refId.nullable(),
  at: utcTimestamp,
});

export const vendorItemsChangedV1 = z.strictObject({
  vendorId,
  source: z.enum(["manual", "import", "invoice"]),
  /** The import or receipt that changed them. */
  refId: z.string().min(1).max(200).nullable(),
  userId: refId.nullable(),
  at: utcTimestamp,
  items: z
    .array(
      z.strictObject({
        code: productCode,
        vendorCode: z.string().min(1).max(40).nullable(),
        caseSizeMilli: milli.nullable(),
        costMinor: moneyMinor,
        /** The cost before this change; null for a new item. */
        previousCostMinor: moneyMinor.nullable(),
        leadTimeDays: z.int().min(0).max(365).nullable(),
        minOrderMilli: milli.nullable(),
      }),
    )
    .min(1)
    .max(100_000),
});

export const purchaseOrderChangedV1 = z.strictObject({
  ...numbered,
  status: z.enum(["draft", "sent", "partly_received", "received", "cancelled"]),
  expectedAt: day.nullable(),
  createdAt: utcTimestamp,
  sentAt: utcTimestamp.nullable(),
  closedAt: utcTimestamp.nullable(),
  userId: refId.nullable(),
  at: utcTimestamp,
  lines: linesOf(
    z.strictObject({
      code: productCode,
      orderedMilli: milli,
      costMinor: moneyMinor,
      receivedMilli: milli,
    }),
  ),
});

export const purchaseGoodsReceivedV1 = z.strictObject({
  /** The goods receipt: its `receipt` stock document has the same id. */
  id: z.uuid(),
  orderId: z.uuid().nullable(),
  vendorId,
  invoiceNumber: z.string().min(1).max(64).nullable(),
  invoiceDate: day.nullable(),
  landedCostMinor: moneyMinor,
  userId: refId.nullable(),
  at: utcTimestamp,
  lines: linesOf(
    z.strictObject({
      code: productCode,
      /** Open on the order before this receipt; null without an order. */
      openMilli: signedMilli.nullable(),
      receivedMilli: milli,
      costMinor: moneyMinor,
      landedMinor: moneyMinor,
      unitCostMinor: moneyMinor,
    }),
  ),
});

export const vendorCreditChangedV1 = z.strictObject({
  ...numbered,
  receiptId: z.uuid().nullable(),
  status: z.enum(["open", "settled"]),
  totalMinor: moneyMinor,
  settlementRef: z.string().min(1).max(64).nullable(),
  userId: refId.nullable(),
  at: utcTimestamp,
  lines: linesOf(
    z.strictObject({
      code: productCode,
      qtyMilli: milli,
      reason: z.enum(["not_received", "damaged", "expired", "mispriced"]),
      amountMinor: moneyMinor,
    }),
  ),
});
