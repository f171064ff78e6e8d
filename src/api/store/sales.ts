/** Shapes of the basket and sale API (CONTRACT.md). */
import { z } from "zod";
import { LINE_KINDS, type LineKind } from "../../core/deposits.ts";
import { refId } from "../../core/events/fields.ts";
import type { PriceExceptionRow } from "../../core/events/sale-events.ts";
import { registrarRecordSchema } from "../../core/fiscal-registrar.ts";
import { fiscalSignatureSchema } from "../../core/fiscal-signature.ts";
import type { AppliedPromotion } from "../../core/promotions/index.ts";
import { MAX_QTY_MILLI } from "../../core/quantity.ts";
import { qtySchema as qty } from "./quantity.ts";

/** A customer's card as scanned or typed: 4–32 letters, digits or dashes. */
export const cardNumberField = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, "must be a card number: 4–32 letters, digits or dashes");

export const discountSchema = z.union([
  z
    .object({
      percent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percent such as "10" or "12.5"'),
    })
    .strict(),
  z.object({ amountMinor: z.number().int().positive("must be more than zero") }).strict(),
]);

/** A lot or serial as GS1 AI 10 and 21 carry them: 1 to 20 characters of GS1 character set 82. */
export const lotSchema = z
  .string()
  .regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/, "must be 1 to 20 letters, digits or GS1 punctuation");
export const serialSchema = lotSchema;

export const basketLineSchema = z.strictObject({
  code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
  qty: qty.optional(),
  unitPriceMinor: z.number().int("must be whole minor units").min(0, "must not be negative").optional(),
  discount: discountSchema.optional(),
});

export const quoteRequestSchema = z.strictObject({
  lines: z.array(basketLineSchema).min(1, "a basket needs at least one line").max(500, "at most 500 lines"),
  discount: discountSchema.optional(),
  customerId: refId.optional(),
  /** The customer's card: attaches the customer, and a loyalty card earns points for the sale. */
  card: cardNumberField.optional(),
  couponCodes: z.array(z.string().max(40)).max(20).optional(),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

/** Proof of a supervisor's approval: a grant the store issued, or a till's signed offline approval. */
export const approvalProofSchema = z.union([
  z.object({ grantId: z.uuid("must be the approvalId the store answered to POST /approvals") }).strict(),
  z
    .object({
      signed: z
        .string()
        .min(1)
        .max(2_000)
        .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "must be a till-signed approval (payload.signature)"),
    })
    .strict(),
]);

export const auditEntrySchema = z.strictObject({
  action: z.enum([
    "line.voided",
    "price.overridden",
    "discount.given",
    "sale.voided",
    "tender.refunded",
    "expired.sold",
  ]),
  at: z.iso.datetime().optional(),
  userId: z.string().max(40).nullable().optional(),
  approvedBy: z.string().max(40).nullable().optional(),
  /** Required with `approvedBy` from a till session: how the approval is proven. */
  approval: approvalProofSchema.optional(),
  detail: z
    .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
    .refine((d) => Object.keys(d).length <= 8, "at most 8 detail fields")
    .optional(),
});

/** One entry of a sale's audit (what the cashier did in it, and who approved). */
export type SaleAuditEntry = z.infer<typeof auditEntrySchema>;

const tillIdField = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores");
const tendersField = z
  .array(
    z.strictObject({
      type: z.string().min(1).max(20),
      amountMinor: z.number().int("must be whole minor units").positive("must be more than zero"),
      /** The card terminal's reference (authorisation code) for a card tender. */
      ref: z
        .string()
        .regex(/^[A-Za-z0-9 _.:/-]{1,40}$/, "must be 1 to 40 letters, digits, spaces or _.:/-")
        .optional(),
      /** The card a `points` or `giftcard` tender redeems from. */
      card: cardNumberField.optional(),
      /** A `points` tender: the points redeemed (they must be worth `amountMinor`). */
      points: z.number().int("must be whole points").positive("must be more than zero").optional(),
      /** A `custom` tender: the id of the shop's own tender it pays with (recorded as its type). */
      tenderId: z.string().min(1).max(20).optional(),
    }),
  )
  // None only for a sale that comes to nothing (free items, a full discount): settling
  // checks that the tenders cover the total, whatever it is.
  .max(20);

export const saleRequestSchema = quoteRequestSchema.extend({
  /** A line may name its unit's serial number: a serial sold and not returned is refused (SERIAL_SOLD). */
  lines: z
    .array(basketLineSchema.extend({ serial: serialSchema.optional() }))
    .min(1, "a basket needs at least one line")
    .max(500, "at most 500 lines"),
  asRung: z.literal(false).optional(),
  id: z.uuid("must be a UUID (the till makes a UUIDv7 per sale)"),
  /** With a till session the session's till; with an admin token, required. */
  tillId: tillIdField.optional(),
  cashierId: z.string().max(40).optional(),
  /** When the sale completed at the till (offline sales arrive later); default now. */
  at: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }).optional(),
  /** The receipt number the till printed (offline tills number their own receipts). */
  receiptNo: z.string().max(40).optional(),
  tenders: tendersField,
  /** Cashier actions during the sale (voided lines, overrides), recorded in the audit log. */
  audit: z.array(auditEntrySchema).max(200).optional(),
  /** Who made the sale, when not the caller's session: see `sessionProofSchema`. */
  madeIn: z.string().max(2_000).optional(),
});
export type SaleRequest = z.infer<typeof saleRequestSchema>;

const minor = z.number().int("must be whole minor units").min(0, "must not be negative");
/** An amount that returned empties (a deposit return) make negative; the check sees it adds up. */
const signedMinor = z.number().int("must be whole minor units");
/** A deposit return's quantity is negative (the empties given back); every other line's positive. */
const signedQty = z.union([
  z
    .number()
    .min(-MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units per line")
    .max(MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units per line")
    .refine((n) => n !== 0, "must not be zero"),
  z
    .string()
    .regex(
      /^-?\d{1,5}(\.\d{1,3})?$/,
      'must be a decimal with at most 3 decimals, e.g. "3", "0.455" or "-2" (empties)',
    ),
]);
const taxRateField = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,6})?$/, 'must be a percent as a decimal string, e.g. "8.875"');

/** One line of a sale as rung: everything the receipt says of it. */
export const rungLineSchema = z
  .object({
    code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
    name: z.string().min(1).max(120),
    qty: signedQty,
    unitPriceMinor: minor,
    discountMinor: minor,
    taxClass: z.string().min(1).max(16).nullable(),
    taxRate: taxRateField.nullable(),
    taxMinor: signedMinor,
    totalMinor: signedMinor,
    department: z.string().max(64).nullable().optional(),
    /** As a quote answers them: checked against the line when given. */
    qtyMilli: z
      .number()
      .int()
      .refine((n) => n !== 0, "must not be zero")
      .optional(),
    extendedMinor: signedMinor.optional(),
    /**
     * A deposit linked to the item line at index `linkedLine` (same quantity), or returned
     * empties (`depositReturn`: negative qty and amounts). Absent: an item.
     */
    kind: z.enum(LINE_KINDS).optional(),
    linkedLine: z.number().int().min(0).max(499).optional(),
    /** A `giftCard` line's card: the line's price is the amount loaded on it. */
    card: cardNumberField.optional(),
    /** The item may be paid with a tender restricted to SNAP-eligible items (EBT). */
    snapEligible: z.boolean().optional(),
    /**
     * Where the unit price came from: the catalog (default), a price typed for an open-price
     * item, a price override, or a price-embedded label. Only catalog prices are compared with
     * the store's catalog.
     */
    priceSource: z.enum(["catalog", "open", "override", "embedded"]).optional(),
    /** The unit's lot (GS1 AI 10) and expiry (AI 17) from its label: recorded on the sale line. */
    lot: lotSchema.optional(),
    expiry: z.iso.date("must be a date YYYY-MM-DD").optional(),
    /** The unit's serial number (GS1 AI 21, or asked of the cashier): one unit per line. */
    serial: serialSchema.optional(),
    /** A service line: the staff member who performed it (their commission is earned on it). */
    staffId: z.string().trim().min(1).max(40).optional(),
    /** A visit paid by the customer's package (src/api/store/services.ts): the line is free. */
    packageId: z.string().min(1).max(64).optional(),
  })
  .strict();

/**
 * A till's completed sale as rung (CONTRACT.md, `POST /sales` "as rung"): the quote as the
 * till priced it, with the sale's id, time and tenders. Recorded exactly as rung.
 */
export const rungSaleSchema = z
  .object({
    asRung: z.literal(true),
    id: z.uuid("must be a UUID (the till makes a UUIDv7 per sale)"),
    at: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }),
    tillId: tillIdField.optional(),
    cashierId: z.string().max(40).optional(),
    receiptNo: z.string().max(40).optional(),
    customerId: refId.optional(),
    card: cardNumberField.optional(),
    /** Promo codes the till presented whose promotions took something off (their uses are counted). */
    couponCodes: z.array(z.string().max(40)).max(20).optional(),
    /** The prize-draw code printed on the receipt (the sale's own, see core/messages): recorded once. */
    prizeCode: z
      .string()
      .regex(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/, "must be a prize-draw code XXXXX-XXXXX")
      .optional(),
    lines: z.array(rungLineSchema).min(1, "a sale needs at least one line").max(500, "at most 500 lines"),
    promotions: z
      .array(z.object({ id: z.string().max(40), name: z.string().max(120), discountMinor: minor }).strict())
      .max(50)
      .optional(),
    subtotalMinor: signedMinor,
    discountMinor: minor,
    taxMinor: signedMinor,
    totalMinor: signedMinor,
    cashDueMinor: signedMinor,
    cashRoundingMinor: z.number().int("must be whole minor units"),
    taxes: z
      .array(
        z
          .object({
            taxClass: z.string().min(1).max(16),
            rate: taxRateField,
            baseMinor: signedMinor,
            taxMinor: signedMinor,
          })
          .strict(),
      )
      .max(50),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    tenders: tendersField,
    audit: z.array(auditEntrySchema).max(200).optional(),
    madeIn: z.string().max(2_000).optional(),
    /** The signature device's signature of the sale, or why it has none (core/fiscal-signature.ts). */
    fiscal: fiscalSignatureSchema.optional(),
    /** The fiscal printer's number of the receipt in its memory, or why it printed none (core/fiscal-registrar.ts). */
    registrar: registrarRecordSchema.optional(),
  })
  .strict();
export type RungSaleRequest = z.infer<typeof rungSaleSchema>;

/** `POST /sales`: priced by the store, or as rung by a till. */
export const recordSaleSchema = z.discriminatedUnion("asRung", [rungSaleSchema, saleRequestSchema]);
export type RecordSaleRequest = z.infer<typeof recordSaleSchema>;

export interface QuotedLine {
  code: string;
  name: string;
  department: string | null;
  taxClass: string | null;
  /** The tax class's rate (percent) the line was priced at; null when untaxed. */
  taxRate: string | null;
  qty: number;
  qtyMilli: number;
  unitPriceMinor: number;
  extendedMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  kind?: LineKind;
  linkedLine?: number;
  /** A gift card line's card. */
  card?: string;
  snapEligible?: boolean;
  /** The unit's lot, expiry and serial as rung (GS1 AI 10, 17, 21). */
  lot?: string;
  expiry?: string;
  serial?: string;
  /** A service line's staff member, and the package a visit was paid by. */
  staffId?: string;
  packageId?: string;
}

export interface QuoteResponse {
  lines: QuotedLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  cashDueMinor: number;
  cashRoundingMinor: number;
  taxes: { taxClass: string; rate: string; baseMinor: number; taxMinor: number }[];
  currency: string;
  /** The promotions that took something off, each with its discount (inside the lines' discounts). */
  promotions: AppliedPromotion[];
}

export interface SaleResponse extends QuoteResponse {
  id: string;
  receiptNo: string;
  tillId: string;
  cashierId: string | null;
  at: string;
  status: "completed" | "voided";
  tenders: { type: string; amountMinor: number; ref?: string; card?: string; points?: number }[];
  changeMinor: number;
  /** Where a till's sale as rung differs from the store's catalog (kept as rung, listed for a manager). */
  exceptions?: PriceExceptionRow[];
  /** Set when selling took on-hand stock below zero (allowed, flagged). */
  negativeStock?: string[];
}
