/**
 * A disk that is full: the store answers a clear STORAGE_FULL (507) that says what to do,
 * records nothing of the request, and takes the same sale once there is room again. The
 * database's page limit (`PRAGMA max_page_count`) stands in for the disk.
 */
import { expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { DomainError } from "../../src/core/errors.ts";
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

/** Fills the database to its page limit: the next page it needs is refused (SQLITE_FULL). */
function capAtCurrentSize(store: ReturnType<typeof createTestStore>): void {
  const pages =
    store.ctx.sqlite.query<{ page_count: number }, []>("PRAGMA page_count").get()?.page_count ?? 0;
  store.ctx.sqlite.run(`PRAGMA max_page_count = ${pages}`);
}

test("a store transaction on a full disk throws the STORAGE_FULL domain error and rolls back whole", () => {
  using store = createTestStore();
  capAtCurrentSize(store);
  const before = store.journalLength();
  let thrown: unknown;
  try {
    store.ctx.db.transaction((tx) => {
      for (let i = 0; i < 2_000; i++) {
        tx.run(sql`INSERT INTO meta (key, value) VALUES (${`filler-${i}`}, ${"x".repeat(500)})`);
      }
    });
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject({ code: "STORAGE_FULL", kind: "storage_full" });
  expect(store.ctx.sqlite.inTransaction).toBe(false);
  expect(store.count("meta")).toBeLessThan(10);
  expect(store.journalLength()).toBe(before);
});

test("sales committed together on a full disk are all refused: none half-written, none committed alone", async () => {
  using store = createTestStore();
  await store.request("POST", "/api/v1/products", {
    code: "A1",
    name: "Apple",
    priceMinor: 100,
    taxClass: null,
  });
  const sale = (notes: number) => ({
    id: uuidv7(),
    tillId: "T1",
    lines: [{ code: "A1", qty: 1 }],
    tenders: [{ type: "cash", amountMinor: 1_000 }],
    audit: Array.from({ length: notes }, () => ({
      action: "line.voided",
      detail: { note: "x".repeat(200) },
    })),
  });
  capAtCurrentSize(store);
  const before = { sales: store.count("sales"), events: store.journalLength() };
  // Small sales first, then one that cannot fit, then small ones: one commit for all of them.
  const answers = await Promise.all(
    [sale(0), sale(0), sale(200), sale(0), sale(0)].map((s) =>
      store.request<ErrorAnswer>("POST", "/api/v1/sales", s),
    ),
  );
  const after = { sales: store.count("sales"), events: store.journalLength() };
  const accepted = answers.filter((a) => a.status === 201).length;
  for (const a of answers) {
    if (a.status !== 201)
      expect({ status: a.status, code: a.body.error.code }).toEqual({ status: 507, code: "STORAGE_FULL" });
  }
  expect(after.sales).toBe(before.sales + accepted);
  expect(store.ctx.sqlite.inTransaction).toBe(false);
  expect(store.request("GET", "/api/v1/journal/verify").then((r) => r.body)).resolves.toMatchObject({
    ok: true,
  });
});
