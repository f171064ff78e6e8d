/**
 * Scanning with promotions in force without pricing the whole sale again: when tax is rounded per
 * line and there is no sale discount (see append-pricing.ts), a line prices alone, whatever the
 * others are, once what promotions take off it is known. So only the lines the live promotions
 * name go through the engine together, which says what each takes; every line, with that folded
 * into its discount, is then its own cached single quote (a sale of many units of one promoted
 * product has a few distinct ones), and the sale's quote is their sum. A scan into a long sale then
 * costs the engine on the promoted lines, not the pricing of the whole sale. Anything else (an
 * order-wide promotion, a deposit, a customer's group discount) prices the whole sale; a property
 * test holds this equal to it.
 */
import { cashRound } from "../../core/cash-rounding.ts";
import type { Discount } from "../../core/discount.ts";
import type { Quote } from "../../core/pricing.ts";
import {
  addBasketNames,
  type CompiledPromotion,
  lineNamer,
  livePromotionsNamed,
  type Names,
  type PromotedLineInput,
  type PromotionBook,
  promoteLines,
  promotionClockAt,
  promotionsLeave,
} from "../../core/promotions/index.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { TaxBreakdown } from "../../core/tax.ts";
import type { TillQuote } from "../services.ts";
import { canAppend, mergeTaxes, priceSingle } from "./append-pricing.ts";
import { promotionsAt, type SalePromotions } from "./basket.ts";
import type { Sale, SaleLine, TillEnv } from "./types.ts";

/**
 * What the till has read of the sale being rung, kept from scan to scan: each line as the
 * promotions read it, the names the lines carry, which lines the live promotions name, and each
 * line's last single quote. A scan appends a line (lines are never changed in place: a change is
 * a new line), so a scan reads its new line only; any other change to the lines, or a new book
 * of promotions, reads the sale again.
 */
interface SaleRead {
  book: PromotionBook;
  lines: SaleLine[];
  read: PromotedLineInput[];
  names: Names;
  /** The live promotions `named` was worked out for, and whether each line is named by them. */
  namedFor: readonly CompiledPromotion[] | null;
  named: boolean[];
  quotes: ({ settings: StoreSettings; discount: Discount | undefined; quote: Quote } | undefined)[];
}

let last: SaleRead | null = null;

function readSale(sale: Sale, promotions: SalePromotions): SaleRead {
  let read = last;
  if (read === null || read.book !== promotions.book || !startsWith(sale.lines, read.lines)) {
    read = {
      book: promotions.book,
      lines: [],
      read: [],
      names: { products: new Set(), departments: new Set(), categories: new Set() },
      namedFor: null,
      named: [],
      quotes: [],
    };
  }
  for (let i = read.lines.length; i < sale.lines.length; i++) {
    const line = sale.lines[i] as SaleLine;
    const engineLine: PromotedLineInput = {
      code: line.code,
      name: line.name,
      qtyMilli: line.qtyMilli,
      unitPriceMinor: line.unitPriceMinor,
      taxClass: line.taxClass,
      ...(line.discount === undefined ? {} : { discount: line.discount }),
      ...(line.kind === undefined ? {} : { kind: line.kind }),
      department: line.department ?? null,
      categories: promotions.categoriesOf(line.category),
    };
    read.lines.push(line);
    read.read.push(engineLine);
    addBasketNames(read.names, engineLine);
  }
  last = read;
  return read;
}

/** Whether `lines` begins with exactly the lines of `prefix` (the same objects). */
function startsWith(lines: readonly SaleLine[], prefix: readonly SaleLine[]): boolean {
  if (prefix.length > lines.length) return false;
  for (let i = prefix.length - 1; i >= 0; i--) if (lines[i] !== prefix[i]) return false;
  return true;
}

function sameList<T>(a: readonly T[] | null, b: readonly T[]): boolean {
  return a !== null && a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Which lines the live promotions name (lineNamer), or null when one of them touches every line;
 * kept while the live promotions stay the same, so a scan asks of its new line only.
 */
function namedLines(read: SaleRead, live: readonly CompiledPromotion[]): boolean[] | null {
  const namer = lineNamer(live);
  if (namer === null) return null;
  if (!sameList(read.namedFor, live)) {
    read.namedFor = live;
    read.named = [];
  }
  for (let i = read.named.length; i < read.read.length; i++)
    read.named.push(namer(read.read[i] as PromotedLineInput));
  return read.named;
}

/**
 * How a scan just added to `sale` (its last line) is priced: "alone" when no promotion in force
 * touches it (the line is priced alone and added), the sale's quote priced by parts, or null
 * when the sale must be priced whole.
 */
export function priceScan(sale: Sale, env: TillEnv): TillQuote | "alone" | null {
  const promotions = promotionsAt(env);
  if (promotions === null) return "alone";
  if (sale.lines.length === 0) return null;
  const read = readSale(sale, promotions);
  const context = {
    clock: promotionClockAt(promotions.at, promotions.timeZone),
    roundingMode: env.settings.roundingMode,
    codes: sale.couponCodes,
  };
  const live = livePromotionsNamed(promotions.book, read.names, context);
  const added = read.read[read.read.length - 1];
  if (added !== undefined && promotionsLeave(live, added)) return "alone";
  return priceByParts(sale, env, promotions, read, live);
}

/** The sale's quote priced by parts, or null when it must be priced whole. */
function priceByParts(
  sale: Sale,
  env: TillEnv,
  promotions: SalePromotions,
  read: SaleRead,
  live: readonly CompiledPromotion[],
): TillQuote | null {
  if (!canAppend(env.settings, sale.discount !== undefined) || sale.customer !== undefined) return null;
  if (sale.lines.some((line) => line.kind !== undefined)) return null;
  const named = namedLines(read, live);
  if (named === null) return null;
  const namedRead = read.read.filter((_, i) => named[i]);
  // The named lines with what the promotions take off each folded into its discount; every line,
  // promoted or not, then prices alone (tax rounded per line, no sale discount). The named lines'
  // live promotions are the basket's: each was found by a name one of them carries.
  const promoted =
    namedRead.length === 0
      ? null
      : promoteLines(
          namedRead,
          env.settings,
          {
            book: promotions.book,
            at: promotions.at,
            timeZone: promotions.timeZone,
            codes: sale.couponCodes,
          },
          live,
        );
  const quote: TillQuote = {
    lines: [],
    subtotalMinor: 0,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 0,
    cashDueMinor: 0,
    cashRoundingMinor: 0,
    taxes: [],
    promotions: promoted?.promotions ?? [],
  };
  const taxes: TaxBreakdown[] = [];
  const promotedLines = promoted?.lines ?? [];
  let next = 0;
  for (let i = 0; i < sale.lines.length; i++) {
    const discount = named[i] ? promotedLines[next++]?.discount : (sale.lines[i] as SaleLine).discount;
    const single = singleQuote(read, i, discount, env.settings);
    add(quote, single);
    if (single.taxes.length > 0) taxes.push(...single.taxes);
  }
  quote.taxes = mergeTaxes([], taxes, env.settings);
  const rounding = cashRound(quote.totalMinor, env.settings.cashRoundingMinor);
  quote.cashDueMinor = rounding.roundedMinor;
  quote.cashRoundingMinor = rounding.roundingMinor;
  return quote;
}

function withDiscount(line: SaleLine, discount: Discount | undefined): SaleLine {
  if (discount === line.discount) return line;
  if (discount !== undefined) return { ...line, discount };
  const { discount: _own, ...rest } = line;
  return rest;
}

function sameDiscount(a: Discount | undefined, b: Discount | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return "amountMinor" in a && "amountMinor" in b && a.amountMinor === b.amountMinor;
}

/** Line `i` of the sale priced alone with `discount` (its own, or its own with what promotions take). */
function singleQuote(
  read: SaleRead,
  i: number,
  discount: Discount | undefined,
  settings: StoreSettings,
): Quote {
  const kept = read.quotes[i];
  if (kept !== undefined && kept.settings === settings && sameDiscount(kept.discount, discount))
    return kept.quote;
  const quote = priceSingle(withDiscount(read.lines[i] as SaleLine, discount), settings);
  read.quotes[i] = { settings, discount, quote };
  return quote;
}

function add(quote: TillQuote, single: Quote): void {
  for (let i = 0; i < single.lines.length; i++) quote.lines.push(single.lines[i] as Quote["lines"][number]);
  quote.subtotalMinor += single.subtotalMinor;
  quote.discountMinor += single.discountMinor;
  quote.taxMinor += single.taxMinor;
  quote.totalMinor += single.totalMinor;
}
