/**
 * Log-in and approvals against a real store process, then with the store stopped: the store's
 * refusals come through with its message; offline, only PINs this till has seen succeed work
 * (hashed, never stored in clear), with a local lock-out; when the store is back a cashier who
 * logged in offline gets a store session again without typing the PIN twice.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import { tillDbPath } from "../../../src/till/data/index.ts";
import type { Cashier } from "../../../src/till/services.ts";
import { domainErrorOf } from "../../core/expect-code.ts";
import {
  CASHIER_PIN,
  cashSale,
  SUPERVISOR_PIN,
  TILL_ID,
  type TillFixture,
  tillFixture,
} from "./support/till-fixture.ts";

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (err) {
    const e = domainErrorOf(() => {
      throw err;
    });
    return { code: e.code, message: e.message };
  }
  throw new Error("expected a refusal, but it succeeded");
}

/** Ann as the store names her, with her role's rights (kept for offline log-ins too). */
const ANN: Omit<Cashier, "id"> = {
  name: "Ann Cashier",
  role: "cashier",
  permissions: ["sell", "discount"],
  maxDiscountPercent: 100,
};

describe("till log-in and approvals", () => {
  let f: TillFixture;
  let till: TillDataServices;
  const clock = { now: new Date() };

  beforeAll(async () => {
    f = await tillFixture({ products: [{ code: "APPLE", name: "Apple", priceMinor: 100 }] });
    till = await f.openTill({ now: () => new Date(clock.now.getTime()) });
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
  });

  test("online, the store checks the PIN and names the cashier", async () => {
    expect(await till.login(CASHIER_PIN)).toEqual({ ...ANN, id: f.cashierId });
    expect(till.status().online).toBe(true);
  });

  test("a wrong PIN online is refused with the store's words (attempts left)", async () => {
    expect(await refusal(() => till.login("4321"))).toEqual({
      code: "WRONG_PIN",
      message: "wrong PIN: 4 attempts left before PIN entry on till T1 is locked",
    });
    expect((await refusal(() => till.login("12"))).code).toBe("INVALID_PIN");
  });

  test("a supervisor approves online; a cashier's PIN does not", async () => {
    const approver = await till.approve(SUPERVISOR_PIN, "priceOverride");
    expect(approver).toMatchObject({ id: f.supervisorId, name: "Sam Supervisor", role: "supervisor" });
    expect(approver.proof).toEqual({ grantId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await refusal(() => till.approve(CASHIER_PIN, "priceOverride"))).code).toBe("NOT_AN_APPROVER");
  });

  test("a wrong supervisor PIN is refused by the store and leaves the till's session alone", async () => {
    const wrong = await refusal(() => till.approve("8888", "discount"));
    expect(wrong.code).toBe("WRONG_PIN");
    expect(wrong.message).toContain("attempts left");
    expect(await till.listHeld()).toEqual([]);
    expect(till.status().lastError).toBeNull();
  });

  test("the till keeps PIN hashes, never PINs", () => {
    const db = new Database(tillDbPath(f.tillDir), { readonly: true });
    try {
      const rows = db.query<{ id: string; pin_hash: string }, []>("SELECT id, pin_hash FROM cashiers").all();
      expect(rows.map((r) => r.id).sort()).toEqual([f.cashierId, f.supervisorId].sort());
      for (const r of rows) {
        expect(r.pin_hash.startsWith("$argon2id$")).toBe(true);
        expect(r.pin_hash).not.toContain(CASHIER_PIN);
      }
    } finally {
      db.close();
    }
  });

  test("offline, a cashier who logged in here before can log in again, and a supervisor can approve", async () => {
    await till.logout();
    await f.store.stop();
    expect(await till.login(CASHIER_PIN)).toEqual({ ...ANN, id: f.cashierId });
    expect(till.status().online).toBe(false);
    expect((await till.approve(SUPERVISOR_PIN, "noSale")).id).toBe(f.supervisorId);
    expect((await refusal(() => till.approve(CASHIER_PIN, "noSale"))).code).toBe("NOT_AN_APPROVER");
  });

  test("offline, an unknown PIN is refused, and PIN entry locks after the store's limit", async () => {
    const first = await refusal(() => till.login("5555"));
    expect(first.code).toBe("PIN_UNKNOWN_OFFLINE");
    expect(first.message).toContain(`the store is unreachable (connection refused)`);
    expect(first.message).toContain("4 attempts left");
    for (let i = 0; i < 3; i++) await refusal(() => till.login("5555"));
    expect((await refusal(() => till.login("5555"))).message).toContain("now locked for 300 seconds");
    // Locked: even the right PIN waits.
    expect((await refusal(() => till.login(CASHIER_PIN))).code).toBe("PIN_LOCKED");
    clock.now = new Date(clock.now.getTime() + 301_000);
    expect((await till.login(CASHIER_PIN)).id).toBe(f.cashierId);
  });

  test("a reopened till still knows its cashiers while the store is down", async () => {
    await till.close();
    till = await f.openTill({ now: () => new Date(clock.now.getTime()) });
    expect((await till.login(CASHIER_PIN)).id).toBe(f.cashierId);
  });

  test("when the store is back, the offline cashier's store session reopens for the outbox", async () => {
    await f.store.restart();
    // Meanwhile the till's old session was ended at the store (another log-in for this till id).
    const res = await fetch(`${f.server}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tillId: TILL_ID, pin: SUPERVISOR_PIN }),
    });
    expect(res.status).toBe(201);
    await f.store.stop();
    await till.logout();
    await till.login(CASHIER_PIN); // offline: the PIN stays in memory only
    await till.syncNow();
    expect(till.status().online).toBe(false);
    const sale = cashSale(till, f.cashierId, [{ code: "APPLE", qtyMilli: 1000 }], 100);
    await till.completeSale(sale);
    await f.store.restart();
    await till.drainNow();
    expect(till.status()).toMatchObject({ online: true, pending: 0, rejected: 0, lastError: null });
    expect((await f.storeSales()).filter((s) => s.id === sale.id)).toHaveLength(1);
    expect(f.sent.filter((s) => s.method === "POST" && s.path === "/api/v1/sessions").at(-1)?.outcome).toBe(
      201,
    );
  });

  test("a PIN the store no longer takes is forgotten for offline log-in", async () => {
    const changed = await f.store.api(`/api/v1/users/${f.cashierId}`, {
      method: "PATCH",
      body: JSON.stringify({ pin: "2468" }),
    });
    expect(changed.status).toBe(200);
    expect((await refusal(() => till.login(CASHIER_PIN))).code).toBe("WRONG_PIN");
    await f.store.stop();
    expect((await refusal(() => till.login(CASHIER_PIN))).code).toBe("PIN_UNKNOWN_OFFLINE");
  });
});
