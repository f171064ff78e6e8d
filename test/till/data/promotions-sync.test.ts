/**
 * The till syncs the store's promotions and categories with its catalog, prices a sale with
 * them as the store would, and the store records the till's document with its promotions as rung.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { uuidv7 } from "../../../src/core/ids.ts";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import { priceSale } from "../../../src/till/state/basket.ts";
import { CASHIER_PIN, TILL_ID, type TillFixture, tillFixture, waitFor } from "./support/till-fixture.ts";

let f: TillFixture;
let till: TillDataServices;

beforeAll(async () => {
  f = await tillFixture();
  for (const [path, body] of [
    ["/api/v1/categories", { id: "drinks", name: "Drinks" }],
    ["/api/v1/categories", { id: "juice", name: "Juice", parent: "drinks" }],
    [
      "/api/v1/products",
      { code: "OJ", name: "Orange juice", priceMinor: 300, taxClass: null, category: "juice" },
    ],
    [
      "/api/v1/promotions",
      {
        id: "drinks-3for2",
        name: "Drinks 3 for 2",
        reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, categories: ["drinks"] },
      },
    ],
  ] as const) {
    const res = await f.store.api(path, { method: "POST", body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }
  till = await f.openTill({ catalogWaitMs: 0 });
  await till.login(CASHIER_PIN);
  await till.syncNow();
}, 60_000);
afterAll(async () => {
  await f?.[Symbol.asyncDispose]();
});

test("the till prices with the store's promotions, and the store keeps them as rung", async () => {
  const promotions = till.promotions?.();
  expect(promotions?.book.size).toBe(1);
  expect(promotions?.categoriesOf("juice")).toEqual(["juice", "drinks"]);
  const product = till.lookup("OJ").product;
  expect(product.category).toBe("juice");

  const line = {
    id: 1,
    code: "OJ",
    name: product.name,
    unit: "each",
    qtyMilli: 3000,
    unitPriceMinor: 300,
    priceGiven: false,
    taxClass: null,
    soldByWeight: false,
    department: null,
    category: "juice",
  };
  const at = new Date();
  const quote = priceSale({ lines: [line] }, till.settings(), {
    ...(promotions as NonNullable<typeof promotions>),
    at,
    timeZone: till.settings().timeZone,
  });
  expect(quote?.promotions).toEqual([{ id: "drinks-3for2", name: "Drinks 3 for 2", discountMinor: 300 }]);
  if (quote === null) throw new Error("no quote");

  const id = uuidv7();
  await till.completeSale({
    id,
    tillId: TILL_ID,
    cashierId: f.cashierId,
    at: at.toISOString(),
    receiptNo: till.nextReceiptNo(),
    lines: [{ code: "OJ", qtyMilli: 3000 }],
    tenders: [{ type: "cash", amountMinor: 600 }],
    audit: [],
    quote,
    changeMinor: 0,
    cashRoundingMinor: 0,
  });
  await till.drainNow();
  await waitFor("the sale at the store", () => f.accepted().includes(id));
  const recorded = (await (await f.store.api(`/api/v1/sales/${id}`)).json()) as {
    promotions: unknown;
    totalMinor: number;
  };
  expect(recorded.promotions).toEqual(quote.promotions);
  expect(recorded.totalMinor).toBe(600);
});

test("a sync asks since the version it holds: unchanged promotions are not sent again; a change is", async () => {
  const promotionsAsked = () => f.sent.filter((s) => s.method === "GET" && s.path === "/api/v1/promotions");
  const before = promotionsAsked().length;
  const book = till.promotions?.()?.book;
  await till.syncNow();
  const asked = promotionsAsked().slice(before);
  // One ask, with the version kept, and no second one for the whole list.
  expect(asked.length).toBe(1);
  expect(asked[0]?.query).toMatch(/^\?since=[0-9a-f]{32}$/);
  expect(till.promotions?.()?.book).toBe(book);

  const res = await f.store.api("/api/v1/promotions", {
    method: "POST",
    body: JSON.stringify({
      id: "oj-10",
      name: "OJ 10 % off",
      reward: { kind: "percent", percent: 10, products: ["OJ"] },
    }),
  });
  expect(res.status).toBe(200);
  await till.syncNow();
  expect(till.promotions?.()?.book.size).toBe(2);

  // A new category with the promotions unchanged: the till keeps it too.
  const cat = await f.store.api("/api/v1/categories", {
    method: "POST",
    body: JSON.stringify({ id: "nectar", name: "Nectar", parent: "juice" }),
  });
  expect(cat.status).toBe(200);
  await till.syncNow();
  expect(till.promotions?.()?.categoriesOf("nectar")).toEqual(["nectar", "juice", "drinks"]);
});
