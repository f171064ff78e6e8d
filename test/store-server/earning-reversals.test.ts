/**
 * Points taken back on a return: a return of a sale that earned takes back, at head office and
 * once per return, the share of the points the refund is of the sale; two returns of the whole
 * sale take back all of them. Points already spent are not taken: the shortfall is recorded.
 * While head office is out of reach the store keeps the reversal and its reconciler sends it.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { AccountsService } from "../../src/hq/customers/accounts.ts";
import { createTestHq, type TestHq } from "../support/hq-app.ts";
import type { TestStore } from "../support/store-app.ts";
import { cardAtHq, issue, setUp } from "./card-fixtures.ts";
import { API, saleBody } from "./sales-fixtures.ts";

const CARD = "LOY-R1";

/** One point per 10 minor units; two loaves (550) earn 55 points. */
async function earnedSale(hq: TestHq, store: TestStore): Promise<string> {
  await hq.request("PUT", `${API}/loyalty`, { earn: { points: 1, perAmountMinor: 10 }, pointValueMinor: 1 });
  await issue(hq, [store], CARD, "loyalty");
  const sale = await store.request<{ id: string }>(
    "POST",
    `${API}/sales`,
    saleBody([{ code: "BREAD", qty: 2 }], [{ type: "cash", amountMinor: 550 }], { card: CARD }),
  );
  expect(sale.status).toBe(201);
  expect(await cardAtHq(hq, CARD)).toMatchObject({ points: 55 });
  return sale.body.id;
}

function giveBack(store: TestStore, saleId: string) {
  return store.request("POST", `${API}/returns`, {
    id: uuidv7(),
    originalSaleId: saleId,
    lines: [{ code: "BREAD", qty: 1 }],
  });
}

async function ledger(hq: TestHq): Promise<string[]> {
  const res = await hq.request<{ entries: { type: string; amount: number }[] }>(
    "GET",
    `${API}/cards/${CARD}/ledger`,
  );
  return res.body.entries.map((e) => `${e.type}:${e.amount}`);
}

test("each return takes back its share of the points; the whole sale back takes them all, once", async () => {
  using hq = createTestHq();
  const { store, cards } = await setUp(hq);
  using _ = store;
  const saleId = await earnedSale(hq, store);
  expect((await giveBack(store, saleId)).status).toBe(201);
  // Half of 550 refunded: 27 of 55 points (rounded down).
  expect(await cardAtHq(hq, CARD)).toMatchObject({ points: 28 });
  expect((await giveBack(store, saleId)).status).toBe(201);
  expect(await cardAtHq(hq, CARD)).toMatchObject({ points: 0 });
  await cards.reconcile();
  expect(await ledger(hq)).toEqual(["earn:55", "reverse:-27", "reverse:-28"]);
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("points already spent are not taken: what is left goes, the shortfall is recorded", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  const saleId = await earnedSale(hq, store);
  await hq.request("POST", `${API}/accounts/adjustments`, {
    key: "spent",
    card: CARD,
    points: -50,
    reason: "spent",
  });
  expect((await giveBack(store, saleId)).status).toBe(201);
  expect(await cardAtHq(hq, CARD)).toMatchObject({ points: 0 });
  const row = store.ctx.sqlite
    .query<{ status: string; points: number; shortfall: number }, []>(
      "SELECT status, points, shortfall FROM earning_reversals",
    )
    .get();
  expect(row).toEqual({ status: "reversed", points: 5, shortfall: 22 });
});

test("while head office is out of reach the reversal waits, and the reconciler sends it once", async () => {
  using hq = createTestHq();
  const { store, state, cards } = await setUp(hq);
  using _ = store;
  const saleId = await earnedSale(hq, store);
  state.cut = true;
  expect((await giveBack(store, saleId)).status).toBe(201);
  expect(await cardAtHq(hq, CARD)).toMatchObject({ points: 55 });
  state.cut = false;
  await cards.reconcile();
  await cards.reconcile();
  expect(await cardAtHq(hq, CARD)).toMatchObject({ points: 28 });
  expect(await ledger(hq)).toEqual(["earn:55", "reverse:-27"]);
});

test("bad reversals are refused precisely at head office and change nothing", async () => {
  using hq = createTestHq();
  const body = {
    returnId: "r1",
    storeId: "S1",
    saleId: "nope",
    saleTotalMinor: 550,
    refundedBeforeMinor: 0,
    refundMinor: 275,
  };
  const missing = await hq.request<{ error: { code: string } }>(
    "POST",
    `${API}/accounts/earning-reversals`,
    body,
  );
  expect(missing.status).toBe(409);
  expect(missing.body.error.code).toBe("EARNING_NOT_FOUND");
  const bad = await hq.request<{ error: { code: string } }>("POST", `${API}/accounts/earning-reversals`, {
    ...body,
    saleTotalMinor: 0,
  });
  expect(bad.status).toBe(400);
  const other = await hq.request("POST", `${API}/accounts/earning-reversals`, body, hq.token("store:S2"));
  expect(other.status).toBe(403);
});

test("voiding a sale that earned takes back all its points", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  const saleId = await earnedSale(hq, store);
  const voided = await store.request("POST", `${API}/sales/${saleId}/void`, { reason: "wrong card" });
  expect(voided.status).toBe(200);
  expect(await cardAtHq(hq, CARD)).toMatchObject({ points: 0 });
  expect(await ledger(hq)).toEqual(["earn:55", "reverse:-55"]);
});
