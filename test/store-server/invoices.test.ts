/**
 * Invoices on request and credit notes: made from the sale as rung with the seller's legal
 * details, numbered gap-free per year (under concurrent requests and after refused ones), one
 * per sale, reprinted as issued (JSON, PDF, receipt-printer text); bad requests change nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, recordPaidSale, seedCatalog, session, snapshot } from "./sales-fixtures.ts";

const LEGAL = {
  name: "Green Basket Co-op Ltd",
  address: ["12 Market Street", "75011 Paris", "France"],
  taxId: "FR40123456789",
  registration: "RCS Paris 123 456 789",
  country: "FR",
};
const BUYER = { name: "Cafe Lune SARL", address: "3 rue des Lilas\n75020 Paris", taxId: "FR99887766554" };

interface ErrorBody {
  error: { code: string; message: string };
}
interface InvoiceDoc extends JsonObject {
  number: string;
  kind: string;
  created: boolean;
  refersTo: string | null;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxes: { taxClass: string; rate: string; netMinor: number; taxMinor: number; grossMinor: number }[];
  lines: { code: string; taxRate: string; netMinor: number; taxMinor: number; grossMinor: number }[];
}

let store: TestStore;
afterEach(() => store.close());

function invoiceRows(): number {
  return store.count("invoices");
}

function unchanged(): Record<string, number> {
  return { ...snapshot(store), invoices: invoiceRows(), counters: store.count("counters") };
}

async function invoice(body: unknown, token?: string) {
  return store.request<InvoiceDoc & ErrorBody>("POST", `${API}/invoices`, body, token);
}

describe("invoices", () => {
  beforeEach(async () => {
    store = createTestStore({
      settings: {
        legal: LEGAL,
        taxClasses: [
          { id: "1", name: "Standard", rate: "20" },
          { id: "2", name: "Reduced", rate: "5.5" },
        ],
      },
      startAt: "2026-03-02T15:00:00.000Z",
    });
    await seedCatalog(store);
  });

  test("an invoice carries the sale's lines and taxes per rate as rung, with seller and buyer", async () => {
    const sale = await recordPaidSale(store, [
      { code: "A1", qty: 2 },
      { code: "12345", unitPriceMinor: 500 },
      { code: "BREAD" },
    ]);
    const res = await invoice({ saleId: sale.id, buyer: BUYER });
    expect(res.status).toBe(201);
    const doc = res.body;
    expect(doc).toMatchObject({
      number: "2026-000001",
      kind: "invoice",
      created: true,
      saleId: sale.id,
      receiptNo: sale.receiptNo,
      issueDate: "2026-03-02",
      seller: { name: LEGAL.name, taxId: LEGAL.taxId, registration: LEGAL.registration },
      buyer: { name: BUYER.name, address: BUYER.address, taxId: BUYER.taxId },
      totalMinor: sale.totalMinor,
    });
    // 2 x 199 at 20% (80 tax), 500 at 5.5% (28 tax, rounded half up), bread untaxed.
    expect(doc.taxes).toEqual([
      { taxClass: "1", rate: "20", netMinor: 398, taxMinor: 80, grossMinor: 478 },
      { taxClass: "2", rate: "5.5", netMinor: 500, taxMinor: 28, grossMinor: 528 },
      { taxClass: "", rate: "0", netMinor: 275, taxMinor: 0, grossMinor: 275 },
    ]);
    expect(doc.netMinor + doc.taxMinor).toBe(doc.totalMinor);
    expect(doc.lines.map((l) => [l.code, l.taxRate, l.grossMinor])).toEqual([
      ["A1", "20", 478],
      ["12345", "5.5", 528],
      ["BREAD", "0", 275],
    ]);
    // Traced in the audit log and the journal.
    const audit = await store.request<{ entries: { action: string; refId: string }[] }>(
      "GET",
      `${API}/audit?action=invoice.issued`,
    );
    expect(audit.body.entries.map((e) => e.refId)).toEqual([sale.id]);

    // Reprint any time: JSON as issued, a PDF, and receipt-printer text.
    const again = await store.request<JsonObject>("GET", `${API}/invoices/2026-000001`);
    expect(again.status).toBe(200);
    expect({ ...again.body, created: true }).toEqual(doc);
    const pdf = await store.app.handle(
      new Request(`http://store.test${API}/invoices/2026-000001.pdf`, {
        headers: { authorization: `Bearer ${store.adminToken}` },
      }),
    );
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const txt = await store.request<string>("GET", `${API}/invoices/2026-000001.txt`);
    expect(txt.body.split("\n")[0]).toBe("INVOICE 2026-000001");
    expect(txt.body).toContain(BUYER.taxId);
  });

  test("one invoice per sale: the same buyer gets it again, another buyer is refused", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1" }]);
    expect((await invoice({ saleId: sale.id, buyer: BUYER })).status).toBe(201);
    const repeat = await invoice({ saleId: sale.id, buyer: BUYER });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ number: "2026-000001", created: false });
    const before = unchanged();
    const other = await invoice({ saleId: sale.id, buyer: { name: "Someone Else", address: "1 Road" } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("SALE_ALREADY_INVOICED");
    expect(unchanged()).toEqual(before);
  });

  test("an order is invoiced as the sale it was collected as; before collection it is refused", async () => {
    const manager = await session(store, "manager", "3333", "BO");
    const received = await store.request(
      "POST",
      `${API}/stock/documents`,
      { id: uuidv7(), type: "receipt", post: true, lines: [{ code: "BREAD", qty: 5, unitCostMinor: 100 }] },
      manager.token,
    );
    expect(received.status).toBe(201);
    const orderId = uuidv7();
    const placed = await store.request("POST", `${API}/orders`, {
      id: orderId,
      pickupStore: "S1",
      slot: { date: "2026-03-03", from: "10:00", to: "11:00" },
      lines: [{ code: "BREAD", qty: 2 }],
      prepaid: [{ type: "card", amountMinor: 5000, ref: "shop-pay-1" }],
    });
    expect(placed.status).toBe(201);
    const early = await invoice({ orderId, buyer: BUYER });
    expect([early.status, early.body.error?.code]).toEqual([409, "ORDER_NOT_COLLECTED"]);
    const collected = await store.request<{ saleId: string }>("POST", `${API}/orders/${orderId}/collect`, {
      tenders: [],
      tillId: "WEB",
    });
    expect(collected.status).toBe(200);
    const res = await invoice({ orderId, buyer: BUYER });
    expect(res.status).toBe(201);
    expect(res.body.saleId).toBe(collected.body.saleId);
  });

  test("bad requests are refused precisely and change nothing", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1" }]);
    const before = unchanged();
    const cases: [unknown, number, string | null][] = [
      [{ saleId: uuidv7(), buyer: BUYER }, 404, "SALE_NOT_FOUND"],
      [{ saleId: sale.id, buyer: { name: "No Address" } }, 400, null],
      [{ saleId: sale.id, buyer: { name: "", address: "x" } }, 400, null],
      [{ saleId: sale.id }, 400, null],
      [{ saleId: sale.id, orderId: "O1", buyer: BUYER }, 400, null],
      [{ orderId: "O-unknown", buyer: BUYER }, 404, "ORDER_NOT_FOUND"],
    ];
    for (const [body, status, code] of cases) {
      const res = await invoice(body);
      expect(res.status).toBe(status);
      if (code) expect(res.body.error.code).toBe(code);
      expect(JSON.stringify(res.body)).not.toContain("No Address");
    }
    expect((await store.request("GET", `${API}/invoices/2026-000001`)).status).toBe(404);
    expect(unchanged()).toEqual(before);
  });

  test("the sequence stays gap-free under concurrent requests and after refused ones", async () => {
    const sales: string[] = [];
    for (let i = 0; i < 12; i++) sales.push((await recordPaidSale(store, [{ code: "A1" }])).id);
    // Twelve sales asked for at once, each with a refused request beside it.
    const results = await Promise.all(
      sales.flatMap((id, i) => [
        invoice({ saleId: id, buyer: { ...BUYER, name: `Buyer ${i}` } }),
        invoice({ saleId: uuidv7(), buyer: BUYER }),
      ]),
    );
    const numbers = results
      .filter((r) => r.status === 201)
      .map((r) => r.body.number)
      .sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(6, "0")}`));
    expect(results.filter((r) => r.status === 404)).toHaveLength(12);
    // A refused request takes no number: the next one is 13.
    await invoice({ saleId: sales[0], buyer: { name: "Other", address: "Elsewhere" } });
    const next = await invoice({
      saleId: (await recordPaidSale(store, [{ code: "MILK" }])).id,
      buyer: BUYER,
    });
    expect(next.body.number).toBe("2026-000013");
    // A new year starts its own sequence.
    store.clock.set("2027-01-05T10:00:00.000Z");
    const sale2027 = await recordPaidSale(store, [{ code: "A1" }], { at: "2027-01-05T10:00:00.000Z" });
    expect((await invoice({ saleId: sale2027.id, buyer: BUYER })).body.number).toBe("2027-000001");
  });

  test("a credit note for a return refers to the invoice, with its own sequence", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1", qty: 3 }]);
    const issued = await invoice({ saleId: sale.id, buyer: BUYER });
    const ret = await store.request<{ id: string; totalMinor: number }>("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "A1", qty: 1 }],
      tenders: [{ type: "card", amountMinor: 239 }],
    });
    expect(ret.status).toBe(201);
    const note = await store.request<InvoiceDoc>("POST", `${API}/credit-notes`, { returnId: ret.body.id });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      number: "CN2026-000001",
      kind: "credit_note",
      refersTo: issued.body.number,
      totalMinor: ret.body.totalMinor,
      buyer: { name: BUYER.name },
    });
    expect((await store.request("POST", `${API}/credit-notes`, { returnId: ret.body.id })).status).toBe(200);

    // A return of a sale without an invoice gets no credit note.
    const plain = await recordPaidSale(store, [{ code: "A1" }]);
    const ret2 = await store.request<{ id: string }>("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: plain.id,
      lines: [{ code: "A1", qty: 1 }],
      tenders: [{ type: "card", amountMinor: 239 }],
    });
    const before = unchanged();
    const refused = await store.request<ErrorBody>("POST", `${API}/credit-notes`, { returnId: ret2.body.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("SALE_NOT_INVOICED");
    expect(unchanged()).toEqual(before);
  });

  test("an invoiced sale voided since is credited whole; a sale not voided is refused", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1", qty: 2 }]);
    const issued = await invoice({ saleId: sale.id, buyer: BUYER });
    const notVoided = await store.request<ErrorBody>("POST", `${API}/credit-notes`, {
      voidedSaleId: sale.id,
    });
    expect([notVoided.status, notVoided.body.error.code]).toEqual([409, "SALE_NOT_VOIDED"]);
    expect((await store.request("POST", `${API}/sales/${sale.id}/void`, {})).status).toBe(200);
    const note = await store.request<InvoiceDoc>("POST", `${API}/credit-notes`, { voidedSaleId: sale.id });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      number: "CN2026-000001",
      refersTo: issued.body.number,
      returnId: null,
      totalMinor: issued.body.totalMinor,
      taxes: issued.body.taxes,
    });
    const again = await store.request<InvoiceDoc>("POST", `${API}/credit-notes`, { voidedSaleId: sale.id });
    expect([again.status, again.body.number]).toEqual([200, "CN2026-000001"]);
    const both = await store.request<ErrorBody>("POST", `${API}/credit-notes`, {
      voidedSaleId: sale.id,
      returnId: "x",
    });
    expect(both.status).toBe(400);
  });
});

test("a store without legal details issues no invoice", async () => {
  store = createTestStore();
  await seedCatalog(store);
  const sale = await recordPaidSale(store, [{ code: "A1" }]);
  const res = await invoice({ saleId: sale.id, buyer: BUYER });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe("LEGAL_DETAILS_MISSING");
  expect(invoiceRows()).toBe(0);
});
