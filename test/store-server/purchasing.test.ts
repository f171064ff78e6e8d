/**
 * Route tests of purchasing: vendors and their catalogs with cost history, catalog imports (all
 * or nothing, bad lines named), purchase orders through their statuses, the worksheet, the
 * vendor's PDF and CSV, receiving against an order (defaults, variances, landed cost, the limit),
 * receiving without one, vendor credits, and bad input refused with a precise 4xx that changes
 * nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, onHandMilli, recordPaidSale, seedCatalog, session } from "./sales-fixtures.ts";

type Body = JsonObject & { error?: { code: string; message: string } };

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

const post = (path: string, body: unknown) => store.request<Body>("POST", `${API}${path}`, body);
const get = (path: string) => store.request<Body>("GET", `${API}${path}`);

const PURCHASING_TABLES = [
  "vendors",
  "vendor_items",
  "vendor_item_costs",
  "purchase_orders",
  "purchase_order_lines",
  "purchase_receipts",
  "purchase_receipt_lines",
  "vendor_credits",
  "vendor_credit_lines",
  "stock_documents",
  "stock_movements",
  "audit",
  "events",
];
function counts(): Record<string, number> {
  return Object.fromEntries(PURCHASING_TABLES.map((t) => [t, store.count(t)]));
}

/** The request must be refused with this status and code, and change nothing. */
async function refused(path: string, body: unknown, status: number, code: string): Promise<string> {
  const before = counts();
  const res = await post(path, body);
  expect(res.status).toBe(status);
  expect(res.body.error?.code).toBe(code);
  expect(counts()).toEqual(before);
  return res.body.error?.message ?? "";
}

/** A vendor item's cost history, newest first. */
async function costHistory(vendorId: string, code: string): Promise<JsonObject[]> {
  const items = (await get(`/vendors/${vendorId}/items?code=${code}`)).body.items as {
    costHistory?: JsonObject[];
  }[];
  return items[0]?.costHistory ?? [];
}

async function vendorWithCatalog(): Promise<void> {
  const v = await post("/vendors", {
    id: "ACME",
    name: "Acme Foods",
    contacts: [{ name: "Jo Sales", email: "jo@acme.example" }],
    paymentTerms: "net 30",
    paymentTypes: ["bank_transfer"],
  });
  expect(v.status).toBe(201);
  expect(
    (
      await post("/vendors/ACME/items", {
        code: "MILK",
        vendorCode: "AC-M1",
        caseSize: 12,
        costMinor: 100,
        leadTimeDays: 2,
      })
    ).status,
  ).toBe(201);
  expect((await post("/vendors/ACME/items", { code: "BREAD", costMinor: 50 })).status).toBe(201);
}

async function order(lines: JsonObject[], send = true): Promise<Body & { id: string; number: number }> {
  const res = await post("/purchase-orders", {
    id: uuidv7(),
    vendorId: "ACME",
    lines,
    send,
    expectedAt: "2026-03-04",
  });
  expect(res.status).toBe(201);
  return res.body as Body & { id: string; number: number };
}

describe("vendors and their catalogs", () => {
  test("a vendor is idempotent by id, changed by PATCH, and its item keeps every cost with its source", async () => {
    await vendorWithCatalog();
    const again = await post("/vendors", {
      id: "ACME",
      name: "Acme Foods",
      contacts: [{ name: "Jo Sales", email: "jo@acme.example" }],
      paymentTerms: "net 30",
      paymentTypes: ["bank_transfer"],
    });
    expect(again.status).toBe(200);
    await refused("/vendors", { id: "ACME", name: "Other" }, 409, "VENDOR_ID_REUSED");
    const patched = await store.request<Body>("PATCH", `${API}/vendors/ACME`, { paymentTerms: "net 14" });
    expect(patched.body).toMatchObject({
      paymentTerms: "net 14",
      itemCount: 2,
      paymentTypes: ["bank_transfer"],
    });

    store.clock.advance(60_000);
    await post("/vendors/ACME/items", {
      code: "MILK",
      vendorCode: "AC-M1",
      caseSize: 12,
      costMinor: 110,
      leadTimeDays: 2,
    });
    const item = await get("/vendors/ACME/items?code=MILK");
    const [milk] = item.body.items as JsonObject[];
    expect(milk).toMatchObject({ costMinor: 110, caseSizeMilli: 12_000, vendorCode: "AC-M1" });
    expect(
      (await costHistory("ACME", "MILK")).map((h) => [h.costMinor, h.previousCostMinor, h.source]),
    ).toEqual([
      [110, 100, "manual"],
      [100, null, "manual"],
    ]);
    const types = store.ctx.sqlite.query<{ type: string }, []>("SELECT type FROM events ORDER BY seq").all();
    expect(types.map((t) => t.type)).toContain("vendor.items_changed");
    expect(types.map((t) => t.type)).toContain("vendor.changed");
  });

  test("a catalog import is all or nothing and names every bad line", async () => {
    await vendorWithCatalog();
    const message = await refused(
      "/vendor-items/import",
      {
        vendorId: "ACME",
        source: "acme.csv",
        items: [
          { line: 2, code: "MILK", costMinor: 120 },
          { line: 3, code: "NOPE", costMinor: 10 },
          { line: 4, code: "BREAD", costMinor: 60, caseSize: 0.5 },
        ],
      },
      400,
      "IMPORT_INVALID",
    );
    expect(message).toContain("line 3: code");
    expect(message).toContain("line 4: caseSize");
    const ok = await post("/vendor-items/import", {
      vendorId: "ACME",
      source: "acme.csv",
      items: [
        { line: 2, code: "MILK", costMinor: 120 },
        { line: 3, code: "A1", costMinor: 80, vendorCode: "AC-A1" },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ imported: 2, added: 1, costChanges: 1 });
    expect((await costHistory("ACME", "MILK"))[0]).toMatchObject({
      costMinor: 120,
      source: "import",
      refId: "acme.csv",
    });
  });
});

test("purchasing is for managers: a cashier is refused and nothing changes", async () => {
  const cashier = await session(store, "cashier", "1111");
  const before = counts();
  const res = await store.request<Body>(
    "POST",
    `${API}/vendors`,
    { id: "ACME", name: "Acme" },
    cashier.token,
  );
  expect(res.status).toBe(403);
  expect(counts()).toEqual(before);
  expect((await store.request<Body>("GET", `${API}/purchase-orders`, undefined, cashier.token)).status).toBe(
    403,
  );
});

describe("purchase orders", () => {
  test("numbers per store, costs from the catalog, statuses, worksheet, PDF and CSV", async () => {
    await vendorWithCatalog();
    const draft = await post("/purchase-orders", {
      id: uuidv7(),
      vendorId: "ACME",
      lines: [
        { code: "MILK", qty: 24 },
        { code: "BREAD", qty: 10, costMinor: 45 },
      ],
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ number: 1, status: "draft", totalMinor: 24 * 100 + 10 * 45 });
    const id = draft.body.id as string;
    const sent = await post(`/purchase-orders/${id}/status`, { status: "sent" });
    expect(sent.body).toMatchObject({ status: "sent" });
    expect(sent.body.sentAt).toBe(store.clock.now.toISOString());
    const second = await order([{ code: "MILK", qty: 6 }]);
    expect(second.number).toBe(2);
    const cancelled = await post(`/purchase-orders/${second.id}/status`, { status: "cancelled" });
    expect(cancelled.body.status).toBe("cancelled");
    await refused(`/purchase-orders/${second.id}/status`, { status: "sent" }, 409, "STATUS_CHANGE_REFUSED");

    await store.request("POST", `${API}/stock/documents`, {
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [{ code: "MILK", qty: 30, unitCostMinor: 100 }],
    });
    await recordPaidSale(store, [{ code: "MILK", qty: 4 }]);
    const sheet = await get("/purchase-orders/worksheet?vendorId=ACME");
    expect(sheet.status).toBe(200);
    const lines = sheet.body.lines as JsonObject[];
    expect(lines.map((l) => [l.code, l.onHandMilli, l.onOrderMilli, l.soldMilli])).toEqual([
      ["BREAD", 0, 10_000, 0],
      ["MILK", 26_000, 24_000, 4_000],
    ]);

    const pdf = await store.app.handle(
      new Request(`http://store${API}/purchase-orders/${id}.pdf`, {
        headers: { authorization: `Bearer ${store.adminToken}` },
      }),
    );
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const csv = await store.app.handle(
      new Request(`http://store${API}/purchase-orders/${id}.csv`, {
        headers: { authorization: `Bearer ${store.adminToken}` },
      }),
    );
    expect(await csv.text()).toBe(
      "vendor_code,code,name,qty,cost_minor,total_minor\nAC-M1,MILK,Milk 1l,24,100,2400\n,BREAD,Bread,10,45,450\n",
    );
  });

  test("bad orders are refused precisely and change nothing", async () => {
    await vendorWithCatalog();
    const id = uuidv7();
    expect(
      await refused(
        "/purchase-orders",
        { id, vendorId: "NOBODY", lines: [{ code: "MILK", qty: 1 }] },
        404,
        "VENDOR_NOT_FOUND",
      ),
    ).toContain("vendorId");
    expect(
      await refused(
        "/purchase-orders",
        {
          id,
          vendorId: "ACME",
          lines: [
            { code: "MILK", qty: 1 },
            { code: "NOPE", qty: 1 },
          ],
        },
        404,
        "UNKNOWN_CODE",
      ),
    ).toContain("lines.1.code");
    await refused(
      "/purchase-orders",
      { id, vendorId: "ACME", lines: [{ code: "A1", qty: 1 }] },
      400,
      "COST_REQUIRED",
    );
    const negative = await post("/purchase-orders", {
      id,
      vendorId: "ACME",
      lines: [{ code: "MILK", qty: 1, costMinor: -5 }],
    });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain("must not be negative");
    await refused(
      "/purchase-orders",
      { id, vendorId: "ACME", lines: [{ code: "MILK", qty: 1, costMinor: 10_000_001 }] },
      400,
      "COST_OVER_LIMIT",
    );
    await refused(
      "/purchase-orders",
      {
        id,
        vendorId: "ACME",
        lines: [
          { code: "MILK", qty: 1 },
          { code: "MILK", qty: 2 },
        ],
      },
      400,
      "DUPLICATE_LINE",
    );
    const negativeItem = await post("/vendors/ACME/items", { code: "MILK", costMinor: -1 });
    expect(negativeItem.status).toBe(400);
    expect(store.count("purchase_orders")).toBe(0);
    await post("/purchase-orders", { id, vendorId: "ACME", lines: [{ code: "MILK", qty: 1 }] });
    await refused(
      "/purchase-orders",
      { id, vendorId: "ACME", lines: [{ code: "MILK", qty: 2 }] },
      409,
      "PURCHASE_ORDER_ID_REUSED",
    );
  });
});

describe("receiving", () => {
  test("against an order: defaults, variances per line, landed cost by value, vendor cost from the invoice", async () => {
    await vendorWithCatalog();
    const po = await order([
      { code: "MILK", qty: 24 },
      { code: "BREAD", qty: 10 },
    ]);
    const rid = uuidv7();
    const first = await post(`/purchase-orders/${po.id}/receipts`, {
      id: rid,
      lines: [{ code: "MILK", qty: 20, costMinor: 110 }],
      invoice: { number: "INV-1", date: "2026-03-02", landedCostMinor: 0 },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orderStatus: "partly_received", invoiceNumber: "INV-1" });
    expect(first.body.lines).toEqual([
      expect.objectContaining({
        code: "MILK",
        openMilli: 24_000,
        receivedMilli: 20_000,
        varianceMilli: -4_000,
        unitCostMinor: 110,
      }),
    ]);
    const repeat = await post(`/purchase-orders/${po.id}/receipts`, {
      id: rid,
      lines: [{ code: "MILK", qty: 20, costMinor: 110 }],
      invoice: { number: "INV-1", date: "2026-03-02", landedCostMinor: 0 },
    });
    expect(repeat.status).toBe(200);
    expect(onHandMilli(store, "MILK")).toBe(20_000);
    expect((await costHistory("ACME", "MILK"))[0]).toMatchObject({
      costMinor: 110,
      source: "invoice",
      refId: rid,
    });

    // The rest, with 7 of landed cost over 4 × 100 (MILK) and 10 × 50 (BREAD): 400 : 500 → 3 and 4.
    const rest = await post(`/purchase-orders/${po.id}/receipts`, {
      id: uuidv7(),
      invoice: { number: "INV-2", date: "2026-03-03", landedCostMinor: 9 },
    });
    expect(rest.status).toBe(201);
    expect(rest.body.orderStatus).toBe("received");
    const byCode = Object.fromEntries((rest.body.lines as JsonObject[]).map((l) => [l.code, l]));
    expect([byCode.MILK?.landedMinor, byCode.BREAD?.landedMinor]).toEqual([4, 5]);
    expect(byCode.MILK?.unitCostMinor).toBe(101);
    expect(byCode.BREAD?.unitCostMinor).toBe(51);
    await refused(`/purchase-orders/${po.id}/receipts`, { id: uuidv7() }, 409, "PURCHASE_ORDER_CLOSED");
    const doc = await get(`/stock/documents/${rid}`);
    expect(doc.body).toMatchObject({ type: "receipt", status: "posted" });
  });

  test("a receipt over the limit, or of what was not ordered, is refused and changes nothing", async () => {
    await vendorWithCatalog();
    const po = await order([{ code: "MILK", qty: 10 }]);
    const message = await refused(
      `/purchase-orders/${po.id}/receipts`,
      { id: uuidv7(), lines: [{ code: "MILK", qty: 12 }] },
      400,
      "RECEIPT_OVER_LIMIT",
    );
    expect(message).toContain("at most 11");
    await refused(
      `/purchase-orders/${po.id}/receipts`,
      { id: uuidv7(), lines: [{ code: "BREAD", qty: 1 }] },
      400,
      "NOT_ON_ORDER",
    );
    const over = await post(`/purchase-orders/${po.id}/receipts`, {
      id: uuidv7(),
      lines: [{ code: "MILK", qty: 11 }],
    });
    expect(over.body.lines).toEqual([expect.objectContaining({ varianceMilli: 1_000 })]);
    expect(over.body.orderStatus).toBe("received");
  });

  test("without an order, on the vendor's invoice", async () => {
    await vendorWithCatalog();
    const res = await post("/purchase-receipts", {
      id: uuidv7(),
      vendorId: "ACME",
      lines: [
        { code: "BREAD", qty: 5 },
        { code: "A1", qty: 2, costMinor: 70 },
      ],
      invoice: { number: "X-9", date: "2026-03-01" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orderId: null, totalCostMinor: 5 * 50 + 2 * 70 });
    expect(onHandMilli(store, "A1")).toBe(2_000);
    await refused(
      "/purchase-receipts",
      { id: uuidv7(), vendorId: "ACME", lines: [{ code: "BAN", qty: 1 }] },
      400,
      "COST_REQUIRED",
    );
  });
});

describe("vendor credits", () => {
  test("open until settled; a credit on goods never received is refused", async () => {
    await vendorWithCatalog();
    const msg = await refused(
      "/vendor-credits",
      {
        id: uuidv7(),
        vendorId: "ACME",
        lines: [{ code: "MILK", qty: 1, reason: "damaged", amountMinor: 100 }],
      },
      400,
      "CREDIT_NOT_RECEIVED",
    );
    expect(msg).toContain("lines.0.code");
    const po = await order([{ code: "MILK", qty: 10 }]);
    const receipt = await post(`/purchase-orders/${po.id}/receipts`, {
      id: uuidv7(),
      lines: [{ code: "MILK", qty: 8 }],
    });
    const receiptId = receipt.body.id as string;
    await refused(
      "/vendor-credits",
      {
        id: uuidv7(),
        vendorId: "ACME",
        receiptId,
        lines: [{ code: "MILK", qty: 9, reason: "damaged", amountMinor: 900 }],
      },
      400,
      "CREDIT_OVER_RECEIVED",
    );
    await refused(
      "/vendor-credits",
      {
        id: uuidv7(),
        vendorId: "ACME",
        receiptId,
        lines: [{ code: "BREAD", qty: 1, reason: "expired", amountMinor: 50 }],
      },
      400,
      "CREDIT_NOT_RECEIVED",
    );
    const credit = await post("/vendor-credits", {
      id: uuidv7(),
      vendorId: "ACME",
      receiptId,
      lines: [
        { code: "MILK", qty: 2, reason: "not_received", amountMinor: 200 },
        { code: "MILK", qty: 1, reason: "damaged", amountMinor: 100 },
      ],
    });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({ status: "open", totalMinor: 300, number: 1 });
    const settled = await post(`/vendor-credits/${credit.body.id}/settle`, { reference: "CN-55" });
    expect(settled.body).toMatchObject({ status: "settled", settlementRef: "CN-55" });
    await refused(`/vendor-credits/${credit.body.id}/settle`, {}, 409, "CREDIT_SETTLED");
    const open = await get("/vendor-credits?status=open");
    expect(open.body.credits).toEqual([]);
  });
});
