/**
 * A sale or quote with a customer's card: the card's customer is attached, and their group's
 * discount is priced per line as a promotion of the sale (`group:<id>`), named on the sale and
 * carried as rung; a till's document claiming a group discount without a card does not add up.
 * An unknown or blocked card is refused and changes nothing.
 */
import { expect, test } from "bun:test";
import { applyCard, applyCustomer, applyCustomerGroup } from "../../src/store-server/customers/apply.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, saleBody, seedCatalog, snapshot } from "./sales-fixtures.ts";

interface Quote {
  lines: { code: string; discountMinor: number; totalMinor: number }[];
  discountMinor: number;
  totalMinor: number;
  promotions: { id: string; name: string; discountMinor: number }[];
}
interface ErrorBody {
  error: { code: string };
}

const AT = "2026-03-02T15:00:00.000Z";

async function storeWithCustomer(): Promise<TestStore> {
  const store = createTestStore();
  await seedCatalog(store);
  store.ctx.db.transaction((tx) => {
    applyCustomerGroup(tx, { id: "staff", name: "Staff", discountBp: 1_000 }, AT);
    applyCustomerGroup(tx, { id: "friends", name: "Friends", discountBp: 550 }, AT);
    applyCustomer(
      tx,
      {
        id: "c1",
        name: "Ana Lima",
        phone: null,
        email: null,
        birthday: null,
        groups: ["friends", "staff"],
        mergedInto: null,
        erased: false,
      },
      AT,
    );
    const card = {
      kind: "loyalty" as const,
      customerId: "c1",
      replacedBy: null,
      expiresAt: null,
      points: 0,
      balanceMinor: 0,
    };
    applyCard(tx, { ...card, number: "2990000000019", blocked: false }, AT);
    applyCard(tx, { ...card, number: "2990000000026", blocked: true }, AT);
  });
  return store;
}

const LINES = [{ code: "BREAD", qty: 2 }, { code: "MILK" }];

test("a quote with the card takes the customer's best group discount off every line, named as a promotion", async () => {
  using store = await storeWithCustomer();
  const plain = await store.request<Quote>("POST", `${API}/baskets/quote`, { lines: LINES });
  const carded = await store.request<Quote>("POST", `${API}/baskets/quote`, {
    lines: LINES,
    card: "2990000000019",
  });
  expect(carded.status).toBe(200);
  // Bread 2 × 275 = 550 → 55 off; milk 349 → 35 off (10%, Staff beats Friends' 5.5%).
  expect(carded.body.lines.map((l) => l.discountMinor)).toEqual([55, 35]);
  expect(carded.body.promotions).toEqual([{ id: "group:staff", name: "Staff 10%", discountMinor: 90 }]);
  expect(carded.body.totalMinor).toBeLessThan(plain.body.totalMinor);
});

test("a sale with the card records its customer and its group discount", async () => {
  using store = await storeWithCustomer();
  const quote = await store.request<Quote>("POST", `${API}/baskets/quote`, {
    lines: LINES,
    card: "2990000000019",
  });
  const res = await store.request<Quote & { id: string }>("POST", `${API}/sales`, {
    ...saleBody(LINES, [{ type: "cash", amountMinor: quote.body.totalMinor }]),
    card: "2990000000019",
  });
  expect(res.status).toBe(201);
  expect(res.body.promotions).toEqual([{ id: "group:staff", name: "Staff 10%", discountMinor: 90 }]);
  const row = store.ctx.sqlite
    .query<{ customer_id: string }, [string]>("SELECT customer_id FROM sales WHERE id = ?1")
    .get(res.body.id);
  expect(row?.customer_id).toBe("c1");
});

test("an unknown or blocked card is refused, for a quote and a sale, and changes nothing", async () => {
  using store = await storeWithCustomer();
  const before = snapshot(store);
  for (const [card, status, code] of [
    ["2990000000033", 404, "CARD_NOT_FOUND"],
    ["2990000000026", 409, "CARD_BLOCKED"],
  ] as const) {
    const quote = await store.request<ErrorBody>("POST", `${API}/baskets/quote`, { lines: LINES, card });
    expect([quote.status, quote.body.error.code]).toEqual([status, code]);
    const sale = await store.request<ErrorBody>("POST", `${API}/sales`, {
      ...saleBody(LINES, [{ type: "cash", amountMinor: 2_000 }]),
      card,
    });
    expect([sale.status, sale.body.error.code]).toEqual([status, code]);
  }
  expect(snapshot(store)).toEqual(before);
});

test("a till's document with a group discount needs the card it was rung with", async () => {
  using store = await storeWithCustomer();
  const quote = await store.request<Quote & Record<string, unknown>>("POST", `${API}/baskets/quote`, {
    lines: LINES,
    card: "2990000000019",
  });
  const { currency: _c, ...priced } = quote.body;
  const document = {
    ...priced,
    lines: quote.body.lines.map(({ department: _d, ...l }: Record<string, unknown>) => l),
    asRung: true,
    id: crypto.randomUUID(),
    at: AT,
    tillId: "T1",
    tenders: [{ type: "cash", amountMinor: quote.body.totalMinor }],
  };
  const without = await store.request<ErrorBody>("POST", `${API}/sales`, document);
  expect([without.status, without.body.error.code]).toEqual([400, "SALE_INCONSISTENT"]);
  const withCard = await store.request("POST", `${API}/sales`, { ...document, card: "2990000000019" });
  expect(withCard.status).toBe(201);
});
