import { describe, expect, test } from "bun:test";
import { isValidGs1 } from "../../src/core/barcode.ts";
import { presetRules } from "../../src/core/embedded-barcode.ts";
import { checkPrefixFree, freeInStoreCodes } from "../../src/core/in-store-barcodes.ts";
import { domainErrorOf } from "./expect-code.ts";

describe("in-store barcodes", () => {
  test("EAN-13 codes of the prefix, smallest free first, with their check digits", () => {
    const taken = new Set(["2000000000015"]);
    const codes = freeInStoreCodes("ean13", "20", 3, (c) => taken.has(c));
    expect(codes).toEqual(["2000000000022", "2000000000039", "2000000000046"]);
    expect(codes.every(isValidGs1)).toBe(true);
  });

  test("EAN-8 codes use the restricted prefix 2", () => {
    const codes = freeInStoreCodes("ean8", "29", 2, () => false);
    expect(codes).toEqual(["20000011", "20000028"]);
    expect(codes.every(isValidGs1)).toBe(true);
  });

  test("a prefix the store reads as price- or weight-embedded is refused", () => {
    const de = presetRules("DE");
    const error = domainErrorOf(() => checkPrefixFree("ean13", "22", de));
    expect(error.code).toBe("BARCODE_PREFIX_EMBEDDED");
    expect(() => checkPrefixFree("ean13", "22", presetRules("US"))).not.toThrow();
  });

  test("a full range says how many codes are left", () => {
    const error = domainErrorOf(() => freeInStoreCodes("ean8", "20", 3, (c) => c !== "29999996"));
    expect(error.code).toBe("BARCODE_RANGE_FULL");
    expect(error.message).toContain("only 1 free EAN-8 codes are left for 3 products");
  });
});
