/**
 * The receipt document the till shows and the printer prints: built once from a recorded sale,
 * plain JSON (so a print queue can keep it and reprint it), laid out by `receipt-layout.ts`.
 */
import { z } from "zod";
import { InvalidInputError } from "./errors.ts";
import { fiscalSignatureSchema } from "./fiscal-signature.ts";
import { normalizeCurrency } from "./money.ts";

const minor = z.number().int().refine(Number.isSafeInteger, "must be a whole number of minor units");
const nonNegativeMinor = minor.refine((n) => n >= 0, "must not be negative");
const text = z.string().trim().min(1, "must not be empty");
const rate = z.string().regex(/^\d+(\.\d+)?$/, "must be a percentage as a decimal string, e.g. 8.875");

export const receiptLineSchema = z.object({
  code: text,
  name: text,
  qtyMilli: z.number().int().refine(Number.isSafeInteger, "must be whole milli-units"),
  /** Unit of the quantity, printed after it for weighed or measured items. */
  unit: z.enum(["each", "kg", "lb", "g", "l", "m"]).default("each"),
  unitPriceMinor: minor,
  discountMinor: minor.default(0),
  taxMinor: minor.default(0),
  totalMinor: minor,
  /** The unit's lot, expiry (YYYY-MM-DD) and serial number, printed under the line. */
  lot: text.optional(),
  expiry: text.optional(),
  serial: text.optional(),
});

export const receiptTaxSchema = z.object({
  taxClass: text,
  rate,
  baseMinor: minor,
  taxMinor: minor,
});

export const receiptTenderSchema = z.object({
  type: text,
  amountMinor: minor,
  /** The printed name, for a tender the labels do not know (the shop's own). */
  label: text.optional(),
});

export const receiptInputSchema = z.object({
  kind: z.enum(["sale", "refund"]).default("sale"),
  saleId: text,
  receiptNo: z.union([text, z.number().int().nonnegative()]).transform(String),
  at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time such as 2025-11-23T16:48:00Z" }),
  timeZone: z.string().default("UTC"),
  currency: z.string(),
  locale: z.string().default("en"),
  store: z.object({
    name: text,
    addressLines: z.array(z.string()).default([]),
    /** Tax or company registration line printed under the address. */
    taxId: z.string().optional(),
  }),
  tillId: z.string().optional(),
  cashierName: z.string().optional(),
  lines: z.array(receiptLineSchema).min(1, "a receipt has at least one line"),
  taxes: z.array(receiptTaxSchema).default([]),
  /** True when prices include tax (the tax is shown as "included" rather than added). */
  pricesIncludeTax: z.boolean().default(false),
  subtotalMinor: minor,
  discountMinor: minor.default(0),
  /** The promotions the sale got, each by its name with what it took off (inside `discountMinor`). */
  promotions: z.array(z.object({ name: text, discountMinor: nonNegativeMinor })).default([]),
  taxMinor: minor.default(0),
  totalMinor: minor,
  /** What cash rounding added to the total (negative when it rounded down); 0 when none. */
  cashRoundingMinor: minor.default(0),
  tenders: z.array(receiptTenderSchema).default([]),
  changeMinor: nonNegativeMinor.default(0),
  /** Card slip lines from the payment terminal, printed after the tenders. */
  cardSlipLines: z.array(z.string()).default([]),
  footerLines: z.array(z.string()).default([]),
  /** The sale's prize-draw code (messages), also printed as a Code 128 barcode under the footer. */
  prizeBarcode: z
    .string()
    .regex(/^[\x20-\x7e]{1,24}$/, "must be 1 to 24 printable ASCII characters")
    .optional(),
  /** The code printed for returns: a QR code of the sale id (default) or a Code 128 barcode of the receipt number. */
  returnCode: z.enum(["qr", "code128", "none"]).default("qr"),
  /** Where the customer opens the receipt's copy (the store's `/r/<token>`): printed as a QR code. */
  copyUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(512)
    .optional(),
  /** A reprint: marked as a copy at the top and bottom. */
  copy: z.boolean().default(false),
  /** A training sale (core/training.ts): marked at the top and bottom, not a receipt. */
  training: z.boolean().default(false),
  /** The signature device's signature (counters and a QR code), or the mark that it was unavailable. */
  fiscal: fiscalSignatureSchema.optional(),
});

export type ReceiptInput = z.input<typeof receiptInputSchema>;

/** The code for returns the store's `[receipt] barcode` setting asks for (settings.ts). */
export function returnCodeFor(settings: { receipt: { barcode: boolean } }): "code128" | "qr" {
  return settings.receipt.barcode ? "code128" : "qr";
}
export type ReceiptLine = z.infer<typeof receiptLineSchema>;
export type ReceiptTax = z.infer<typeof receiptTaxSchema>;
export type ReceiptTender = z.infer<typeof receiptTenderSchema>;

/** A validated, normalized receipt. Plain JSON: safe to store, send and reprint. */
export type ReceiptDoc = z.infer<typeof receiptInputSchema> & { readonly type: "receipt" };

/** Describes zod issues as "lines.0.qtyMilli: must be whole milli-units; …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "input"}: ${issue.message}`)
    .join("; ");
}

function requireLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (canonical !== undefined) return canonical;
  } catch {
    // Reported below.
  }
  throw new InvalidInputError(
    "INVALID_LOCALE",
    `"${locale}" is not a valid locale; use a BCP 47 tag such as en-US, ru-RU, fr-FR or az-AZ.`,
    { locale },
  );
}

function requireTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    throw new InvalidInputError(
      "INVALID_TIME_ZONE",
      `"${timeZone}" is not a time zone; use an IANA name such as Europe/Paris or UTC.`,
      { timeZone },
    );
  }
}

/**
 * Builds the receipt of a recorded sale (or refund). Refuses input that does not describe a
 * receipt (missing lines, fractional money, unknown currency, bad time) with INVALID_RECEIPT.
 */
export function buildReceipt(input: unknown): ReceiptDoc {
  const parsed = receiptInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInputError(
      "INVALID_RECEIPT",
      `The receipt cannot be built: ${describeIssues(parsed.error)}. Pass the sale as recorded by the store.`,
      { issues: parsed.error.issues },
    );
  }
  const data = parsed.data;
  return {
    ...data,
    type: "receipt",
    currency: normalizeCurrency(data.currency),
    locale: requireLocale(data.locale),
    timeZone: requireTimeZone(data.timeZone),
  };
}

/** The same receipt marked as a copy, for a reprint. */
export function receiptCopy(doc: ReceiptDoc): ReceiptDoc {
  return { ...doc, copy: true };
}

/** Receipt columns for a paper width: 58 mm -> 32, 80 mm -> 48. */
export function columnsForPaper(widthMm: 58 | 80): 32 | 48 {
  return widthMm === 58 ? 32 : 48;
}
