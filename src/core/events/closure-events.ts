/**
 * Version 1 payload of a closure (Z of a day, a month, a year) of the store or of one till, as
 * recorded: the period's figures by tax rate and tender, the perpetual grand total and its place
 * in the closures' hash chain. The store's archive-signing public key travels with it, so head
 * office keeps the key that checks the store's archives.
 */
import { z } from "zod";
import {
  businessDay,
  currencyCode,
  MAX_ROWS,
  refId,
  signedMinor,
  taxClassId,
  taxRate,
  tenderType,
  tillId,
  utcTimestamp,
} from "./fields.ts";

export const CLOSURE_TYPES = ["day", "month", "year"] as const;
export const closureTypeSchema = z.enum(CLOSURE_TYPES);

const count = z.int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a SHA-256 hash as 64 lower-case hex digits");

/** Sales minus returns over the period, voided sales left out (as the daily report counts). */
export const closureFiguresSchema = z.strictObject({
  salesCount: count,
  returnsCount: count,
  voidedCount: count,
  grossMinor: signedMinor,
  discountMinor: signedMinor,
  netMinor: signedMinor,
  taxMinor: signedMinor,
  totalMinor: signedMinor,
  /** Money taken per tender type: cash net of change, every type net of refunds. */
  byTender: z.array(z.strictObject({ type: tenderType, amountMinor: signedMinor })).max(MAX_ROWS),
  byTaxRate: z
    .array(
      z.strictObject({ taxClass: taxClassId, rate: taxRate, baseMinor: signedMinor, taxMinor: signedMinor }),
    )
    .max(MAX_ROWS),
});

export const closureRecordSchema = z.strictObject({
  storeId: z.string().min(1).max(16),
  /** Place in the chain of every closure of the store. */
  number: z.int().positive(),
  type: closureTypeSchema,
  /** The till closed, or null for the whole store. */
  tillId: tillId.nullable(),
  /** Number within the type and scope (the Z number of a day). */
  typeNumber: z.int().positive(),
  /** YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year). */
  period: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  from: businessDay,
  to: businessDay,
  at: utcTimestamp,
  userId: refId.nullable(),
  currency: currencyCode,
  figures: closureFiguresSchema,
  /** Every total of this type and scope since the first one, this one included: never reset. */
  grandTotalMinor: signedMinor,
  prevHash: sha256.nullable(),
  /** SHA-256 over the canonical JSON of the record without `hash`. */
  hash: sha256,
});

export const closureRecordedV1 = z.strictObject({
  closure: closureRecordSchema,
  /** The store's Ed25519 public key (SPKI, base64) that signs its archives. */
  signingKey: z.string().min(40).max(200),
});
