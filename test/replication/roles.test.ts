/**
 * Roles with named permissions, end to end on real processes (nats-server, head office, a
 * store): custom roles defined at head office reach the store with the users; the store refuses
 * every route of its permission table to a session whose role lacks the permission (and allows
 * it to one that has it), the built-in roles keep exactly their old rights, and an approval
 * needs an approver whose role holds the action's permission.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { PERMISSIONS } from "../../src/core/permissions.ts";
import { ROUTE_PERMISSIONS } from "../../src/store-server/auth/permissions.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

const ROLES = [
  { id: "clerk", name: "Stock clerk", permissions: ["stock_documents", "purchasing"] },
  { id: "deli", name: "Deli counter", permissions: ["sell", "discount"], maxDiscountPercent: 10 },
  { id: "lead", name: "Shift lead", permissions: ["sell", "refund", "void_after_total", "reports"] },
];
const USERS = [
  { name: "Cleo", role: "clerk", pin: "5101" },
  { name: "Dee", role: "deli", pin: "5102" },
  { name: "Lea", role: "lead", pin: "5103" },
  { name: "Cas", role: "cashier", pin: "5104" },
  { name: "Sam", role: "supervisor", pin: "5105" },
  { name: "Mia", role: "manager", pin: "5106" },
];
/** What each role may do by the table (the built-in ones as before roles had permissions). */
const HOLDS: Record<string, readonly string[]> = {
  clerk: ["stock_documents", "purchasing"],
  deli: ["sell", "discount"],
  lead: ["sell", "refund", "void_after_total", "reports"],
  cashier: ["sell", "discount"],
  supervisor: ["sell", "refund", "void_after_total", "price_override", "discount", "open_drawer"],
  manager: PERMISSIONS,
};

type ErrorBody = { error?: { code: string; message: string } };

let chain: Chain;
const sessions = new Map<string, string>();

beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"], seed: false });
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

async function asUser(role: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${chain.store("S1").url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sessions.get(role)}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => ({}))) as ErrorBody & Record<string, unknown>,
  };
}

describe("roles from head office at a store", () => {
  test("custom roles and their users reach the store, and a log-in answers the role's rights", async () => {
    for (const role of ROLES) {
      const res = await chain.hq.api("/api/v1/roles", { method: "POST", body: JSON.stringify(role) });
      expect(res.status).toBe(201);
    }
    for (const user of USERS) {
      const res = await chain.hq.api("/api/v1/users", {
        method: "POST",
        body: JSON.stringify({ ...user, storeIds: ["S1"] }),
      });
      expect(res.status).toBe(201);
    }
    const store = chain.store("S1");
    const roles = await waitFor(async () => {
      const res = await store.api("/api/v1/roles");
      const body = (await res.json()) as {
        roles: { id: string; permissions: string[]; maxDiscountPercent: number }[];
      };
      return body.roles.length === 7 ? body.roles : null;
    }, "the custom roles at the store");
    expect(roles.find((r) => r.id === "deli")).toMatchObject({
      permissions: ["sell", "discount"],
      maxDiscountPercent: 10,
    });
    await waitFor(async () => {
      const res = await store.api("/api/v1/users");
      const { users } = (await res.json()) as { users: { name: string }[] };
      return users.length === USERS.length;
    }, "the users at the store");

    for (const [i, user] of USERS.entries()) {
      const res = await store.api("/api/v1/sessions", {
        method: "POST",
        body: JSON.stringify({ tillId: `T${i + 1}`, pin: user.pin }),
      });
      expect(res.status).toBe(201);
      const session = (await res.json()) as { token: string; user: { role: string; permissions: string[] } };
      expect(session.user.role).toBe(user.role);
      expect([...session.user.permissions].sort()).toEqual([...(HOLDS[user.role] ?? [])].sort());
      sessions.set(user.role, session.token);
    }
  });

  test("every route of the permission table is refused to a role without its permission, and only then", async () => {
    const wrong: string[] = [];
    for (const [route, permission] of Object.entries(ROUTE_PERMISSIONS)) {
      const [method = "GET", pattern = "/"] = route.split(" ");
      const path = `/api/v1${pattern.replace(/\/\*$/, "").replace(/:[a-z]+/g, "x1")}`;
      for (const role of Object.keys(HOLDS)) {
        const res = await asUser(role, method, path, method === "GET" ? undefined : {});
        const denied = res.status === 403 && res.body.error?.code === "PERMISSION_DENIED";
        const mayDo = HOLDS[role]?.includes(permission) ?? false;
        if (denied === mayDo) wrong.push(`${role} ${method} ${path}: ${res.status} ${res.body.error?.code}`);
        if (denied) expect(res.body.error?.message).toContain(`needs the ${permission} permission`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("an approval needs an approver whose role holds the action's permission", async () => {
    const approve = (pin: string, action: string) =>
      asUser("cashier", "POST", "/api/v1/approvals", { action, pin, tillId: "T4" });
    const byDeli = await approve("5102", "refund");
    expect(byDeli.status).toBe(403);
    expect(byDeli.body.error?.code).toBe("NOT_AN_APPROVER");
    expect(byDeli.body.error?.message).toContain("no refund permission");
    expect((await approve("5103", "refund")).status).toBe(201);
    expect((await approve("5105", "refund")).status).toBe(201);
    // A custom role cannot approve what no permission names (a stock adjustment): supervisors can.
    expect((await approve("5101", "stockAdjustment")).body.error?.code).toBe("NOT_AN_APPROVER");
    expect((await approve("5105", "stockAdjustment")).status).toBe(201);
    // The lead holds no price_override: a supervisor does.
    expect((await approve("5103", "priceOverride")).body.error?.code).toBe("NOT_AN_APPROVER");
    expect((await approve("5105", "priceOverride")).status).toBe(201);
  });

  test("a role head office deletes is gone at the store", async () => {
    await chain.hq.api("/api/v1/roles", {
      method: "POST",
      body: JSON.stringify({ id: "temp", name: "Temporary", permissions: ["sell"] }),
    });
    const store = chain.store("S1");
    const ids = async () => {
      const res = await store.api("/api/v1/roles");
      return ((await res.json()) as { roles: { id: string }[] }).roles.map((r) => r.id);
    };
    await waitFor(async () => (await ids()).includes("temp"), "the role at the store");
    const gone = await chain.hq.api("/api/v1/roles/temp", { method: "DELETE" });
    expect(gone.status).toBe(200);
    await waitFor(async () => !(await ids()).includes("temp"), "the role gone at the store");
  });
});
