/**
 * A serial's history (`GET /serials/:serial`): received on a stock document, sold, returned;
 * and a return found by the serial (`GET /returns/original/:ref`).
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog, session } from "./sales-fixtures.ts";

interface History {
  serial: string;
  status: string;
  units: {
    code: string;
    status: string;
    received: { documentId: string; number: number; at: string }[];
    sold: { saleId: string; receiptNo: string; at: string }[];
    returned: { returnId: string; receiptNo: string; at: string }[];
  }[];
  error: { code: string };
}

let store: TestStore;
let manager: { token: string };
let cashier: { token: string };
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  manager = await session(store, "manager", "3333", "BO");
  cashier = await session(store, "cashier", "1111", "T1");
});
afterEach(() => store.close());

async function receive(serials: string[]): Promise<string> {
  const id = uuidv7();
  const res = await store.request(
    "POST",
    `${API}/stock/documents`,
    {
      id,
      type: "receipt",
      post: true,
      lines: [{ code: "MILK", qty: serials.length, unitCostMinor: 100, serials }],
    },
    manager.token,
  );
  expect(res.status).toBe(201);
  return id;
}

async function sell(serial: string): Promise<{ id: string; receiptNo: string }> {
  const quote = await store.request<JsonObject & { lines: JsonObject[]; cashDueMinor: number }>(
    "POST",
    `${API}/baskets/quote`,
    { lines: [{ code: "MILK" }] },
  );
  const id = uuidv7();
  const res = await store.request<{ receiptNo: string }>(
    "POST",
    `${API}/sales`,
    {
      ...quote.body,
      lines: quote.body.lines.map((l) => ({ ...l, serial })),
      asRung: true,
      id,
      at: "2026-03-02T14:59:00.000Z",
      tenders: [{ type: "cash", amountMinor: quote.body.cashDueMinor }],
    },
    cashier.token,
  );
  expect(res.status).toBe(201);
  return { id, receiptNo: res.body.receiptNo };
}

const history = (serial: string) =>
  store.request<History>("GET", `${API}/serials/${serial}`, undefined, manager.token);

describe("serial history", () => {
  test("received, sold and returned, in order; a return finds its sale by the serial", async () => {
    const docId = await receive(["SN-100", "SN-101"]);
    const received = await history("SN-100");
    expect(received.status).toBe(200);
    expect(received.body.status).toBe("in_stock");
    expect(received.body.units).toEqual([
      {
        code: "MILK",
        status: "in_stock",
        received: [{ documentId: docId, number: 1, at: "2026-03-02T15:00:00.000Z" }],
        sold: [],
        returned: [],
      },
    ]);

    const sale = await sell("SN-100");
    const sold = await history("SN-100");
    expect(sold.body.status).toBe("sold");
    expect(sold.body.units[0]?.sold).toEqual([
      { saleId: sale.id, receiptNo: sale.receiptNo, at: "2026-03-02T14:59:00.000Z" },
    ]);
    expect((await history("SN-101")).body.status).toBe("in_stock");

    const original = await store.request<{ id: string }>(
      "GET",
      `${API}/returns/original/SN-100`,
      undefined,
      cashier.token,
    );
    expect(original.status).toBe(200);
    expect(original.body.id).toBe(sale.id);

    const returnId = uuidv7();
    const ret = await store.request(
      "POST",
      `${API}/returns`,
      { id: returnId, originalSaleId: sale.id, lines: [{ code: "MILK", qty: 1, lineNo: 1 }] },
      manager.token,
    );
    expect(ret.status).toBe(201);
    const returned = await history("SN-100");
    expect(returned.body.status).toBe("returned");
    expect(returned.body.units[0]?.returned.map((r) => r.returnId)).toEqual([returnId]);
    const row = store.ctx.sqlite.query("SELECT status FROM stock_serials WHERE serial = 'SN-100'").get();
    expect(row).toEqual({ status: "returned" });
  });

  test("a serial sold without a receipt document still has its sale; an unknown serial is 404", async () => {
    const sale = await sell("SN-9");
    const sold = await history("SN-9");
    expect(sold.body.units.map((u) => [u.code, u.status, u.sold.map((s) => s.saleId)])).toEqual([
      ["MILK", "sold", [sale.id]],
    ]);
    const unknown = await history("NOPE-1");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("SERIAL_NOT_FOUND");
  });

  test("a receipt line with more serials than units, or a serial twice, is refused", async () => {
    const tooMany = await store.request<History>(
      "POST",
      `${API}/stock/documents`,
      {
        id: uuidv7(),
        type: "receipt",
        lines: [{ code: "MILK", qty: 1, unitCostMinor: 1, serials: ["A", "B"] }],
      },
      manager.token,
    );
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, "SERIALS_MISMATCH"]);
    const twice = await store.request<History>(
      "POST",
      `${API}/stock/documents`,
      {
        id: uuidv7(),
        type: "receipt",
        lines: [{ code: "MILK", qty: 2, unitCostMinor: 1, serials: ["A", "A"] }],
      },
      manager.token,
    );
    expect([twice.status, twice.body.error.code]).toEqual([400, "SERIALS_MISMATCH"]);
  });
});
