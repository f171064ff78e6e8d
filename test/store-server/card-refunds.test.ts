/**
 * Refunds go back to the card they came from: a return of a sale paid partly by a gift card or
 * by points credits the card back at head office (money for a gift card, the points for
 * points), once per return, and while head office is out of reach the credit waits at the
 * store and is sent by the reconciler when it answers.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { AccountsService } from "../../src/hq/customers/accounts.ts";
import { CardTendersService } from "../../src/store-server/card-tenders/service.ts";
import { SalesService } from "../../src/store-server/sales/service.ts";
import { createTestHq } from "../support/hq-app.ts";
import { cardAtHq, type ErrorBody, issue, loyaltyCard, sellBread, setUp } from "./card-fixtures.ts";
import { API } from "./sales-fixtures.ts";

interface Return {
  tenders: { type: string; amountMinor: number }[];
}

test("a return of a sale paid by gift card credits the card back once, and waits while head office is cut off", async () => {
  using hq = createTestHq();
  const { store, state } = await setUp(hq);
  using _ = store;
  await issue(hq, [store], "GIFT-R1", "gift", 1_000);
  const sale = await sellBread(store, [
    { type: "giftcard", card: "GIFT-R1", amountMinor: 400 },
    { type: "cash", amountMinor: 150 },
  ]);
  expect(sale.status).toBe(201);
  expect(await cardAtHq(hq, "GIFT-R1")).toMatchObject({ balanceMinor: 600 });

  const body = { id: uuidv7(), originalSaleId: sale.body.id, lines: [{ code: "BREAD", qty: 1 }] };
  const first = await store.request<Return>("POST", `${API}/returns`, body);
  expect(first.status).toBe(201);
  expect(first.body.tenders).toEqual([{ type: "giftcard", amountMinor: 275 }]);
  expect(await cardAtHq(hq, "GIFT-R1")).toMatchObject({ balanceMinor: 875 });
  expect((await store.request("POST", `${API}/returns`, body)).status).toBe(200);
  expect(await cardAtHq(hq, "GIFT-R1")).toMatchObject({ balanceMinor: 875 });

  // The rest of the card's part (125) goes back to it, the rest in cash; head office is cut off.
  state.cut = true;
  const second = await store.request<Return>("POST", `${API}/returns`, {
    id: uuidv7(),
    originalSaleId: sale.body.id,
    lines: [{ code: "BREAD", qty: 1 }],
  });
  expect(second.status).toBe(201);
  expect(second.body.tenders).toEqual([
    { type: "giftcard", amountMinor: 125 },
    { type: "cash", amountMinor: 150 },
  ]);
  expect(await cardAtHq(hq, "GIFT-R1")).toMatchObject({ balanceMinor: 875 });
  state.cut = false;
  const cards = new CardTendersService(store.ctx, new SalesService(store.ctx));
  expect((await cards.reconcile()).refunded).toBe(1);
  expect(await cardAtHq(hq, "GIFT-R1")).toMatchObject({ balanceMinor: 1_000 });
  expect((await cards.reconcile()).refunded).toBe(0);
  const ledger = await hq.request<{ entries: { type: string; amount: number; key: string }[] }>(
    "GET",
    `${API}/cards/GIFT-R1/ledger`,
  );
  expect(ledger.body.entries.filter((e) => e.type === "refund").map((e) => e.amount)).toEqual([275, 125]);
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("a return of a sale paid by points gives the points back, in proportion, all of them in the end", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await loyaltyCard(hq, [store], "LOY-R1", 200);
  // 100 points are worth 300; the rest (250) in cash.
  const sale = await sellBread(store, [
    { type: "points", card: "LOY-R1", points: 100, amountMinor: 300 },
    { type: "cash", amountMinor: 250 },
  ]);
  expect(sale.status).toBe(201);
  expect(await cardAtHq(hq, "LOY-R1")).toMatchObject({ points: 100 });
  const ret = (id: string) => ({ id, originalSaleId: sale.body.id, lines: [{ code: "BREAD", qty: 1 }] });
  const first = await store.request<Return>("POST", `${API}/returns`, ret(uuidv7()));
  expect(first.body.tenders).toEqual([{ type: "points", amountMinor: 275 }]);
  // 275 of 300 paid by 100 points: 91 points back (rounded down).
  expect(await cardAtHq(hq, "LOY-R1")).toMatchObject({ points: 191 });
  const second = await store.request<Return>("POST", `${API}/returns`, ret(uuidv7()));
  expect(second.body.tenders).toEqual([
    { type: "points", amountMinor: 25 },
    { type: "cash", amountMinor: 250 },
  ]);
  expect(await cardAtHq(hq, "LOY-R1")).toMatchObject({ points: 200 });
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("voiding a completed sale gives every card tender back in full", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await issue(hq, [store], "GIFT-V1", "gift", 1_000);
  await loyaltyCard(hq, [store], "LOY-V1", 50);
  const sale = await sellBread(store, [
    { type: "points", card: "LOY-V1", points: 50, amountMinor: 150 },
    { type: "giftcard", card: "GIFT-V1", amountMinor: 400 },
  ]);
  expect(sale.status).toBe(201);
  expect(await cardAtHq(hq, "GIFT-V1")).toMatchObject({ balanceMinor: 600 });
  const voided = await store.request("POST", `${API}/sales/${sale.body.id}/void`, { reason: "wrong card" });
  expect(voided.status).toBe(200);
  expect(await cardAtHq(hq, "GIFT-V1")).toMatchObject({ balanceMinor: 1_000 });
  expect(await cardAtHq(hq, "LOY-V1")).toMatchObject({ points: 50 });
  expect((await store.request("POST", `${API}/sales/${sale.body.id}/void`, {})).status).toBe(200);
  expect(await cardAtHq(hq, "GIFT-V1")).toMatchObject({ balanceMinor: 1_000 });
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("head office refuses a refund to the wrong kind of card or another store's, and changes nothing", async () => {
  using hq = createTestHq();
  await hq.request("POST", `${API}/cards`, { number: "GIFT-R9", kind: "gift", balanceMinor: 100 });
  const body = { id: "r1:0:s1:0", card: "GIFT-R9", storeId: "S1", returnId: "r1", saleId: "s1" };
  const points = await hq.request<ErrorBody>("POST", `${API}/accounts/refunds`, { ...body, points: 5 });
  expect(points.status).toBe(400);
  expect(points.body.error.code).toBe("CARD_KIND_MISMATCH");
  const both = await hq.request<ErrorBody>("POST", `${API}/accounts/refunds`, {
    ...body,
    points: 5,
    amountMinor: 5,
  });
  expect(both.status).toBe(400);
  const unknown = await hq.request<ErrorBody>("POST", `${API}/accounts/refunds`, {
    ...body,
    card: "NOPE-1",
    amountMinor: 5,
  });
  expect(unknown.status).toBe(404);
  const other = await hq.request<ErrorBody>(
    "POST",
    `${API}/accounts/refunds`,
    { ...body, amountMinor: 5 },
    hq.token("store:S2"),
  );
  expect(other.status).toBe(403);
  expect(await cardAtHq(hq, "GIFT-R9")).toMatchObject({ balanceMinor: 100 });
  const ok = await hq.request(
    "POST",
    `${API}/accounts/refunds`,
    { ...body, amountMinor: 5 },
    hq.token("store:S1"),
  );
  expect(ok.body).toMatchObject({
    card: "GIFT-R9",
    unit: "money",
    amount: 5,
    balance: 105,
    duplicate: false,
  });
});
