/**
 * A disk that is full: the store answers a clear STORAGE_FULL (507) that says what to do,
 * records nothing of the request, and takes the same sale once there is room again. The
 * database's page limit (`PRAGMA max_page_count`) stands in for the disk.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore } from "../support/store-app.ts";

interface ErrorAnswer {
  error: { code: string; message: string };
}

test("a sale on a full disk answers 507 STORAGE_FULL, writes nothing, and goes through once there is room", async () => {
  using store = createTestStore();
  const seeded = await store.request("POST", "/api/v1/products", {
    code: "A1",
    name: "Apple",
    priceMinor: 100,
    taxClass: null,
  });
  expect(seeded.status).toBe(200);
  const pages =
    store.ctx.sqlite.query<{ page_count: number }, []>("PRAGMA page_count").get()?.page_count ?? 0;
  store.ctx.sqlite.run(`PRAGMA max_page_count = ${pages}`);
  const before = {
    sales: store.count("sales"),
    events: store.journalLength(),
    stock: store.count("stock_movements"),
  };

  const sale = {
    id: uuidv7(),
    tillId: "T1",
    lines: Array.from({ length: 200 }, () => ({ code: "A1", qty: 1 })),
    tenders: [{ type: "cash", amountMinor: 20_000 }],
    audit: Array.from({ length: 200 }, () => ({ action: "line.voided", detail: { note: "x".repeat(200) } })),
  };
  const full = await store.request<ErrorAnswer>("POST", "/api/v1/sales", sale);
  expect(full.status).toBe(507);
  expect(full.body.error.code).toBe("STORAGE_FULL");
  expect(full.body.error.message).toContain("free space");
  expect({
    sales: store.count("sales"),
    events: store.journalLength(),
    stock: store.count("stock_movements"),
  }).toEqual(before);

  store.ctx.sqlite.run("PRAGMA max_page_count = 1073741823");
  const retried = await store.request("POST", "/api/v1/sales", sale);
  expect(retried.status).toBe(201);
  expect(store.count("sales")).toBe(before.sales + 1);
});
