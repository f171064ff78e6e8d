/**
 * Store credit: the money account of a customer's loyalty card at head office. A return may pay
 * the refund as store credit (credited at head office once), a later sale spends it as a
 * `store_credit` tender like a gift card, and a return of that sale gives it back. Bad cards are
 * refused precisely and change nothing.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { AccountsService } from "../../src/hq/customers/accounts.ts";
import { createTestHq } from "../support/hq-app.ts";
import { cardAtHq, type ErrorBody, issue, loyaltyCard, sellBread, setUp } from "./card-fixtures.ts";
import { API } from "./sales-fixtures.ts";

test("a refund paid as store credit is spent on a later sale, and a return of that sale gives it back", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await loyaltyCard(hq, [store], "LOY-C1");
  const bought = await sellBread(store, [{ type: "cash", amountMinor: 550 }]);
  expect(bought.status).toBe(201);
  const refund = await store.request<{ tenders: unknown[] }>("POST", `${API}/returns`, {
    id: uuidv7(),
    originalSaleId: bought.body.id,
    lines: [{ code: "BREAD", qty: 2 }],
    tenders: [{ type: "store_credit", card: "LOY-C1", amountMinor: 550 }],
  });
  expect(refund.status).toBe(201);
  expect(refund.body.tenders).toEqual([{ type: "store_credit", card: "LOY-C1", amountMinor: 550 }]);
  expect(await cardAtHq(hq, "LOY-C1")).toMatchObject({ balanceMinor: 550, points: 0 });

  const spent = await sellBread(store, [
    { type: "store_credit", card: "LOY-C1", amountMinor: 300 },
    { type: "cash", amountMinor: 250 },
  ]);
  expect(spent.status).toBe(201);
  expect(await cardAtHq(hq, "LOY-C1")).toMatchObject({ balanceMinor: 250, heldMinor: 0, points: 0 });

  const back = await store.request<{ tenders: unknown[] }>("POST", `${API}/returns`, {
    id: uuidv7(),
    originalSaleId: spent.body.id,
    lines: [{ code: "BREAD", qty: 1 }],
  });
  expect(back.status).toBe(201);
  expect(back.body.tenders).toEqual([{ type: "store_credit", amountMinor: 275 }]);
  expect(await cardAtHq(hq, "LOY-C1")).toMatchObject({ balanceMinor: 525 });
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});

test("store credit needs a known loyalty card: refused precisely, nothing recorded", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  await issue(hq, [store], "GIFT-C1", "gift", 500);
  const bought = await sellBread(store, [{ type: "cash", amountMinor: 550 }]);
  const ret = (tender: Record<string, unknown>) =>
    store.request<ErrorBody>("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: bought.body.id,
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [{ type: "store_credit", amountMinor: 275, ...tender }],
    });
  const noCard = await ret({});
  expect(noCard.status).toBe(400);
  expect(noCard.body.error.code).toBe("CARD_REQUIRED");
  const unknown = await ret({ card: "NOPE-1" });
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe("CARD_NOT_FOUND");
  const gift = await ret({ card: "GIFT-C1" });
  expect(gift.status).toBe(400);
  expect(gift.body.error.code).toBe("CARD_KIND_MISMATCH");
  const returns = await store.request<{ returns: unknown[] }>(
    "GET",
    `${API}/returns?originalSaleId=${bought.body.id}`,
  );
  expect(returns.body.returns).toEqual([]);
  const pay = await sellBread(store, [
    { type: "store_credit", card: "GIFT-C1", amountMinor: 300 },
    { type: "cash", amountMinor: 250 },
  ]);
  expect(pay.status).toBe(400);
  expect(pay.body.error.code).toBe("CARD_KIND_MISMATCH");
  expect(await cardAtHq(hq, "GIFT-C1")).toMatchObject({ balanceMinor: 500, heldMinor: 0 });
});
