/**
 * The catalog for stock at the store: a tree of categories, variants of a product, packs whose
 * barcode rings the pack's eaches, and minimum/maximum stock with the below-minimum list.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";

interface ErrorBody {
  error: { code: string; message: string };
}

let store: TestStore;
beforeEach(() => {
  store = createTestStore();
});
afterEach(() => store.close());

function post<T = JsonObject>(path: string, body: unknown) {
  return store.request<T & ErrorBody>("POST", `${API}${path}`, body);
}
function get<T = JsonObject>(path: string) {
  return store.request<T & ErrorBody>("GET", `${API}${path}`);
}

describe("categories", () => {
  test("a tree of categories is listed with each one's parent", async () => {
    expect((await post("/categories", { id: "FOOD", name: "Food" })).status).toBe(200);
    expect((await post("/categories", { id: "DAIRY", name: "Dairy", parent: "FOOD" })).status).toBe(200);
    const res = await get<{ categories: { id: string; name: string; parent: string | null }[] }>(
      "/categories",
    );
    expect(res.body.categories).toEqual([
      { id: "DAIRY", name: "Dairy", parent: "FOOD" },
      { id: "FOOD", name: "Food", parent: null },
    ]);
  });

  test("a category cannot be its own ancestor, and nothing changes", async () => {
    await post("/categories", { id: "FOOD", name: "Food" });
    await post("/categories", { id: "DAIRY", name: "Dairy", parent: "FOOD" });
    const res = await post("/categories", { id: "FOOD", name: "Food", parent: "DAIRY" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("CATEGORY_CYCLE");
    expect(res.body.error.message).toContain("FOOD");
    const list = await get<{ categories: { id: string; parent: string | null }[] }>("/categories");
    expect(list.body.categories.find((c) => c.id === "FOOD")?.parent).toBeNull();
  });

  test("an unknown parent is refused", async () => {
    const res = await post("/categories", { id: "DAIRY", name: "Dairy", parent: "NOPE" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("UNKNOWN_CATEGORY");
  });

  test("a product keeps its category when an update leaves it out", async () => {
    await post("/categories", { id: "DAIRY", name: "Dairy" });
    await post("/products", { code: "MILK", name: "Milk", priceMinor: 129, category: "DAIRY" });
    await post("/products", { code: "MILK", priceMinor: 139 });
    const res = await get<{ category: string | null; priceMinor: number }>("/products/MILK");
    expect(res.body.category).toBe("DAIRY");
    expect(res.body.priceMinor).toBe(139);
  });

  test("a product in an unknown category is refused", async () => {
    const res = await post("/products", { code: "MILK", name: "Milk", priceMinor: 129, category: "NOPE" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("UNKNOWN_CATEGORY");
  });
});

describe("variants", () => {
  test("variants are their own products, listed under their parent", async () => {
    await post("/products", { code: "TEE", name: "T-shirt", priceMinor: 1500 });
    await post("/products", {
      code: "TEE-L-RED",
      name: "T-shirt L red",
      priceMinor: 1600,
      barcodes: ["4006381333931"],
      variantOf: "TEE",
      variant: { size: "L", colour: "red" },
    });
    await post("/products", {
      code: "TEE-M",
      name: "T-shirt M",
      priceMinor: 1500,
      variantOf: "TEE",
      variant: { size: "M" },
    });
    const res = await get<{
      code: string;
      variants: { code: string; variant: JsonObject; priceMinor: number }[];
    }>("/products/TEE/variants");
    expect(res.status).toBe(200);
    expect(res.body.variants.map((v) => [v.code, v.variant, v.priceMinor])).toEqual([
      ["TEE-L-RED", { size: "L", colour: "red" }, 1600],
      ["TEE-M", { size: "M" }, 1500],
    ]);
    const scanned = await get<{ product: { code: string } }>("/products/lookup?code=4006381333931");
    expect(scanned.body.product.code).toBe("TEE-L-RED");
  });

  test("a variant of an unknown product, of itself or of a variant is refused", async () => {
    await post("/products", { code: "TEE", name: "T-shirt", priceMinor: 1500 });
    await post("/products", { code: "TEE-M", name: "T-shirt M", priceMinor: 1500, variantOf: "TEE" });
    const unknown = await post("/products", { code: "X", name: "X", priceMinor: 1, variantOf: "NOPE" });
    expect(unknown.body.error.code).toBe("UNKNOWN_VARIANT_PARENT");
    const self = await post("/products", { code: "TEE", variantOf: "TEE" });
    expect(self.body.error.code).toBe("INVALID_VARIANT_PARENT");
    const nested = await post("/products", { code: "TEE-M-X", name: "X", priceMinor: 1, variantOf: "TEE-M" });
    expect(nested.body.error.code).toBe("INVALID_VARIANT_PARENT");
    expect((await get("/products/X")).status).toBe(404);
  });
});

describe("packs", () => {
  test("a pack barcode looks up the product with the pack's eaches", async () => {
    await post("/products", {
      code: "WATER",
      name: "Water 0.5 l",
      priceMinor: 80,
      barcodes: ["4006381333931"],
      packs: [{ name: "case", qty: 12, barcode: "5000112637922" }],
    });
    const each = await get<{ product: { code: string }; qtyMilli?: number }>(
      "/products/lookup?code=4006381333931",
    );
    expect(each.body.qtyMilli).toBeUndefined();
    const pack = await get<{
      product: { code: string; barcodes: string[] };
      qtyMilli: number;
      qtyKind: string;
    }>("/products/lookup?code=5000112637922");
    expect(pack.body.product.code).toBe("WATER");
    expect(pack.body.qtyMilli).toBe(12_000);
    expect(pack.body.qtyKind).toBe("count");
    // The pack's barcode is not one of the product's own.
    expect(pack.body.product.barcodes).toEqual(["04006381333931"]);
    // A price-only update keeps the packs and their barcodes.
    await post("/products", { code: "WATER", priceMinor: 90 });
    const again = await get<{ qtyMilli: number; product: { packs: JsonObject[] } }>(
      "/products/lookup?code=5000112637922",
    );
    expect(again.body.qtyMilli).toBe(12_000);
    expect(again.body.product.packs).toEqual([{ name: "case", qty: 12, barcode: "5000112637922" }]);
  });
});

describe("minimum and maximum stock", () => {
  test("products below their minimum are listed with what to order to reach the maximum", async () => {
    await post("/products", { code: "MILK", name: "Milk", priceMinor: 129, minStock: 10, maxStock: 40 });
    await post("/products", { code: "EGGS", name: "Eggs", priceMinor: 299, minStock: 5 });
    await post("/products", { code: "SALT", name: "Salt", priceMinor: 99, minStock: 2, maxStock: 6 });
    await post("/stock/adjustments", { code: "MILK", qty: 4, reason: "delivery", kind: "receive" });
    await post("/stock/adjustments", { code: "SALT", qty: 3, reason: "delivery", kind: "receive" });
    const res = await get<{
      products: { code: string; onHand: number; min: number; max: number | null; toOrder: number }[];
    }>("/stock/below-minimum");
    expect(res.status).toBe(200);
    expect(res.body.products.map((p) => [p.code, p.onHand, p.min, p.max, p.toOrder])).toEqual([
      ["EGGS", 0, 5, null, 5],
      ["MILK", 4, 10, 40, 36],
    ]);
  });

  test("a maximum below the minimum is refused", async () => {
    const res = await post("/products", {
      code: "MILK",
      name: "Milk",
      priceMinor: 129,
      minStock: 10,
      maxStock: 4,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_STOCK_LIMITS");
  });
});
