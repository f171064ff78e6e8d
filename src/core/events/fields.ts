/**
 * Field schemas shared by event payloads: money, quantities, ids, names, tax and tender rows.
 * Money is integer minor units, quantities integer milli-units; strings have bounded lengths.
 */
import { z } from "zod";
import { tillIdSchema, uuidSchema } from "../ids.ts";

/** Money that cannot be negative: a safe integer ≥ 0 in minor units. */
export const moneyMinor = z.int().nonnegative();
/** Money that is positive: tender and movement amounts. */
export const positiveMinor = z.int().positive();
/** Money that may be either sign: rounding, variances, net tender totals. */
export const signedMinor = z.int();
/** A quantity sold or returned: positive milli-units (1000 = 1 piece or 1 kg). */
export const qtyMilli = z.int().positive();
/** A signed quantity change in milli-units. */
export const signedMilli = z.int();

/** ISO 8601 UTC timestamp with `Z`, e.g. 2026-03-01T14:05:09.123Z. */
export const utcTimestamp = z.iso.datetime();
/** Store-local business day, YYYY-MM-DD. */
export const businessDay = z.iso.date();

export const id = uuidSchema;
export const tillId = tillIdSchema;
/** A user, cashier, approver or customer reference: 1–64 printable characters, no spaces. */
export const refId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, "expected 1–64 printable characters without spaces");
export const receiptNo = z.string().min(1).max(48);
export const productCode = z.string().min(1).max(64);
export const productName = z.string().min(1).max(120);
export const departmentId = z.string().min(1).max(64);
export const taxClassId = z.string().min(1).max(32);
/** ISO 4217 code, upper case. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "expected an upper-case ISO 4217 code such as USD");
/** A tax rate in percent as a decimal string, e.g. "8.875". */
export const taxRate = z.string().regex(/^[0-9]{1,3}(\.[0-9]{1,6})?$/, "expected a percentage such as 8.875");
/** A tender type: "cash", "card", or a shop's own code such as "EBT". */
export const tenderType = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, "expected a tender type such as cash or card");
/** A free-text reason given by a cashier or supervisor. */
export const reasonText = z.string().min(1).max(200);

/** One line of a sale or return as priced: all amounts for the whole line. */
export const documentLineSchema = z.strictObject({
  /** Position on the receipt, from 1. */
  lineNo: z.int().positive().optional(),
  code: productCode,
  name: productName,
  department: departmentId.nullable(),
  taxClass: taxClassId.nullable(),
  qtyMilli,
  unitPriceMinor: moneyMinor,
  /** qty × unit price, rounded, before discounts. */
  extendedMinor: moneyMinor,
  discountMinor: moneyMinor,
  taxMinor: moneyMinor,
  /** What the line costs the customer after discounts (gross or net as the store prices). */
  totalMinor: moneyMinor,
});

export const taxRowSchema = z.strictObject({
  taxClass: taxClassId,
  rate: taxRate,
  baseMinor: moneyMinor,
  taxMinor: moneyMinor,
});

export const tenderRowSchema = z.strictObject({
  type: tenderType,
  amountMinor: positiveMinor,
});

export const MAX_LINES = 2000;
export const MAX_ROWS = 50;
