/**
 * Unknown fields are refused, as the API says, with an error that names the field; and an
 * error never repeats more than a short excerpt of what was sent.
 */
import { describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestHq } from "../support/hq-app.ts";
import { createTestStore } from "../support/store-app.ts";

interface ErrorAnswer {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

describe("the store", () => {
  test("a product, a sale and a sale's line with a field the API does not have are refused", async () => {
    using store = createTestStore();
    const product = await store.request<ErrorAnswer>("POST", "/api/v1/products", {
      code: "A1",
      name: "Apple",
      priceMinor: 100,
      colour: "red",
    });
    expect(product.status).toBe(400);
    expect(product.body.error.code).toBe("INVALID_REQUEST");
    expect(product.body.error.message).toContain('"colour"');
    expect(store.count("products")).toBe(0);

    const sale = await store.request<ErrorAnswer>("POST", "/api/v1/sales", {
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "A1", qty: 1, note: "gift" }],
      tenders: [{ type: "cash", amountMinor: 100 }],
    });
    expect(sale.status).toBe(400);
    expect(sale.body.error.details?.some((d) => d.path === "lines.0" && d.message.includes('"note"'))).toBe(
      true,
    );

    const returned = await store.request<ErrorAnswer>("POST", "/api/v1/returns", {
      id: uuidv7(),
      lines: [{ code: "A1", qty: 1 }],
      refundEverything: true,
    });
    expect(returned.status).toBe(400);
    expect(returned.body.error.message).toContain('"refundEverything"');
    expect(store.count("sales")).toBe(0);
  });

  test("an error repeats at most a short excerpt of a hostile key", async () => {
    using store = createTestStore();
    const body: Record<string, unknown> = { code: "A1", name: "Apple", priceMinor: 100 };
    for (let i = 0; i < 900; i++) body[`k${i}_${"x".repeat(500)}`] = i;
    const res = await store.request<ErrorAnswer>("POST", "/api/v1/products", body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(4000);
  });
});

describe("head office", () => {
  test("a product, a price and store settings with unknown fields are refused", async () => {
    using hq = createTestHq();
    const product = await hq.request<ErrorAnswer>("POST", "/api/v1/products", {
      code: "A1",
      name: "Apple",
      priceMinor: 100,
      colour: "red",
    });
    expect(product.status).toBe(400);
    expect(product.body.error.message).toContain('"colour"');
    const price = await hq.request<ErrorAnswer>("PUT", "/api/v1/prices", {
      code: "A1",
      priceMinor: 90,
      when: "now",
    });
    expect(price.status).toBe(400);
    expect(price.body.error.message).toContain('"when"');
    const settings = await hq.request<ErrorAnswer>("PUT", "/api/v1/stores/S1/settings", {
      currencyCode: "EUR",
    });
    expect(settings.status).toBe(400);
    expect(settings.body.error.message).toContain('"currencyCode"');
  });
});
