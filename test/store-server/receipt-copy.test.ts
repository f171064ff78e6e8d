/**
 * Route tests of receipt copies at the store: any recorded sale's receipt, by sale id or receipt
 * number, laid out as the till prints it and marked COPY, each reprint audited.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, recordPaidSale, seedCatalog, session } from "./sales-fixtures.ts";

let store: TestStore;
beforeEach(async () => {
  store = createTestStore({ settings: { storeName: "Corner Co-op" } });
  await seedCatalog(store);
});
afterEach(() => store.close());

describe("receipt copies", () => {
  test("any recorded sale's receipt prints again, marked COPY, and the reprint is audited", async () => {
    const first = await recordPaidSale(store, [{ code: "MILK", qty: 2 }]);
    await recordPaidSale(store, [{ code: "BREAD", qty: 1 }]);
    const supervisor = await session(store, "supervisor", "2222");

    const byId = await store.request<string>(
      "GET",
      `${API}/sales/${first.id}/receipt`,
      undefined,
      supervisor.token,
    );
    expect(byId.status).toBe(200);
    expect(byId.headers.get("content-type")).toStartWith("text/plain");
    expect(byId.body).toContain("*** COPY ***");
    expect(byId.body).toContain("Corner Co-op");
    expect(byId.body).toContain(first.receiptNo);
    expect(byId.body).toContain("Milk");
    expect(byId.body).not.toContain("Bread");

    const byNumber = await store.request<{ saleId: string; text: string; doc: { copy: boolean } }>(
      "GET",
      `${API}/sales/${first.receiptNo}/receipt?format=json&columns=32`,
    );
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.saleId).toBe(first.id);
    expect(byNumber.body.doc.copy).toBe(true);
    expect(byNumber.body.text.split("\n").every((l) => [...l].length <= 32)).toBe(true);

    const audit = await store.request<{
      entries: { action: string; refId: string; userId: string | null }[];
    }>("GET", `${API}/audit?action=receipt.reprinted`);
    expect(audit.body.entries.map((e) => e.refId)).toEqual([first.id, first.id]);
    expect(audit.body.entries.map((e) => e.userId)).toContain(supervisor.userId);

    const missing = await store.request<{ error: { code: string } }>(
      "GET",
      `${API}/sales/S9-T9-000001/receipt`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("SALE_NOT_FOUND");
  });

  test("[receipt] barcode = true: the copy carries the Code 128 of the receipt number, as the till's did", async () => {
    store.close();
    store = createTestStore({ settings: { storeName: "Corner Co-op", receipt: { barcode: true } } });
    await seedCatalog(store);
    const sale = await recordPaidSale(store, [{ code: "MILK", qty: 1 }]);
    const copy = await store.request<{ doc: { returnCode: string; receiptNo: string } }>(
      "GET",
      `${API}/sales/${sale.id}/receipt?format=json`,
    );
    expect(copy.body.doc).toMatchObject({ returnCode: "code128", receiptNo: sale.receiptNo });
  });
});
