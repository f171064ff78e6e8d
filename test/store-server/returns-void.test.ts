/**
 * Route tests of voiding completed sales: supervisor approval, stock back in, the sale marked
 * voided and journalled, a repeat that changes nothing, and the rules against returns.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { saveToken } from "../../src/store-server/auth/tokens.ts";
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
  error: { code: string; message: string; details?: unknown };
}
interface Voided extends JsonObject {
  id: string;
  status: string;
  void: { at: string; userId: string | null; approvedBy: string | null; reason: string | null } | null;
}

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

function voidSale(id: string, body: JsonObject | undefined, token?: string | null) {
  return store.request<Voided & ErrorBody>("POST", `${API}/sales/${id}/void`, body, token);
}

async function expectRefused(
  id: string,
  body: JsonObject | undefined,
  status: number,
  code: string,
  token?: string,
) {
  const before = snapshot(store);
  const res = await voidSale(id, body, token);
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(snapshot(store)).toEqual(before);
}

describe("POST /sales/:id/void", () => {
  test("needs a supervisor's PIN from a cashier, then reverses the stock and marks the sale", async () => {
    const cashier = await session(store, "cashier", "1111");
    const supervisor = await session(store, "supervisor", "2222", "T2");
    const sale = await recordPaidSale(store, [
      { code: "MILK", qty: 2 },
      { code: "BAN", qty: "0.75" },
    ]);
    expect(onHandMilli(store, "MILK")).toBe(-2000);

    await expectRefused(
      sale.id,
      { reason: "customer changed mind" },
      403,
      "APPROVAL_REQUIRED",
      cashier.token,
    );
    const res = await voidSale(
      sale.id,
      { reason: "customer changed mind", approvalPin: "2222" },
      cashier.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("voided");
    expect(res.body.void).toMatchObject({
      userId: cashier.userId,
      approvedBy: supervisor.userId,
      reason: "customer changed mind",
    });
    expect(onHandMilli(store, "MILK")).toBe(0);
    expect(onHandMilli(store, "BAN")).toBe(0);
    const kinds = store.ctx.sqlite
      .query<{ kind: string; qty: number }, [string]>(
        "SELECT kind, qty_milli AS qty FROM stock_movements WHERE ref_id = ? ORDER BY id",
      )
      .all(sale.id);
    expect(kinds).toEqual([
      { kind: "sale", qty: -2000 },
      { kind: "sale", qty: -750 },
      { kind: "void", qty: 2000 },
      { kind: "void", qty: 750 },
    ]);
    expect(journalTypes(store).at(-1)).toBe("sale.voided");
    const got = await store.request<Voided>("GET", `${API}/sales/${sale.id}`);
    expect(got.body.status).toBe("voided");
    const audit = await store.request<{ entries: { refId: string; approvedBy: string }[] }>(
      "GET",
      `${API}/audit?action=sale.voided`,
    );
    expect(audit.body.entries).toEqual([
      expect.objectContaining({ refId: sale.id, approvedBy: supervisor.userId }),
    ]);
  });

  test("a repeat answers the voided sale and changes nothing", async () => {
    const sale = await recordPaidSale(store, [{ code: "BREAD" }]);
    const first = await voidSale(sale.id, { reason: "test" });
    expect(first.status).toBe(200);
    const before = snapshot(store);
    const again = await voidSale(sale.id, undefined);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(snapshot(store)).toEqual(before);
  });

  test("a sale with goods returned cannot be voided, and a voided sale takes no returns", async () => {
    const sale = await recordPaidSale(store, [{ code: "BREAD", qty: 2 }]);
    const ret = await store.request("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [{ type: "card", amountMinor: 275 }],
    });
    expect(ret.status).toBe(201);
    await expectRefused(sale.id, {}, 409, "SALE_HAS_RETURNS");

    const other = await recordPaidSale(store, [{ code: "BREAD", qty: 2 }]);
    expect((await voidSale(other.id, {})).status).toBe(200);
    const before = snapshot(store);
    const late = await store.request<ErrorBody>("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: other.id,
      lines: [{ code: "BREAD", qty: 1 }],
      tenders: [{ type: "card", amountMinor: 275 }],
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("SALE_VOIDED");
    expect(snapshot(store)).toEqual(before);
  });

  test("unknown sales, bad ids, wrong PINs and bad bodies change nothing", async () => {
    const cashier = await session(store, "cashier", "1111");
    const sale = await recordPaidSale(store, [{ code: "BREAD" }]);
    await expectRefused(uuidv7(), {}, 404, "SALE_NOT_FOUND");
    await expectRefused("not-a-uuid", {}, 400, "INVALID_REQUEST");
    await expectRefused(sale.id, { reason: "x".repeat(1000) }, 400, "INVALID_REQUEST");
    await expectRefused(sale.id, { approvalPin: "12" }, 400, "INVALID_REQUEST", cashier.token);
    const before = snapshot(store);
    const wrong = await voidSale(sale.id, { approvalPin: "9999" }, cashier.token);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("WRONG_PIN");
    const after = snapshot(store);
    expect(after.voided).toBe(before.voided as number);
    expect(after.stock_movements).toBe(before.stock_movements as number);
    const noToken = await voidSale(sale.id, {}, null);
    expect(noToken.status).toBe(401);
  });

  test("without the store asking for approval a cashier voids alone", async () => {
    store.close();
    store = createTestStore({ settings: { approvals: { voidAfterTotal: false } } });
    await seedCatalog(store);
    const cashier = await session(store, "cashier", "1111");
    const sale = await recordPaidSale(store, [{ code: "BREAD" }]);
    const res = await voidSale(sale.id, {}, cashier.token);
    expect(res.status).toBe(200);
    expect(res.body.void?.approvedBy).toBeNull();
  });

  test("a cashier of another till may not void this till's sale", async () => {
    const cashier = await session(store, "cashier", "1111", "T2");
    const sale = await recordPaidSale(store, [{ code: "BREAD" }]);
    await expectRefused(sale.id, { tillId: "T1" }, 403, "WRONG_TILL", cashier.token);
  });

  test("a sale of a closed shift is taken back with a return, not voided", async () => {
    store.ctx.sqlite.run(
      "INSERT INTO shifts (id, till_id, opened_by, opened_at, float_minor) VALUES (?, 'T1', 'admin', ?, 0)",
      [uuidv7(), "2026-03-02T14:00:00.000Z"],
    );
    const sale = await recordPaidSale(store, [{ code: "BREAD" }]);
    store.ctx.sqlite.run("UPDATE shifts SET closed_at = '2026-03-02T16:00:00.000Z', closed_by = 'admin'");
    await expectRefused(sale.id, {}, 409, "SHIFT_CLOSED");
  });

  test("a till token without a cashier may not void", async () => {
    saveToken(store.ctx.db, "rgp_till_only", "till", store.ctx.now(), null, "T1");
    const sale = await recordPaidSale(store, [{ code: "BREAD" }]);
    await expectRefused(sale.id, {}, 403, "FORBIDDEN", "rgp_till_only");
  });
});
