import { afterEach, describe, expect, test } from "bun:test";
import { appendCheckDigit, priceCheckDigit, priceCheckDigit4 } from "../../src/core/barcode.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";

let store: TestStore;
afterEach(() => store?.close());

/** A US price-embedded label `2 IIIII P VVVV C` for item digits and a price in cents. */
function priceLabel(item: string, cents: number): string {
  const price = String(cents).padStart(4, "0");
  return appendCheckDigit(`2${item}${priceCheckDigit4(price)}${price}`);
}

describe("catalog", () => {
  test("strict bulk import with a bad row imports nothing and says which row", async () => {
    store = createTestStore();
    const before = store.count("products");
    const journal = store.journalLength();
    const res = await store.request<{ imported: number; errors: { line: number; reason: string }[] }>(
      "POST",
      "/api/v1/products/bulk",
      {
        strict: true,
        products: [
          { line: 2, code: "100", name: "Apples", priceMinor: 199, taxClass: "1" },
          { line: 3, code: "101", name: "Pears", priceMinor: 249, taxClass: "9" },
        ],
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(0);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]?.line).toBe(3);
    expect(res.body.errors[0]?.reason).toContain('tax class "9"');
    expect(store.count("products")).toBe(before);
    expect(store.journalLength()).toBe(journal);
  });

  test("lenient bulk import keeps the good rows and reports the bad", async () => {
    store = createTestStore();
    const res = await store.request<{ imported: number; errors: { line: number }[] }>(
      "POST",
      "/api/v1/products/bulk",
      {
        products: [
          { line: 2, code: "100", name: "Apples", priceMinor: 199, taxClass: "1" },
          { line: 3, code: "101", name: "Pears", priceMinor: 249, taxClass: "9" },
        ],
      },
    );
    expect(res.body.imported).toBe(1);
    expect(res.body.errors.map((e) => e.line)).toEqual([3]);
    expect(store.count("products")).toBe(1);
  });

  test("a price label resolves by its zeroed barcode before a PLU with the same digits", async () => {
    store = createTestStore();
    // A PLU "1234" and a random-weight item whose label item digits are 01234.
    await store.request("POST", "/api/v1/products", { code: "1234", name: "Broth", priceMinor: 399 });
    await store.request("POST", "/api/v1/products", {
      code: "0020123400000",
      name: "Hot tea",
      priceMinor: 0,
      openPrice: true,
      barcodes: [appendCheckDigit("0020123400000")],
    });
    const label = priceLabel("01234", 275);
    const res = await store.request<{ product: { name: string }; priceMinor: number; matchedBy: string }>(
      "GET",
      `/api/v1/products/lookup?code=${label}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.product.name).toBe("Hot tea");
    expect(res.body.priceMinor).toBe(275);
    expect(res.body.matchedBy).toBe("embedded");
  });

  describe('GS1 Germany count labels (embeddedBarcodes = "DE")', () => {
    /** `25 IIII K VVVVV C`: 4 item digits, the verifier, the number of pieces. */
    const countLabel = (item: string, pieces: number) => {
      const value = String(pieces).padStart(5, "0");
      return appendCheckDigit(`25${item}${priceCheckDigit(value)}${value}`);
    };
    const deStore = async () => {
      store = createTestStore({ settings: { embeddedBarcodes: "DE", currency: "EUR" } });
      await store.request("POST", "/api/v1/products", { code: "4711", name: "Eggs", priceMinor: 35 });
      await store.request("POST", "/api/v1/products", {
        code: "4712",
        name: "Cherries",
        priceMinor: 899,
        soldByWeight: true,
      });
    };

    test("the lookup answers the pieces as a whole quantity", async () => {
      await deStore();
      const res = await store.request<Record<string, unknown>>(
        "GET",
        `/api/v1/products/lookup?code=${countLabel("4711", 6)}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        product: { code: "4711" },
        qty: "6",
        qtyMilli: 6000,
        qtyKind: "count",
      });
      expect(res.body.priceMinor).toBeUndefined();
    });

    test("a sale line from a count label rings the pieces at the product's unit price", async () => {
      await deStore();
      const res = await store.request<{
        lines: { code: string; qtyMilli: number; unitPriceMinor: number }[];
      }>("POST", "/api/v1/baskets/quote", { lines: [{ code: countLabel("4711", 6) }] });
      expect(res.status).toBe(200);
      expect(res.body.lines[0]).toMatchObject({ code: "4711", qtyMilli: 6000, unitPriceMinor: 35 });
    });

    test("pieces are no weight: a weighed item's count label still needs its weight", async () => {
      await deStore();
      const res = await store.request<{ error: { code: string } }>("POST", "/api/v1/baskets/quote", {
        lines: [{ code: countLabel("4712", 3) }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("WEIGHT_REQUIRED");
    });

    test("a wrong verifier digit is refused naming the count digit", async () => {
      await deStore();
      const good = countLabel("4711", 6);
      const wrong = (Number(good[6]) + 1) % 10;
      const bad = appendCheckDigit(`${good.slice(0, 6)}${wrong}${good.slice(7, 12)}`);
      const res = await store.request<{ error: { code: string; message: string; details: unknown } }>(
        "GET",
        `/api/v1/products/lookup?code=${bad}`,
      );
      expect(res.body.error.code).toBe("BAD_CHECK_DIGIT");
      expect(res.body.error.message).toContain("wrong count check digit");
      expect(res.body.error.details).toMatchObject({ digit: "count", got: wrong });
    });
  });
});
