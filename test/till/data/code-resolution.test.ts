/**
 * The one code-resolution algorithm the store and the till share, over an in-memory finder:
 * order of matches, GS1 normalisation, embedded labels, and the errors it answers.
 */
import { describe, expect, test } from "bun:test";
import { appendCheckDigit, priceCheckDigit } from "../../../src/core/barcode.ts";
import {
  barcodeKey,
  type CodeFinder,
  embeddedRulesOf,
  resolveCode,
} from "../../../src/core/code-resolution.ts";
import { presetRules } from "../../../src/core/embedded-barcode.ts";
import { codeOf } from "../../core/expect-code.ts";

interface Item {
  code: string;
  name: string;
}

function finder(items: Item[], barcodes: Record<string, string>): CodeFinder<Item> & { calls: string[] } {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const keys = new Map(Object.entries(barcodes).map(([b, code]) => [barcodeKey(b), code]));
  const calls: string[] = [];
  return {
    calls,
    byCode(code) {
      calls.push(`code:${code}`);
      return byCode.get(code) ?? null;
    },
    byBarcode(key) {
      calls.push(`barcode:${key}`);
      const code = keys.get(key);
      return code === undefined ? null : (byCode.get(code) ?? null);
    },
  };
}

/** US price label `2 IIIII P VVVV C`. */
function usPriceLabel(item: string, cents: number): string {
  const value = String(cents).padStart(4, "0");
  return appendCheckDigit(`2${item}${priceCheckDigit(value)}${value}`);
}

const US = presetRules("US");
const UPC = "036000291452"; // a valid UPC-A
const items: Item[] = [
  { code: "4011", name: "Bananas" },
  { code: "TISSUE", name: "Tissues" },
  { code: "1234", name: "Broth" },
  { code: "0020123400000", name: "Hot tea" },
  { code: "00555", name: "Padded PLU" },
];
const barcodes = {
  [UPC]: "TISSUE",
  [appendCheckDigit("0020123400000")]: "0020123400000",
  SHELF7: "1234",
};

describe("resolveCode", () => {
  test("an exact product code wins first", () => {
    const f = finder(items, barcodes);
    const r = resolveCode(" 4011 ", f, US);
    expect(r).toEqual({ product: items[0]!, matchedBy: "code" });
    expect(f.calls).toEqual(["code:4011"]);
  });

  test("UPC-A, its EAN-13 and GTIN-14 forms all find the barcode by GTIN-14", () => {
    for (const scanned of [UPC, `0${UPC}`, `00${UPC}`]) {
      const r = resolveCode(scanned, finder(items, barcodes), US);
      expect(r.product.name).toBe("Tissues");
      expect(r.matchedBy).toBe("barcode");
    }
  });

  test("a non-GS1 barcode is found as typed", () => {
    expect(resolveCode("SHELF7", finder(items, barcodes), US).product.name).toBe("Broth");
  });

  test("a price label resolves by its zeroed barcode before a PLU with the same item digits", () => {
    const r = resolveCode(usPriceLabel("01234", 275), finder(items, barcodes), US);
    expect(r).toEqual({ product: items[3]!, priceMinor: 275, matchedBy: "embedded" });
  });

  test("a price label falls back to the item digits, with and without leading zeros", () => {
    expect(resolveCode(usPriceLabel("00555", 100), finder(items, {}), US).product.name).toBe("Padded PLU");
    const r = resolveCode(usPriceLabel("04011", 1999), finder(items, {}), US);
    expect(r).toEqual({ product: items[0]!, priceMinor: 1999, matchedBy: "embedded" });
  });

  test("a weight label carries the weight in milli-units", () => {
    const rules = embeddedRulesOf({ embeddedBarcodes: "FR", barcodeRules: [] });
    const label = appendCheckDigit(`25040110${"0455"}`);
    const r = resolveCode(label, finder(items, {}), rules);
    expect(r).toEqual({ product: items[0]!, qtyMilli: 455, qtyKind: "weight", matchedBy: "embedded" });
  });

  test("a DE count label carries whole pieces, by its zeroed barcode or its item digits", () => {
    const rules = embeddedRulesOf({ embeddedBarcodes: "DE", barcodeRules: [] });
    // 25 IIII K VVVVV C: item 4011, 6 pieces
    const label = appendCheckDigit(`254011${priceCheckDigit("00006")}00006`);
    const r = resolveCode(label, finder(items, {}), rules);
    expect(r).toEqual({ product: items[0]!, qtyMilli: 6000, qtyKind: "count", matchedBy: "embedded" });
    const eggs = { code: "EGGS", name: "Eggs" };
    const zeroed = { [appendCheckDigit("254011000000")]: "EGGS" };
    expect(resolveCode(label, finder([...items, eggs], zeroed), rules).product.name).toBe("Eggs");
  });

  test("a wrong check digit that is nothing else is BAD_CHECK_DIGIT", () => {
    const bad = `${UPC.slice(0, -1)}${(Number(UPC.at(-1)) + 1) % 10}`;
    expect(codeOf(() => resolveCode(bad, finder(items, barcodes), US))).toBe("BAD_CHECK_DIGIT");
  });

  test("a code with a bad check digit that is a product code still resolves", () => {
    const odd = { code: "12345678", name: "Legacy" };
    expect(resolveCode("12345678", finder([odd], {}), US).product.name).toBe("Legacy");
  });

  test("unknown, empty and over-long codes are refused with their own codes", () => {
    expect(codeOf(() => resolveCode("NOPE", finder(items, barcodes), US))).toBe("UNKNOWN_CODE");
    expect(codeOf(() => resolveCode("   ", finder(items, barcodes), US))).toBe("INVALID_CODE");
    expect(codeOf(() => resolveCode("9".repeat(33), finder(items, barcodes), US))).toBe("INVALID_CODE");
  });

  test("custom rules are used as given", () => {
    const custom = presetRules("DE");
    expect(embeddedRulesOf({ embeddedBarcodes: "custom", barcodeRules: custom })).toBe(custom);
  });
});
