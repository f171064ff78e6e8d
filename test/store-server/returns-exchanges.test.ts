/**
 * Refunds the way the sale was paid, the sale a till looks up for a return, and exchanges (a
 * return and a new sale in one transaction, only the difference paid), on the store's routes.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, recordPaidSale, seedCatalog, snapshot } from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Tender {
  type: string;
  amountMinor: number;
}
interface ReturnDoc {
  id: string;
  totalMinor: number;
  tenders: Tender[];
  originalStoreId: string | null;
}
interface SaleDoc {
  id: string;
  receiptNo: string;
  totalMinor: number;
  tenders: Tender[];
  changeMinor: number;
}

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

async function quote(lines: JsonObject[]): Promise<number> {
  const res = await store.request<{ totalMinor: number }>("POST", `${API}/baskets/quote`, { lines });
  return res.body.totalMinor;
}

/** Milk ×4 and apple juice ×2, part card (500), the rest cash with 1.00 change. */
async function cardAndCashSale(): Promise<SaleDoc> {
  const lines = [
    { code: "MILK", qty: 4 },
    { code: "A1", qty: 2 },
  ];
  const total = await quote(lines);
  const res = await store.request<SaleDoc>("POST", `${API}/sales`, {
    id: uuidv7(),
    tillId: "T1",
    lines,
    tenders: [
      { type: "card", amountMinor: 500 },
      { type: "cash", amountMinor: total - 500 + 100 },
    ],
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe("refunds without tenders", () => {
  test("go back to the card first, up to what it paid, then cash net of the change", async () => {
    const sale = await cardAndCashSale();
    const first = await store.request<ReturnDoc & ErrorBody>("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "MILK", qty: 2 }],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.originalStoreId).toBe("S1");
    expect(first.body.totalMinor).toBeGreaterThan(500);
    expect(first.body.tenders).toEqual([
      { type: "card", amountMinor: 500 },
      { type: "cash", amountMinor: first.body.totalMinor - 500 },
    ]);
    // The card is used up: the rest comes back in cash, never beyond what was paid in cash.
    const rest = await store.request<ReturnDoc>("POST", `${API}/returns`, {
      id: uuidv7(),
      receiptNo: sale.receiptNo,
      lines: [
        { code: "MILK", qty: 2 },
        { code: "A1", qty: 2 },
      ],
    });
    expect(rest.status).toBe(201);
    expect(rest.body.tenders).toEqual([{ type: "cash", amountMinor: rest.body.totalMinor }]);
    expect(first.body.totalMinor + rest.body.totalMinor).toBe(sale.totalMinor);
  });

  test("the till's look-up shows what is left to return and to refund per tender", async () => {
    const sale = await cardAndCashSale();
    await store.request("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "A1", qty: 1 }],
    });
    const found = await store.request<{
      id: string;
      foreign: boolean;
      lines: { code: string; returnedMilli: number }[];
      refundable: Tender[];
    }>("GET", `${API}/returns/original/${sale.receiptNo}`);
    expect(found.status).toBe(200);
    expect(found.body.id).toBe(sale.id);
    expect(found.body.foreign).toBe(false);
    expect(found.body.lines.map((l) => [l.code, l.returnedMilli])).toEqual([
      ["MILK", 0],
      ["A1", 1000],
    ]);
    const a1Refund = (await quote([{ code: "A1", qty: 1 }])) as number;
    expect(found.body.refundable).toEqual([
      { type: "card", amountMinor: 500 - a1Refund },
      { type: "cash", amountMinor: sale.totalMinor - 500 },
    ]);
  });

  test("another store's receipt without a link to head office is not found, and says why", async () => {
    const res = await store.request<ErrorBody>("POST", `${API}/returns`, {
      id: uuidv7(),
      receiptNo: "S7-T1-000001",
      lines: [{ code: "A1", qty: 1 }],
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("SALE_NOT_FOUND");
    expect(res.body.error.message).toContain("hqUrl");
  });
});

describe("POST /exchanges", () => {
  test("a cheaper new sale: the difference is paid back the way the original was paid", async () => {
    const sale = await recordPaidSale(store, [{ code: "MILK", qty: 2 }], {}, "card");
    const refund = await quote([{ code: "MILK", qty: 1 }]);
    const newTotal = await quote([{ code: "A1", qty: 1 }]);
    const res = await store.request<
      { return: ReturnDoc; sale: SaleDoc; differenceMinor: number } & ErrorBody
    >("POST", `${API}/exchanges`, {
      tillId: "T1",
      return: { id: uuidv7(), originalSaleId: sale.id, lines: [{ code: "MILK", qty: 1 }] },
      sale: { id: uuidv7(), lines: [{ code: "A1", qty: 1 }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.differenceMinor).toBe(newTotal - refund);
    expect(res.body.return.tenders).toEqual([
      { type: "exchange", amountMinor: newTotal },
      { type: "card", amountMinor: refund - newTotal },
    ]);
    expect(res.body.sale.tenders).toEqual([{ type: "exchange", amountMinor: newTotal }]);
    // A repeat answers the same and records nothing.
    const before = snapshot(store);
    const again = await store.request<{ sale: SaleDoc }>("POST", `${API}/exchanges`, {
      tillId: "T1",
      return: { id: res.body.return.id, originalSaleId: sale.id, lines: [{ code: "MILK", qty: 1 }] },
      sale: { id: res.body.sale.id, lines: [{ code: "A1", qty: 1 }] },
    });
    expect(again.status).toBe(200);
    expect(again.body.sale.receiptNo).toBe(res.body.sale.receiptNo);
    expect(snapshot(store)).toEqual(before);
  });

  test("a dearer new sale: the customer pays the difference; a short payment records neither", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1", qty: 1 }], {}, "card");
    const refund = await quote([{ code: "A1", qty: 1 }]);
    const newTotal = await quote([{ code: "MILK", qty: 2 }]);
    const body = (tenders: Tender[]) => ({
      tillId: "T1",
      return: { id: uuidv7(), originalSaleId: sale.id, lines: [{ code: "A1", qty: 1 }] },
      sale: { id: uuidv7(), lines: [{ code: "MILK", qty: 2 }] },
      tenders,
    });
    const before = snapshot(store);
    const short = await store.request<ErrorBody>(
      "POST",
      `${API}/exchanges`,
      body([{ type: "cash", amountMinor: newTotal - refund - 1 }]),
    );
    expect(short.status).toBe(400);
    expect(snapshot(store)).toEqual(before);

    const paid = await store.request<{ return: ReturnDoc; sale: SaleDoc; differenceMinor: number }>(
      "POST",
      `${API}/exchanges`,
      body([{ type: "cash", amountMinor: newTotal - refund + 50 }]),
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.differenceMinor).toBe(newTotal - refund);
    expect(paid.body.return.tenders).toEqual([{ type: "exchange", amountMinor: refund }]);
    expect(paid.body.sale.tenders).toEqual([
      { type: "exchange", amountMinor: refund },
      { type: "cash", amountMinor: newTotal - refund + 50 },
    ]);
    expect(paid.body.sale.changeMinor).toBe(50);
  });

  test("the exchange credit is not a tender a caller may name", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1", qty: 1 }], {}, "card");
    const before = snapshot(store);
    const res = await store.request<ErrorBody>("POST", `${API}/exchanges`, {
      tillId: "T1",
      return: { id: uuidv7(), originalSaleId: sale.id, lines: [{ code: "A1", qty: 1 }] },
      sale: { id: uuidv7(), lines: [{ code: "MILK", qty: 2 }] },
      tenders: [{ type: "exchange", amountMinor: 1000 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("exchange");
    const plain = await store.request<ErrorBody>("POST", `${API}/sales`, {
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "A1", qty: 1 }],
      tenders: [{ type: "exchange", amountMinor: 1000 }],
    });
    expect(plain.status).toBe(400);
    expect(snapshot(store)).toEqual(before);
  });
});
