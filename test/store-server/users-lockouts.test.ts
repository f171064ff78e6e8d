/**
 * PIN lock-outs beyond one till: a store-wide limit on wrong PINs typed without a till's token
 * (so guesses spread over made-up till ids are stopped), which never holds back a till that
 * shows its token, and a manager's early unlock. These log-ins send no token: anonymous.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Lockout {
  scope: "till" | "anonymous" | "store" | "user";
  tillId: string | null;
  userId: string | null;
  failures: number;
  lockedUntil: string;
  secondsLeft: number;
}
interface AuditRow {
  action: string;
  userId: string | null;
  tillId: string | null;
  detail: string | null;
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

const login = (tillId: string, pin: string) =>
  store.request<{ token: string; user: { id: string } } & ErrorBody>(
    "POST",
    `${API}/sessions`,
    { tillId, pin },
    null,
  );
const unlock = (body: unknown, token?: string | null) =>
  store.request<{ unlocked: Lockout[] } & ErrorBody>("POST", `${API}/pin-lockouts/unlock`, body, token);
const lockouts = async () =>
  (await store.request<{ lockouts: Lockout[] }>("GET", `${API}/pin-lockouts`)).body.lockouts;

function pinAudit(): AuditRow[] {
  return store.ctx.sqlite
    .query<AuditRow, []>(
      "SELECT action, user_id AS userId, till_id AS tillId, detail FROM audit WHERE action LIKE 'pin.%' AND action != 'pin.failed' ORDER BY id",
    )
    .all();
}

/** Everything a refused request must leave as it was. */
function snapshot(): unknown {
  return {
    journal: store.journalLength(),
    audit: store.count("audit"),
    tokens: store.count("api_tokens"),
    attempts: store.ctx.sqlite.query("SELECT * FROM pin_attempts ORDER BY till_id").all(),
  };
}

/** pinMaxAttempts 3 makes the store-wide limit 12 wrong PINs. */
function shop(): TestStore {
  return createTestStore({ settings: { pinMaxAttempts: 3, pinLockoutSeconds: 300 } });
}

async function staff(): Promise<{ cashierId: string; managerId: string }> {
  const cashierId = await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
  await addUser(store, { name: "Sam", role: "supervisor", pin: "2222" });
  const managerId = await addUser(store, { name: "Meg", role: "manager", pin: "3333" });
  return { cashierId, managerId };
}

/** One wrong PIN at each of `n` made-up tills; answers the last answer. */
async function guessAcross(n: number, from = 0) {
  let last: Awaited<ReturnType<typeof login>> | undefined;
  for (let i = from; i < from + n; i++) {
    last = await login(`X${i}`, String(5000 + i));
    expect(last.status).toBe(401);
    expect(last.body.error.code).toBe("WRONG_PIN");
  }
  if (!last) throw new Error("no guesses");
  return last;
}

describe("store-wide PIN lock-out", () => {
  test("pinStoreMaxAttempts sets the store-wide limit", async () => {
    store = createTestStore({
      settings: { pinMaxAttempts: 3, pinStoreMaxAttempts: 4, pinLockoutSeconds: 300 },
    });
    await staff();
    const third = await guessAcross(3);
    expect(third.body.error.details).toMatchObject({ attemptsLeft: 1, lockedUntil: null });
    const fourth = await login("X3", "5003");
    expect(fourth.body.error.details).toMatchObject({ attemptsLeft: 0, scope: "store" });
    const refused = await login("T1", "1234");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("PIN_RATE_LIMITED");
  });

  test("wrong PINs spread over made-up till ids pause anonymous PIN entry, even for a right PIN, but not a till's", async () => {
    store = shop();
    await staff();
    const eleventh = await guessAcross(11);
    expect(eleventh.body.error.details).toMatchObject({ tillId: "X10", attemptsLeft: 1, lockedUntil: null });
    const twelfth = await login("X11", "5011");
    expect(twelfth.status).toBe(401);
    expect(twelfth.body.error.code).toBe("WRONG_PIN");
    expect(twelfth.body.error.details).toMatchObject({
      tillId: "X11",
      attemptsLeft: 0,
      scope: "store",
      lockedUntil: "2026-03-02T15:05:00.000Z",
    });
    expect(twelfth.body.error.message).toContain("without a till token");

    const before = snapshot();
    for (const tillId of ["T1", "X99"]) {
      const refused = await login(tillId, "1234");
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("PIN_RATE_LIMITED");
      expect(refused.body.error.details).toMatchObject({ tillId, scope: "store", secondsLeft: 300 });
    }
    expect(snapshot()).toEqual(before);
    // Approvals are asked for with a token: the anonymous pause does not hold them back.
    const approval = await store.request<ErrorBody>("POST", `${API}/approvals`, {
      action: "noSale",
      pin: "2222",
      tillId: "T1",
    });
    expect(approval.status).toBe(201);

    const locks = pinAudit();
    expect(locks.map((l) => l.action)).toEqual(["pin.locked", "pin.attack_suspected"]);
    expect(locks[0]).toMatchObject({ action: "pin.locked", tillId: null, userId: null });
    expect(JSON.parse(locks[0]?.detail ?? "{}")).toMatchObject({
      scope: "store",
      failures: 12,
      lastTillId: "X11",
      lockedUntil: "2026-03-02T15:05:00.000Z",
    });
    expect(await lockouts()).toEqual([
      {
        scope: "store",
        tillId: null,
        userId: null,
        failures: 12,
        lockedUntil: "2026-03-02T15:05:00.000Z",
        secondsLeft: 300,
      },
    ]);

    // It ends by itself when its time is up; a wrong PIN soon after pauses it again, twice as long.
    store.clock.advance(300_000);
    expect((await login("T1", "1234")).status).toBe(201);
    expect((await login("T5", "0000")).body.error.details).toMatchObject({ scope: "store", attemptsLeft: 0 });
    expect(await lockouts()).toMatchObject([{ scope: "store", failures: 13, secondsLeft: 600 }]);
    // After the pause and a quiet window, the count starts again.
    store.clock.advance(600_000 + 301_000);
    expect((await login("T5", "0000")).body.error.details?.attemptsLeft).toBe(2);
  });

  test("one cashier mistyping locks only their till's anonymous entry, and a locked till adds nothing store-wide", async () => {
    store = shop();
    await staff();
    for (let i = 0; i < 3; i++) await login("T1", "9999");
    for (let i = 0; i < 20; i++) expect((await login("T1", "9999")).body.error.code).toBe("PIN_LOCKED");
    expect((await login("T2", "1234")).status).toBe(201);
    expect(await lockouts()).toMatchObject([{ scope: "anonymous", tillId: "T1", failures: 3 }]);
    const storeCount = store.ctx.sqlite
      .query<{ failures: number }, []>("SELECT failures FROM pin_attempts WHERE till_id = 'anon:*'")
      .get();
    expect(storeCount?.failures).toBe(3);
  });

  test("a right PIN clears its till's count but not the store-wide one", async () => {
    store = shop();
    await staff();
    await guessAcross(10);
    expect((await login("T1", "1234")).status).toBe(201);
    const next = await login("T1", "0000");
    // The till has 2 left, the store 1: the fewer is shown.
    expect(next.body.error.details?.attemptsLeft).toBe(1);
    expect((await login("T1", "0001")).body.error.details).toMatchObject({ scope: "store" });
  });

  test("counts of made-up tills are forgotten once their window has passed", async () => {
    store = shop();
    await staff();
    await guessAcross(5);
    expect(store.count("pin_attempts")).toBe(6);
    store.clock.advance(301_000);
    await login("T1", "0000");
    const keys = store.ctx.sqlite
      .query<{ tillId: string; failures: number }, []>(
        "SELECT till_id AS tillId, failures FROM pin_attempts ORDER BY till_id",
      )
      .all();
    expect(keys).toEqual([
      { tillId: "anon:*", failures: 1 },
      { tillId: "anon:T1", failures: 1 },
    ]);
  });
});

describe("manager unlock", () => {
  test("a manager lifts the store-wide and a till's lock-out early; log-in works again; both audited", async () => {
    store = shop();
    const { cashierId, managerId } = await staff();
    const manager = await loginAt(store, "T9", "3333");
    await guessAcross(12);
    expect((await login("T1", "1234")).body.error.code).toBe("PIN_RATE_LIMITED");

    store.clock.advance(60_000);
    const res = await unlock({ storeWide: true }, manager);
    expect(res.status).toBe(200);
    expect(res.body.unlocked).toEqual([
      {
        scope: "store",
        tillId: null,
        userId: null,
        failures: 12,
        lockedUntil: "2026-03-02T15:05:00.000Z",
        secondsLeft: 240,
      },
    ]);
    const ann = await login("T1", "1234");
    expect(ann.status).toBe(201);
    expect(ann.body.user.id).toBe(cashierId);

    // A till's own lock-out, lifted with the admin token.
    for (let i = 0; i < 3; i++) await login("T2", "9999");
    expect((await login("T2", "1234")).body.error.code).toBe("PIN_LOCKED");
    const till = await unlock({ tillId: "T2" });
    expect(till.status).toBe(200);
    expect(till.body.unlocked).toMatchObject([{ scope: "anonymous", tillId: "T2", failures: 3 }]);
    expect((await login("T2", "1234")).status).toBe(201);
    expect((await login("T2", "0000")).body.error.details?.attemptsLeft).toBe(2);

    const rows = pinAudit().filter((r) => r.action === "pin.unlocked");
    expect(rows.map(({ detail, ...r }) => ({ ...r, detail: JSON.parse(detail ?? "{}") }))).toEqual([
      {
        action: "pin.unlocked",
        userId: managerId,
        tillId: null,
        detail: { scope: "store", lockedUntil: "2026-03-02T15:05:00.000Z", failures: 12, secondsLeft: 240 },
      },
      {
        action: "pin.unlocked",
        userId: "admin",
        tillId: "T2",
        detail: expect.objectContaining({ scope: "anonymous", failures: 3 }),
      },
    ]);
    const journaled = store.ctx.sqlite
      .query<{ payload: string }, []>("SELECT payload FROM events WHERE type = 'audit.recorded'")
      .all()
      .filter((e) => JSON.parse(e.payload).action === "pin.unlocked");
    expect(journaled).toHaveLength(2);
  });

  test("a cashier, a supervisor or no token may not unlock, and nothing changes", async () => {
    store = shop();
    await staff();
    const cashier = await loginAt(store, "T1", "1234");
    const supervisor = await loginAt(store, "T2", "2222");
    await guessAcross(12);
    const before = snapshot();
    for (const [token, status, code] of [
      [cashier, 403, "PERMISSION_DENIED"],
      [supervisor, 403, "PERMISSION_DENIED"],
      [null, 401, "UNAUTHORIZED"],
      ["rgp_bogus", 401, "UNAUTHORIZED"],
    ] as const) {
      for (const body of [{ storeWide: true }, { tillId: "X11" }]) {
        const res = await unlock(body, token);
        expect(res.status).toBe(status);
        expect(res.body.error.code).toBe(code);
      }
      const list = await store.request<ErrorBody>("GET", `${API}/pin-lockouts`, undefined, token);
      expect(list.status).toBe(status);
    }
    expect(snapshot()).toEqual(before);
    expect((await login("T3", "1234")).body.error.code).toBe("PIN_RATE_LIMITED");
  });

  test("unlocking what is not locked is 404 NOT_LOCKED, a bad body 400, and both change nothing", async () => {
    store = shop();
    await staff();
    for (let i = 0; i < 3; i++) await login("T1", "9999");
    await login("T2", "9999");
    const before = snapshot();
    const notLocked = await unlock({ tillId: "T2" });
    expect(notLocked.status).toBe(404);
    expect(notLocked.body.error.code).toBe("NOT_LOCKED");
    expect(notLocked.body.error.details).toEqual({ scope: "till", tillId: "T2" });
    // All or nothing: T1 is locked, the store is not, so T1 stays locked.
    const both = await unlock({ tillId: "T1", storeWide: true });
    expect(both.status).toBe(404);
    expect(both.body.error.details).toEqual({ scope: "store", tillId: null });
    for (const body of [{}, { storeWide: false }, { tillId: "T-1" }, { tillId: "T1", extra: 1 }, "[1,"]) {
      expect((await unlock(body)).status).toBe(400);
    }
    expect(snapshot()).toEqual(before);
    expect((await login("T1", "1234")).body.error.code).toBe("PIN_LOCKED");

    // Once expired, the lock-out is gone from the list and cannot be unlocked.
    store.clock.advance(300_000);
    expect(await lockouts()).toEqual([]);
    expect((await unlock({ tillId: "T1" })).status).toBe(404);
  });
});
