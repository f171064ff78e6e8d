import { describe, expect, test } from "bun:test";
import { categoryAncestry, packQtyMilli } from "../../src/core/catalog-stock.ts";
import { barcodeKey, resolveCode } from "../../src/core/code-resolution.ts";
import { codeOf } from "./expect-code.ts";

const water = { code: "WATER", packs: [{ name: "case", qty: 12, barcode: "4006381333931" }] };

describe("packs", () => {
  test("n packs are n × the pack's eaches, in thousandths", () => {
    expect(packQtyMilli(water, "case", 3)).toBe(36_000);
    expect(packQtyMilli({ code: "FLOUR", packs: [{ name: "sack", qty: 2.5 }] }, "sack", 2)).toBe(5_000);
  });

  test("a pack the product does not have is refused by name", () => {
    expect(codeOf(() => packQtyMilli(water, "pallet", 1))).toBe("UNKNOWN_PACK");
  });

  test("scanning a pack barcode resolves to the product with the pack's eaches as a count", () => {
    const finder = {
      byCode: () => null,
      byBarcode: () => null,
      byPackBarcode: (key: string) =>
        key === barcodeKey("4006381333931") ? { product: water, qtyMilli: 12_000 } : null,
    };
    const found = resolveCode("4006381333931", finder, []);
    expect(found.product).toBe(water);
    expect(found.qtyMilli).toBe(12_000);
    expect(found.qtyKind).toBe("count");
    expect(found.matchedBy).toBe("barcode");
  });

  test("a product's own barcode wins over a pack barcode", () => {
    const each = { code: "EACH", packs: [] };
    const finder = {
      byCode: () => null,
      byBarcode: () => each,
      byPackBarcode: () => ({ product: water, qtyMilli: 12_000 }),
    };
    const found = resolveCode("4006381333931", finder, []);
    expect(found.product).toBe(each);
    expect(found.qtyMilli).toBeUndefined();
  });
});

describe("category tree", () => {
  const parents = new Map<string, string | null>([
    ["food", null],
    ["dairy", "food"],
    ["cheese", "dairy"],
  ]);
  const parentOf = (id: string) => parents.get(id) ?? null;

  test("a new parent's chain up to the root", () => {
    expect(categoryAncestry("brie", "cheese", parentOf)).toEqual(["cheese", "dairy", "food"]);
  });

  test("a category cannot be its own ancestor", () => {
    expect(codeOf(() => categoryAncestry("food", "cheese", parentOf))).toBe("CATEGORY_CYCLE");
    expect(codeOf(() => categoryAncestry("food", "food", parentOf))).toBe("CATEGORY_CYCLE");
  });
});
