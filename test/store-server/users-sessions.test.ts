import { afterEach, describe, expect, test } from "bun:test";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Session {
  token: string;
  tillId: string;
  user: { id: string; name: string; role: string; permissions: string[]; maxDiscountPercent: number };
  shift: unknown;
}
interface AuditRow {
  action: string;
  userId: string | null;
  tillId: string | null;
}

let store: TestStore;
afterEach(() => store?.close());

const login = (tillId: string, pin: string) =>
  store.request<Session & ErrorBody>("POST", "/api/v1/sessions", { tillId, pin }, null);

function auditActions(): string[] {
  return store.ctx.sqlite
    .query<{ action: string }, []>("SELECT action FROM audit ORDER BY id")
    .all()
    .map((r) => r.action);
}

describe("PIN sessions", () => {
  test("a PIN opens a session bound to the user and till, without a bearer token", async () => {
    store = createTestStore();
    const id = await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    const res = await login("T1", "1234");
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({
      id,
      name: "Ann",
      role: "cashier",
      permissions: ["sell", "discount"],
      maxDiscountPercent: 100,
    });
    expect(res.body.tillId).toBe("T1");
    expect(res.body.shift).toBeNull();
    expect(res.body.token).toMatch(/^rgp_/);
    // The token works and carries the cashier role.
    const settings = await store.request("GET", "/api/v1/settings", undefined, res.body.token);
    expect(settings.status).toBe(200);
    const users = await store.request<ErrorBody>("GET", "/api/v1/users", undefined, res.body.token);
    expect(users.status).toBe(403);
    const row = store.ctx.sqlite
      .query<AuditRow, []>(
        "SELECT action, user_id AS userId, till_id AS tillId FROM audit WHERE action = 'user.login'",
      )
      .get();
    expect(row).toEqual({ action: "user.login", userId: id, tillId: "T1" });
    const types = store.ctx.sqlite.query<{ type: string }, []>("SELECT type FROM events ORDER BY seq").all();
    expect(types.map((t) => t.type)).toEqual(["user.changed", "audit.recorded"]);
  });

  test("a wrong PIN answers 401 WRONG_PIN with attempts left, audits pin.failed and opens nothing", async () => {
    store = createTestStore({ settings: { pinMaxAttempts: 3, pinLockoutSeconds: 60 } });
    await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    const tokens = store.count("api_tokens");
    const res = await login("T1", "9999");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("WRONG_PIN");
    expect(res.body.error.details).toMatchObject({ tillId: "T1", attemptsLeft: 2 });
    expect(store.count("api_tokens")).toBe(tokens);
    expect(auditActions()).toEqual(["user.created", "pin.failed"]);
  });

  test("bad session bodies are 400 and change nothing", async () => {
    store = createTestStore();
    await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    const before = [store.journalLength(), store.count("audit"), store.count("pin_attempts")];
    for (const body of [
      { tillId: "T1" },
      { tillId: "T-1", pin: "1234" },
      { tillId: "T1", pin: 1234 },
      "[1,",
    ]) {
      const res = await store.request<ErrorBody>("POST", "/api/v1/sessions", body, null);
      expect(res.status).toBe(400);
    }
    expect([store.journalLength(), store.count("audit"), store.count("pin_attempts")]).toEqual(before);
  });

  test("repeated wrong PINs lock the till's PIN entry, even for a right PIN, until the window passes", async () => {
    store = createTestStore({ settings: { pinMaxAttempts: 3, pinLockoutSeconds: 60 } });
    const id = await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    expect((await login("T1", "0000")).body.error.details?.attemptsLeft).toBe(2);
    expect((await login("T1", "0001")).body.error.details?.attemptsLeft).toBe(1);
    const third = await login("T1", "0002");
    expect(third.status).toBe(401);
    expect(third.body.error.details?.attemptsLeft).toBe(0);
    expect(third.body.error.message).toContain("locked");
    expect(auditActions().filter((a) => a.startsWith("pin."))).toEqual([
      "pin.failed",
      "pin.failed",
      "pin.failed",
      "pin.locked",
    ]);

    const journal = store.journalLength();
    const auditRows = store.count("audit");
    store.clock.advance(10_000);
    const locked = await login("T1", "1234");
    expect(locked.status).toBe(403);
    expect(locked.body.error.code).toBe("PIN_LOCKED");
    expect(locked.body.error.details?.secondsLeft).toBe(50);
    // While locked nothing is written.
    expect(store.journalLength()).toBe(journal);
    expect(store.count("audit")).toBe(auditRows);

    // Another till is not locked.
    expect((await login("T2", "1234")).status).toBe(201);

    store.clock.advance(50_000);
    const after = await login("T1", "1234");
    expect(after.status).toBe(201);
    expect(after.body.user.id).toBe(id);
    // The count starts again from zero.
    expect((await login("T1", "0000")).body.error.details?.attemptsLeft).toBe(2);
  });

  test("failures further apart than the window do not add up", async () => {
    store = createTestStore({ settings: { pinMaxAttempts: 2, pinLockoutSeconds: 30 } });
    await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    expect((await login("T1", "0000")).body.error.details?.attemptsLeft).toBe(1);
    store.clock.advance(31_000);
    expect((await login("T1", "0000")).body.error.details?.attemptsLeft).toBe(1);
    // A right PIN clears the count.
    expect((await login("T1", "1234")).status).toBe(201);
    expect((await login("T1", "0000")).body.error.details?.attemptsLeft).toBe(1);
  });

  test("a new log-in at a till ends the till's earlier session; log-out revokes the token", async () => {
    store = createTestStore();
    await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    await addUser(store, { name: "Bob", role: "cashier", pin: "5678" });
    const ann = await loginAt(store, "T1", "1234");
    const annOnT2 = await loginAt(store, "T2", "1234");
    const bob = await loginAt(store, "T1", "5678");
    expect((await store.request("GET", "/api/v1/settings", undefined, ann)).status).toBe(401);
    expect((await store.request("GET", "/api/v1/settings", undefined, annOnT2)).status).toBe(200);

    const out = await store.request<{ loggedOut: boolean }>(
      "DELETE",
      "/api/v1/sessions/current",
      undefined,
      bob,
    );
    expect(out.status).toBe(200);
    expect(out.body.loggedOut).toBe(true);
    const again = await store.request<ErrorBody>("GET", "/api/v1/settings", undefined, bob);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("UNAUTHORIZED");
    expect(auditActions().filter((a) => a.startsWith("user.log"))).toEqual([
      "user.login",
      "user.login",
      "user.login",
      "user.logout",
    ]);
  });

  test("the admin token is not a session and cannot log out", async () => {
    store = createTestStore();
    const before = store.journalLength();
    const res = await store.request<ErrorBody>("DELETE", "/api/v1/sessions/current");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("NOT_A_SESSION");
    expect(
      (await store.request<ErrorBody>("DELETE", "/api/v1/sessions/current", undefined, null)).status,
    ).toBe(401);
    expect(store.journalLength()).toBe(before);
    expect((await store.request("GET", "/api/v1/settings")).status).toBe(200);
  });
});
