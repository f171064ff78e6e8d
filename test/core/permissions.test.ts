/**
 * The built-in roles expressed as permissions keep exactly the rights they had when roles were
 * fixed: who may approve each action (a supervisor, manager or admin), and which built-in
 * level each role counts as. Custom roles may do what they hold and nothing else.
 */
import { describe, expect, test } from "bun:test";
import { approvalNeeded, mayApprove } from "../../src/api/store/roles.ts";
import { APPROVAL_ACTIONS } from "../../src/api/store/users.ts";
import { USER_ROLES } from "../../src/core/events/back-office-events.ts";
import { BUILT_IN_ROLES, levelOf, resolveRights, rightsOf } from "../../src/core/permissions.ts";

const RANK = { cashier: 1, supervisor: 2, manager: 3, admin: 4 } as const;

describe("built-in roles", () => {
  test("approve exactly what a supervisor or above approved before", () => {
    for (const role of USER_ROLES) {
      const rights = rightsOf(BUILT_IN_ROLES[role]);
      for (const action of APPROVAL_ACTIONS) {
        expect(`${role} ${action} ${mayApprove(rights, action)}`).toBe(
          `${role} ${action} ${RANK[role] >= RANK.supervisor}`,
        );
        // The store's settings alone decide whether a built-in role is asked for an approval.
        expect(approvalNeeded(false, rights, action)).toBe(false);
        expect(approvalNeeded(true, rights, action)).toBe(true);
      }
    }
  });

  test("hold the back-office permissions from manager up, as the manager role's routes did", () => {
    for (const permission of ["stock_documents", "purchasing", "reports", "catalog", "users"] as const) {
      expect(USER_ROLES.filter((r) => rightsOf(BUILT_IN_ROLES[r]).permissions.has(permission))).toEqual([
        "manager",
        "admin",
      ]);
    }
  });
});

describe("custom roles", () => {
  const deli = {
    id: "deli",
    name: "Deli",
    permissions: ["sell", "discount"] as const,
    maxDiscountPercent: 10,
  };

  test("may do what they hold, count as cashiers elsewhere, and always ask for what they lack", () => {
    const rights = resolveRights("deli", (id) =>
      id === "deli" ? { ...deli, permissions: [...deli.permissions] } : undefined,
    );
    expect([...rights.permissions]).toEqual(["sell", "discount"]);
    expect(rights.maxDiscountPercent).toBe(10);
    expect(levelOf("deli")).toBe("cashier");
    expect(approvalNeeded(false, rights, "refund")).toBe(true);
    expect(approvalNeeded(false, rights, "discount")).toBe(false);
    expect(mayApprove(rights, "stockAdjustment")).toBe(false);
  });

  test("an unknown or deleted role may do nothing", () => {
    const rights = resolveRights("gone", () => undefined);
    expect(rights.permissions.size).toBe(0);
    expect(rights.maxDiscountPercent).toBe(0);
  });
});
