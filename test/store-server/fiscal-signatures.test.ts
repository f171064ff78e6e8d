/**
 * Fiscal signatures at the store: a sale as rung keeps its signature device's signature (or why
 * it has none), its signed total is checked against the document, and the period's signatures
 * are exported for the tax office.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { fiscalProcessData } from "../../src/core/fiscal-signature.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { JsonObject, TestStore } from "../support/store-app.ts";
import { API, storeWithTillSession } from "./sales-fixtures.ts";

let store: TestStore;
let token: string;
beforeEach(async () => {
  ({ store, token } = await storeWithTillSession());
});
afterEach(() => store.close());

function signed(totalMinor: number, receiptNo: string): JsonObject {
  return {
    status: "signed",
    serial: "SIM-TSE-0001",
    publicKey: "MCowBQYDK2VwAyEAq83xW5Tn3m7Qy4gR1m2Ykq8W8wZ0m2Vh7b3k9mQw0aE=",
    algorithm: "ed25519",
    transactionNo: 7,
    signatureCounter: 21,
    startedAt: "2026-03-02T14:58:00.000Z",
    finishedAt: "2026-03-02T14:59:00.000Z",
    processData: fiscalProcessData({
      receiptNo,
      totalMinor,
      currency: "USD",
      tenders: [{ type: "cash", amountMinor: totalMinor }],
    }),
    signature: "c2lnbmF0dXJl",
  };
}

async function sell(fiscal: (totalMinor: number) => JsonObject, registrar?: JsonObject) {
  const quote = await store.request<JsonObject & { totalMinor: number; cashDueMinor: number }>(
    "POST",
    `${API}/baskets/quote`,
    { lines: [{ code: "BREAD" }] },
  );
  const id = uuidv7();
  const doc = {
    ...quote.body,
    asRung: true,
    id,
    at: "2026-03-02T14:59:00.000Z",
    receiptNo: "S1-T1-1",
    tenders: [{ type: "cash", amountMinor: quote.body.cashDueMinor }],
    fiscal: fiscal(quote.body.totalMinor),
    ...(registrar === undefined ? {} : { registrar }),
  };
  const res = await store.request<JsonObject>("POST", `${API}/sales`, doc, token);
  return { id, res, totalMinor: quote.body.totalMinor };
}

async function exported(from = "2026-03-02", to = "2026-03-02") {
  return store.request<{ signatures: JsonObject[] }>("GET", `${API}/fiscal/signatures?from=${from}&to=${to}`);
}

describe("fiscal signatures", () => {
  test("a signed sale keeps its signature, and the period's export lists it", async () => {
    const sold = await sell((total) => signed(total, "S1-T1-1"));
    expect(sold.res.status).toBe(201);
    const res = await exported();
    expect(res.status).toBe(200);
    expect(res.body.signatures).toEqual([
      expect.objectContaining({
        saleId: sold.id,
        receiptNo: "S1-T1-1",
        status: "signed",
        transactionNo: 7,
        signatureCounter: 21,
        signature: "c2lnbmF0dXJl",
        processData: `Beleg^${sold.totalMinor}^cash:${sold.totalMinor}^S1-T1-1^USD`,
        reason: null,
      }),
    ]);
    expect((await exported("2026-03-03", "2026-03-04")).body.signatures).toEqual([]);
  });

  test("a sale its till could not sign is kept, with why", async () => {
    const sold = await sell(() => ({
      status: "unavailable",
      reason: "timeout",
      detail: "no answer within 1000 ms",
    }));
    expect(sold.res.status).toBe(201);
    expect((await exported()).body.signatures).toEqual([
      expect.objectContaining({ saleId: sold.id, status: "unavailable", reason: "timeout", signature: null }),
    ]);
  });

  test("a signature of another total is refused and nothing is recorded", async () => {
    const events = store.journalLength();
    const sold = await sell((total) => signed(total + 100, "S1-T1-1"));
    expect(sold.res.status).toBe(400);
    expect(sold.res.body).toMatchObject({ error: { code: "SALE_INCONSISTENT" } });
    expect(JSON.stringify(sold.res.body)).toContain("fiscal.processData");
    expect(store.count("sales")).toBe(0);
    expect(store.count("fiscal_signatures")).toBe(0);
    expect(store.journalLength()).toBe(events);
  });

  test("a malformed signature is refused precisely", async () => {
    const sold = await sell((total) => ({ ...signed(total, "S1-T1-1"), signature: "not base64!" }));
    expect(sold.res.status).toBe(400);
    expect(JSON.stringify(sold.res.body)).toContain("fiscal");
    expect(store.count("fiscal_signatures")).toBe(0);
  });

  test("the fiscal printer's receipt number is kept with the sale; a bad one is refused", async () => {
    const bad = await sell((total) => signed(total, "S1-T1-1"), {
      status: "printed",
      fiscalReceiptNo: "FN 1",
      memoryCounter: 1,
    });
    expect(bad.res.status).toBe(400);
    expect(store.count("sales")).toBe(0);
    const sold = await sell((total) => signed(total, "S1-T1-1"), {
      status: "printed",
      fiscalReceiptNo: "FN-000001",
      memoryCounter: 1,
    });
    expect(sold.res.status).toBe(201);
    const row = store.ctx.sqlite
      .query(
        "SELECT fiscal_receipt_no AS no, memory_counter AS counter FROM fiscal_receipts WHERE sale_id = ?",
      )
      .get(sold.id);
    expect(row).toEqual({ no: "FN-000001", counter: 1 });
  });

  test("a bad period is refused", async () => {
    expect((await exported("2026-03-05", "2026-03-01")).status).toBe(400);
    expect((await exported("yesterday", "2026-03-01")).status).toBe(400);
  });
});
