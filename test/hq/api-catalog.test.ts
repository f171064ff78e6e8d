/**
 * Chain catalog and prices: products upserted by code, chain prices and a store's own price
 * (which wins), scheduled changes applied by the scheduler when due (injected clock), and the
 * change log every change lands in, in seq order, handed to the publisher after the commit.
 */

import { describe, expect, test } from "bun:test";
import { type CatalogChange, priceForStore } from "../../src/core/catalog-changes.ts";
import { changesAfter, snapshotFor } from "../../src/hq/catalog/change-log.ts";
import { type TestHq, testHqPerTest } from "../support/hq-app.ts";
import { TEST_TAX_CLASSES } from "../support/tax-classes.ts";

const newHq = testHqPerTest();

type ErrorBody = { error: { code: string; message: string } };
interface Product {
  code: string;
  priceMinor: number;
  storePrices: Record<string, number>;
  barcodes: string[];
  updatedAt: string;
}

async function setUp(): Promise<TestHq> {
  const hq = newHq();
  for (const [storeId, name] of [
    ["S1", "Main St"],
    ["S2", "Harbour"],
  ]) {
    const res = await hq.request("POST", "/api/v1/stores", { storeId, name });
    if (res.status !== 201) throw new Error(`store ${storeId}: ${JSON.stringify(res.body)}`);
  }
  return hq;
}

async function ok<T>(hq: TestHq, method: string, path: string, body?: unknown): Promise<T> {
  const res = await hq.request<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const apple = {
  code: "4011",
  name: "Bananas",
  barcodes: ["4006381333931"],
  priceMinor: 69,
  soldByWeight: true,
};

describe("products", () => {
  test("POST /products upserts by code and records one entry per product for every store", async () => {
    const hq = await setUp();
    const made = await ok<Product>(hq, "POST", "/api/v1/products", apple);
    expect(made).toMatchObject({
      code: "4011",
      priceMinor: 69,
      unit: "kg",
      storePrices: {},
      barcodes: ["4006381333931"],
    });
    hq.clock.advance(60_000);
    const changed = await ok<Product>(hq, "POST", "/api/v1/products", { ...apple, name: "Organic bananas" });
    // Barcodes are kept when the update leaves them out.
    const kept = await ok<Product>(hq, "POST", "/api/v1/products", {
      code: "4011",
      name: "Bananas",
      priceMinor: 79,
    });
    expect(kept.barcodes).toEqual(["4006381333931"]);
    expect(changed.updatedAt > made.updatedAt).toBe(true);

    const log = changesAfter(hq.ctx.db, 0);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ storeId: "*", kind: "product", key: "4011", value: { priceMinor: 79 } });
    const seqs = hq.publisher.changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);
  });

  test("a minimum age is kept by updates that leave it out and travels in the product's change", async () => {
    const hq = await setUp();
    await ok(hq, "POST", "/api/v1/products", { code: "ALE", name: "Pale ale", priceMinor: 299, minAge: 21 });
    const repriced = await ok<Product & { minAge: number | null }>(hq, "POST", "/api/v1/products", {
      code: "ALE",
      priceMinor: 319,
    });
    expect(repriced.minAge).toBe(21);
    const log = changesAfter(hq.ctx.db, 0);
    expect(log.at(-1)).toMatchObject({ kind: "product", key: "ALE", value: { priceMinor: 319, minAge: 21 } });
    const cleared = await ok<Product & { minAge: number | null }>(hq, "POST", "/api/v1/products", {
      code: "ALE",
      minAge: null,
    });
    expect(cleared.minAge).toBeNull();
  });

  test("GET /products?changedSince= answers only what changed after that time", async () => {
    const hq = await setUp();
    await ok(hq, "POST", "/api/v1/products", apple);
    hq.clock.advance(60_000);
    const since = hq.clock.now.toISOString();
    hq.clock.advance(1000);
    await ok(hq, "POST", "/api/v1/products", { code: "B1", name: "Bread", priceMinor: 250 });
    const all = await ok<{ products: Product[] }>(hq, "GET", "/api/v1/products");
    expect(all.products.map((p) => p.code)).toEqual(["4011", "B1"]);
    const changed = await ok<{ products: Product[] }>(hq, "GET", `/api/v1/products?changedSince=${since}`);
    expect(changed.products.map((p) => p.code)).toEqual(["B1"]);
    const bad = await hq.request<ErrorBody>("GET", "/api/v1/products?changedSince=yesterday");
    expect(bad.status).toBe(400);
  });

  test("bad product input is refused with the field and changes nothing", async () => {
    const hq = await setUp();
    const before = hq.count("catalog_changes");
    for (const body of [
      { code: "A", name: "A", priceMinor: -1 },
      { code: "A", name: "A", priceMinor: 1.5 },
      { code: "", name: "A", priceMinor: 1 },
      { code: "A", name: "A", priceMinor: 1, barcodes: ["12ab"] },
      "{not json",
    ]) {
      const res = await hq.request<ErrorBody>("POST", "/api/v1/products", body);
      expect(res.status).toBe(400);
    }
    expect(hq.count("hq_products")).toBe(0);
    expect(hq.count("catalog_changes")).toBe(before);
    expect(hq.publisher.changes).toHaveLength(0);
  });

  test("POST /products/bulk imports in one go and reports repeated codes by line", async () => {
    const hq = await setUp();
    const res = await ok<{
      imported: number;
      errors: { line: number | null; code: string; reason: string }[];
    }>(hq, "POST", "/api/v1/products/bulk", {
      products: [
        { line: 2, code: "A", name: "Alpha", priceMinor: 100 },
        { line: 3, code: "B", name: "Beta", priceMinor: 200 },
        { line: 4, code: "A", name: "Alpha again", priceMinor: 300 },
      ],
    });
    expect(res.imported).toBe(2);
    expect(res.errors).toEqual([{ line: 4, code: "A", reason: 'code "A" is repeated' }]);
    const strict = await ok<{ imported: number }>(hq, "POST", "/api/v1/products/bulk", {
      strict: true,
      products: [
        { line: 2, code: "C", name: "Gamma", priceMinor: 1 },
        { line: 3, code: "C", name: "Gamma", priceMinor: 1 },
      ],
    });
    expect(strict.imported).toBe(0);
    expect(hq.count("hq_products")).toBe(2);
  });
});

describe("prices", () => {
  test("a store's own price wins over the chain price, and a chain change leaves it alone", async () => {
    const hq = await setUp();
    await ok(hq, "POST", "/api/v1/products", apple);
    const own = await ok<{ status: string }>(hq, "PUT", "/api/v1/prices", {
      code: "4011",
      priceMinor: 59,
      storeId: "S1",
    });
    expect(own.status).toBe("applied");
    await ok(hq, "PUT", "/api/v1/prices", { code: "4011", priceMinor: 75 });
    const product = await ok<Product>(hq, "GET", "/api/v1/products/4011");
    expect(product.priceMinor).toBe(75);
    expect(product.storePrices).toEqual({ S1: 59 });
    expect(priceForStore(product, "S1")).toBe(59);
    expect(priceForStore(product, "S2")).toBe(75);

    // The latest entry a store reads carries the whole price picture.
    const last = hq.publisher.changes.at(-1);
    expect(last).toMatchObject({ storeId: "*", kind: "price", key: "4011" });
    expect(last && last.kind === "price" ? priceForStore(last.value, "S1") : null).toBe(59);

    await ok(hq, "PUT", "/api/v1/prices", { code: "4011", priceMinor: null, storeId: "S1" });
    const back = await ok<Product>(hq, "GET", "/api/v1/products/4011");
    expect(back.storePrices).toEqual({});
    expect(priceForStore(back, "S1")).toBe(75);
  });

  test("a scheduled change waits for its time and the scheduler applies it when due", async () => {
    const hq = await setUp();
    await ok(hq, "POST", "/api/v1/products", apple);
    const effectiveAt = "2026-03-03T06:00:00.000Z";
    const scheduled = await ok<{ status: string; effectiveAt: string }>(hq, "PUT", "/api/v1/prices", {
      code: "4011",
      priceMinor: 49,
      storeId: "S2",
      effectiveAt: "2026-03-03T07:00:00+01:00",
    });
    expect(scheduled).toMatchObject({ status: "scheduled", effectiveAt });
    const published = hq.publisher.changes.length;

    expect(hq.services.scheduler.tick()).toBe(0);
    const waiting = await ok<{ storePrices: object; scheduled: { effectiveAt: string }[] }>(
      hq,
      "GET",
      "/api/v1/prices?code=4011",
    );
    expect(waiting.storePrices).toEqual({});
    expect(waiting.scheduled.map((s) => s.effectiveAt)).toEqual([effectiveAt]);
    expect(hq.publisher.changes).toHaveLength(published);

    hq.clock.set("2026-03-03T05:59:59.999Z");
    expect(hq.services.scheduler.tick()).toBe(0);
    hq.clock.set(effectiveAt);
    expect(hq.services.scheduler.tick()).toBe(1);
    const applied = await ok<{ storePrices: object; scheduled: unknown[] }>(
      hq,
      "GET",
      "/api/v1/prices?code=4011",
    );
    expect(applied.storePrices).toEqual({ S2: 49 });
    expect(applied.scheduled).toEqual([]);
    const change = hq.publisher.changes.at(-1);
    expect(change).toMatchObject({
      kind: "price",
      key: "4011",
      at: effectiveAt,
      value: { storePrices: { S2: 49 } },
    });
    expect(hq.services.scheduler.tick()).toBe(0);
  });

  test("an effectiveAt in the past applies at once", async () => {
    const hq = await setUp();
    await ok(hq, "POST", "/api/v1/products", apple);
    const res = await ok<{ status: string }>(hq, "PUT", "/api/v1/prices", {
      code: "4011",
      priceMinor: 99,
      effectiveAt: "2026-01-01T00:00:00Z",
    });
    expect(res.status).toBe("applied");
    expect((await ok<Product>(hq, "GET", "/api/v1/products/4011")).priceMinor).toBe(99);
  });

  test("unknown products and stores and bad prices are refused and change nothing", async () => {
    const hq = await setUp();
    await ok(hq, "POST", "/api/v1/products", apple);
    const entries = hq.count("catalog_changes");
    const cases: [unknown, number, string][] = [
      [{ code: "nope", priceMinor: 10 }, 404, "UNKNOWN_PRODUCT"],
      [{ code: "4011", priceMinor: 10, storeId: "S9" }, 404, "UNKNOWN_STORE"],
      [{ code: "4011", priceMinor: -5 }, 400, "INVALID_REQUEST"],
      [{ code: "4011", priceMinor: null }, 400, "INVALID_REQUEST"],
      [{ code: "4011", priceMinor: 10, effectiveAt: "tomorrow" }, 400, "INVALID_REQUEST"],
      [{ code: "4011", priceMinor: 10, storeId: "S-1" }, 400, "INVALID_REQUEST"],
    ];
    for (const [body, status, code] of cases) {
      const res = await hq.request<ErrorBody>("PUT", "/api/v1/prices", body);
      expect(`${JSON.stringify(body)} ${res.status} ${res.body.error.code}`).toBe(
        `${JSON.stringify(body)} ${status} ${code}`,
      );
    }
    expect(hq.count("price_changes")).toBe(0);
    expect(hq.count("catalog_changes")).toBe(entries);
    expect((await ok<Product>(hq, "GET", "/api/v1/products/4011")).priceMinor).toBe(69);
  });
});

describe("change log", () => {
  test("seqs only grow, a key keeps its latest entry, and each store sees only its own and every store's", async () => {
    const hq = await setUp();
    await ok(hq, "POST", "/api/v1/products", apple);
    await ok(hq, "POST", "/api/v1/products", { code: "B1", name: "Bread", priceMinor: 250 });
    await ok(hq, "PUT", "/api/v1/stores/S1/settings", {
      storeName: "Main St",
      currency: "EUR",
      timeZone: "Europe/Paris",
    });
    await ok(hq, "PUT", "/api/v1/prices", { code: "B1", priceMinor: 260 });
    await ok(hq, "POST", "/api/v1/products", { ...apple, priceMinor: 72 });

    const seqs = hq.publisher.changes.map((c) => c.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    const log = changesAfter(hq.ctx.db, 0);
    // 4011's first entry (seq 1) was replaced by seq 5.
    expect(log.map((c) => c.seq)).toEqual([2, 3, 4, 5]);
    expect(changesAfter(hq.ctx.db, 3).map((c) => `${c.kind}:${c.key}`)).toEqual(["price:B1", "product:4011"]);

    const s1 = snapshotFor(hq.ctx.db, "S1");
    expect(s1.seq).toBe(5);
    expect(s1.changes.map((c) => `${c.storeId}:${c.kind}:${c.key}`)).toEqual([
      "*:product:B1",
      "S1:settings:settings",
      "*:price:B1",
      "*:product:4011",
    ]);
    const s2 = snapshotFor(hq.ctx.db, "S2");
    expect(s2.changes.some((c) => c.kind === "settings")).toBe(false);

    const feed = await hq.request<{ lastSeq: number; changes: CatalogChange[] }>(
      "GET",
      "/api/v1/catalog/changes?storeId=S2&after=2&limit=1",
    );
    expect(feed.status).toBe(200);
    expect(feed.body.lastSeq).toBe(5);
    expect(feed.body.changes.map((c) => c.seq)).toEqual([4]);
  });

  test("a publisher that throws never fails the request; the entry stays in the log", async () => {
    const hq = await setUp();
    hq.ctx.publisher = {
      published() {
        throw new Error("link down");
      },
    };
    const res = await hq.request("POST", "/api/v1/products", apple);
    expect(res.status).toBe(200);
    expect(changesAfter(hq.ctx.db, 0)).toHaveLength(1);
    expect(hq.logs.some((l) => l.includes("link down"))).toBe(true);
  });
});

describe("products every store can apply", () => {
  async function withSettings(): Promise<TestHq> {
    const hq = await setUp();
    const put = await hq.request("PUT", "/api/v1/stores/S1/settings", {
      taxClasses: [{ id: "1", name: "Regular", rate: "8.875" }],
      maxPriceMinor: 50_000,
    });
    expect(put.status).toBe(200);
    // S2 prices with both test classes: only S1 lacks class 2.
    const other = await hq.request("PUT", "/api/v1/stores/S2/settings", {
      taxClasses: TEST_TAX_CLASSES.map((t) => ({ ...t })),
    });
    expect(other.status).toBe(200);
    return hq;
  }

  test("a tax class a store lacks or a price over its limit is refused, naming the store", async () => {
    const hq = await withSettings();
    const unknownTax = await hq.request<{ error: { code: string; message: string } }>(
      "POST",
      "/api/v1/products",
      {
        ...apple,
        taxClass: "2",
      },
    );
    expect(unknownTax.status).toBe(400);
    expect(unknownTax.body.error.code).toBe("PRODUCT_NOT_APPLICABLE");
    expect(unknownTax.body.error.message).toContain("S1");
    const tooDear = await hq.request<{ error: { code: string } }>("POST", "/api/v1/products", {
      ...apple,
      taxClass: "1",
      priceMinor: 60_000,
    });
    expect(tooDear.status).toBe(400);
    expect(tooDear.body.error.code).toBe("PRODUCT_NOT_APPLICABLE");
    await ok(hq, "POST", "/api/v1/products", { ...apple, taxClass: "1" });
    const price = await hq.request<{ error: { code: string } }>("PUT", "/api/v1/prices", {
      code: apple.code,
      priceMinor: 99_999,
    });
    expect(price.status).toBe(400);
    expect(price.body.error.code).toBe("PRODUCT_NOT_APPLICABLE");
  });

  test("a bulk import reports the rows a store could not apply and imports the rest", async () => {
    const hq = await withSettings();
    const res = await ok<{ imported: number; errors: { code: string; reason: string }[] }>(
      hq,
      "POST",
      "/api/v1/products/bulk",
      {
        products: [
          { ...apple, taxClass: "1" },
          { code: "X9", name: "Taxed elsewhere", priceMinor: 100, taxClass: "7" },
        ],
      },
    );
    expect(res.imported).toBe(1);
    expect(res.errors).toEqual([
      expect.objectContaining({ code: "X9", reason: expect.stringContaining("S1") }),
    ]);
  });
});
