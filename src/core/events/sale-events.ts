/**
 * Version 1 payloads of the events of selling: completed and voided sales, voided lines,
 * price overrides, and returns. Each carries what head office needs to rebuild the document
 * and its reports without asking the store.
 */
import { z } from "zod";
import { storeIdSchema } from "../ids.ts";
import {
  businessDay,
  currencyCode,
  documentLineSchema,
  id,
  MAX_LINES,
  MAX_ROWS,
  moneyMinor,
  productCode,
  productName,
  qtyMilli,
  reasonText,
  receiptNo,
  refId,
  signedMilli,
  signedMinor,
  taxRowSchema,
  tenderRowSchema,
  tillId,
  utcTimestamp,
} from "./fields.ts";

/**
 * A line of a sale: an item, a deposit linked to one, or returned empties (`depositReturn`,
 * the only kind with a negative quantity and amounts).
 */
export const saleLineSchema = documentLineSchema
  .extend({
    qtyMilli: signedMilli.refine((n) => n !== 0, "must not be zero"),
    extendedMinor: signedMinor,
    taxMinor: signedMinor,
    totalMinor: signedMinor,
    kind: z.enum(["deposit", "depositReturn", "giftCard"]).optional(),
    /** A gift card line's card. */
    card: z.string().min(4).max(32).optional(),
    /** The unit's lot, expiry (`YYYY-MM-DD`) and serial number, when rung from its label. */
    lot: z.string().min(1).max(20).optional(),
    expiry: z.iso.date().optional(),
    serial: z.string().min(1).max(20).optional(),
    /** A service line's staff member, and the package a visit was paid by. */
    staffId: z.string().min(1).max(40).optional(),
    packageId: z.string().min(1).max(64).optional(),
  })
  .refine(
    (l) => l.qtyMilli > 0 || l.kind === "depositReturn",
    "only returned empties have a negative quantity",
  );

/** A sale's tax row: returned empties of a taxed deposit may make it negative. */
const saleTaxRowSchema = taxRowSchema.extend({ baseMinor: signedMinor, taxMinor: signedMinor });

/** A sale the customer paid for (or, of returned empties only, was paid out): totals as on the receipt; tenders are money received. */
export const saleCompletedV1 = z.strictObject({
  saleId: id,
  receiptNo,
  tillId,
  cashierId: refId.nullable(),
  shiftId: id.nullable().optional(),
  at: utcTimestamp,
  /** Business day the sale counts on in reports (store-local date). */
  day: businessDay.optional(),
  currency: currencyCode,
  lines: z.array(saleLineSchema).min(1).max(MAX_LINES),
  subtotalMinor: signedMinor,
  discountMinor: moneyMinor,
  taxMinor: signedMinor,
  totalMinor: signedMinor,
  taxes: z.array(saleTaxRowSchema).max(MAX_ROWS),
  tenders: z.array(tenderRowSchema).max(MAX_ROWS),
  changeMinor: moneyMinor,
  /** Cash due minus total: negative when the cash amount was rounded down. */
  cashRoundingMinor: signedMinor,
  customerId: refId.nullable(),
  /** The promotions that took something off (absent: none; events before promotions had none). */
  promotions: z
    .array(z.strictObject({ id: refId, name: z.string().min(1).max(120), discountMinor: moneyMinor }))
    .max(50)
    .optional(),
});

/** A sale cancelled before payment (receiptNo null) or voided after completion. */
export const saleVoidedV1 = z.strictObject({
  saleId: id,
  receiptNo: receiptNo.nullable(),
  tillId,
  cashierId: refId.nullable(),
  approvedBy: refId.nullable(),
  at: utcTimestamp,
  reason: reasonText.nullable(),
  lineCount: z.int().nonnegative(),
  totalMinor: moneyMinor,
});

/** A line removed from an open sale (the sale itself may still complete). */
export const lineVoidedV1 = z.strictObject({
  saleId: id,
  tillId,
  cashierId: refId.nullable(),
  approvedBy: refId.nullable(),
  at: utcTimestamp,
  lineNo: z.int().positive().nullable(),
  code: productCode,
  name: productName,
  qtyMilli,
  unitPriceMinor: moneyMinor,
  totalMinor: moneyMinor,
  reason: reasonText.nullable(),
});

/** A unit price changed by hand at the till. */
export const priceOverriddenV1 = z.strictObject({
  saleId: id,
  tillId,
  cashierId: refId.nullable(),
  approvedBy: refId.nullable(),
  at: utcTimestamp,
  lineNo: z.int().positive().nullable(),
  code: productCode,
  name: productName,
  originalPriceMinor: moneyMinor,
  newPriceMinor: moneyMinor,
  reason: reasonText.nullable(),
});

/** A returned line: quantities and amounts are positive (what goes back to the customer). */
export const returnLineSchema = documentLineSchema.extend({
  /** The line of the original sale it returns, when known. */
  originalLineNo: z.int().positive().nullable().optional(),
});

/** Goods taken back; tenders are money paid back to the customer (positive). */
export const returnRecordedV1 = z.strictObject({
  returnId: id,
  receiptNo,
  originalSaleId: id.nullable(),
  originalReceiptNo: receiptNo.nullable().optional(),
  /** The store that sold the goods, when it is another store of the chain (looked up at head office). */
  originalStoreId: storeIdSchema.optional(),
  tillId,
  cashierId: refId.nullable(),
  approvedBy: refId.nullable(),
  shiftId: id.nullable().optional(),
  at: utcTimestamp,
  day: businessDay.optional(),
  currency: currencyCode,
  lines: z.array(returnLineSchema).min(1).max(MAX_LINES),
  subtotalMinor: moneyMinor,
  discountMinor: moneyMinor,
  taxMinor: moneyMinor,
  totalMinor: moneyMinor,
  taxes: z.array(taxRowSchema).max(MAX_ROWS),
  tenders: z.array(tenderRowSchema).max(MAX_ROWS),
  cashRoundingMinor: signedMinor.optional(),
  reason: reasonText.nullable().optional(),
  customerId: refId.nullable().optional(),
});

/** A difference between a till's sale as rung and the store's catalog when it was recorded. */
export const priceExceptionRowSchema = z.strictObject({
  lineNo: z.int().positive(),
  code: productCode,
  /** `department`: an open ring outside its department's limits, or to a department unknown here. */
  /** `serial`: a serial number sold before and not returned (the sale is kept as rung). */
  kind: z.enum(["price", "tax", "unknown", "inactive", "department", "serial"]),
  /** The unit price rung, or the line's tax for a tax difference. */
  rungMinor: moneyMinor,
  /** The store's unit price (or the tax at its rate); null for a product the store does not know. */
  catalogMinor: moneyMinor.nullable(),
  detail: z.string().max(200).nullable(),
});

/** A price exception as the exception reports list it (store and head office; `storeId` at head office). */
export const exceptionReportRowSchema = priceExceptionRowSchema.extend({
  saleId: id,
  receiptNo,
  tillId,
  at: utcTimestamp,
  day: businessDay,
  storeId: z.string().optional(),
});
export type ExceptionReportRow = z.infer<typeof exceptionReportRowSchema>;
export type PriceExceptionRow = z.infer<typeof priceExceptionRowSchema>;

/** A till's sale recorded as rung although it differs from the store's catalog (one per sale). */
export const priceExceptionV1 = z.strictObject({
  saleId: id,
  receiptNo,
  tillId,
  at: utcTimestamp,
  day: businessDay,
  exceptions: z
    .array(priceExceptionRowSchema)
    .min(1)
    .max(MAX_LINES * 2),
});
