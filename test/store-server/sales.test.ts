/**
 * Route tests of quoting and recording sales: pricing answers, idempotent retries, and bad
 * input that answers a precise 4xx and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, onHandMilli, saleBody, seedCatalog, snapshot, usPriceBarcode } from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface Line {
  code: string;
  qty: number;
  qtyMilli: number;
  unitPriceMinor: number;
  extendedMinor: number;
  taxMinor: number;
  totalMinor: number;
}
interface Sale extends JsonObject {
  id: string;
  receiptNo: string;
  lines: Line[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  changeMinor: number;
  status: string;
}

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

/** Sends a bad sale and checks it answers the status and code given, with nothing recorded. */
async function refused(body: unknown, status: number, code: string): Promise<ErrorBody> {
  const before = snapshot(store);
  const res = await store.request<ErrorBody>("POST", `${API}/sales`, body);
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message.length).toBeGreaterThan(10);
  expect(snapshot(store)).toEqual(before);
  return res.body;
}

describe("POST /baskets/quote", () => {
  test("prices lines with tax added on top and records nothing", async () => {
    const before = snapshot(store);
    const res = await store.request<Sale>("POST", `${API}/baskets/quote`, {
      lines: [{ code: "A1", qty: 3 }, { code: "BREAD" }],
    });
    expect(res.status).toBe(200);
    expect(res.body.lines.map((l) => [l.code, l.qtyMilli, l.extendedMinor, l.taxMinor])).toEqual([
      ["A1", 3000, 597, 53],
      ["BREAD", 1000, 275, 0],
    ]);
    expect(res.body.subtotalMinor).toBe(872);
    expect(res.body.taxMinor).toBe(53);
    expect(res.body.totalMinor).toBe(925);
    expect(snapshot(store)).toEqual(before);
  });

  test("a barcode finds its product", async () => {
    const res = await store.request<Sale>("POST", `${API}/baskets/quote`, {
      lines: [{ code: "036000291452" }],
    });
    expect(res.status).toBe(200);
    expect(res.body.lines[0]?.code).toBe("A1");
  });
});

describe("POST /sales", () => {
  test("records a sale with change, a receipt number and stock out", async () => {
    const res = await store.request<Sale>(
      "POST",
      `${API}/sales`,
      saleBody([{ code: "MILK", qty: 2 }], [{ type: "cash", amountMinor: 1000 }]),
    );
    expect(res.status).toBe(201);
    expect(res.body.receiptNo).toBe("S1-T1-000001");
    expect(res.body.totalMinor).toBe(760); // 698 + 62 tax
    expect(res.body.changeMinor).toBe(240);
    expect(res.body.status).toBe("completed");
    expect(onHandMilli(store, "MILK")).toBe(-2000);
    expect(res.body.negativeStock).toEqual(["MILK"]);
    const got = await store.request<Sale>("GET", `${API}/sales/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.totalMinor).toBe(760);
  });

  test("a retry of the same id answers the first result and records nothing new", async () => {
    const body = saleBody([{ code: "A1", qty: 1 }], [{ type: "cash", amountMinor: 500 }]);
    const first = await store.request<Sale>("POST", `${API}/sales`, body);
    expect(first.status).toBe(201);
    const before = snapshot(store);
    const again = await store.request<Sale>("POST", `${API}/sales`, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(snapshot(store)).toEqual(before);
  });

  test("tenders short of the total are refused with the shortfall", async () => {
    const err = await refused(
      saleBody([{ code: "MILK" }], [{ type: "cash", amountMinor: 300 }]),
      400,
      "TENDER_SHORT",
    );
    expect(err.error.details).toMatchObject({ shortMinor: 80 });
  });

  test("a sale that comes to nothing needs no tender; one that costs anything does", async () => {
    const free = await store.request("POST", `${API}/products`, {
      code: "SAMPLE",
      name: "Free sample",
      priceMinor: 0,
    });
    expect(free.status).toBe(200);
    const res = await store.request<Sale>("POST", `${API}/sales`, saleBody([{ code: "SAMPLE", qty: 3 }], []));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalMinor: 0, changeMinor: 0, status: "completed" });
    const err = await refused(saleBody([{ code: "SAMPLE" }, { code: "MILK" }], []), 400, "TENDER_SHORT");
    expect(err.error.details).toMatchObject({ shortMinor: 380 });
  });

  test("a card may not pay more than is due", async () => {
    await refused(
      saleBody([{ code: "MILK" }], [{ type: "card", amountMinor: 1000 }]),
      400,
      "CHANGE_NOT_ALLOWED",
    );
  });

  test("an unknown code is 404 with the line named", async () => {
    const err = await refused(
      saleBody([{ code: "A1" }, { code: "NOPE" }], [{ type: "cash", amountMinor: 5000 }]),
      404,
      "UNKNOWN_CODE",
    );
    expect(err.error.message).toContain("line 2");
  });

  test("an absurd quantity is refused", async () => {
    await refused(
      saleBody([{ code: "A1", qty: 1_000_000 }], [{ type: "cash", amountMinor: 5000 }]),
      400,
      "INVALID_REQUEST",
    );
    await refused(
      saleBody([{ code: "A1", qty: "0" }], [{ type: "cash", amountMinor: 5000 }]),
      400,
      "INVALID_QUANTITY",
    );
  });

  test("a price over the store's limit is refused", async () => {
    await refused(
      saleBody([{ code: "A1", unitPriceMinor: 10_000_001 }], [{ type: "cash", amountMinor: 20_000_000 }]),
      400,
      "PRICE_TOO_HIGH",
    );
  });

  test("malformed JSON, wrong shapes, a missing token and unknown tenders change nothing", async () => {
    const before = snapshot(store);
    const malformed = await store.request<ErrorBody>("POST", `${API}/sales`, '{"id": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("MALFORMED_JSON");
    const noToken = await store.request<ErrorBody>(
      "POST",
      `${API}/sales`,
      saleBody([{ code: "A1" }], [{ type: "cash", amountMinor: 500 }]),
      null,
    );
    expect(noToken.status).toBe(401);
    const badToken = await store.request<ErrorBody>(
      "POST",
      `${API}/sales`,
      saleBody([{ code: "A1" }], [{ type: "cash", amountMinor: 500 }]),
      "rgp_wrong",
    );
    expect(badToken.status).toBe(401);
    expect(snapshot(store)).toEqual(before);
    await refused(
      { ...saleBody([{ code: "A1" }], [{ type: "cash", amountMinor: 500 }]), id: "nope" },
      400,
      "INVALID_REQUEST",
    );
    await refused(saleBody([], [{ type: "cash", amountMinor: 500 }]), 400, "INVALID_REQUEST");
    await refused(saleBody([{ code: "A1" }], [{ type: "cash", amountMinor: -5 }]), 400, "INVALID_REQUEST");
    await refused(
      saleBody([{ code: "x".repeat(10_000) }], [{ type: "cash", amountMinor: 500 }]),
      400,
      "INVALID_REQUEST",
    );
    await refused(saleBody([{ code: "A1" }], [{ type: "bitcoin", amountMinor: 500 }]), 400, "UNKNOWN_TENDER");
    await refused(
      saleBody([{ code: "A1", qty: 1.5 }], [{ type: "cash", amountMinor: 500 }]),
      400,
      "FRACTIONAL_QUANTITY",
    );
  });

  test("a price-embedded barcode carries the line's price", async () => {
    const code = usPriceBarcode("12345", 499);
    const res = await store.request<Sale>(
      "POST",
      `${API}/sales`,
      saleBody([{ code }], [{ type: "cash", amountMinor: 1000 }]),
    );
    expect(res.status).toBe(201);
    const line = res.body.lines[0];
    expect(line?.code).toBe("12345");
    expect(line?.unitPriceMinor).toBe(499);
    expect(line?.extendedMinor).toBe(499);
    expect(res.body.totalMinor).toBe(499 + 44); // deli tax 8.875%
    expect(onHandMilli(store, "12345")).toBe(-1000);
  });

  test("a weighed item is priced by its weight and leaves fractional stock", async () => {
    const res = await store.request<Sale>(
      "POST",
      `${API}/sales`,
      saleBody([{ code: "BAN", qty: "0.455" }], [{ type: "cash", amountMinor: 100 }]),
    );
    expect(res.status).toBe(201);
    expect(res.body.lines[0]).toMatchObject({ qty: 0.455, qtyMilli: 455, extendedMinor: 59 }); // 1.29 × 0.455
    expect(res.body.totalMinor).toBe(59);
    expect(onHandMilli(store, "BAN")).toBe(-455);
    const noWeight = await refused(
      saleBody([{ code: "BAN" }], [{ type: "cash", amountMinor: 100 }]),
      400,
      "WEIGHT_REQUIRED",
    );
    expect(noWeight.error.message).toContain("weight");
  });

  test("line voids in the sale's audit list are recorded and queryable", async () => {
    const res = await store.request<Sale>(
      "POST",
      `${API}/sales`,
      saleBody([{ code: "A1" }], [{ type: "cash", amountMinor: 500 }], {
        audit: [
          { action: "line.voided", detail: { code: "MILK", qtyMilli: 1000, totalMinor: 349 } },
          { action: "line.voided", detail: { code: "BREAD", qtyMilli: 1000, totalMinor: 275 } },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const audit = await store.request<{
      entries: { action: string; refId: string; tillId: string; detail: JsonObject }[];
    }>("GET", `${API}/audit?action=line.voided`);
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toHaveLength(2);
    for (const entry of audit.body.entries) {
      expect(entry.refId).toBe(res.body.id);
      expect(entry.tillId).toBe("T1");
    }
    expect(audit.body.entries.map((e) => e.detail.code).sort()).toEqual(["BREAD", "MILK"]);
  });
});
