/**
 * Route tests of returns: against a receipt (partial, never more than sold, priced exactly from
 * the original sale), without one (supervisor approval, current prices), refund tenders,
 * idempotent retries, and bad input that changes nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import {
  API,
  journalTypes,
  onHandMilli,
  recordPaidSale,
  seedCatalog,
  session,
  snapshot,
} from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Amounts {
  code: string;
  qtyMilli: number;
  extendedMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  originalLineNo?: number | null;
}
interface TaxRow {
  taxClass: string;
  rate: string;
  baseMinor: number;
  taxMinor: number;
}
interface Doc extends JsonObject {
  id: string;
  receiptNo: string;
  lines: Amounts[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxes: TaxRow[];
  approvedBy: string | null;
  originalSaleId: string | null;
  cashRoundingMinor: number;
}

let store: TestStore;
afterEach(() => store.close());

async function postReturn(body: JsonObject, token?: string) {
  return store.request<Doc & ErrorBody>("POST", `${API}/returns`, body, token);
}

function returnBody(
  originalSaleId: string | undefined,
  lines: JsonObject[],
  refundMinor: number,
  type = "card",
) {
  const body: JsonObject = { id: uuidv7(), lines, tenders: [{ type, amountMinor: refundMinor }] };
  if (originalSaleId) body.originalSaleId = originalSaleId;
  return body;
}

/** Asks what a return would refund by sending it with a deliberately wrong tender. */
async function refundOf(originalSaleId: string | undefined, lines: JsonObject[]): Promise<number> {
  const probe = await postReturn(returnBody(originalSaleId, lines, 1));
  if (probe.status === 201) throw new Error("the probe return was recorded");
  const refund = probe.body.error.details?.refundMinor;
  if (typeof refund !== "number") throw new Error(`no refund in ${JSON.stringify(probe.body)}`);
  return refund;
}

async function returnExactly(
  originalSaleId: string | undefined,
  lines: JsonObject[],
  extra: JsonObject = {},
) {
  const refund = await refundOf(originalSaleId, lines);
  const res = await postReturn({ ...returnBody(originalSaleId, lines, refund), ...extra });
  expect(res.status).toBe(201);
  expect(res.body.totalMinor).toBe(refund);
  return res.body;
}

async function expectRefused(body: JsonObject, status: number, code: string, token?: string) {
  const before = snapshot(store);
  const res = await postReturn(body, token);
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(snapshot(store)).toEqual(before);
  return res.body;
}

function sumOf(docs: readonly Doc[], pick: (d: Doc) => number): number {
  return docs.reduce((s, d) => s + pick(d), 0);
}

describe("returns against a receipt", () => {
  beforeEach(async () => {
    store = createTestStore();
    await seedCatalog(store);
  });

  test("a partial return refunds from the original sale and records every row", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1", qty: 3 }, { code: "BREAD" }]);
    const before = snapshot(store);
    const body = returnBody(sale.id, [{ code: "A1", qty: 1 }], 217); // 199 + 18 tax (of 53 for 3)
    const res = await postReturn(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      originalSaleId: sale.id,
      originalReceiptNo: sale.receiptNo,
      receiptNo: "S1-backoffice-R000001",
      subtotalMinor: 199,
      discountMinor: 0,
      taxMinor: 18,
      totalMinor: 217,
      tenders: [{ type: "card", amountMinor: 217 }],
    });
    expect(res.body.lines).toEqual([
      expect.objectContaining({
        code: "A1",
        qtyMilli: 1000,
        originalLineNo: 1,
        extendedMinor: 199,
        totalMinor: 199,
      }),
    ]);
    const after = snapshot(store);
    expect(after.returns).toBe((before.returns ?? 0) + 1);
    expect(after.return_lines).toBe((before.return_lines ?? 0) + 1);
    expect(after.tenders).toBe((before.tenders ?? 0) + 1);
    expect(after.sale_taxes).toBe((before.sale_taxes ?? 0) + 1);
    expect(after.stock_movements).toBe((before.stock_movements ?? 0) + 1);
    expect(after.returnedMilli).toBe(1000);
    expect(onHandMilli(store, "A1")).toBe(-2000);
    expect(journalTypes(store).at(-1)).toBe("return.recorded");
    const rows = store.ctx.sqlite
      .query<{ doc_kind: string; amount_minor: number }, [string]>(
        "SELECT doc_kind, amount_minor FROM tenders WHERE doc_id = ?",
      )
      .all(body.id as string);
    expect(rows).toEqual([{ doc_kind: "return", amount_minor: 217 }]);
    const audit = await store.request<{ entries: { refId: string }[] }>(
      "GET",
      `${API}/audit?action=return.recorded`,
    );
    expect(audit.body.entries.map((e) => e.refId)).toEqual([body.id as string]);
    const listed = await store.request<{ returns: Doc[] }>("GET", `${API}/returns?originalSaleId=${sale.id}`);
    expect(listed.body.returns.map((r) => r.id)).toEqual([body.id as string]);
  });

  test("returning everything in parts refunds exactly the original totals", async () => {
    const sale = (await recordPaidSale(
      store,
      [
        { code: "A1", qty: 7, discount: { percent: "10" } },
        { code: "MILK", qty: 3 },
        { code: "BREAD", qty: 2 },
        { code: "A1", qty: 2 },
      ],
      { discount: { amountMinor: 37 } },
    )) as unknown as Doc;
    const parts = [
      [{ code: "A1", qty: 2 }],
      [
        { code: "A1", qty: 3 },
        { code: "MILK", qty: 1 },
      ],
      [{ code: "036000291452", qty: 1 }], // the barcode of A1
      [
        { code: "MILK", qty: 2 },
        { code: "BREAD", qty: 1 },
      ],
      [
        { code: "A1", qty: 3 },
        { code: "BREAD", qty: 1 },
      ],
    ];
    const docs: Doc[] = [];
    for (const lines of parts) docs.push(await returnExactly(sale.id, lines));
    expect(sumOf(docs, (d) => d.totalMinor)).toBe(sale.totalMinor);
    expect(sumOf(docs, (d) => d.taxMinor)).toBe(sale.taxMinor);
    expect(sumOf(docs, (d) => d.discountMinor)).toBe(sale.discountMinor);
    expect(sumOf(docs, (d) => d.subtotalMinor)).toBe(sale.subtotalMinor);
    for (const row of sale.taxes) {
      const back = docs.flatMap((d) => d.taxes).filter((t) => t.taxClass === row.taxClass);
      expect(back.reduce((s, t) => s + t.taxMinor, 0)).toBe(row.taxMinor);
      expect(back.reduce((s, t) => s + t.baseMinor, 0)).toBe(row.baseMinor);
    }
    for (const line of sale.lines) {
      const i = sale.lines.indexOf(line) + 1;
      const back = docs.flatMap((d) => d.lines).filter((l) => l.originalLineNo === i);
      expect(back.reduce((s, l) => s + l.totalMinor, 0)).toBe(line.totalMinor);
      expect(back.reduce((s, l) => s + l.qtyMilli, 0)).toBe(line.qtyMilli);
    }
    // Nothing is left to return.
    await expectRefused(returnBody(sale.id, [{ code: "BREAD", qty: 1 }], 1), 409, "RETURN_EXCEEDS_SOLD");
  });

  test("never more than was sold, counting earlier returns", async () => {
    const sale = await recordPaidSale(store, [{ code: "MILK", qty: 3 }]);
    const err = await expectRefused(
      returnBody(sale.id, [{ code: "MILK", qty: 4 }], 1),
      409,
      "RETURN_EXCEEDS_SOLD",
    );
    expect(err.error.details).toMatchObject({ requestedMilli: 4000, soldMilli: 3000, returnableMilli: 3000 });
    await returnExactly(sale.id, [{ code: "MILK", qty: 2 }]);
    await expectRefused(returnBody(sale.id, [{ code: "MILK", qty: 2 }], 1), 409, "RETURN_EXCEEDS_SOLD");
    // Two lines of the same request count together.
    await expectRefused(
      returnBody(
        sale.id,
        [
          { code: "MILK", qty: 1 },
          { code: "MILK", qty: 1 },
        ],
        1,
      ),
      409,
      "RETURN_EXCEEDS_SOLD",
    );
    await returnExactly(sale.id, [{ code: "MILK", qty: 1 }]);
  });

  test("weighed items return by weight, down to the gram", async () => {
    const sale = await recordPaidSale(store, [{ code: "BAN", qty: "0.455" }]);
    const a = await returnExactly(sale.id, [{ code: "BAN", qty: "0.2" }]);
    const b = await returnExactly(sale.id, [{ code: "BAN", qty: 0.255 }]);
    expect(a.totalMinor + b.totalMinor).toBe(sale.totalMinor);
    await expectRefused(returnBody(sale.id, [{ code: "BAN", qty: "0.001" }], 1), 409, "RETURN_EXCEEDS_SOLD");
    expect(onHandMilli(store, "BAN")).toBe(0);
  });

  test("the receipt number finds the sale, as a scanned receipt would", async () => {
    const sale = await recordPaidSale(store, [{ code: "BREAD", qty: 2 }]);
    const body = {
      id: uuidv7(),
      receiptNo: sale.receiptNo,
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 275 }],
    };
    const res = await postReturn(body);
    expect(res.status).toBe(201);
    expect(res.body.originalSaleId).toBe(sale.id);
    const typed = await postReturn({ ...body, id: uuidv7(), receiptNo: sale.receiptNo.replace(/-0+/, "-") });
    expect(typed.status).toBe(201);
    expect(typed.body.originalSaleId).toBe(sale.id);
    await expectRefused({ ...body, id: uuidv7(), receiptNo: "S1-T1-999999" }, 404, "SALE_NOT_FOUND");
    await expectRefused(
      { ...body, id: uuidv7(), originalSaleId: sale.id, receiptNo: "S1-T1-000777" },
      400,
      "RECEIPT_MISMATCH",
    );
  });

  test("a retry of the same id answers the stored return and changes nothing", async () => {
    const sale = await recordPaidSale(store, [{ code: "BREAD", qty: 2 }]);
    const body = returnBody(sale.id, [{ code: "BREAD", qty: 1 }], 275);
    const first = await postReturn(body);
    expect(first.status).toBe(201);
    const before = snapshot(store);
    const again = await postReturn(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(snapshot(store)).toEqual(before);
    const got = await store.request<Doc>("GET", `${API}/returns/${body.id}`);
    expect(got.body).toEqual(first.body);
  });

  test("refund tenders must pay back exactly the refund", async () => {
    const sale = await recordPaidSale(store, [{ code: "BREAD", qty: 2 }]);
    const short = await expectRefused(
      returnBody(sale.id, [{ code: "BREAD", qty: 1 }], 270),
      400,
      "REFUND_TENDER_MISMATCH",
    );
    expect(short.error.details).toMatchObject({ refundMinor: 275, paidMinor: 270 });
    await expectRefused(
      returnBody(sale.id, [{ code: "BREAD", qty: 1 }], 300, "cash"),
      400,
      "REFUND_TENDER_MISMATCH",
    );
    await expectRefused(
      returnBody(sale.id, [{ code: "BREAD", qty: 1 }], 275, "bitcoin"),
      400,
      "UNKNOWN_TENDER",
    );
    const split = await postReturn({
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [
        { type: "card", amountMinor: 200 },
        { type: "cash", amountMinor: 75 },
      ],
    });
    expect(split.status).toBe(201);
  });

  test("bad input answers a precise 4xx and changes nothing", async () => {
    const sale = await recordPaidSale(store, [{ code: "A1", qty: 2 }]);
    const ok = returnBody(sale.id, [{ code: "A1", qty: 1 }], 217);
    await expectRefused({ ...ok, lines: [{ code: "MILK", qty: 1 }] }, 400, "NOT_ON_SALE");
    await expectRefused({ ...ok, lines: [{ code: "A1", qty: 1, lineNo: 2 }] }, 400, "NOT_ON_SALE");
    await expectRefused({ ...ok, lines: [{ code: "A1", qty: -1 }] }, 400, "INVALID_REQUEST");
    await expectRefused({ ...ok, lines: [{ code: "A1", qty: 0.5 }] }, 400, "FRACTIONAL_QUANTITY");
    await expectRefused({ ...ok, lines: [{ code: "A1", qty: 99_999 }] }, 400, "INVALID_REQUEST");
    await expectRefused(
      { ...ok, lines: [{ code: "A1", qty: 1, unitPriceMinor: 1 }] },
      400,
      "PRICE_FROM_RECEIPT",
    );
    await expectRefused({ ...ok, lines: [] }, 400, "INVALID_REQUEST");
    await expectRefused({ ...ok, tenders: [{ type: "card", amountMinor: -217 }] }, 400, "INVALID_REQUEST");
    await expectRefused({ ...ok, id: "not-a-uuid" }, 400, "INVALID_REQUEST");
    await expectRefused({ ...ok, originalSaleId: uuidv7() }, 404, "SALE_NOT_FOUND");
    await expectRefused({ ...ok, reason: "x".repeat(5000) }, 400, "INVALID_REQUEST");
    const before = snapshot(store);
    const malformed = await store.request<ErrorBody>("POST", `${API}/returns`, "{ nope");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("MALFORMED_JSON");
    const noToken = await store.request<ErrorBody>("POST", `${API}/returns`, ok, null);
    expect(noToken.status).toBe(401);
    expect(snapshot(store)).toEqual(before);
  });
});

describe("returns with a receipt follow the refund approval setting", () => {
  beforeEach(async () => {
    store = createTestStore();
    await seedCatalog(store);
  });

  test("a cashier's refund against a receipt needs a supervisor when refunds need one", async () => {
    const sale = await recordPaidSale(store, [{ code: "BREAD" }], {}, "cash");
    const cashier = await session(store, "cashier", "1111");
    await session(store, "supervisor", "2222", "T2");
    const body = { lines: [{ code: "BREAD", qty: 1 }], originalSaleId: sale.id };
    const refused = await expectRefused({ id: uuidv7(), ...body }, 403, "APPROVAL_REQUIRED", cashier.token);
    expect(refused.error.message).toContain("approvalPin");
    const approved = await postReturn({ id: uuidv7(), ...body, approvalPin: "2222" }, cashier.token);
    expect(approved.status).toBe(201);
    expect(approved.body.approvedBy).not.toBeNull();
  });

  test("with refunds waived, a cashier refunds against a receipt alone", async () => {
    store.close();
    store = createTestStore({ settings: { approvals: { refund: false } } });
    await seedCatalog(store);
    const sale = await recordPaidSale(store, [{ code: "BREAD" }], {}, "cash");
    const cashier = await session(store, "cashier", "1111");
    const res = await postReturn(
      { id: uuidv7(), lines: [{ code: "BREAD", qty: 1 }], originalSaleId: sale.id },
      cashier.token,
    );
    expect(res.status).toBe(201);
    expect(res.body.approvedBy).toBeNull();
  });

  test("cash back for a card sale is a supervisor's choice, even with refunds waived", async () => {
    store.close();
    store = createTestStore({ settings: { approvals: { refund: false } } });
    await seedCatalog(store);
    const sale = await recordPaidSale(store, [{ code: "BREAD", qty: 2 }], {}, "card");
    const cashier = await session(store, "cashier", "1111");
    await session(store, "supervisor", "9999", "T2");
    const lines = [{ code: "BREAD", qty: 1 }];
    const refund = await refundOf(sale.id, lines);

    const before = snapshot(store);
    const inCash = { id: uuidv7(), lines, originalSaleId: sale.id };
    const cash = [{ type: "cash", amountMinor: refund }];
    const refused = await postReturn({ ...inCash, tenders: cash }, cashier.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("APPROVAL_REQUIRED");
    // Nor to another card tender the sale never had.
    const other = { ...inCash, id: uuidv7(), tenders: [{ type: "giftcard", amountMinor: refund }] };
    expect((await postReturn(other, cashier.token)).status).toBeOneOf([400, 403]);
    expect(snapshot(store)).toEqual(before);

    const approved = await postReturn({ ...inCash, tenders: cash, approvalPin: "9999" }, cashier.token);
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect(approved.body.approvedBy).not.toBeNull();

    // The way it was paid needs no one.
    const asPaid = await postReturn(
      { id: uuidv7(), lines, originalSaleId: sale.id, tenders: [{ type: "card", amountMinor: refund }] },
      cashier.token,
    );
    expect(asPaid.status).toBe(201);
    expect(asPaid.body.approvedBy).toBeNull();
  });
});

describe("returns without a receipt", () => {
  beforeEach(async () => {
    store = createTestStore();
    await seedCatalog(store);
  });

  test("need a supervisor's PIN and are priced from the current catalog", async () => {
    const cashier = await session(store, "cashier", "1111");
    const supervisor = await session(store, "supervisor", "2222", "T2");
    const body = {
      id: uuidv7(),
      lines: [{ code: "MILK", qty: 2 }],
      tenders: [{ type: "cash", amountMinor: 760 }],
    };
    const required = await expectRefused(body, 403, "APPROVAL_REQUIRED", cashier.token);
    expect(required.error.message).toContain("approvalPin");

    const stockBefore = snapshot(store);
    const wrong = await postReturn({ ...body, approvalPin: "9999" }, cashier.token);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("WRONG_PIN");
    const own = await postReturn({ ...body, approvalPin: "1111" }, cashier.token);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe("NOT_AN_APPROVER");
    const after = snapshot(store);
    for (const table of ["returns", "return_lines", "tenders", "stock_movements", "sale_taxes"]) {
      expect(after[table]).toBe(stockBefore[table] as number);
    }

    // The price changed since the goods were bought: a return without a receipt pays today's.
    await store.request("POST", `${API}/products`, {
      code: "MILK",
      name: "Milk 1l",
      priceMinor: 399,
      taxClass: "1",
    });
    await expectRefused({ ...body, approvalPin: "2222" }, 400, "REFUND_TENDER_MISMATCH", cashier.token);
    const res = await postReturn(
      { ...body, approvalPin: "2222", tenders: [{ type: "cash", amountMinor: 869 }] },
      cashier.token,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      originalSaleId: null,
      approvedBy: supervisor.userId,
      totalMinor: 869,
      tillId: "T1",
    });
    expect(res.body.lines[0]).toMatchObject({ code: "MILK", originalLineNo: null, extendedMinor: 798 });
    expect(onHandMilli(store, "MILK")).toBe(2000);
  });

  test("a supervisor's own session and the admin token approve by themselves", async () => {
    const supervisor = await session(store, "supervisor", "2222");
    const res = await postReturn(
      { id: uuidv7(), lines: [{ code: "BREAD", qty: 1 }], tenders: [{ type: "cash", amountMinor: 275 }] },
      supervisor.token,
    );
    expect(res.status).toBe(201);
    expect(res.body.approvedBy).toBe(supervisor.userId);
    const admin = await postReturn({
      id: uuidv7(),
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 275 }],
    });
    expect(admin.status).toBe(201);
    expect(admin.body.approvedBy).toBe("admin");
  });

  test("an approval from POST /approvals is used once", async () => {
    const cashier = await session(store, "cashier", "1111");
    await session(store, "supervisor", "2222", "T2");
    const grant = await store.request<{ approvalId: string }>(
      "POST",
      `${API}/approvals`,
      { action: "returnWithoutReceipt", pin: "2222", tillId: "T1" },
      cashier.token,
    );
    expect(grant.status).toBe(201);
    const body = {
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 275 }],
      approvalId: grant.body.approvalId,
    };
    const first = await postReturn({ id: uuidv7(), ...body }, cashier.token);
    expect(first.status).toBe(201);
    const reused = await postReturn({ id: uuidv7(), ...body }, cashier.token);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("APPROVAL_USED");
  });

  test("the store may waive the approval", async () => {
    store.close();
    store = createTestStore({ settings: { approvals: { refund: false } } });
    await seedCatalog(store);
    const cashier = await session(store, "cashier", "1111");
    const res = await postReturn(
      { id: uuidv7(), lines: [{ code: "BREAD", qty: 1 }], tenders: [{ type: "cash", amountMinor: 275 }] },
      cashier.token,
    );
    expect(res.status).toBe(201);
    expect(res.body.approvedBy).toBeNull();
  });
});

describe("cash refunds with cash rounding", () => {
  test("the cash part may be rounded to the smallest coin", async () => {
    store = createTestStore({
      settings: {
        currency: "CHF",
        cashRoundingMinor: 5,
        taxClasses: [
          { id: "1", name: "Normal", rate: "8.1" },
          { id: "2", name: "Reduced", rate: "2.6" },
        ],
      },
    });
    await seedCatalog(store);
    const sale = await recordPaidSale(store, [{ code: "A1", qty: 1 }]); // 199 + 16 tax = 215
    await recordPaidSale(store, [{ code: "MILK", qty: 1 }]);
    expect(sale.totalMinor).toBe(215);
    const milk = await recordPaidSale(store, [
      { code: "BREAD", qty: 1 },
      { code: "MILK", qty: 1 },
    ]);
    // MILK: 349 + 28 tax = 377, rounds to 375 in cash.
    const res = await postReturn({
      id: uuidv7(),
      originalSaleId: milk.id,
      lines: [{ code: "MILK", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 375 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.totalMinor).toBe(377);
    expect(res.body.cashRoundingMinor).toBe(-2);
    // The exact amount is accepted too (cash paid back without rounding).
    const exact = await postReturn({
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "A1", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 215 }],
    });
    expect(exact.status).toBe(201);
    expect(exact.body.cashRoundingMinor).toBe(0);
  });
});

describe("prices with tax included and tax rounded per document", () => {
  test("parts still add up to the sale", async () => {
    store = createTestStore({
      settings: {
        currency: "EUR",
        pricesIncludeTax: true,
        taxRounding: "document",
        taxClasses: [
          { id: "1", name: "Standard", rate: "19" },
          { id: "2", name: "Reduced", rate: "7" },
        ],
      },
    });
    await seedCatalog(store);
    const sale = (await recordPaidSale(
      store,
      [
        { code: "A1", qty: 5 },
        { code: "MILK", qty: 3, discount: { amountMinor: 11 } },
        { code: "12345", unitPriceMinor: 333 },
      ],
      { discount: { percent: "3" } },
    )) as unknown as Doc;
    const docs: Doc[] = [];
    for (const lines of [
      [
        { code: "A1", qty: 1 },
        { code: "MILK", qty: 1 },
      ],
      [{ code: "A1", qty: 2 }],
      [
        { code: "12345", qty: 1 },
        { code: "MILK", qty: 2 },
        { code: "A1", qty: 2 },
      ],
    ]) {
      docs.push(await returnExactly(sale.id, lines));
    }
    expect(sumOf(docs, (d) => d.totalMinor)).toBe(sale.totalMinor);
    expect(sumOf(docs, (d) => d.taxMinor)).toBe(sale.taxMinor);
    for (const row of sale.taxes) {
      const back = docs.flatMap((d) => d.taxes).filter((t) => t.taxClass === row.taxClass);
      expect(back.reduce((s, t) => s + t.baseMinor, 0)).toBe(row.baseMinor);
      expect(back.every((t) => t.rate === row.rate)).toBe(true);
    }
  });
});

describe("the cashier of a return is the session's", () => {
  test("a session naming another cashier is refused and records nothing", async () => {
    store = createTestStore({ settings: { approvals: { refund: false } } });
    await seedCatalog(store);
    const sale = await recordPaidSale(store, [{ code: "BREAD" }], {}, "cash");
    const cashier = await session(store, "cashier", "1111");
    const other = await session(store, "cashier", "2222", "T2");
    const refused = await expectRefused(
      { id: uuidv7(), lines: [{ code: "BREAD", qty: 1 }], originalSaleId: sale.id, cashierId: other.userId },
      403,
      "IDENTITY_MISMATCH",
      cashier.token,
    );
    expect(refused.error.message).toContain("logged in");
    const own = await postReturn(
      { id: uuidv7(), lines: [{ code: "BREAD", qty: 1 }], originalSaleId: sale.id },
      cashier.token,
    );
    expect(own.status).toBe(201);
  });
});
