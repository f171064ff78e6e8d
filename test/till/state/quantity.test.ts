/** Changing a line's quantity with a key, asking before unusual quantities and prices, and a locked sale's owner. */
import { describe, expect, test } from "bun:test";
import { CASHIER, Driver, SUPERVISOR, testEnv } from "../support/state-env.ts";

describe("a line's quantity", () => {
  test("the quantity key sets the selected line's quantity and prices the sale again", () => {
    const d = new Driver().enter("0001").enter("0002");
    d.key("cursor.up").key("line.qty");
    expect(d.state.prompt).toMatchObject({ kind: "quantity", lineId: 1 });
    d.enter("3");
    expect(d.state.sale.lines.map((l) => l.qtyMilli)).toEqual([3000, 1000]);
    expect(d.state.quote?.totalMinor).toBe(3 * 129 + 250);
    expect(d.statusKey).toBe("info.qtyChanged");
  });

  test("`N*` alone sets the selected line's quantity; a unit item takes whole quantities only", () => {
    const d = new Driver().enter("0001").enter("4*");
    expect(d.state.sale.lines[0]?.qtyMilli).toBe(4000);
    d.enter("1.5*");
    expect(d.statusKey).toBe("error.wholeQuantity");
    expect(d.state.sale.lines[0]?.qtyMilli).toBe(4000);
  });

  test("a quantity far above the usual is asked first", () => {
    const d = new Driver().enter("0001").key("line.qty").enter("500");
    expect(d.state.prompt).toMatchObject({
      kind: "confirm",
      confirmed: { type: "line.qty", qtyMilli: 500_000 },
    });
    expect(d.state.sale.lines[0]?.qtyMilli).toBe(1000);
    d.enter("y");
    expect(d.state.sale.lines[0]?.qtyMilli).toBe(500_000);
    const e = new Driver().enter("250*0001");
    expect(e.state.prompt?.kind).toBe("confirm");
    expect(e.state.sale.lines).toHaveLength(0);
    e.key("back");
    expect(e.state.sale.lines).toHaveLength(0);
    const f = new Driver(testEnv({ confirmQtyAbove: 1000 })).enter("250*0001");
    expect(f.state.sale.lines[0]?.qtyMilli).toBe(250_000);
  });

  test("an open price above the store's threshold is asked first", () => {
    const d = new Driver(testEnv({ confirmPriceAboveMinor: 5_000 })).enter("0004");
    expect(d.state.prompt?.kind).toBe("price");
    d.enter("80.00");
    expect(d.state.prompt).toMatchObject({
      kind: "confirm",
      confirmed: { type: "line.add", priceMinor: 8000 },
    });
    d.enter("y");
    expect(d.state.sale.lines[0]?.unitPriceMinor).toBe(8000);
  });

  test("fewer after total is a partial void: a supervisor's PIN, and the audit says what went", () => {
    const d = new Driver().enter("3*0001").key("sale.total").key("back").key("line.qty").enter("1");
    expect(d.state.prompt).toMatchObject({ kind: "approval", action: "voidAfterTotal" });
    d.enter("9999");
    d.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: d.lastEffect("approve")!.approved,
    });
    expect(d.state.sale.lines[0]?.qtyMilli).toBe(1000);
    expect(d.state.sale.audit.at(-1)).toMatchObject({
      action: "line.voided",
      approvedBy: "u-sue",
      detail: { code: "0001", qtyMilli: 2000, afterTotal: true },
    });
  });
});

describe("a locked till's sale", () => {
  test("another cashier's log-in holds it for the cashier who started it", () => {
    const d = new Driver().enter("0001").key("till.lock");
    const bob = { id: "u-bob", name: "Bob", role: "cashier" as const };
    d.send({ type: "login.ok", cashier: bob });
    expect(d.lastEffect("holdSale")).toMatchObject({ cashierId: CASHIER.id, handover: true });
    expect(d.state.cashier?.id).toBe("u-bob");
    d.send({ type: "sale.held", handover: true });
    expect(d.state.sale.lines).toHaveLength(0);
    expect(d.statusKey).toBe("info.saleHeldForCashier");
  });

  test("the same cashier logging in again carries on with it", () => {
    const d = new Driver().enter("0001").key("till.lock");
    d.send({ type: "login.ok", cashier: CASHIER });
    expect(d.lastEffect("holdSale")).toBeUndefined();
    expect(d.state.sale.lines).toHaveLength(1);
  });
});
