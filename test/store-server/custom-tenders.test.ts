/**
 * The shop's own tenders: defined at head office, replicated to the store, taken on sales (with
 * their rules: no change, a most per sale), refused precisely when unknown or ended, refunded
 * back to themselves, and counted under their id in the shift report and accounting export.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { changesAfter } from "../../src/hq/catalog/change-log.ts";
import { CatalogService } from "../../src/store-server/catalog/service.ts";
import { applyChange } from "../../src/store-server/replication/apply-change.ts";
import { createTestHq, type TestHq } from "../support/hq-app.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import type { ErrorBody } from "./card-fixtures.ts";
import { API, saleBody, seedCatalog } from "./sales-fixtures.ts";

const voucher = { id: "voucher", name: "Paper voucher", changeAllowed: false, maxPerSaleMinor: 500 };
const meal = { id: "meal_ticket", name: "Meal ticket", changeAllowed: true, opensDrawer: true };

/** Gives the store head office's change log, as replication would. */
function replicate(hq: TestHq, store: TestStore): void {
  const catalog = new CatalogService(store.ctx);
  for (const change of changesAfter(hq.ctx.db, 0)) {
    store.ctx.db.transaction((tx) => applyChange(store.ctx, tx, catalog, change, new Date(change.at)));
  }
}

async function setUp() {
  const hq = createTestHq();
  for (const t of [voucher, meal]) expect((await hq.request("POST", `${API}/tenders`, t)).status).toBe(201);
  const store = createTestStore();
  await seedCatalog(store);
  replicate(hq, store);
  return { hq, store };
}

/** Loaves of bread (275 each, untaxed; two by default). */
const sell = (store: TestStore, tenders: Record<string, unknown>[], qty = 2) =>
  store.request<ErrorBody & { id: string; tenders: unknown[]; changeMinor: number }>(
    "POST",
    `${API}/sales`,
    saleBody([{ code: "BREAD", qty }], tenders as { type: string; amountMinor: number }[]),
  );

test("head office defines custom tenders; a store lists them and takes them, a return pays back to them", async () => {
  const { hq, store } = await setUp();
  using _h = hq;
  using _s = store;
  const listed = await store.request<{ tenders: unknown[] }>("GET", `${API}/tenders`);
  expect(listed.status).toBe(200);
  expect(listed.body.tenders).toEqual([
    { ...meal, active: true },
    { ...voucher, opensDrawer: false, active: true },
  ]);

  const sale = await sell(store, [
    { type: "custom", tenderId: "voucher", amountMinor: 500 },
    { type: "cash", amountMinor: 50 },
  ]);
  expect(sale.status).toBe(201);
  expect(sale.body.tenders).toEqual([
    { type: "voucher", amountMinor: 500 },
    { type: "cash", amountMinor: 50 },
  ]);
  // A tender that gives change may pay more than is due: the rest comes back in cash.
  const withChange = await sell(store, [{ type: "custom", tenderId: "meal_ticket", amountMinor: 600 }]);
  expect(withChange.status).toBe(201);
  expect(withChange.body.changeMinor).toBe(50);

  const back = await store.request<{ tenders: unknown[] }>("POST", `${API}/returns`, {
    id: uuidv7(),
    originalSaleId: sale.body.id,
    lines: [{ code: "BREAD", qty: 2 }],
  });
  expect(back.status, JSON.stringify(back.body)).toBe(201);
  expect(back.body.tenders).toEqual([
    { type: "voucher", amountMinor: 500 },
    { type: "cash", amountMinor: 50 },
  ]);
  const daily = await store.request<{ byTender: Record<string, number> }>(
    "GET",
    `${API}/reports/daily?date=${store.ctx.now().toISOString().slice(0, 10)}`,
  );
  expect(daily.body.byTender).toMatchObject({ voucher: 0, meal_ticket: 600 });
});

test("unknown, ended, over-the-most and change over a no-change custom tender are refused and change nothing", async () => {
  const { hq, store } = await setUp();
  using _h = hq;
  using _s = store;
  const refused = async (tenders: Record<string, unknown>[], status: number, code: string, qty = 2) => {
    const res = await sell(store, tenders, qty);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  };
  await refused([{ type: "custom", tenderId: "nope", amountMinor: 550 }], 400, "CUSTOM_TENDER_UNKNOWN");
  await refused([{ type: "custom", amountMinor: 550 }], 400, "CUSTOM_TENDER_ID_REQUIRED");
  await refused(
    [
      { type: "custom", tenderId: "voucher", amountMinor: 300 },
      { type: "custom", tenderId: "voucher", amountMinor: 250 },
    ],
    400,
    "CUSTOM_TENDER_OVER_MAX",
  );
  // One loaf (275): a voucher of 300 would want change.
  await refused([{ type: "custom", tenderId: "voucher", amountMinor: 300 }], 400, "CHANGE_NOT_ALLOWED", 1);
  expect((await hq.request("POST", `${API}/tenders`, { ...voucher, active: false })).status).toBe(200);
  replicate(hq, store);
  await refused(
    [
      { type: "custom", tenderId: "voucher", amountMinor: 300 },
      { type: "cash", amountMinor: 250 },
    ],
    400,
    "CUSTOM_TENDER_DISABLED",
  );
  await refused(
    [
      { type: "voucher", amountMinor: 300 },
      { type: "cash", amountMinor: 250 },
    ],
    400,
    "CUSTOM_TENDER_DISABLED",
  );
  const sales = await store.request<{ sales: unknown[] }>(
    "GET",
    `${API}/sales?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`,
  );
  expect(sales.body.sales).toEqual([]);
});

test("a till's sale as rung may name a tender ended since it was paid, never an unknown one", async () => {
  const { hq, store } = await setUp();
  using _h = hq;
  using _s = store;
  expect((await hq.request("POST", `${API}/tenders`, { ...voucher, active: false })).status).toBe(200);
  replicate(hq, store);
  const quote = await store.request<{ totalMinor: number }>("POST", `${API}/baskets/quote`, {
    lines: [{ code: "BREAD", qty: 1 }],
  });
  const rung = (tenderId: string) =>
    store.request<ErrorBody & { tenders: unknown[] }>("POST", `${API}/sales`, {
      ...quote.body,
      asRung: true,
      id: uuidv7(),
      tillId: "T1",
      at: store.ctx.now().toISOString(),
      tenders: [{ type: "custom", tenderId, amountMinor: 275 }],
    });
  const ended = await rung("voucher");
  expect(ended.status).toBe(201);
  expect(ended.body.tenders).toEqual([{ type: "voucher", amountMinor: 275 }]);
  const unknown = await rung("nope");
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.code).toBe("CUSTOM_TENDER_UNKNOWN");
});
