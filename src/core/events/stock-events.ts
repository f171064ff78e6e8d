/**
 * Version 1 payload of a posted stock document (receipt, issue, write-off, count, adjustment,
 * transfer out or in): the document as posted and each movement it made, so head office keeps
 * the document and a store rebuilding its state from the journal can move stock again.
 */
import { z } from "zod";
import { moneyMinor, productCode, reasonText, refId, signedMilli, utcTimestamp } from "./fields.ts";

const place = z.string().min(1).max(40);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const stockDocumentPostedV1 = z.strictObject({
  id: z.uuid(),
  number: z.number().int().min(1),
  type: z.enum(["receipt", "issue", "writeoff", "count", "adjustment", "transfer_out", "transfer_in"]),
  location: place,
  reason: reasonText.nullable(),
  toStore: z.string().min(1).max(64).nullable(),
  transferId: z.uuid().nullable(),
  userId: refId.nullable(),
  approvedBy: refId.nullable(),
  at: utcTimestamp,
  lines: z
    .array(
      z.strictObject({
        code: productCode,
        location: place,
        lot: z.string().min(1).max(40).nullable(),
        expiry: day.nullable(),
        /** The line's quantity as given (counted, received, sent…), in milli-units. */
        qtyMilli: signedMilli,
        /** The stock movement posting made (0: none). */
        deltaMilli: signedMilli,
        unitCostMinor: moneyMinor.nullable(),
        /** A transfer_in line: what the sending store sent. */
        expectedMilli: signedMilli.nullable(),
      }),
    )
    .min(1)
    .max(5000),
});

/**
 * Version 1 payload of a product's minimum and maximum stock at one location of the store, set
 * or cleared (`minMilli` null), so head office lists each store's products below their minimum.
 */
export const stockLimitsChangedV1 = z.strictObject({
  code: productCode,
  location: place,
  minMilli: z.int().nonnegative().nullable(),
  maxMilli: z.int().nonnegative().nullable(),
  userId: refId.nullable(),
  at: utcTimestamp,
});
