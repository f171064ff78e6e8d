import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

let store: TestStore;
afterEach(() => store?.close());

function sale(amountMinor: number, id = uuidv7()) {
  return {
    id,
    tillId: "T1",
    lines: [{ code: "MILK" }, { code: "BREAD", qty: 2 }],
    tenders: [{ type: "cash", amountMinor }],
  };
}

describe("sales committed together", () => {
  test("concurrent sales are each recorded once, and a refused one fails alone", async () => {
    store = createTestStore();
    await seedCatalog(store);
    const good = Array.from({ length: 20 }, () => sale(5000));
    const short = sale(1); // tenders do not cover the total
    const duplicate = { ...good[3]! };
    const answers = await Promise.all(
      [...good.slice(0, 10), short, duplicate, ...good.slice(10)].map((body) =>
        store.request<{ id: string; receiptNo: string; error?: { code: string } }>(
          "POST",
          `${API}/sales`,
          body,
        ),
      ),
    );
    const [first, rest] = [answers.slice(0, 10), answers.slice(12)];
    for (const a of [...first, ...rest]) expect(a.status).toBe(201);
    expect(answers[10]?.status).toBe(400);
    expect(answers[10]?.body.error?.code).toBe("TENDER_SHORT");
    // The repeat of an id in the same batch answers the first result and records nothing new.
    expect(answers[11]?.status).toBe(200);
    expect(answers[11]?.body.receiptNo).toBe(answers[3]?.body.receiptNo);

    expect(store.count("sales")).toBe(20);
    expect(store.count("sale_lines")).toBe(40);
    const receiptNos = new Set([...first, ...rest].map((a) => a.body.receiptNo));
    expect(receiptNos.size).toBe(20);
    const events = store.ctx.sqlite
      .query<{ n: number }, []>("SELECT count(*) AS n FROM events WHERE type = 'sale.completed'")
      .get();
    expect(events?.n).toBe(20);
    const verify = await store.request<{ ok: boolean }>("GET", `${API}/journal/verify`);
    expect(verify.body.ok).toBe(true);
  });
});

describe("sales by receipt number", () => {
  test("a receipt number finds its sale, padded or not, and the till's last number is known", async () => {
    store = createTestStore();
    await seedCatalog(store);
    const recorded = await store.request<{ id: string; receiptNo: string }>(
      "POST",
      `${API}/sales`,
      sale(5000),
    );
    expect(recorded.body.receiptNo).toBe("S1-T1-000001");
    const padded = await store.request<{ id: string }>("GET", `${API}/sales/by-receipt/S1-T1-000001`);
    expect(padded.body.id).toBe(recorded.body.id);
    const short = await store.request<{ id: string }>("GET", `${API}/sales/by-receipt/S1-T1-1`);
    expect(short.body.id).toBe(recorded.body.id);
    const missing = await store.request<{ error: { code: string } }>(
      "GET",
      `${API}/sales/by-receipt/S1-T1-9`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("SALE_NOT_FOUND");

    await store.request("POST", `${API}/sales`, { ...sale(5000), receiptNo: "S1-T1-000040" });
    const last = await store.request<{ receiptNo: string; seq: number }>(
      "GET",
      `${API}/sales/last-receipt?tillId=T1`,
    );
    expect(last.body).toEqual({ receiptNo: "S1-T1-000040", seq: 40 });
    const none = await store.request<{ receiptNo: string | null; seq: number }>(
      "GET",
      `${API}/sales/last-receipt?tillId=T9`,
    );
    expect(none.body).toEqual({ receiptNo: null, seq: 0 });
  });
});
