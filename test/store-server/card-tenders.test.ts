/**
 * Card tenders at the store against head office's account server: a gift card and points pay
 * part of a sale exactly once (a retried sale redeems nothing more), a refused sale frees what
 * it held, bad cards and amounts are refused precisely and change nothing, and with head office
 * out of reach a gift card pays within the offline allowance; reconciled later, what two stores
 * took beyond the card's balance is head office's reported overdraft, and every balance equals
 * its ledger.
 */
import { expect, test } from "bun:test";
import { AccountsService } from "../../src/hq/customers/accounts.ts";
import { createTestHq } from "../support/hq-app.ts";
import type { TestStore } from "../support/store-app.ts";
import { cardAtHq, type ErrorBody, issue, setUp } from "./card-fixtures.ts";
import { API, saleBody } from "./sales-fixtures.ts";

/** Bread (275, untaxed) twice: 550. */
const LINES = [{ code: "BREAD", qty: 2 }];

test("a gift card pays part of a sale once: a retry of the sale redeems nothing more", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await issue(hq, [store], "GIFT-1", "gift", 1_000);
  const body = saleBody(LINES, [
    { type: "giftcard", card: "GIFT-1", amountMinor: 400 } as never,
    { type: "cash", amountMinor: 150 },
  ]);
  const first = await store.request<{ tenders: { type: string; card?: string }[] }>(
    "POST",
    `${API}/sales`,
    body,
  );
  expect(first.status).toBe(201);
  expect(first.body.tenders[0]).toMatchObject({ type: "giftcard", card: "GIFT-1", amountMinor: 400 });
  expect(await cardAtHq(hq, "GIFT-1")).toMatchObject({ balanceMinor: 600, heldMinor: 0 });
  const again = await store.request("POST", `${API}/sales`, body);
  expect(again.status).toBe(200);
  expect(await cardAtHq(hq, "GIFT-1")).toMatchObject({ balanceMinor: 600, heldMinor: 0 });
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("points pay what they are worth, and the sale's card earns on what was paid otherwise", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await hq.request("PUT", `${API}/loyalty`, { earn: { points: 1, perAmountMinor: 10 }, pointValueMinor: 5 });
  await issue(hq, [store], "LOY-1", "loyalty");
  await hq.request("POST", `${API}/accounts/adjustments`, {
    key: "seed",
    card: "LOY-1",
    points: 100,
    reason: "welcome",
  });
  // 40 points are worth 200: the rest (350) in cash earns 35 points.
  const res = await store.request("POST", `${API}/sales`, {
    ...saleBody(LINES, [
      { type: "points", card: "LOY-1", points: 40, amountMinor: 200 } as never,
      { type: "cash", amountMinor: 350 },
    ]),
    card: "LOY-1",
  });
  expect(res.status).toBe(201);
  expect(await cardAtHq(hq, "LOY-1")).toMatchObject({ points: 100 - 40 + 35, heldPoints: 0 });

  const wrongValue = await store.request<ErrorBody>(
    "POST",
    `${API}/sales`,
    saleBody(LINES, [
      { type: "points", card: "LOY-1", points: 10, amountMinor: 100 } as never,
      { type: "cash", amountMinor: 450 },
    ]),
  );
  expect(wrongValue.status).toBe(400);
  expect(wrongValue.body.error.code).toBe("POINTS_VALUE_MISMATCH");
  expect(await cardAtHq(hq, "LOY-1")).toMatchObject({ points: 95, heldPoints: 0 });
});

test("bad cards and amounts are refused precisely, and change nothing here or at head office", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await issue(hq, [store], "GIFT-2", "gift", 300);
  await issue(hq, [store], "LOY-2", "loyalty");
  await issue(hq, [store], "GIFT-3", "gift", 300);
  await hq.request("POST", `${API}/cards/GIFT-3/block`);
  store.ctx.sqlite.run("UPDATE cards SET blocked = 1 WHERE number = 'GIFT-3'");
  const giftTender = (card: string, amountMinor: number) =>
    saleBody(LINES, [
      { type: "giftcard", card, amountMinor } as never,
      { type: "cash", amountMinor: 550 - amountMinor },
    ]);
  const cases: [unknown, number, string][] = [
    [giftTender("NOPE-1", 100), 404, "CARD_NOT_FOUND"],
    [giftTender("GIFT-3", 100), 409, "CARD_BLOCKED"],
    [giftTender("LOY-2", 100), 400, "CARD_KIND_MISMATCH"],
    [giftTender("GIFT-2", 500), 409, "OVER_BALANCE"],
    [
      saleBody(LINES, [
        { type: "giftcard", amountMinor: 100 },
        { type: "cash", amountMinor: 450 },
      ]),
      400,
      "CARD_REQUIRED",
    ],
    [{ ...saleBody(LINES, [{ type: "cash", amountMinor: 550 }]), card: "NOPE-1" }, 404, "CARD_NOT_FOUND"],
    [{ ...saleBody(LINES, [{ type: "cash", amountMinor: 550 }]), card: "GIFT-3" }, 409, "CARD_BLOCKED"],
  ];
  for (const [body, status, code] of cases) {
    const res = await store.request<ErrorBody>("POST", `${API}/sales`, body);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
  }
  // A sale refused after its gift card was held (tenders short) frees the hold.
  const short = await store.request<ErrorBody>(
    "POST",
    `${API}/sales`,
    saleBody(LINES, [
      { type: "giftcard", card: "GIFT-2", amountMinor: 200 } as never,
      { type: "cash", amountMinor: 100 },
    ]),
  );
  expect(short.body.error.code).toBe("TENDER_SHORT");
  expect(store.count("sales")).toBe(0);
  expect(await cardAtHq(hq, "GIFT-2")).toMatchObject({ balanceMinor: 300, heldMinor: 0 });
});

test("offline, a gift card pays within the allowance per card and day at each store; reconciled, the overdraft is reported", async () => {
  using hq = createTestHq();
  const one = await setUp(hq, "S1", 600);
  const two = await setUp(hq, "S2", 600);
  using _1 = one.store;
  using _2 = two.store;
  await issue(hq, [one.store, two.store], "GIFT-9", "gift", 1_000);
  await hq.request("PUT", `${API}/loyalty`, { earn: { points: 1, perAmountMinor: 10 }, pointValueMinor: 5 });
  await issue(hq, [one.store], "LOY-9", "loyalty");
  one.state.cut = true;
  two.state.cut = true;
  const pay = (store: TestStore, amountMinor: number) =>
    store.request<ErrorBody>(
      "POST",
      `${API}/sales`,
      saleBody(
        [{ code: "BREAD", qty: 3 }],
        [
          { type: "giftcard", card: "GIFT-9", amountMinor } as never,
          { type: "cash", amountMinor: 825 - amountMinor },
        ],
      ),
    );
  expect((await pay(one.store, 400)).status).toBe(201);
  const over = await pay(one.store, 300);
  expect([over.status, over.body.error.code]).toEqual([409, "OFFLINE_ALLOWANCE_EXCEEDED"]);
  expect(over.body.error.details).toMatchObject({ allowanceMinor: 600, usedMinor: 400, availableMinor: 200 });
  expect((await pay(one.store, 200)).status).toBe(201);
  expect((await pay(two.store, 600)).status).toBe(201);
  const points = await one.store.request<ErrorBody>(
    "POST",
    `${API}/sales`,
    saleBody(LINES, [
      { type: "points", card: "LOY-9", points: 10, amountMinor: 50 } as never,
      { type: "cash", amountMinor: 500 },
    ]),
  );
  expect([points.status, points.body.error.code]).toEqual([503, "POINTS_NEED_HQ"]);
  // Nothing reached head office while cut off, and nothing is lost.
  expect(await cardAtHq(hq, "GIFT-9")).toMatchObject({ balanceMinor: 1_000 });
  expect(await one.cards.reconcile()).toMatchObject({ reconciled: 0 });

  one.state.cut = false;
  two.state.cut = false;
  expect(await one.cards.reconcile()).toMatchObject({ reconciled: 2 });
  expect(await two.cards.reconcile()).toMatchObject({ reconciled: 1 });
  expect(await one.cards.reconcile()).toMatchObject({ reconciled: 0 });
  expect(await cardAtHq(hq, "GIFT-9")).toMatchObject({ balanceMinor: 0 });
  const report = await hq.request<{
    redemptions: { storeId: string; overdraftMinor: number }[];
    overdraftMinor: number;
    askedMinor: number;
  }>("GET", `${API}/reports/offline-redemptions?overdrawn=true`);
  expect(report.status).toBe(200);
  expect(report.body).toMatchObject({ overdraftMinor: 200, askedMinor: 600 });
  expect(report.body.redemptions).toEqual([expect.objectContaining({ storeId: "S2", overdraftMinor: 200 })]);
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("a till's card tender is authorised before its sale, which then redeems nothing more; one taken off is freed", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await hq.request("PUT", `${API}/loyalty`, { earn: { points: 1, perAmountMinor: 10 }, pointValueMinor: 5 });
  await issue(hq, [store], "LOY-5", "loyalty");
  await hq.request("POST", `${API}/accounts/adjustments`, {
    key: "seed",
    card: "LOY-5",
    points: 100,
    reason: "welcome",
  });
  const body = saleBody(LINES, []);
  // 203 asked: 40 points, worth 200, are what points can pay.
  const ahead = await store.request<{ id: string; points: number; amountMinor: number; status: string }>(
    "POST",
    `${API}/card-redemptions`,
    { saleId: body.id, index: 0, type: "points", card: "LOY-5", amountMinor: 203 },
  );
  expect(ahead.status).toBe(201);
  expect(ahead.body).toMatchObject({ points: 40, amountMinor: 200, status: "held" });
  expect(await cardAtHq(hq, "LOY-5")).toMatchObject({ points: 100, heldPoints: 40 });
  const sale = await store.request("POST", `${API}/sales`, {
    ...body,
    tenders: [
      { type: "points", card: "LOY-5", amountMinor: 200 },
      { type: "cash", amountMinor: 350 },
    ],
  });
  expect(sale.status).toBe(201);
  expect(await cardAtHq(hq, "LOY-5")).toMatchObject({ points: 60, heldPoints: 0 });
  const late = await store.request<ErrorBody>("POST", `${API}/card-redemptions/${ahead.body.id}/release`);
  expect([late.status, late.body.error.code]).toEqual([409, "REDEMPTION_COMMITTED"]);

  const other = saleBody(LINES, []);
  const taken = await store.request<{ id: string }>("POST", `${API}/card-redemptions`, {
    saleId: other.id,
    index: 0,
    type: "points",
    card: "LOY-5",
    amountMinor: 100,
  });
  expect(await cardAtHq(hq, "LOY-5")).toMatchObject({ heldPoints: 20 });
  const freed = await store.request<{ status: string }>(
    "POST",
    `${API}/card-redemptions/${taken.body.id}/release`,
  );
  expect([freed.status, freed.body.status]).toEqual([200, "released"]);
  expect(await cardAtHq(hq, "LOY-5")).toMatchObject({ points: 60, heldPoints: 0 });
});

test("a card issued or blocked at the till goes through head office and is in the store's copy at once", async () => {
  using hq = createTestHq();
  const { store, state } = await setUp(hq);
  using _ = store;
  const issued = await store.request<{ number: string; kind: string; blocked: boolean }>(
    "POST",
    `${API}/cards`,
    {
      number: "2990000000101",
    },
  );
  expect(issued.status).toBe(201);
  expect(issued.body).toMatchObject({ number: "2990000000101", kind: "loyalty", blocked: false });
  expect((await cardAtHq(hq, "2990000000101")).points).toBe(0);
  expect((await store.request("GET", `${API}/cards/2990000000101`)).status).toBe(200);
  const twice = await store.request<ErrorBody>("POST", `${API}/cards`, { number: "2990000000101" });
  expect([twice.status, twice.body.error.code]).toEqual([409, "CARD_EXISTS"]);
  const blocked = await store.request<{ blocked: boolean }>("POST", `${API}/cards/2990000000101/block`);
  expect([blocked.status, blocked.body.blocked]).toEqual([200, true]);
  const refused = await store.request<ErrorBody>("POST", `${API}/baskets/quote`, {
    lines: LINES,
    card: "2990000000101",
  });
  expect(refused.body.error.code).toBe("CARD_BLOCKED");
  state.cut = true;
  const offline = await store.request<ErrorBody>("POST", `${API}/cards`, { number: "2990000000202" });
  expect([offline.status, offline.body.error.code]).toEqual([503, "HQ_UNREACHABLE"]);
  expect(store.count("cards")).toBe(1);
});
