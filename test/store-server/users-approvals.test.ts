import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { consumeApproval, verifyApproval } from "../../src/store-server/users/index.ts";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Grant {
  approvalId: string;
  action: string;
  approvedBy: { id: string; name: string };
  expiresAt: string;
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

async function staff(s: TestStore) {
  const cashierId = await addUser(s, { name: "Ann Cashier", role: "cashier", pin: "1111" });
  const supervisorId = await addUser(s, { name: "Sam Supervisor", role: "supervisor", pin: "2222" });
  const cashier = await loginAt(s, "T1", "1111");
  return { cashierId, supervisorId, cashier };
}

const approve = (body: Record<string, unknown>, token?: string | null) =>
  store.request<Grant & ErrorBody>("POST", `${API}/approvals`, body, token);

describe("supervisor approvals", () => {
  test("a supervisor's PIN approves an action; the audit log records who approved", async () => {
    store = createTestStore();
    const { cashierId, supervisorId, cashier } = await staff(store);
    const saleId = uuidv7();
    const res = await approve({ action: "refund", pin: "2222", tillId: "T1", refId: saleId }, cashier);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      action: "refund",
      approvedBy: { id: supervisorId, name: "Sam Supervisor" },
    });
    expect(res.body.approvalId).toMatch(/^[0-9a-f-]{36}$/);
    const row = store.ctx.sqlite
      .query<{ action: string; user_id: string; approved_by: string; ref_id: string; till_id: string }, []>(
        "SELECT action, user_id, approved_by, ref_id, till_id FROM audit WHERE action = 'approval.granted'",
      )
      .get();
    expect(row).toEqual({
      action: "approval.granted",
      user_id: cashierId,
      approved_by: supervisorId,
      ref_id: saleId,
      till_id: "T1",
    });
    const last = store.ctx.sqlite
      .query<{ type: string; payload: string }, []>(
        "SELECT type, payload FROM events ORDER BY seq DESC LIMIT 1",
      )
      .get();
    expect(last?.type).toBe("audit.recorded");
    expect(JSON.parse(last?.payload ?? "{}")).toMatchObject({
      action: "approval.granted",
      approvedBy: supervisorId,
    });
  });

  test("a cashier's PIN, a wrong PIN, an inactive supervisor or a bad body are refused", async () => {
    store = createTestStore({ settings: { pinMaxAttempts: 10 } });
    const { supervisorId, cashier } = await staff(store);
    const notApprover = await approve({ action: "noSale", pin: "1111", tillId: "T1" }, cashier);
    expect(notApprover.status).toBe(403);
    expect(notApprover.body.error.code).toBe("NOT_AN_APPROVER");
    const wrong = await approve({ action: "noSale", pin: "9999", tillId: "T1" }, cashier);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("WRONG_PIN");
    expect(wrong.body.error.details?.attemptsLeft).toBe(8);

    await store.request("PATCH", `${API}/users/${supervisorId}`, { active: false });
    const inactive = await approve({ action: "noSale", pin: "2222", tillId: "T1" }, cashier);
    expect(inactive.status).toBe(401);
    expect(inactive.body.error.code).toBe("WRONG_PIN");

    const before = [
      store.journalLength(),
      store.count("audit"),
      store.count("approvals"),
      store.count("pin_attempts"),
    ];
    const bodies = [
      { action: "steal", pin: "2222", tillId: "T1" },
      { action: "refund", pin: "22", tillId: "T1" },
      { action: "refund", pin: "2222" },
      { action: "refund", pin: "2222", tillId: "T1", refId: "has space" },
      { action: "refund", pin: "2222", tillId: "T1", extra: true },
    ];
    for (const body of bodies) expect((await approve(body, cashier)).status).toBe(400);
    expect((await approve({ action: "refund", pin: "2222", tillId: "T1" }, "rgp_bogus")).status).toBe(401);
    expect((await approve({ action: "refund", pin: "2222", tillId: "T1" }, null)).status).toBe(401);
    const otherTill = await approve({ action: "refund", pin: "2222", tillId: "T2" }, cashier);
    expect(otherTill.status).toBe(403);
    expect(otherTill.body.error.code).toBe("WRONG_TILL");
    expect([
      store.journalLength(),
      store.count("audit"),
      store.count("approvals"),
      store.count("pin_attempts"),
    ]).toEqual(before);
  });

  test("wrong approval PINs and wrong log-in PINs share the till's lock-out", async () => {
    store = createTestStore({ settings: { pinMaxAttempts: 3, pinLockoutSeconds: 120 } });
    const { cashier } = await staff(store);
    await approve({ action: "refund", pin: "0000", tillId: "T1" }, cashier);
    // Log-ins from the till (with its session) count with its approvals.
    await store.request("POST", `${API}/sessions`, { tillId: "T1", pin: "0001" }, cashier);
    const third = await approve({ action: "refund", pin: "0002", tillId: "T1" }, cashier);
    expect(third.body.error.details?.attemptsLeft).toBe(0);
    const locked = await approve({ action: "refund", pin: "2222", tillId: "T1" }, cashier);
    expect(locked.status).toBe(403);
    expect(locked.body.error.code).toBe("PIN_LOCKED");
    const loginLocked = await store.request<ErrorBody>(
      "POST",
      `${API}/sessions`,
      { tillId: "T1", pin: "1111" },
      cashier,
    );
    expect(loginLocked.body.error.code).toBe("PIN_LOCKED");
    // A log-in without the till's token is not held back by the till's own lock.
    expect(
      (await store.request("POST", `${API}/sessions`, { tillId: "T1", pin: "0003" }, null)).body,
    ).toMatchObject({ error: { code: "WRONG_PIN" } });
    expect(() => verifyApproval(store.ctx, undefined, "2222", "refund", { tillId: "T1" })).toThrow(/locked/);
    store.clock.advance(120_000);
    expect((await approve({ action: "refund", pin: "2222", tillId: "T1" }, cashier)).status).toBe(201);
  });

  test("verifyApproval answers the approver, and counts a wrong PIN when called outside a transaction", async () => {
    store = createTestStore();
    const { supervisorId } = await staff(store);
    const approver = verifyApproval(store.ctx, undefined, "2222", "priceOverride", { tillId: "T1" });
    expect(approver).toEqual({ id: supervisorId, name: "Sam Supervisor", role: "supervisor" });
    expect(() => verifyApproval(store.ctx, undefined, "7777", "priceOverride", { tillId: "T9" })).toThrow(
      /wrong PIN/,
    );
    const attempts = store.ctx.sqlite
      .query<{ failures: number }, [string]>("SELECT failures FROM pin_attempts WHERE till_id = ?")
      .get("till:T9");
    expect(attempts?.failures).toBe(1);
    // Inside the caller's transaction the approval's audit row commits with the caller's change.
    const inTx = store.ctx.db.transaction((tx) =>
      verifyApproval(store.ctx, tx, "2222", "discount", { tillId: "T1" }),
    );
    expect(inTx.id).toBe(supervisorId);
  });

  test("an approval from POST /approvals is used once, for its action and till, before it expires", async () => {
    store = createTestStore();
    const { supervisorId, cashier } = await staff(store);
    const grant = (await approve({ action: "refund", pin: "2222", tillId: "T1" }, cashier)).body;
    const use = (action: "refund" | "noSale", tillId = "T1") =>
      store.ctx.db.transaction((tx) => consumeApproval(store.ctx, tx, grant.approvalId, action, { tillId }));
    expect(() => use("noSale")).toThrow(/not for noSale/);
    expect(() => use("refund", "T2")).toThrow(/at till T2/);
    expect(use("refund")).toMatchObject({ id: supervisorId, approvalId: grant.approvalId });
    expect(() => use("refund")).toThrow(/already used/);
    expect(() =>
      store.ctx.db.transaction((tx) => consumeApproval(store.ctx, tx, uuidv7(), "refund")),
    ).toThrow(/no approval/);

    const late = (await approve({ action: "refund", pin: "2222", tillId: "T1" }, cashier)).body;
    store.clock.advance(301_000);
    expect(() =>
      store.ctx.db.transaction((tx) =>
        consumeApproval(store.ctx, tx, late.approvalId, "refund", { tillId: "T1" }),
      ),
    ).toThrow(/expired/);
  });
});
