/**
 * A till whose store's disk is full (a real store process on a small, real tmpfs): the till
 * keeps selling into its outbox, nothing is parked as refused, the status says the store's disk
 * is full; once space is freed the outbox drains and every sale arrives exactly once.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../../src/core/ids.ts";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import { mountTmpfs, type Tmpfs } from "../../support/tmpfs.ts";
import { CASHIER_PIN, cashSale, type TillFixture, tillFixture, waitFor } from "./support/till-fixture.ts";

const disk = mountTmpfs(8 * 1024 * 1024);
const skipped = "skipped" in disk ? disk.skipped : null;
if (skipped) console.warn(`disk-full till tests skipped: ${skipped}`);

describe.skipIf(skipped !== null)("a till while its store's disk is full", () => {
  const tmpfs = disk as Tmpfs;
  let f: TillFixture;
  let till: TillDataServices;

  beforeAll(async () => {
    f = await tillFixture({
      products: [{ code: "APPLE", name: "Apple", priceMinor: 100 }],
      storeDataDir: tmpfs.dir,
    });
    till = await f.openTill();
    await till.login(CASHIER_PIN);
    await till.syncNow();
  }, 60_000);
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
    await tmpfs[Symbol.asyncDispose]();
  });

  test("sales queue while the store is full and arrive exactly once after space is freed", async () => {
    tmpfs.fill();
    // Whatever room the database's files still had is used up by sales sent straight to the API.
    let full = false;
    for (let i = 0; i < 500 && !full; i++) {
      const res = await f.store.api("/api/v1/sales", {
        method: "POST",
        body: JSON.stringify({
          id: uuidv7(),
          tillId: "API",
          lines: Array.from({ length: 100 }, () => ({ code: "APPLE" })),
          tenders: [{ type: "cash", amountMinor: 100_000 }],
          audit: Array.from({ length: 50 }, () => ({
            action: "line.voided",
            detail: { note: "n".repeat(200) },
          })),
        }),
      });
      full = res.status === 507;
    }
    expect(full).toBe(true);

    const sales = Array.from({ length: 3 }, () =>
      cashSale(till, f.cashierId, [{ code: "APPLE", qtyMilli: 1000 }], 1000),
    );
    for (const sale of sales) await till.completeSale(sale);
    await waitFor("the till to hear the store is full", () => till.status().storeFull === true, 20_000);
    expect(till.status()).toMatchObject({ pending: 3, rejected: 0 });
    expect(f.sent.some((s) => s.saleId === sales[0]?.id && s.outcome === 507)).toBe(true);

    tmpfs.free();
    await till.drainNow();
    await waitFor("the outbox to drain", () => till.status().pending === 0, 40_000);
    expect(till.status()).toMatchObject({ pending: 0, rejected: 0, storeFull: false });
    const recorded = await f.storeSales();
    expect(sales.map((s) => recorded.filter((r) => r.id === s.id).length)).toEqual([1, 1, 1]);
  }, 120_000);
});
