/**
 * GS1 item codes: check digits, kinds (EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14), UPC-E expansion,
 * normalisation to GTIN-14, and the price/measure verifier digits used inside price-embedded
 * codes (GS1 General Specifications, section 7.9).
 */
import { DomainError, InvalidInputError } from "./errors.ts";

export type BarcodeKind = "ean13" | "ean8" | "upca" | "upce" | "gtin14";

export interface ClassifiedCode {
  kind: BarcodeKind;
  gtin14: string;
}

/**
 * Which digit of a code failed: the code's own check digit, or the verifier digit over an
 * embedded price, weight or count (GS1's price and measure verifier digits).
 */
export type CheckDigitPosition = "check" | "price" | "weight" | "count";

/** A code whose length fits a GS1 format but whose check (or price verifier) digit is wrong. */
export class CheckDigitError extends DomainError {
  readonly code = "BAD_CHECK_DIGIT";
  declare readonly details: { expected: number; got: number; digit: CheckDigitPosition; barcode: string };

  constructor(barcode: string, expected: number, got: number, digit: CheckDigitPosition = "check") {
    const what = digit === "check" ? "check digit" : `${digit} check digit`;
    super(
      `Barcode ${barcode} has a wrong ${what} (expected ${expected}, got ${got}); rescan it or type the code again.`,
      { expected, got, digit, barcode },
    );
  }
}

const DIGITS = /^[0-9]+$/;

/** Lengths of GS1 item codes carrying a check digit: EAN-8/UPC-E, UPC-A, EAN-13, GTIN-14. */
const GS1_LENGTHS: ReadonlySet<number> = new Set([8, 12, 13, 14]);

function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

function requireDigits(text: string, what: string): void {
  if (!DIGITS.test(text)) {
    throw new InvalidInputError("INVALID_DIGITS", `${what} must contain digits only, got "${text}".`, {
      value: text,
    });
  }
}

/**
 * GS1 mod-10 check digit of the digits before it: weights 3, 1, 3, … from the right.
 * Works for every GS1 key (GTIN-8/12/13/14, SSCC, GLN); leading zeros do not change it.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  requireDigits(digitsWithoutCheck, "A GS1 code");
  if (digitsWithoutCheck.length > 17) {
    throw new InvalidInputError(
      "INVALID_DIGITS",
      "A GS1 code has at most 17 digits before its check digit.",
      {
        value: digitsWithoutCheck,
      },
    );
  }
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += digitAt(digitsWithoutCheck, i) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** `body` followed by its GS1 check digit. */
export function appendCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

/** True for an all-digit code of length 8, 12, 13 or 14 whose last digit is its GS1 check digit. */
export function isValidGs1(code: string): boolean {
  if (!GS1_LENGTHS.has(code.length) || !DIGITS.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === digitAt(code, code.length - 1);
}

function assertCheckDigit(code: string, body: string, got: number): void {
  const expected = gs1CheckDigit(body);
  if (expected !== got) throw new CheckDigitError(code, expected, got);
}

/** The 11 UPC-A digits (number system … item) a 6-digit UPC-E body stands for. */
function expandUpcEBody(numberSystem: string, d: string): string {
  const last = d[5] ?? "";
  switch (last) {
    case "0":
    case "1":
    case "2":
      return `${numberSystem}${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
    case "3":
      return `${numberSystem}${d.slice(0, 3)}00000${d.slice(3, 5)}`;
    case "4":
      return `${numberSystem}${d.slice(0, 4)}00000${d[4] ?? ""}`;
    default:
      return `${numberSystem}${d.slice(0, 5)}0000${last}`;
  }
}

/**
 * Expand an 8-digit UPC-E (number system 0 or 1, six digits, check digit) to its 12-digit
 * UPC-A. The check digit of a UPC-E is that of the UPC-A it expands to, and is verified.
 *
 * | last body digit | manufacturer   | item       |
 * |-----------------|----------------|------------|
 * | 0, 1, 2         | d1 d2 d6 0 0   | 0 0 d3 d4 d5 |
 * | 3               | d1 d2 d3 0 0   | 0 0 0 d4 d5  |
 * | 4               | d1 d2 d3 d4 0  | 0 0 0 0 d5   |
 * | 5 … 9           | d1 d2 d3 d4 d5 | 0 0 0 0 d6   |
 */
export function expandUpcE(upce: string): string {
  if (upce.length !== 8 || !DIGITS.test(upce) || (upce[0] !== "0" && upce[0] !== "1")) {
    throw new InvalidInputError(
      "INVALID_UPCE",
      `"${upce}" is not a UPC-E code: expected 8 digits starting with number system 0 or 1.`,
      { value: upce },
    );
  }
  const body = expandUpcEBody(upce[0], upce.slice(1, 7));
  assertCheckDigit(upce, body, digitAt(upce, 7));
  return appendCheckDigit(body);
}

function isValidUpcE(code: string): boolean {
  if (code[0] !== "0" && code[0] !== "1") return false;
  const body = expandUpcEBody(code[0], code.slice(1, 7));
  return gs1CheckDigit(body) === digitAt(code, 7);
}

/**
 * Classify an all-digit code by length and verify its check digit.
 *
 * 8 digits are ambiguous between EAN-8 and UPC-E: a code starting with 0 or 1 whose UPC-E
 * check digit is right is read as UPC-E (GS1-8 prefixes 0 and 1 are not issued as EAN-8
 * trade items in practice), otherwise as EAN-8.
 *
 * Returns null when the input is not 8, 12, 13 or 14 digits; throws CheckDigitError when the
 * length fits but the check digit is wrong.
 */
export function classifyBarcode(code: string): ClassifiedCode | null {
  if (!GS1_LENGTHS.has(code.length) || !DIGITS.test(code)) return null;
  const got = digitAt(code, code.length - 1);
  switch (code.length) {
    case 8: {
      if (isValidUpcE(code)) return { kind: "upce", gtin14: `00${expandUpcE(code)}` };
      const startsLikeUpcE = code[0] === "0" || code[0] === "1";
      const ean8Ok = gs1CheckDigit(code.slice(0, 7)) === got;
      if (ean8Ok) return { kind: "ean8", gtin14: `000000${code}` };
      const expected = startsLikeUpcE
        ? gs1CheckDigit(expandUpcEBody(code[0] ?? "0", code.slice(1, 7)))
        : gs1CheckDigit(code.slice(0, 7));
      throw new CheckDigitError(code, expected, got);
    }
    case 12:
      assertCheckDigit(code, code.slice(0, 11), got);
      return { kind: "upca", gtin14: `00${code}` };
    case 13:
      assertCheckDigit(code, code.slice(0, 12), got);
      return { kind: "ean13", gtin14: `0${code}` };
    default:
      assertCheckDigit(code, code.slice(0, 13), got);
      return { kind: "gtin14", gtin14: code };
  }
}

/**
 * Normalise any GS1 item code (EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14) to 14 digits, the form
 * in which a store indexes barcodes. INVALID_BARCODE when it is not one; CheckDigitError when
 * its check digit is wrong.
 */
export function toGtin14(code: string): string {
  const classified = classifyBarcode(code);
  if (classified === null) {
    throw new InvalidInputError(
      "INVALID_BARCODE",
      `"${code}" is not a GS1 barcode: expected 8, 12, 13 or 14 digits (EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14).`,
      { value: code },
    );
  }
  return classified.gtin14;
}

// ---- price / measure verifier digits (GS1 General Specifications 7.9.2–7.9.4) ----------

/** Weighting factor 2-: units digit of 2·d minus its tens digit. */
const W2_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7] as const;
/** Weighting factor 3: units digit of 3·d. */
const W3 = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7] as const;
/** Weighting factor 5+: units digit of 5·d plus its tens digit. */
const W5_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9] as const;
/** Weighting factor 5-: units digit of 5·d minus its tens digit. */
const W5_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1] as const;

function weighted(table: readonly number[], digits: string, index: number): number {
  return table[digitAt(digits, index)] ?? 0;
}

function requirePriceDigits(price: string, length: 4 | 5): void {
  if (price.length !== length || !DIGITS.test(price)) {
    throw new InvalidInputError(
      "INVALID_DIGITS",
      `A ${length}-digit price check digit needs exactly ${length} digits, got "${price}".`,
      { value: price },
    );
  }
}

/**
 * Price verifier digit over a 4-digit price: weights 2-, 2-, 3, 5-; the units digit of
 * three times the sum of the products. Example: price 2875 → 9.
 */
export function priceCheckDigit4(price: string): number {
  requirePriceDigits(price, 4);
  const sum =
    weighted(W2_MINUS, price, 0) +
    weighted(W2_MINUS, price, 1) +
    weighted(W3, price, 2) +
    weighted(W5_MINUS, price, 3);
  return (sum * 3) % 10;
}

/**
 * Price verifier digit over a 5-digit price: weights 5+, 2-, 5-, 5+, 2-; the sum is
 * subtracted from the next multiple of ten, and the verifier is the digit whose 5- product
 * equals that difference. Example: price 14685 → 6.
 */
export function priceCheckDigit5(price: string): number {
  requirePriceDigits(price, 5);
  const sum =
    weighted(W5_PLUS, price, 0) +
    weighted(W2_MINUS, price, 1) +
    weighted(W5_MINUS, price, 2) +
    weighted(W5_PLUS, price, 3) +
    weighted(W2_MINUS, price, 4);
  const target = (10 - (sum % 10)) % 10;
  return W5_MINUS.indexOf(target as (typeof W5_MINUS)[number]);
}

/** The price verifier digit for a 4- or 5-digit price field. */
export function priceCheckDigit(price: string): number {
  return price.length === 5 ? priceCheckDigit5(price) : priceCheckDigit4(price);
}
