/**
 * Gift cards sold at the till: a till's sale as rung with a `giftCard` line loads the card at
 * head office once (a `load` entry, key `load:<saleId>:<lineNo>`), queued with the sale and sent
 * by the reconciler while head office is out of reach. The line moves no stock and earns no
 * points. A wrong line or card is refused precisely and changes nothing. Voiding the sale takes
 * the load back, unless the card was spent since.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { AccountsService } from "../../src/hq/customers/accounts.ts";
import { createTestHq, type TestHq } from "../support/hq-app.ts";
import type { TestStore } from "../support/store-app.ts";
import { cardAtHq, type ErrorBody, issue, setUp } from "./card-fixtures.ts";
import { API } from "./sales-fixtures.ts";

const GIFT = "GC-7001234";

/** A till's document: two loaves (550, untaxed) and a gift card loading `amountMinor`. */
function rungSale(card: string, amountMinor: number, extra: Record<string, unknown> = {}) {
  const total = 550 + amountMinor;
  return {
    asRung: true,
    id: uuidv7(),
    at: "2026-03-02T14:59:00.000Z",
    tillId: "T1",
    lines: [
      {
        code: "BREAD",
        name: "Bread",
        qty: "2",
        unitPriceMinor: 275,
        discountMinor: 0,
        taxClass: null,
        taxRate: null,
        taxMinor: 0,
        totalMinor: 550,
      },
      {
        code: "GIFTCARD",
        name: "Gift card",
        qty: "1",
        unitPriceMinor: amountMinor,
        discountMinor: 0,
        taxClass: null,
        taxRate: null,
        taxMinor: 0,
        totalMinor: amountMinor,
        kind: "giftCard",
        card,
      },
    ],
    subtotalMinor: total,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: total,
    cashDueMinor: total,
    cashRoundingMinor: 0,
    taxes: [],
    tenders: [{ type: "cash", amountMinor: total }],
    ...extra,
  };
}

async function ledger(hq: TestHq, card: string): Promise<string[]> {
  const res = await hq.request<{ entries: { type: string; amount: number }[] }>(
    "GET",
    `${API}/cards/${card}/ledger`,
  );
  return res.body.entries.map((e) => `${e.type}:${e.amount}`);
}

/** How many stock movements gift card lines made (none should). */
function giftCardMoves(store: TestStore): number {
  return (
    store.ctx.sqlite
      .query<{ n: number }, []>("SELECT count(*) AS n FROM stock_movements WHERE product_code = 'GIFTCARD'")
      .get()?.n ?? 0
  );
}

/** The gift card issued, then sold loading `amountMinor` on a till's sale. */
async function soldGiftCard(hq: TestHq, store: TestStore, amountMinor: number) {
  await issue(hq, [store], GIFT, "gift");
  const sale = rungSale(GIFT, amountMinor);
  expect((await store.request("POST", `${API}/sales`, sale)).status).toBe(201);
  return sale;
}

function counts(store: TestStore) {
  const one = (sql: string) => store.ctx.sqlite.query<{ n: number }, []>(sql).get()?.n ?? 0;
  return {
    sales: one("SELECT count(*) AS n FROM sales"),
    loads: one("SELECT count(*) AS n FROM gift_card_loads"),
    moves: one("SELECT count(*) AS n FROM stock_movements"),
  };
}

test("a gift card sold at the till is loaded at head office once, moves no stock, earns nothing", async () => {
  using hq = createTestHq();
  const { store, cards } = await setUp(hq);
  using _ = store;
  await hq.request("PUT", `${API}/loyalty`, { earn: { points: 1, perAmountMinor: 10 }, pointValueMinor: 1 });
  await issue(hq, [store], GIFT, "gift");
  await issue(hq, [store], "LOY-G1", "loyalty");
  const body = rungSale(GIFT, 2_500, { card: "LOY-G1" });
  const sale = await store.request<{ lines: { kind?: string; card?: string }[] }>(
    "POST",
    `${API}/sales`,
    body,
  );
  expect(sale.status).toBe(201);
  expect(sale.body.lines[1]).toMatchObject({ kind: "giftCard", card: GIFT });
  expect(await cardAtHq(hq, GIFT)).toMatchObject({ balanceMinor: 2_500 });
  // Points on the bread only (550), not on the money put on the card.
  expect(await cardAtHq(hq, "LOY-G1")).toMatchObject({ points: 55 });
  const moved = store.ctx.sqlite
    .query<{ code: string }, []>(
      "SELECT product_code AS code FROM stock_movements WHERE product_code = 'GIFTCARD'",
    )
    .all();
  expect(moved).toEqual([]);
  // The same sale again, and the reconciler, load nothing more.
  expect((await store.request("POST", `${API}/sales`, body)).status).toBe(200);
  await cards.reconcile();
  expect(await ledger(hq, GIFT)).toEqual(["load:2500"]);
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("while head office is out of reach the load waits, and the reconciler sends it once", async () => {
  using hq = createTestHq();
  const { store, state, cards } = await setUp(hq);
  using _ = store;
  await issue(hq, [store], GIFT, "gift");
  state.cut = true;
  expect((await store.request("POST", `${API}/sales`, rungSale(GIFT, 1_000))).status).toBe(201);
  expect(await cardAtHq(hq, GIFT)).toMatchObject({ balanceMinor: 0 });
  state.cut = false;
  await cards.reconcile();
  await cards.reconcile();
  expect(await ledger(hq, GIFT)).toEqual(["load:1000"]);
});

test("a wrong gift card line is refused precisely and changes nothing", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await issue(hq, [store], GIFT, "gift");
  await issue(hq, [store], "LOY-G2", "loyalty");
  await issue(hq, [store], "GC-BLOCKED", "gift");
  await store.request("POST", `${API}/cards/GC-BLOCKED/block`, {});
  store.ctx.sqlite.run("UPDATE cards SET blocked = 1 WHERE number = 'GC-BLOCKED'");
  const before = counts(store);
  for (const [body, status, code] of [
    [rungSale(GIFT, 0), 400, "GIFT_CARD_AMOUNT_INVALID"],
    [rungSale(GIFT, 50_001), 400, "GIFT_CARD_AMOUNT_INVALID"],
    [rungSale("GC-NOPE", 1_000), 404, "CARD_NOT_FOUND"],
    [rungSale("GC-BLOCKED", 1_000), 409, "CARD_BLOCKED"],
    [rungSale("LOY-G2", 1_000), 400, "CARD_KIND_MISMATCH"],
  ] as const) {
    const res = await store.request<ErrorBody>("POST", `${API}/sales`, body);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
  }
  expect(counts(store)).toEqual(before);
  expect(await cardAtHq(hq, GIFT)).toMatchObject({ balanceMinor: 0 });
});

test("head office refuses a bad load precisely and loads once per id", async () => {
  using hq = createTestHq();
  await hq.request("POST", `${API}/cards`, { number: GIFT, kind: "gift" });
  await hq.request("POST", `${API}/cards`, { number: "LOY-G3", kind: "loyalty" });
  const load = { id: "s1:2", card: GIFT, storeId: "S1", saleId: "s1", amountMinor: 700 };
  const first = await hq.request("POST", `${API}/accounts/gift-card-loads`, load);
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ card: GIFT, amountMinor: 700, balanceMinor: 700, duplicate: false });
  const again = await hq.request("POST", `${API}/accounts/gift-card-loads`, load);
  expect(again.body).toMatchObject({ balanceMinor: 700, duplicate: true });
  for (const [body, status, code] of [
    [{ ...load, id: "x", card: "GC-NONE" }, 404, "CARD_NOT_FOUND"],
    [{ ...load, id: "y", card: "LOY-G3" }, 400, "CARD_KIND_MISMATCH"],
    [{ ...load, id: "z", amountMinor: 0 }, 400, "INVALID_REQUEST"],
  ] as const) {
    const res = await hq.request<ErrorBody>("POST", `${API}/accounts/gift-card-loads`, body);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
  }
  const other = await hq.request("POST", `${API}/accounts/gift-card-loads`, load, hq.token("store:S2"));
  expect(other.status).toBe(403);
  expect(await ledger(hq, GIFT)).toEqual(["load:700"]);
});

test("voiding the sale takes the load back; a card spent since refuses the void", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  const sale = await soldGiftCard(hq, store, 2_000);
  await hq.request("POST", `${API}/accounts/adjustments`, {
    key: "spent",
    card: GIFT,
    amountMinor: -500,
    reason: "spent elsewhere",
  });
  const refused = await store.request<ErrorBody>("POST", `${API}/sales/${sale.id}/void`, {});
  expect([refused.status, refused.body.error.code]).toEqual([409, "GIFT_CARD_SPENT"]);
  expect((await store.request<{ status: string }>("GET", `${API}/sales/${sale.id}`)).body.status).toBe(
    "completed",
  );
  await hq.request("POST", `${API}/accounts/adjustments`, {
    key: "topup",
    card: GIFT,
    amountMinor: 500,
    reason: "put back",
  });
  const voided = await store.request<{ status: string }>("POST", `${API}/sales/${sale.id}/void`, {});
  expect([voided.status, voided.body.status]).toEqual([200, "voided"]);
  expect(await cardAtHq(hq, GIFT)).toMatchObject({ balanceMinor: 0 });
  expect(giftCardMoves(store)).toBe(0);
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("returning the gift card line takes its load back; a card spent since refuses the return", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  const sale = await soldGiftCard(hq, store, 2_000);
  const giveBack = (id: string) =>
    store.request<ErrorBody & { totalMinor: number }>("POST", `${API}/returns`, {
      id,
      originalSaleId: sale.id,
      lines: [{ code: "GIFTCARD", qty: 1 }],
    });
  await hq.request("POST", `${API}/accounts/adjustments`, {
    key: "spent",
    card: GIFT,
    amountMinor: -1,
    reason: "spent elsewhere",
  });
  const before = counts(store);
  const refused = await giveBack(uuidv7());
  expect([refused.status, refused.body.error.code]).toEqual([409, "GIFT_CARD_SPENT"]);
  expect(counts(store)).toEqual(before);
  expect(await cardAtHq(hq, GIFT)).toMatchObject({ balanceMinor: 1_999 });
  await hq.request("POST", `${API}/accounts/adjustments`, {
    key: "back",
    card: GIFT,
    amountMinor: 1,
    reason: "x",
  });
  const back = await giveBack(uuidv7());
  expect(back.status).toBe(201);
  expect(back.body.totalMinor).toBe(2_000);
  expect(await cardAtHq(hq, GIFT)).toMatchObject({ balanceMinor: 0 });
  expect(giftCardMoves(store)).toBe(0);
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});
