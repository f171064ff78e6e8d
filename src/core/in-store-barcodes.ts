/**
 * In-store barcodes for products that have none: GS1 restricted circulation numbers, valid
 * only inside the company — EAN-13 with a prefix 20–29 (the GS1 General Specifications' RCN-13
 * range for company-internal numbering) or EAN-8 with prefix 2 (RCN-8) — numbered upwards
 * from the smallest free one, with the check digit computed. A prefix the store's
 * price-/weight-embedded barcode rules read is refused: the till would take the code for a
 * price or a weight.
 */
import { z } from "zod";
import { appendCheckDigit } from "./barcode.ts";
import type { EmbeddedRule } from "./embedded-barcode.ts";
import { featureErrors } from "./errors.ts";

export class InStoreBarcodeError extends featureErrors({
  BARCODE_PREFIX_EMBEDDED: "invalid",
  BARCODE_RANGE_FULL: "conflict",
}) {}

export const inStorePrefixSchema = z
  .string()
  .regex(/^2[0-9]$/, "must be a restricted-circulation prefix 20 to 29");

export type InStoreKind = "ean13" | "ean8";

/** The digits before the running number. */
export function inStorePrefix(kind: InStoreKind, prefix: string): string {
  return kind === "ean8" ? "2" : prefix;
}

/** Refuses an EAN-13 prefix that one of the store's embedded rules would read. */
export function checkPrefixFree(kind: InStoreKind, prefix: string, rules: readonly EmbeddedRule[]): void {
  if (kind === "ean8") return;
  const rule = rules.find(
    (r) => r.length === 13 && (r.prefix.startsWith(prefix) || prefix.startsWith(r.prefix)),
  );
  if (rule !== undefined) {
    throw new InStoreBarcodeError(
      "BARCODE_PREFIX_EMBEDDED",
      `prefix: ${prefix} is read as a ${rule.value}-embedded barcode by the store's rules (prefix ${rule.prefix}); choose another of 20–29`,
      { prefix, rulePrefix: rule.prefix, value: rule.value },
    );
  }
}

/**
 * `count` free codes of the range, smallest first: none in `taken` (GTIN-14 keys of every
 * barcode the store has) and none equal to a product code.
 */
export function freeInStoreCodes(
  kind: InStoreKind,
  prefix: string,
  count: number,
  isTaken: (code: string) => boolean,
): string[] {
  const head = inStorePrefix(kind, prefix);
  const bodyLength = (kind === "ean8" ? 7 : 12) - head.length;
  const last = 10 ** bodyLength - 1;
  const out: string[] = [];
  for (let n = 1; n <= last && out.length < count; n++) {
    const code = appendCheckDigit(`${head}${String(n).padStart(bodyLength, "0")}`);
    if (!isTaken(code)) out.push(code);
  }
  if (out.length < count) {
    throw new InStoreBarcodeError(
      "BARCODE_RANGE_FULL",
      `prefix ${head}: only ${out.length} free ${kind === "ean8" ? "EAN-8" : "EAN-13"} codes are left for ${count} products; use another prefix`,
      { prefix: head, free: out.length, needed: count },
    );
  }
  return out;
}
