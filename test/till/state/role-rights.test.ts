/**
 * The till follows the logged-in cashier's role: a custom role without a permission is asked
 * for an approver's PIN for that action whatever the store's settings, a discount above the
 * role's maximum too, and the built-in cashier keeps the settings' word alone.
 */
import { describe, expect, test } from "bun:test";
import type { Cashier } from "../../../src/till/services.ts";
import { CASHIER, DELI, Driver, testEnv } from "../support/state-env.ts";

const NO_APPROVALS = {
  approvals: { refund: false, voidAfterTotal: false, priceOverride: false, noSale: false, discount: false },
};

function as(cashier: Cashier): Driver {
  const d = new Driver(testEnv(NO_APPROVALS), false);
  return d.send({ type: "login.ok", cashier });
}

describe("a custom role at the till", () => {
  test("is asked for an approver to override a price it may not, where a cashier is not", () => {
    const deli = as(DELI).enter("0002").key("line.price").enter("2.00");
    expect(deli.state.prompt?.kind).toBe("approval");
    const cashier = as(CASHIER).enter("0002").key("line.price").enter("2.00");
    expect(cashier.state.prompt).toBeNull();
    expect(cashier.state.sale.lines[0]).toMatchObject({ unitPriceMinor: 200 });
  });

  test("gives a discount up to its maximum alone, and above it only with an approver", () => {
    const small = as(DELI).enter("0002").key("line.discount").enter("10%");
    expect(small.state.prompt).toBeNull();
    expect(small.state.sale.audit.map((a) => a.action)).toEqual(["discount.given"]);
    const large = as(DELI).enter("0002").key("line.discount").enter("15%");
    expect(large.state.prompt?.kind).toBe("approval");
    expect(large.state.sale.audit).toEqual([]);
  });

  test("is asked for an approver to void after total whatever the settings; the entry says after total", () => {
    const line = as(DELI).enter("0001").enter("0002").key("sale.total").key("back").key("line.void");
    expect(line.state.prompt).toMatchObject({ kind: "approval", action: "voidAfterTotal" });
    expect(line.state.sale.lines).toHaveLength(2);
    const fewer = as(DELI).enter("3*0001").key("sale.total").key("back").key("line.qty").enter("1");
    expect(fewer.state.prompt).toMatchObject({ kind: "approval", action: "voidAfterTotal" });
    const sale = as(DELI).enter("0001").key("sale.total").key("back").key("sale.void").enter("y");
    expect(sale.state.prompt).toMatchObject({ kind: "approval", action: "voidAfterTotal" });
    expect(sale.lastEffect("cancelSale")).toBeUndefined();
    // The built-in cashier voids alone when the store asks no approval, and the store is told
    // the void came after total (it checks the cashier's role again).
    const cashier = as(CASHIER).enter("0001").enter("0002").key("sale.total").key("back").key("line.void");
    expect(cashier.state.prompt).toBeNull();
    expect(cashier.state.sale.audit.at(-1)).toMatchObject({
      action: "line.voided",
      approvedBy: null,
      detail: { code: "0002", afterTotal: true },
    });
  });
});
