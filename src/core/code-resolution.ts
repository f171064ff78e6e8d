/**
 * Resolving what a cashier scanned or typed to a catalog item: one algorithm for the store's
 * `GET /products/lookup` and the till's local cache, over whatever tables each keeps.
 *
 * Order: the exact product code (PLU); a GS1 barcode normalised to GTIN-14; any other barcode
 * as typed; a pack's barcode (its eaches as a count); a price-, weight- or count-embedded label by its zeroed barcode, then by its item digits
 * (with and without leading zeros); BAD_CHECK_DIGIT when a wrong check digit was the problem;
 * UNKNOWN_CODE otherwise.
 */
import { classifyBarcode } from "./barcode.ts";
import {
  type EmbeddedPreset,
  type EmbeddedQtyKind,
  type EmbeddedRule,
  parseEmbedded,
  presetRules,
} from "./embedded-barcode.ts";
import { DomainError, InvalidInputError } from "./errors.ts";

export class UnknownCodeError extends DomainError {
  readonly code = "UNKNOWN_CODE";
  override readonly kind = "not_found";
}

/** Longest code a till or the store resolves. */
export const MAX_CODE_LENGTH = 32;

/** Where the products live: by product code / PLU, and by normalised barcode key. */
export interface CodeFinder<P> {
  byCode(code: string): P | null;
  /** `key` is a GTIN-14 for GS1 codes (see `barcodeKey`), otherwise the code as typed. */
  byBarcode(key: string): P | null;
  /** A pack's barcode (a case of 12): the product and the pack's base units in thousandths. */
  byPackBarcode?(key: string): { product: P; qtyMilli: number } | null;
}

export interface CodeResolution<P> {
  product: P;
  /** Quantity read from a weight label (grams of a kg) or a count label (pieces × 1000). */
  qtyMilli?: number;
  /** Set with `qtyMilli`: whether the label gave a weight or a number of pieces. */
  qtyKind?: EmbeddedQtyKind;
  /** Price read from a price-embedded label. */
  priceMinor?: number;
  matchedBy: "code" | "barcode" | "embedded";
}

/** Normalises a barcode for storage and lookup: GS1 codes to GTIN-14, others as typed. */
export function barcodeKey(code: string): string {
  try {
    const c = classifyBarcode(code);
    return c ? c.gtin14 : code;
  } catch {
    return code;
  }
}

/** The embedded-barcode rules a store's settings select (a country preset or its own rules). */
export function embeddedRulesOf(settings: {
  embeddedBarcodes: EmbeddedPreset | "custom";
  barcodeRules: readonly EmbeddedRule[];
}): readonly EmbeddedRule[] {
  return settings.embeddedBarcodes === "custom"
    ? settings.barcodeRules
    : presetRules(settings.embeddedBarcodes);
}

/** A pack barcode: the product with the pack's eaches as a count (a case of 12 rings 12). */
function packByBarcode<P>(code: string, finder: CodeFinder<P>): CodeResolution<P> | null {
  if (!finder.byPackBarcode) return null;
  const key = barcodeKey(code);
  const hit = finder.byPackBarcode(key) ?? (key === code ? null : finder.byPackBarcode(code));
  if (hit === null) return null;
  return { product: hit.product, matchedBy: "barcode", qtyMilli: hit.qtyMilli, qtyKind: "count" };
}

/**
 * Resolves a scanned or typed code. Throws INVALID_CODE for an empty or over-long code,
 * BAD_CHECK_DIGIT (CheckDigitError) for a GS1-length code with a wrong check digit that is
 * nothing else, and UNKNOWN_CODE when nothing matches.
 */
export function resolveCode<P>(
  raw: string,
  finder: CodeFinder<P>,
  rules: readonly EmbeddedRule[],
): CodeResolution<P> {
  const code = raw.trim();
  if (code.length === 0 || code.length > MAX_CODE_LENGTH) {
    throw new InvalidInputError("INVALID_CODE", `code must be 1 to ${MAX_CODE_LENGTH} characters`);
  }
  const direct = finder.byCode(code);
  if (direct !== null) return { product: direct, matchedBy: "code" };

  let checkError: DomainError | null = null;
  try {
    const gs1 = classifyBarcode(code);
    if (gs1) {
      const product = finder.byBarcode(gs1.gtin14);
      if (product !== null) return { product, matchedBy: "barcode" };
    }
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    checkError = err;
  }
  const other = finder.byBarcode(code);
  if (other !== null) return { product: other, matchedBy: "barcode" };
  const pack = packByBarcode(code, finder);
  if (pack !== null) return pack;

  const embedded = parseEmbedded(code, rules);
  if (embedded) {
    // The label's zeroed barcode names the item exactly; its item digits may collide with a PLU.
    const product =
      finder.byBarcode(barcodeKey(embedded.zeroedBarcode)) ??
      finder.byCode(embedded.itemCode) ??
      finder.byCode(embedded.itemCode.replace(/^0+/, ""));
    if (product !== null) {
      const result: CodeResolution<P> = { product, matchedBy: "embedded" };
      if (embedded.priceMinor !== undefined) result.priceMinor = embedded.priceMinor;
      if (embedded.qtyMilli !== undefined && embedded.qtyKind !== undefined) {
        result.qtyMilli = embedded.qtyMilli;
        result.qtyKind = embedded.qtyKind;
      }
      return result;
    }
  }
  if (checkError) throw checkError;
  throw new UnknownCodeError(
    `no product has the code or barcode "${code}": check it, or find the product by name`,
    { code },
  );
}
