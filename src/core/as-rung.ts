/**
 * A sale as rung: the priced document a till completed (what the customer paid and the receipt
 * says). A store never re-prices it from its own catalog; it only checks that the document adds
 * up, by pricing the document's own lines again (its unit prices, quantities, discounts and tax
 * rates) under the store's rounding rules and requiring every amount to match to the minor unit.
 */
import { type LineKind, requireLineQuantity } from "./deposits.ts";
import { DomainError } from "./errors.ts";
import { checkFiscalSignature, type FiscalSignature } from "./fiscal-signature.ts";
import { GROUP_PROMOTION_PREFIX } from "./group-discount.ts";
import { type BasketLineInput, type PricingSettings, priceBasket, type Quote } from "./pricing.ts";
import { milliToDecimalString } from "./quantity.ts";
import type { TaxClass } from "./tax.ts";

export interface RungLine {
  code: string;
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
  /** The line's own discount plus its share of the sale's discounts. */
  discountMinor: number;
  taxClass: string | null;
  /** The rate the till applied (percent, decimal string); null for an untaxed line. */
  taxRate: string | null;
  taxMinor: number;
  totalMinor: number;
  /** Stated by a document in a quote's shape: checked when given. */
  extendedMinor?: number;
  statedQtyMilli?: number;
  /** A deposit (linked to the item line `linkedLine`, an index) or returned empties (negative qty). */
  kind?: LineKind | undefined;
  linkedLine?: number | undefined;
  /** A gift card line's card (the amount loaded is its price): see gift-card-lines.ts. */
  card?: string | undefined;
  /**
   * The unit's lot, expiry and serial (GS1 AI 10, 17, 21): they describe the unit, not its
   * price, so the check leaves them be; a serial line is one unit.
   */
  lot?: string | undefined;
  expiry?: string | undefined;
  serial?: string | undefined;
  /** A service line's staff member: it describes who did the work, not the price. */
  staffId?: string | undefined;
  /** A visit paid by a package: the line must be free (price and total 0). */
  packageId?: string | undefined;
}

export interface RungDocument {
  lines: readonly RungLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  cashDueMinor: number;
  cashRoundingMinor: number;
  taxes: readonly { taxClass: string; rate: string; baseMinor: number; taxMinor: number }[];
  /** The promotions as rung: their discounts are inside the lines' discounts (checked, never re-priced). */
  promotions?: readonly RungPromotion[] | undefined;
  /** The customer's card the sale was rung with: a group discount (`group:<id>`) needs one. */
  card?: string | undefined;
  /** The signature device's signature of the sale (or why there is none): its total is checked. */
  fiscal?: FiscalSignature | undefined;
}

/** A promotion as the till applied it: what it took off the sale. */
export interface RungPromotion {
  id: string;
  name: string;
  discountMinor: number;
}

/** One amount of the document that does not add up. */
export interface RungMismatch {
  /** Where: `totalMinor`, `lines[2].taxMinor`, `taxes[1]`… */
  field: string;
  rung: number | string | null;
  computed: number | string | null;
}

export type RungCheck = { ok: true; quote: Quote } | { ok: false; mismatches: RungMismatch[] };

/** "8.8750" and "8.875" are the same rate. */
export function normalizeRate(rate: string): string {
  if (!rate.includes(".")) return rate.replace(/^0+(?=\d)/, "");
  const [whole = "0", fraction = ""] = rate.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const int = whole.replace(/^0+(?=\d)/, "");
  return trimmed.length > 0 ? `${int}.${trimmed}` : int;
}

/** The tax classes the document itself names, each with the rate it was rung at. */
function documentTaxClasses(doc: RungDocument, mismatches: RungMismatch[]): TaxClass[] {
  const rates = new Map<string, string>();
  doc.lines.forEach((line, i) => {
    if (line.taxClass === null) return;
    if (line.taxRate === null) {
      mismatches.push({ field: `lines[${i}].taxRate`, rung: null, computed: "a rate for a taxed line" });
      return;
    }
    const known = rates.get(line.taxClass);
    if (known !== undefined && normalizeRate(known) !== normalizeRate(line.taxRate)) {
      mismatches.push({ field: `lines[${i}].taxRate`, rung: line.taxRate, computed: known });
      return;
    }
    rates.set(line.taxClass, line.taxRate);
  });
  return [...rates].map(([id, rate]) => ({ id, name: id, rate }));
}

function compare(mismatches: RungMismatch[], field: string, rung: number, computed: number): void {
  if (rung !== computed) mismatches.push({ field, rung, computed });
}

/**
 * Prices the document's own lines again and lists every amount that differs. The store's
 * settings give the rounding rules (tax included or added, per line or per document, rounding
 * mode, cash rounding); the document gives prices, quantities, discounts and tax rates.
 */
export function checkRungDocument(doc: RungDocument, settings: PricingSettings): RungCheck {
  const mismatches: RungMismatch[] = [];
  const taxClasses = documentTaxClasses(doc, mismatches);
  if (mismatches.length > 0) return { ok: false, mismatches };
  const lines = doc.lines.map((line): BasketLineInput => {
    const input: BasketLineInput = {
      code: line.code,
      name: line.name,
      qtyMilli: line.qtyMilli,
      unitPriceMinor: line.unitPriceMinor,
      taxClass: line.taxClass,
    };
    if (line.kind !== undefined) input.kind = line.kind;
    if (line.linkedLine !== undefined) input.linkedLine = line.linkedLine;
    if (line.discountMinor > 0) input.discount = { amountMinor: line.discountMinor };
    return input;
  });
  let quote: Quote;
  try {
    quote = priceBasket({ lines }, { ...settings, taxClasses });
  } catch (err) {
    if (err instanceof DomainError) {
      return { ok: false, mismatches: [{ field: "lines", rung: null, computed: err.message }] };
    }
    throw err;
  }
  quote.lines.forEach((computed, i) => {
    const rung = doc.lines[i];
    if (rung === undefined) return;
    if (rung.extendedMinor !== undefined) {
      compare(mismatches, `lines[${i}].extendedMinor`, rung.extendedMinor, computed.extendedMinor);
    }
    if (rung.statedQtyMilli !== undefined) {
      compare(mismatches, `lines[${i}].qtyMilli`, rung.statedQtyMilli, computed.qtyMilli);
    }
    compare(mismatches, `lines[${i}].discountMinor`, rung.discountMinor, computed.discountMinor);
    compare(mismatches, `lines[${i}].taxMinor`, rung.taxMinor, computed.taxMinor);
    compare(mismatches, `lines[${i}].totalMinor`, rung.totalMinor, computed.totalMinor);
    // A serial names one unit: a line with a serial is of quantity 1.
    if (rung.serial !== undefined && rung.qtyMilli !== 1000) {
      mismatches.push({ field: `lines[${i}].qtyMilli`, rung: rung.qtyMilli, computed: 1000 });
    }
    // A package pays for the visit: nothing of it is charged.
    if (rung.packageId !== undefined) {
      compare(mismatches, `lines[${i}].unitPriceMinor`, rung.unitPriceMinor, 0);
      compare(mismatches, `lines[${i}].totalMinor`, rung.totalMinor, 0);
    }
  });
  compare(mismatches, "subtotalMinor", doc.subtotalMinor, quote.subtotalMinor);
  compare(mismatches, "discountMinor", doc.discountMinor, quote.discountMinor);
  compare(mismatches, "taxMinor", doc.taxMinor, quote.taxMinor);
  compare(mismatches, "totalMinor", doc.totalMinor, quote.totalMinor);
  compare(mismatches, "cashDueMinor", doc.cashDueMinor, quote.cashDueMinor);
  compare(mismatches, "cashRoundingMinor", doc.cashRoundingMinor, quote.cashRoundingMinor);
  const key = (t: { taxClass: string; rate: string; baseMinor: number; taxMinor: number }) =>
    `${t.taxClass}|${normalizeRate(t.rate)}|${t.baseMinor}|${t.taxMinor}`;
  const rungTaxes = doc.taxes.map(key).sort();
  const computedTaxes = quote.taxes.map(key).sort();
  if (rungTaxes.join(";") !== computedTaxes.join(";")) {
    mismatches.push({ field: "taxes", rung: rungTaxes.join("; "), computed: computedTaxes.join("; ") });
  }
  checkPromotions(doc, mismatches);
  checkFiscalSignature(doc, mismatches);
  return mismatches.length > 0 ? { ok: false, mismatches } : { ok: true, quote };
}

/**
 * The promotions as rung take off no more than the document's discounts do (each line's
 * `discountMinor` holds its share): whichever promotions were in force when it was rung, a later
 * change to them changes nothing of the sale.
 */
function checkPromotions(doc: RungDocument, mismatches: RungMismatch[]): void {
  if (doc.promotions === undefined || doc.promotions.length === 0) return;
  const groupDiscount = doc.promotions.find((p) => p.id.startsWith(GROUP_PROMOTION_PREFIX));
  if (groupDiscount !== undefined && doc.card === undefined) {
    mismatches.push({ field: "card", rung: null, computed: `the card of a customer in ${groupDiscount.id}` });
  }
  const claimed = doc.promotions.reduce((sum, p) => sum + p.discountMinor, 0);
  if (doc.promotions.some((p) => !Number.isSafeInteger(p.discountMinor) || p.discountMinor < 0)) {
    mismatches.push({ field: "promotions", rung: claimed, computed: "whole minor units, 0 or more" });
  } else if (claimed > doc.discountMinor) {
    mismatches.push({ field: "promotions", rung: claimed, computed: doc.discountMinor });
  }
}

/** A line of a document as rung, as it travels: the quantity as a decimal string. */
export interface RungLineBody {
  code: string;
  name: string;
  qty: string;
  unitPriceMinor: number;
  extendedMinor: number;
  discountMinor: number;
  taxClass: string | null;
  taxRate: string | null;
  taxMinor: number;
  totalMinor: number;
  priceSource?: "catalog" | "open" | "override" | "embedded";
  /** A deposit linked to the item line `linkedLine` (an index), or returned empties (negative qty). */
  kind?: LineKind;
  linkedLine?: number;
  /** A gift card line's card number. */
  card?: string;
  /** The item may be paid with a restricted tender requiring this flag (EBT: SNAP-eligible). */
  snapEligible?: boolean;
  /** A service line's staff member, and the package a visit is paid by. */
  staffId?: string;
  packageId?: string;
}

/** The priced part of a document as rung: a quote's lines with their rates, its totals and tax rows. */
export interface RungDocumentBody {
  lines: RungLineBody[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  cashDueMinor: number;
  cashRoundingMinor: number;
  taxes: { taxClass: string; rate: string; baseMinor: number; taxMinor: number }[];
  promotions?: RungPromotion[];
}

/**
 * Writes a quote as the document a till sends (`POST /sales` with `asRung: true`); `rates` gives
 * each tax class's rate when the sale was priced (the quote's own tax rows win).
 */
export function rungDocumentOf(
  quote: Quote & { promotions?: readonly RungPromotion[] | undefined },
  rates: ReadonlyMap<string, string>,
): RungDocumentBody {
  const rateOf = new Map(rates);
  for (const t of quote.taxes) rateOf.set(t.taxClass, t.rate);
  return {
    lines: quote.lines.map((line) => ({
      code: line.code,
      name: line.name,
      qty: milliToDecimalString(requireLineQuantity(line)),
      unitPriceMinor: line.unitPriceMinor,
      extendedMinor: line.extendedMinor,
      discountMinor: line.discountMinor,
      taxClass: line.taxClass,
      taxRate: line.taxClass === null ? null : (rateOf.get(line.taxClass) ?? null),
      taxMinor: line.taxMinor,
      totalMinor: line.totalMinor,
      ...(line.kind === undefined ? {} : { kind: line.kind }),
      ...(line.linkedLine === undefined ? {} : { linkedLine: line.linkedLine }),
    })),
    subtotalMinor: quote.subtotalMinor,
    discountMinor: quote.discountMinor,
    taxMinor: quote.taxMinor,
    totalMinor: quote.totalMinor,
    cashDueMinor: quote.cashDueMinor,
    cashRoundingMinor: quote.cashRoundingMinor,
    taxes: quote.taxes.map((t) => ({
      taxClass: t.taxClass,
      rate: t.rate,
      baseMinor: t.baseMinor,
      taxMinor: t.taxMinor,
    })),
    ...(quote.promotions === undefined || quote.promotions.length === 0
      ? {}
      : {
          promotions: quote.promotions.map((p) => ({
            id: p.id,
            name: p.name,
            discountMinor: p.discountMinor,
          })),
        }),
  };
}
