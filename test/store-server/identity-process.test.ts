/**
 * Against a real `ringup store` process: a cashier cannot record a sale as another till or
 * another cashier, a made-up approver is refused, a void after total takes a supervisor's proven
 * approval, and a sale cancelled before payment leaves its trace; a restart keeps the session
 * proofs valid (the store's secret is in its database).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
let cashier: { id: string; token: string; proof: string };
let supervisorId: string;

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function addUser(name: string, role: string, pin: string): Promise<string> {
  const res = await store.api("/api/v1/users", { method: "POST", body: JSON.stringify({ name, role, pin }) });
  expect(res.status).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

async function logIn(tillId: string, pin: string) {
  const res = await fetch(`${store.url}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tillId, pin }),
  });
  expect(res.status).toBe(201);
  const body = await json<{ token: string; proof: string; user: { id: string } }>(res);
  return { id: body.user.id, token: body.token, proof: body.proof };
}

/** A document as the till rings it: the store's own quote of the lines. */
async function rung(lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const quote = await json<Record<string, unknown> & { cashDueMinor: number }>(
    await store.api("/api/v1/baskets/quote", { method: "POST", body: JSON.stringify({ lines }) }),
  );
  return {
    ...quote,
    asRung: true,
    id: uuidv7(),
    at: new Date().toISOString(),
    tenders: [{ type: "cash", amountMinor: quote.cashDueMinor }],
    ...extra,
  };
}

function post(path: string, body: unknown, token: string) {
  return store.api(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
}

/** Sam's approval of `action` at T1, as the till asks the store for one: the grant's id. */
async function supervisorGrant(action: string): Promise<string> {
  const grant = await post("/api/v1/approvals", { action, pin: "2222", tillId: "T1" }, cashier.token);
  expect(grant.status).toBe(201);
  return (await json<{ approvalId: string }>(grant)).approvalId;
}

async function salesCount(): Promise<number> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const res = await store.api(`/api/v1/sales?from=${from}&to=${to}`);
  return (await json<{ sales: unknown[] }>(res)).sales.length;
}

beforeAll(async () => {
  store = await startStore();
  await seedProducts(store, [
    { code: "MILK", name: "Milk 1l", priceMinor: 349, taxClass: "1" },
    { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
  ]);
  await addUser("Ann", "cashier", "1111");
  supervisorId = await addUser("Sam", "supervisor", "2222");
  await addUser("Meg", "manager", "3333");
  cashier = await logIn("T1", "1111");
});
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
});

describe("identity and approvals at a real store", () => {
  test("a sale naming another till or cashier is refused and records nothing", async () => {
    const before = await salesCount();
    const asT9 = await post("/api/v1/sales", await rung([{ code: "MILK" }], { tillId: "T9" }), cashier.token);
    expect(asT9.status).toBe(403);
    expect((await json<{ error: { code: string } }>(asT9)).error.code).toBe("IDENTITY_MISMATCH");
    const asSupervisor = await post(
      "/api/v1/sales",
      await rung([{ code: "MILK" }], { cashierId: supervisorId }),
      cashier.token,
    );
    expect(asSupervisor.status).toBe(403);
    expect(await salesCount()).toBe(before);
  });

  test("a price override to 0.01 approved by a made-up name is refused; a granted approval is taken", async () => {
    const before = await salesCount();
    const entry = (approvedBy: string, approval?: Record<string, unknown>) => ({
      action: "price.overridden",
      at: new Date().toISOString(),
      approvedBy,
      ...(approval ? { approval } : {}),
      detail: { code: "MILK", fromMinor: 349, toMinor: 1 },
    });
    const forged = await post(
      "/api/v1/sales",
      await rung([{ code: "MILK", unitPriceMinor: 1 }], { audit: [entry(supervisorId)] }),
      cashier.token,
    );
    expect(forged.status).toBe(403);
    const refusal = await json<{ error: { code: string; message: string } }>(forged);
    expect(refusal.error.code).toBe("APPROVAL_UNPROVEN");
    expect(await salesCount()).toBe(before);

    const approvalId = await supervisorGrant("priceOverride");
    const proven = await post(
      "/api/v1/sales",
      await rung([{ code: "MILK", unitPriceMinor: 1 }], {
        audit: [entry(supervisorId, { grantId: approvalId })],
      }),
      cashier.token,
    );
    expect(proven.status).toBe(201);
    expect(await salesCount()).toBe(before + 1);
  });

  test("a session proof stays valid across a restart of the store", async () => {
    const doc = await rung([{ code: "BREAD" }], { madeIn: cashier.proof });
    await store.restart();
    const bob = await logIn("T1", "1111");
    const res = await post("/api/v1/sales", doc, bob.token);
    expect(res.status).toBe(201);
    expect((await json<{ cashierId: string }>(res)).cashierId).toBe(cashier.id);
    cashier = bob;
  });

  test("a sale cancelled before payment leaves its voided lines in the audit log", async () => {
    const id = uuidv7();
    const res = await post(
      "/api/v1/sales/cancellations",
      {
        id,
        at: new Date().toISOString(),
        lines: [{ code: "MILK", name: "Milk 1l", qtyMilli: 1000, unitPriceMinor: 349, totalMinor: 349 }],
        totalMinor: 380,
        audit: [
          {
            action: "line.voided",
            at: new Date().toISOString(),
            userId: cashier.id,
            approvedBy: null,
            detail: { code: "BREAD" },
          },
        ],
      },
      cashier.token,
    );
    expect(res.status).toBe(201);
    const audit = await json<{ entries: { action: string; refId: string | null }[] }>(
      await store.api("/api/v1/audit?tillId=T1"),
    );
    expect(
      audit.entries
        .filter((e) => e.refId === id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["line.voided", "sale.cancelled"]);
    const verify = await json<{ ok: boolean }>(await store.api("/api/v1/journal/verify"));
    expect(verify.ok).toBe(true);
  });

  test("a cashier's void after total is refused without a supervisor's proven approval, taken with one", async () => {
    const before = await salesCount();
    const entry = (approval?: { approvedBy: string; approval: { grantId: string } }) => ({
      action: "line.voided",
      at: new Date().toISOString(),
      detail: { code: "BREAD", qtyMilli: 1000, unitPriceMinor: 275, afterTotal: true },
      ...approval,
    });
    const refused = await post(
      "/api/v1/sales",
      await rung([{ code: "MILK" }], { audit: [entry()] }),
      cashier.token,
    );
    expect(refused.status).toBe(403);
    const refusal = await json<{ error: { code: string; details: Record<string, unknown> } }>(refused);
    expect(refusal.error.code).toBe("APPROVAL_REQUIRED");
    expect(refusal.error.details).toMatchObject({ permission: "void_after_total", role: "cashier" });
    expect(await salesCount()).toBe(before);

    const grantId = await supervisorGrant("voidAfterTotal");
    const approved = entry({ approvedBy: supervisorId, approval: { grantId } });
    const proven = await post(
      "/api/v1/sales",
      await rung([{ code: "MILK" }], { audit: [approved] }),
      cashier.token,
    );
    expect(proven.status).toBe(201);
    expect(await salesCount()).toBe(before + 1);
  });
});
