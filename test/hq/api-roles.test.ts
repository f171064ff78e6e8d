/**
 * Roles with named permissions at head office: the four built-in roles are listed with their
 * rights, custom roles are defined and recorded for every store, a user may name a custom role
 * (an unknown one is refused), and a role in use cannot be deleted.
 */
import { describe, expect, test } from "bun:test";
import { PERMISSIONS } from "../../src/core/permissions.ts";
import { changesAfter } from "../../src/hq/catalog/change-log.ts";
import { testHqPerTest } from "../support/hq-app.ts";

const hq = testHqPerTest();

type ErrorBody = { error: { code: string; message: string } };
interface RoleAnswer {
  id: string;
  name: string;
  permissions: string[];
  maxDiscountPercent: number;
  builtIn: boolean;
}

const deli = { id: "deli", name: "Deli counter", permissions: ["sell", "discount"], maxDiscountPercent: 10 };

describe("roles at head office", () => {
  test("GET /roles lists the built-in roles with their rights", async () => {
    const h = hq();
    const res = await h.request<{ roles: RoleAnswer[] }>("GET", "/api/v1/roles");
    expect(res.status).toBe(200);
    const byId = new Map(res.body.roles.map((r) => [r.id, r]));
    expect(byId.get("cashier")).toMatchObject({ builtIn: true, permissions: ["sell", "discount"] });
    expect(byId.get("supervisor")?.permissions).toContain("refund");
    expect(byId.get("supervisor")?.permissions).not.toContain("catalog");
    expect(byId.get("manager")?.permissions).toContain("users");
    // The admin holds every right there is, a courier's "deliver" included.
    expect([...(byId.get("admin")?.permissions ?? [])].sort()).toEqual([...PERMISSIONS].sort());
  });

  test("POST /roles defines a custom role, recorded for every store, and a user may have it", async () => {
    const h = hq();
    const res = await h.request<RoleAnswer>("POST", "/api/v1/roles", deli);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...deli, builtIn: false });
    const recorded = changesAfter(h.ctx.db, 0).filter((c) => c.kind === "role");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ storeId: "*", key: "deli", value: { ...deli, active: true } });
    const user = await h.request<{ role: string }>("POST", "/api/v1/users", {
      name: "Dee",
      role: "deli",
      pin: "4821",
    });
    expect(user.status).toBe(201);
    expect(user.body.role).toBe("deli");
    const again = await h.request<RoleAnswer>("POST", "/api/v1/roles", { ...deli, maxDiscountPercent: 5 });
    expect(again.status).toBe(200);
    expect(again.body.maxDiscountPercent).toBe(5);
  });

  test("bad input is refused precisely and changes nothing", async () => {
    const h = hq();
    await h.request("POST", "/api/v1/roles", deli);
    const roles = h.count("hq_roles");
    const entries = h.count("catalog_changes");
    const cases: [string, string, object, number, string][] = [
      ["POST", "/api/v1/roles", { ...deli, permissions: ["sell", "fly"] }, 400, "INVALID_REQUEST"],
      ["POST", "/api/v1/roles", { ...deli, id: "Deli Counter" }, 400, "INVALID_REQUEST"],
      ["POST", "/api/v1/roles", { ...deli, maxDiscountPercent: 101 }, 400, "INVALID_REQUEST"],
      ["POST", "/api/v1/roles", { ...deli, extra: 1 }, 400, "INVALID_REQUEST"],
      ["POST", "/api/v1/roles", { ...deli, id: "cashier" }, 400, "ROLE_BUILT_IN"],
      ["POST", "/api/v1/users", { name: "Cat", role: "owner", pin: "1111" }, 400, "UNKNOWN_ROLE"],
      ["DELETE", "/api/v1/roles/supervisor", {}, 400, "ROLE_BUILT_IN"],
      ["DELETE", "/api/v1/roles/nobody", {}, 404, "ROLE_NOT_FOUND"],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await h.request<ErrorBody>(method, path, method === "DELETE" ? undefined : body);
      expect(`${method} ${path} ${res.status} ${res.body.error.code}`).toBe(
        `${method} ${path} ${status} ${code}`,
      );
    }
    expect(h.count("hq_roles")).toBe(roles);
    expect(h.count("hq_users")).toBe(0);
    expect(h.count("catalog_changes")).toBe(entries);
  });

  test("a role in use cannot be deleted; an unused one is, and stores hear it ended", async () => {
    const h = hq();
    await h.request("POST", "/api/v1/roles", deli);
    const dee = await h.request<{ id: string }>("POST", "/api/v1/users", {
      name: "Dee",
      role: "deli",
      pin: "4821",
    });
    const inUse = await h.request<ErrorBody>("DELETE", "/api/v1/roles/deli");
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe("ROLE_IN_USE");
    expect(inUse.body.error.message).toContain("Dee");
    const moved = await h.request("PUT", `/api/v1/users/${dee.body.id}`, { role: "cashier" });
    expect(moved.status).toBe(200);
    const gone = await h.request<{ id: string; deleted: boolean }>("DELETE", "/api/v1/roles/deli");
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ id: "deli", deleted: true });
    const list = await h.request<{ roles: RoleAnswer[] }>("GET", "/api/v1/roles");
    expect(list.body.roles.map((r) => r.id)).not.toContain("deli");
    const last = changesAfter(h.ctx.db, 0).filter((c) => c.kind === "role");
    expect(last.at(-1)).toMatchObject({ key: "deli", value: { active: false } });
    const stale = await h.request<ErrorBody>("PUT", `/api/v1/users/${dee.body.id}`, { role: "deli" });
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe("UNKNOWN_ROLE");
  });
});
