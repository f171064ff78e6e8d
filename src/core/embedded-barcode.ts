/**
 * Price-, weight- and count-embedded barcodes (GS1 restricted circulation numbers, prefixes 02
 * and 20–29): which digits name the item, which carry the price, weight or number of pieces,
 * and the country layouts a store picks with `embeddedBarcodes = "…"` (docs/embedded-barcodes.md
 * gives each layout and its source).
 *
 * A store resolves an embedded code to a product by `itemCode` (the product's code or PLU)
 * or by `zeroedBarcode` (the code with its value and verifier digits zeroed and the check
 * digit recomputed), compared as GTIN-14. CORE-POS catalogs store exactly that zeroed code
 * without its check digit (`0020000500000`): see `coreposUpcToCandidates`.
 */
import { z } from "zod";
import { appendCheckDigit, CheckDigitError, gs1CheckDigit, priceCheckDigit, toGtin14 } from "./barcode.ts";
import { InvalidInputError } from "./errors.ts";

export type EmbeddedPreset = "US" | "GB" | "DE" | "FR" | "SE" | "DK" | "NO" | "FI";

export const EMBEDDED_PRESETS = [
  "US",
  "GB",
  "DE",
  "FR",
  "SE",
  "DK",
  "NO",
  "FI",
] as const satisfies readonly EmbeddedPreset[];

export interface EmbeddedRule {
  /** Leading digits that select the rule, e.g. "2" for UPC-A number system 2, "20".."29" for EAN-13. */
  prefix: string;
  /** 12 (UPC-A; its EAN-13 form with a leading 0 also matches) or 13 (EAN-13). */
  length: 12 | 13;
  itemStart: number;
  itemLength: number;
  valueStart: number;
  valueLength: number;
  /** "price": minor units; "weight": grams (= qtyMilli of kg); "count": pieces (qtyMilli = pieces × 1000). */
  value: EmbeddedValue;
  /**
   * A GS1 verifier digit sits right before the value (4- or 5-digit values only): the price
   * verifier for a price, the measure verifier (same algorithm) for a weight or a count.
   */
  priceCheckDigit: boolean;
  /** The value digits times this give minor units, grams or pieces (e.g. 10 for a price with one decimal). Default 1. */
  valueMultiplier?: number;
}

/** What a label's value digits carry. */
export type EmbeddedValue = "price" | "weight" | "count";

/** What a quantity read from a label is: a weight (milli-units of a kg) or whole pieces. */
export type EmbeddedQtyKind = "weight" | "count";

export interface EmbeddedMatch {
  rule: EmbeddedRule;
  itemCode: string;
  zeroedBarcode: string;
  priceMinor?: number;
  /** Grams of a weight label, or pieces × 1000 of a count label; `qtyKind` says which. */
  qtyMilli?: number;
  qtyKind?: EmbeddedQtyKind;
}

type Layout = Omit<EmbeddedRule, "prefix">;

function rules(prefixes: readonly string[], layout: Layout): EmbeddedRule[] {
  return prefixes.map((prefix) => ({ prefix, ...layout }));
}

// Positions below are 0-based within the code; I item, K verifier, V value, C check digit.

/** UPC-A `2 IIIII K VVVV C`: 5-digit item, 4-digit price verifier, price in cents (CORE-POS default). */
export const US_PRICE_CHECK_RULE: EmbeddedRule = {
  prefix: "2",
  length: 12,
  itemStart: 1,
  itemLength: 5,
  valueStart: 7,
  valueLength: 4,
  value: "price",
  priceCheckDigit: true,
};

/** UPC-A `2 IIIII VVVVV C`: 5-digit item, 5-digit price in cents, no verifier (scales set for prices ≥ $100). */
export const US_PRICE5_RULE: EmbeddedRule = {
  prefix: "2",
  length: 12,
  itemStart: 1,
  itemLength: 5,
  valueStart: 6,
  valueLength: 5,
  value: "price",
  priceCheckDigit: false,
};

/** `2X XXXRR K VVVV C` (GS1 UK branded variable measure). */
const EAN_PRICE4_VERIFIED: Layout = {
  length: 13,
  itemStart: 2,
  itemLength: 5,
  valueStart: 8,
  valueLength: 4,
  value: "price",
  priceCheckDigit: true,
};
/** `2X IIII K VVVVV C` (GS1 Germany): 4 item digits, a verifier over the 5 value digits. */
const EAN_ITEM4_VERIFIED5 = (value: EmbeddedValue): Layout => ({
  length: 13,
  itemStart: 2,
  itemLength: 4,
  valueStart: 7,
  valueLength: 5,
  value,
  priceCheckDigit: true,
});
/** `2X IIIII VVVVV C`: 5 item digits, 5 value digits, no verifier. */
const EAN_ITEM5_VALUE5 = (value: EmbeddedValue): Layout => ({
  length: 13,
  itemStart: 2,
  itemLength: 5,
  valueStart: 7,
  valueLength: 5,
  value,
  priceCheckDigit: false,
});
/** `2X IIII VVVVVV C` (GS1 Denmark): 4 item digits, 6 value digits, no verifier. */
const EAN_ITEM4_VALUE6 = (value: EmbeddedValue): Layout => ({
  length: 13,
  itemStart: 2,
  itemLength: 4,
  valueStart: 6,
  valueLength: 6,
  value,
  priceCheckDigit: false,
});
/** `2X IIIIII VVVV C` (GS1 Sweden, GS1 Finland): 6 item digits, 4 value digits. */
const NORDIC = (value: EmbeddedValue): Layout => ({
  length: 13,
  itemStart: 2,
  itemLength: 6,
  valueStart: 8,
  valueLength: 4,
  value,
  priceCheckDigit: false,
});

/**
 * Country presets after each GS1 member organisation's published layout where one was found;
 * docs/embedded-barcodes.md gives every layout with its source, and says where none was
 * found. Scales are configurable, so a shop whose labels differ uses custom rules.
 *
 * | preset | prefixes              | layout                         | value                          |
 * |--------|-----------------------|--------------------------------|--------------------------------|
 * | US     | 2 (UPC-A)             | `2 IIIII K VVVV C`             | price, cents                   |
 * | GB     | 20, 28                | `2X IIIII K VVVV C`            | price, pence                   |
 * | GB     | 02 (UPC-A)            | `2 IIIII K VVVV C`             | price, pence                   |
 * | DE     | 22, 23 / 25, 26 / 28, 29 | `2X IIII K VVVVV C`         | price, cents / pieces / grams  |
 * | FR     | 20–24 / 25–29         | `2X IIIII VVVVV C`             | price, cents / grams           |
 * | SE, NO | 20 / 21 / 22          | `2X IIIIII VVVV C`             | price: öre / 10 öre / krona    |
 * | SE, NO | 23 / 24 / 25          | `2X IIIIII VVVV C`             | weight: g / 10 g / 100 g       |
 * | DK     | 21–24                 | `2X IIII VVVVVV C`             | price, øre                     |
 * | DK     | 26, 28 / 27           | `2X IIII VVVVVV C` / `27 IIIII VVVVV C` | weight, grams         |
 * | FI     | 20 / 21 / 22, 23 / 24 / 25 | as SE                     | price / weight as SE           |
 *
 * A 5-digit-price US scale (`2 IIIII VVVVV C`) is `US_PRICE5_RULE`, used as a custom rule.
 */
const PRESETS: Record<EmbeddedPreset, readonly EmbeddedRule[]> = {
  US: [US_PRICE_CHECK_RULE],
  GB: [...rules(["20", "28"], EAN_PRICE4_VERIFIED), US_PRICE_CHECK_RULE],
  DE: [
    ...rules(["22", "23"], EAN_ITEM4_VERIFIED5("price")),
    ...rules(["25", "26"], EAN_ITEM4_VERIFIED5("count")),
    ...rules(["28", "29"], EAN_ITEM4_VERIFIED5("weight")),
  ],
  FR: [
    ...rules(["20", "21", "22", "23", "24"], EAN_ITEM5_VALUE5("price")),
    ...rules(["25", "26", "27", "28", "29"], EAN_ITEM5_VALUE5("weight")),
  ],
  SE: nordic(["20", "21", "22"], ["23", "24", "25"]),
  NO: nordic(["20", "21", "22"], ["23", "24", "25"]),
  DK: [
    ...rules(["21", "22", "23", "24"], EAN_ITEM4_VALUE6("price")),
    ...rules(["26"], EAN_ITEM4_VALUE6("weight")),
    ...rules(["27"], EAN_ITEM5_VALUE5("weight")),
    ...rules(["28"], EAN_ITEM4_VALUE6("weight")),
  ],
  FI: nordic(["20", "21", "22"], ["23", "24", "25"]),
};

/** Nordic scheme: the last prefix digit places the decimal point (×1, ×10, ×100). */
function nordic(pricePrefixes: readonly string[], weightPrefixes: readonly string[]): EmbeddedRule[] {
  const scaled = (prefixes: readonly string[], layout: Layout): EmbeddedRule[] =>
    prefixes.map((prefix, i) => ({ prefix, ...layout, valueMultiplier: 10 ** i }));
  return [...scaled(pricePrefixes, NORDIC("price")), ...scaled(weightPrefixes, NORDIC("weight"))];
}

/** The rules of a country preset (fresh copies: callers may not change the presets). */
export function presetRules(preset: EmbeddedPreset): EmbeddedRule[] {
  return PRESETS[preset].map((rule) => ({ ...rule }));
}

// ---- rule validation -----------------------------------------------------------------------

/** Problems with a rule's geometry, empty when it is usable. */
export function embeddedRuleProblems(rule: EmbeddedRule): string[] {
  const problems: string[] = [];
  const last = rule.length - 1; // the check digit
  if (!/^[0-9]{1,4}$/.test(rule.prefix)) problems.push("prefix must be 1–4 digits");
  const fits = (start: number, length: number) =>
    Number.isInteger(start) &&
    Number.isInteger(length) &&
    start >= 0 &&
    length >= 1 &&
    start + length <= last;
  if (!fits(rule.itemStart, rule.itemLength)) problems.push("item digits must lie before the check digit");
  if (!fits(rule.valueStart, rule.valueLength)) problems.push("value digits must lie before the check digit");
  const valueFrom = rule.priceCheckDigit ? rule.valueStart - 1 : rule.valueStart;
  const overlaps =
    rule.itemStart < rule.valueStart + rule.valueLength && valueFrom < rule.itemStart + rule.itemLength;
  if (overlaps) problems.push("item digits overlap the value (or its verifier) digits");
  if (rule.priceCheckDigit && rule.valueLength !== 4 && rule.valueLength !== 5) {
    problems.push("a price check digit needs a 4- or 5-digit value");
  }
  if (rule.priceCheckDigit && rule.valueStart < 1)
    problems.push("the price check digit needs a position before the value");
  if (rule.valueLength > 9) problems.push("value has at most 9 digits");
  const multiplier = rule.valueMultiplier ?? 1;
  if (!Number.isSafeInteger(multiplier) || multiplier < 1 || multiplier > 1000) {
    problems.push("valueMultiplier must be a whole number from 1 to 1000");
  }
  return problems;
}

/** A custom rule from store configuration (`[[barcodeRules]]`). */
export const embeddedRuleSchema = z
  .object({
    prefix: z.string().regex(/^[0-9]{1,4}$/),
    length: z.union([z.literal(12), z.literal(13)]),
    itemStart: z.int().nonnegative(),
    itemLength: z.int().positive(),
    valueStart: z.int().nonnegative(),
    valueLength: z.int().positive(),
    value: z.enum(["price", "weight", "count"]),
    priceCheckDigit: z.boolean().default(false),
    valueMultiplier: z.int().positive().optional(),
  })
  .transform((rule, ctx): EmbeddedRule => {
    const { valueMultiplier, ...rest } = rule;
    const candidate: EmbeddedRule = valueMultiplier === undefined ? rest : { ...rest, valueMultiplier };
    for (const message of embeddedRuleProblems(candidate)) ctx.addIssue({ code: "custom", message });
    return candidate;
  });

// ---- parsing -------------------------------------------------------------------------------

/** The code in the rule's length: a 12-digit rule also takes the 13-digit `0…` EAN-13 form, and back. */
function inRuleLength(code: string, length: 12 | 13): string | null {
  if (code.length === length) return code;
  if (length === 12 && code.length === 13 && code.startsWith("0")) return code.slice(1);
  if (length === 13 && code.length === 12) return `0${code}`;
  return null;
}

function zeroed(code: string, from: number, to: number): string {
  return appendCheckDigit(code.slice(0, from) + "0".repeat(to - from) + code.slice(to, -1));
}

/**
 * Match a scanned code against rules, first match wins. Null when no rule's prefix and length
 * fit (the code is then an ordinary barcode). Throws CheckDigitError when a rule fits but the
 * check digit or the verifier digit over the value is wrong (naming the digit: "check", or the
 * rule's value "price" / "weight" / "count"), and INVALID_EMBEDDED_RULE for a rule whose
 * geometry makes no sense.
 */
export function parseEmbedded(code: string, rules: readonly EmbeddedRule[]): EmbeddedMatch | null {
  if (!/^[0-9]{12,13}$/.test(code)) return null;
  for (const rule of rules) {
    const digits = inRuleLength(code, rule.length);
    if (digits === null || !digits.startsWith(rule.prefix)) continue;
    const problems = embeddedRuleProblems(rule);
    if (problems.length > 0) {
      throw new InvalidInputError(
        "INVALID_EMBEDDED_RULE",
        `Embedded barcode rule for prefix "${rule.prefix}" is unusable: ${problems.join("; ")}. Fix the store's barcode rules.`,
        { rule, problems },
      );
    }
    const expected = gs1CheckDigit(digits.slice(0, -1));
    const got = Number(digits.at(-1));
    if (expected !== got) throw new CheckDigitError(code, expected, got);

    const valueEnd = rule.valueStart + rule.valueLength;
    const valueDigits = digits.slice(rule.valueStart, valueEnd);
    let zeroFrom = rule.valueStart;
    if (rule.priceCheckDigit) {
      zeroFrom -= 1;
      const verifier = Number(digits[zeroFrom]);
      const wanted = priceCheckDigit(valueDigits);
      if (verifier !== wanted) throw new CheckDigitError(code, wanted, verifier, rule.value);
    }
    const amount = Number(valueDigits) * (rule.valueMultiplier ?? 1);
    const match: EmbeddedMatch = {
      rule,
      itemCode: digits.slice(rule.itemStart, rule.itemStart + rule.itemLength),
      zeroedBarcode: zeroed(digits, zeroFrom, valueEnd),
    };
    if (rule.value === "price") match.priceMinor = amount;
    else if (rule.value === "weight") {
      match.qtyMilli = amount;
      match.qtyKind = "weight";
    } else {
      match.qtyMilli = amount * 1000;
      match.qtyKind = "count";
    }
    return match;
  }
  return null;
}

// ---- CORE-POS catalogs ---------------------------------------------------------------------

/**
 * CORE-POS keeps a product's UPC/EAN as 13 characters, zero-padded and without the check
 * digit; random-weight items are stored with their value digits zeroed (`0020000500000`).
 * Returns the GS1 codes a scanner produces for that product, shortest form first: UPC-A
 * (when the code fits in 12 digits) or EAN-13, then GTIN-14. A store indexes the product
 * under these, so an embedded scan's `zeroedBarcode` (or its GTIN-14) finds it. Empty for a
 * value that is not 13 digits.
 */
export function coreposUpcToCandidates(upc: string): string[] {
  const trimmed = upc.trim();
  if (!/^[0-9]{13}$/.test(trimmed)) return [];
  const gtin14 = appendCheckDigit(trimmed);
  const shortest = gtin14.startsWith("00") ? gtin14.slice(2) : gtin14.slice(1);
  return [shortest, gtin14];
}

/**
 * The CORE-POS `upc` column value for a scanned GS1 code (UPC-E expanded first): the GTIN-14
 * without its check digit, i.e. zero-padded to 13 digits. Throws like `toGtin14`.
 */
export function toCoreposUpc(code: string): string {
  return toGtin14(code).slice(0, 13);
}
