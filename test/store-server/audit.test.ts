import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string };
}
interface Entry {
  id: number;
  at: string;
  action: string;
  userId: string | null;
  userName: string | null;
  tillId: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  refId: string | null;
  detail: unknown;
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

const query = (qs: string, token?: string | null) =>
  store.request<{ entries: Entry[] } & ErrorBody>("GET", `${API}/audit${qs}`, undefined, token);

/** A morning at the shop: log-ins, a failed PIN, a sale with a voided line and an override, a no-sale. */
async function morning(s: TestStore) {
  s.clock.set("2026-03-02T08:00:00.000Z");
  await s.request("POST", `${API}/products`, {
    code: "BREAD",
    name: "Bread",
    priceMinor: 275,
    taxClass: null,
  });
  const annId = await addUser(s, { name: "Ann", role: "cashier", pin: "1111" });
  const bobId = await addUser(s, { name: "Bob", role: "cashier", pin: "3333" });
  const samId = await addUser(s, { name: "Sam", role: "supervisor", pin: "2222" });
  s.clock.set("2026-03-02T09:00:00.000Z");
  const ann = await loginAt(s, "T1", "1111");
  s.clock.set("2026-03-02T09:05:00.000Z");
  await s.request("POST", `${API}/sessions`, { tillId: "T2", pin: "9999" }, null);
  s.clock.set("2026-03-02T09:06:00.000Z");
  await loginAt(s, "T2", "3333");
  s.clock.set("2026-03-02T09:59:20.000Z");
  const grant = await s.request<{ approvalId: string }>(
    "POST",
    `${API}/approvals`,
    { action: "priceOverride", pin: "2222", tillId: "T1" },
    ann,
  );
  expect(grant.status).toBe(201);
  s.clock.set("2026-03-02T10:00:00.000Z");
  const sale = await s.request(
    "POST",
    `${API}/sales`,
    {
      id: uuidv7(),
      tillId: "T1",
      cashierId: annId,
      lines: [{ code: "BREAD", qty: 1, unitPriceMinor: 250 }],
      tenders: [{ type: "cash", amountMinor: 250 }],
      audit: [
        { action: "line.voided", at: "2026-03-02T09:59:00.000Z", detail: { code: "BREAD" } },
        {
          action: "price.overridden",
          at: "2026-03-02T09:59:30.000Z",
          approvedBy: samId,
          approval: { grantId: grant.body.approvalId },
          detail: { from: 275, to: 250 },
        },
      ],
    },
    ann,
  );
  expect(sale.status).toBe(201);
  s.clock.set("2026-03-02T11:00:00.000Z");
  const drawer = await s.request(
    "POST",
    `${API}/drawer/open`,
    { tillId: "T1", reason: "noSale", approvalPin: "2222" },
    ann,
  );
  expect(drawer.status).toBe(200);
  return { annId, bobId, samId, ann };
}

describe("audit log", () => {
  test("a cashier's actions are queryable by cashier, newest first, with who approved", async () => {
    store = createTestStore({ startAt: "2026-03-02T07:00:00.000Z" });
    const { annId, samId } = await morning(store);
    const res = await query(`?userId=${annId}`);
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e) => e.action)).toEqual([
      "drawer.no_sale",
      "approval.granted",
      "price.overridden",
      "approval.granted",
      "line.voided",
      "user.login",
    ]);
    const noSale = res.body.entries[0];
    expect(noSale).toMatchObject({ userName: "Ann", tillId: "T1", approvedBy: samId, approvedByName: "Sam" });
    expect(res.body.entries[2]?.detail).toEqual({ from: 275, to: 250 });
    const times = res.body.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  test("filters by time window, action, till and limit", async () => {
    store = createTestStore({ startAt: "2026-03-02T07:00:00.000Z" });
    const { bobId } = await morning(store);
    const window = await query("?from=2026-03-02T09:00:00Z&to=2026-03-02T09:30:00Z");
    expect(window.body.entries.map((e) => e.action)).toEqual(["user.login", "pin.failed", "user.login"]);
    const failed = await query("?action=pin.failed");
    expect(failed.body.entries).toHaveLength(1);
    expect(failed.body.entries[0]).toMatchObject({ tillId: "T2", userId: null });
    const bob = await query(`?userId=${bobId}&action=user.login`);
    expect(bob.body.entries.map((e) => e.tillId)).toEqual(["T2"]);
    const t2 = await query("?tillId=T2");
    expect(t2.body.entries.map((e) => e.action)).toEqual(["user.login", "pin.failed"]);
    const two = await query("?limit=2");
    expect(two.body.entries).toHaveLength(2);
    expect(two.body.entries[0]?.action).toBe("drawer.no_sale");
  });

  test("needs a manager; bad queries are 400", async () => {
    store = createTestStore({ startAt: "2026-03-02T07:00:00.000Z" });
    const { ann } = await morning(store);
    await addUser(store, { name: "Mo", role: "manager", pin: "5555" });
    const manager = await loginAt(store, "BO", "5555");
    expect((await query("", manager)).status).toBe(200);
    const cashier = await query("", ann);
    expect(cashier.status).toBe(403);
    expect(cashier.body.error.code).toBe("FORBIDDEN");
    expect((await query("", null)).status).toBe(401);
    for (const qs of [
      "?from=yesterday",
      "?limit=0",
      "?limit=100000",
      "?action=DROP TABLE",
      "?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z",
      `?userId=${"u".repeat(500)}`,
    ]) {
      const res = await query(qs);
      expect({ qs, status: res.status }).toEqual({ qs, status: 400 });
      expect(res.body.error.code).toBe("INVALID_REQUEST");
    }
  });
});
