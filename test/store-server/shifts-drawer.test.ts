import { afterEach, describe, expect, test } from "bun:test";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Opening {
  tillId: string;
  reason: string;
  shiftId: string | null;
  userId: string;
  approvedBy: string | null;
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

function snapshot(s: TestStore) {
  return { events: s.journalLength(), audit: s.count("audit"), approvals: s.count("approvals") };
}

async function staff(s: TestStore) {
  const cashierId = await addUser(s, { name: "Ann", role: "cashier", pin: "1111" });
  const supervisorId = await addUser(s, { name: "Sam", role: "supervisor", pin: "2222" });
  return { cashierId, supervisorId, cashier: await loginAt(s, "T1", "1111") };
}

const openDrawer = (body: Record<string, unknown>, token?: string | null) =>
  store.request<Opening & ErrorBody>("POST", `${API}/drawer/open`, body, token);

function lastEvent(): { type: string; payload: Record<string, unknown> } {
  const row = store.ctx.sqlite
    .query<{ type: string; payload: string }, []>(
      "SELECT type, payload FROM events ORDER BY seq DESC LIMIT 1",
    )
    .get();
  return { type: row?.type ?? "", payload: JSON.parse(row?.payload ?? "{}") as Record<string, unknown> };
}

describe("cash drawer", () => {
  test("a cashier's no-sale needs a supervisor: refused without, recorded with the approver's PIN", async () => {
    store = createTestStore();
    const { cashierId, supervisorId, cashier } = await staff(store);
    const shift = await store.request<{ id: string }>(
      "POST",
      `${API}/shifts`,
      { tillId: "T1", floatMinor: 0 },
      cashier,
    );

    const before = snapshot(store);
    const refused = await openDrawer({ tillId: "T1", reason: "noSale" }, cashier);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("APPROVAL_REQUIRED");
    expect(snapshot(store)).toEqual(before);

    const opened = await openDrawer({ tillId: "T1", reason: "noSale", approvalPin: "2222" }, cashier);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      reason: "noSale",
      userId: cashierId,
      approvedBy: supervisorId,
      shiftId: shift.body.id,
    });
    expect(lastEvent()).toEqual({
      type: "drawer.opened",
      payload: expect.objectContaining({
        reason: "no_sale",
        approvedBy: supervisorId,
        userId: cashierId,
        tillId: "T1",
      }),
    });
    const audit = store.ctx.sqlite
      .query<{ approved_by: string; user_id: string }, []>(
        "SELECT approved_by, user_id FROM audit WHERE action = 'drawer.no_sale'",
      )
      .all();
    expect(audit).toEqual([{ approved_by: supervisorId, user_id: cashierId }]);

    const x = await store.request<{ noSaleOpenings: number }>(
      "GET",
      `${API}/shifts/${shift.body.id}/x-report`,
      undefined,
      cashier,
    );
    expect(x.body.noSaleOpenings).toBe(1);
  });

  test("a wrong or a cashier's approval PIN is refused and counts towards the lock-out", async () => {
    store = createTestStore({ settings: { pinMaxAttempts: 2 } });
    const { cashier } = await staff(store);
    const drawerEvents = () =>
      store.ctx.sqlite
        .query<{ n: number }, []>("SELECT count(*) AS n FROM events WHERE type = 'drawer.opened'")
        .get()?.n;
    const cashierPin = await openDrawer({ tillId: "T1", reason: "noSale", approvalPin: "1111" }, cashier);
    expect(cashierPin.status).toBe(403);
    expect(cashierPin.body.error.code).toBe("NOT_AN_APPROVER");
    const wrong = await openDrawer({ tillId: "T1", reason: "noSale", approvalPin: "4444" }, cashier);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.details?.attemptsLeft).toBe(0);
    const locked = await openDrawer({ tillId: "T1", reason: "noSale", approvalPin: "2222" }, cashier);
    expect(locked.status).toBe(403);
    expect(locked.body.error.code).toBe("PIN_LOCKED");
    expect(drawerEvents()).toBe(0);
  });

  test("an approval id from POST /approvals opens the drawer once", async () => {
    store = createTestStore();
    const { supervisorId, cashier } = await staff(store);
    const grant = await store.request<{ approvalId: string }>(
      "POST",
      `${API}/approvals`,
      { action: "noSale", pin: "2222", tillId: "T1" },
      cashier,
    );
    const first = await openDrawer(
      { tillId: "T1", reason: "noSale", approvalId: grant.body.approvalId },
      cashier,
    );
    expect(first.status).toBe(200);
    expect(first.body.approvedBy).toBe(supervisorId);
    const before = snapshot(store);
    const second = await openDrawer(
      { tillId: "T1", reason: "noSale", approvalId: grant.body.approvalId },
      cashier,
    );
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("APPROVAL_USED");
    expect(snapshot(store)).toEqual(before);

    const refund = await store.request<{ approvalId: string }>(
      "POST",
      `${API}/approvals`,
      { action: "refund", pin: "2222", tillId: "T1" },
      cashier,
    );
    const mismatch = await openDrawer(
      { tillId: "T1", reason: "noSale", approvalId: refund.body.approvalId },
      cashier,
    );
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error.code).toBe("APPROVAL_MISMATCH");
  });

  test("supervisors approve their own no-sale; the store may waive the approval; sales open freely", async () => {
    store = createTestStore({ settings: { approvals: { noSale: false } } });
    const { cashierId, cashier } = await staff(store);
    const free = await openDrawer({ tillId: "T1", reason: "noSale" }, cashier);
    expect(free.status).toBe(200);
    expect(free.body.approvedBy).toBeNull();
    const sale = await openDrawer({ tillId: "T1", reason: "sale" }, cashier);
    expect(sale.body).toMatchObject({ reason: "sale", userId: cashierId, approvedBy: null, shiftId: null });
    expect(lastEvent().payload.reason).toBe("sale");
    store.close();

    store = createTestStore();
    const again = await staff(store);
    const supervisor = await loginAt(store, "T2", "2222");
    const own = await openDrawer({ tillId: "T2", reason: "noSale" }, supervisor);
    expect(own.status).toBe(200);
    expect(own.body.approvedBy).toBe(again.supervisorId);
    const cashOut = await openDrawer({ tillId: "T1", reason: "cashOut" }, again.cashier);
    expect(cashOut.status).toBe(200);
    expect(lastEvent().payload.reason).toBe("cash_movement");
  });

  test("bad bodies, another till and no token are refused and change nothing", async () => {
    store = createTestStore();
    const { cashier } = await staff(store);
    const before = snapshot(store);
    const bodies = [
      { tillId: "T1", reason: "party" },
      { tillId: "T1" },
      { tillId: "T1", reason: "noSale", approvalPin: "22" },
      {
        tillId: "T1",
        reason: "noSale",
        approvalPin: "2222",
        approvalId: "0190f5e4-7c1a-7b3e-9d2f-3a4b5c6d7e8f",
      },
      { tillId: "T1", reason: "sale", refId: "not-a-uuid" },
    ];
    for (const body of bodies) expect((await openDrawer(body, cashier)).status).toBe(400);
    const other = await openDrawer({ tillId: "T2", reason: "sale" }, cashier);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("WRONG_TILL");
    expect((await openDrawer({ tillId: "T1", reason: "sale" }, null)).status).toBe(401);
    expect(snapshot(store)).toEqual(before);
  });
});
