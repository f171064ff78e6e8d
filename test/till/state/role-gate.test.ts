/**
 * The till shows what the cashier's role may not do: a key or menu entry for an action whose
 * permission the role lacks says so when pressed, naming the permission, and offers the
 * supervisor's approval the till already asks for. The built-in roles keep the store's settings.
 */
import { describe, expect, test } from "bun:test";
import type { Cashier } from "../../../src/till/services.ts";
import { lackedPermission } from "../../../src/till/state/role-gate.ts";
import { CASHIER, DELI, Driver, testEnv } from "../support/state-env.ts";

/** A custom role without discounts. */
const TILL_ONLY: Cashier = {
  id: "u-tom",
  name: "Tom",
  role: "till",
  permissions: ["sell"],
  maxDiscountPercent: 0,
};
const NO_APPROVALS = {
  approvals: { refund: false, voidAfterTotal: false, priceOverride: false, noSale: false, discount: false },
};

function as(cashier: Cashier): Driver {
  return new Driver(testEnv(NO_APPROVALS), false).send({ type: "login.ok", cashier });
}

describe("what a role lacks, at the till", () => {
  test("each gated command names the permission the role lacks; a built-in role lacks none", () => {
    const lacks = (c: Cashier) =>
      (
        [
          "sale.returns",
          "line.price",
          "line.discount",
          "sale.discount",
          "drawer.noSale",
          "sale.total",
        ] as const
      ).map((command) => lackedPermission(c, command));
    expect(lacks(DELI)).toEqual(["refund", "price_override", null, null, "open_drawer", null]);
    expect(lacks(TILL_ONLY)).toEqual([
      "refund",
      "price_override",
      "discount",
      "discount",
      "open_drawer",
      null,
    ]);
    expect(lacks(CASHIER)).toEqual([null, null, null, null, null, null]);
  });

  test("returns from the menu: the role's missing refund permission is said, and a supervisor will approve", () => {
    const d = as(DELI).key("menu.open").send({ type: "input.text", text: "1" });
    expect(d.state.screen.kind).toBe("returns");
    expect(d.state.status?.message).toEqual({ key: "info.roleLacks", params: { permission: "refund" } });
  });

  test("a price override: said on the key, then the supervisor's PIN is asked naming the permission", () => {
    const d = as(DELI).enter("0002").key("line.price");
    expect(d.state.prompt?.kind).toBe("override");
    expect(d.state.status?.message).toEqual({
      key: "info.roleLacks",
      params: { permission: "price_override" },
    });
    d.enter("2.00");
    expect(d.state.prompt?.kind).toBe("approval");
    expect(d.state.status?.message).toEqual({
      key: "info.roleLacksApproval",
      params: { permission: "price_override" },
    });
  });

  test("no-sale without open_drawer asks for the supervisor's PIN at once, naming the permission", () => {
    const d = as(DELI).key("drawer.noSale");
    expect(d.state.prompt?.kind).toBe("approval");
    expect(d.state.status?.message).toEqual({
      key: "info.roleLacksApproval",
      params: { permission: "open_drawer" },
    });
  });

  test("the built-in cashier's keys are as before", () => {
    const d = as(CASHIER).key("menu.open").send({ type: "input.text", text: "1" });
    expect(d.state.screen.kind).toBe("returns");
    expect(d.state.status).toBeNull();
  });
});
