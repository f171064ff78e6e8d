/** The till's shift as a pure reducer: float at log-in, cash in and out, close with confirmation. */
import { describe, expect, test } from "bun:test";
import { MENU_ITEMS } from "../../../src/till/state/index.ts";
import { Driver, testEnv } from "../support/state-env.ts";

describe("opening the shift at log-in", () => {
  test("log-in asks the store whether a shift is open; without one the float is counted", () => {
    const d = new Driver();
    expect(d.lastEffect("checkShift")).toBeDefined();
    d.send({ type: "shift.checked", open: false, atLogIn: true });
    expect(d.state.screen.kind).toBe("shiftOpen");
    expect(d.statusKey).toBe("info.countFloat");
    d.enter("1"); // 1 × 100.00
    d.enter(); // no 50s
    d.enter("2"); // 2 × 20.00
    d.key("sale.total");
    expect(d.statusKey).toBe("shift.confirmOpen");
    expect(d.state.status?.message).toMatchObject({ params: { amountMinor: 14000 } });
    expect(d.lastEffect("openShift")).toBeUndefined();
    d.enter();
    expect(d.lastEffect("openShift")).toEqual({ type: "openShift", floatMinor: 14000 });
    d.send({ type: "shift.opened", floatMinor: 14000 });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.statusKey).toBe("ok.shiftOpened");
  });

  test("a total typed on the last row instead of counting, exactly in minor units", () => {
    const d = new Driver(testEnv({ currency: "EUR" })).send({
      type: "shift.checked",
      open: false,
      atLogIn: true,
    });
    d.key("page.down").key("page.down"); // to the total row
    d.enter("150.10");
    d.key("sale.total").enter();
    expect(d.lastEffect("openShift")?.floatMinor).toBe(15010);
    const bad = new Driver()
      .send({ type: "shift.checked", open: false, atLogIn: true })
      .key("page.down")
      .key("page.down");
    bad.enter("1.234");
    expect(bad.statusKey).toBe("error.badAmount");
  });

  test("an open shift leaves the sale screen as it is; Esc skips the count and selling goes on", () => {
    const open = new Driver().send({ type: "shift.checked", open: true, atLogIn: true });
    expect(open.state.screen.kind).toBe("sale");
    const skip = new Driver().send({ type: "shift.checked", open: false, atLogIn: true }).key("back");
    expect(skip.state.screen.kind).toBe("sale");
    expect(skip.statusKey).toBe("info.shiftNotOpened");
    // Opened later from the menu.
    skip.key("menu.open").send({ type: "input.text", text: "a" });
    expect(MENU_ITEMS[10]).toBe("shift.open");
    expect(skip.state.screen.kind).toBe("shiftOpen");
  });

  test("offline: the till says the shift opens once the store is reachable, and selling goes on", () => {
    const d = new Driver().send({ type: "status.info", message: { key: "info.shiftWhenOnline" } });
    expect(d.state.screen.kind).toBe("sale");
    d.enter("0001");
    expect(d.state.sale.lines).toHaveLength(1);
    // Opening from the menu while the store is away: back to the sale with the reason.
    const menu = new Driver().key("shift.open").key("sale.total").enter();
    menu.send({ type: "request.failed", message: { key: "info.shiftWhenOnline" } });
    expect(menu.state.screen.kind).toBe("sale");
    expect(menu.statusKey).toBe("info.shiftWhenOnline");
  });
});

describe("when the store is reachable again", () => {
  test("the till asks again; without a shift the status line says so, the sale screen stays", () => {
    const d = new Driver().send({ type: "link.online" });
    expect(d.statusKey).toBe("info.online");
    expect(d.lastEffect("checkShift")).toEqual({ type: "checkShift", atLogIn: false });
    d.send({ type: "shift.checked", open: false, atLogIn: false });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.statusKey).toBe("info.shiftNotOpened");
    const locked = new Driver(testEnv(), false).send({ type: "link.online" });
    expect(locked.lastEffect("checkShift")).toBeUndefined();
  });
});

describe("cash in and out", () => {
  test("amount, then reason, then the store records it", () => {
    const d = new Driver().key("menu.open").send({ type: "input.text", text: "b" });
    expect(d.state.prompt).toEqual({ kind: "cashAmount", direction: "in" });
    d.enter("abc");
    expect(d.statusKey).toBe("error.badAmount");
    d.send({ type: "input.clear" }).enter("25.50");
    expect(d.state.prompt).toEqual({ kind: "cashReason", direction: "in", amountMinor: 2550 });
    d.enter();
    expect(d.statusKey).toBe("error.reasonNeeded");
    d.enter("change from the safe");
    expect(d.lastEffect("moveCash")).toEqual({
      type: "moveCash",
      direction: "in",
      amountMinor: 2550,
      reason: "change from the safe",
    });
    d.send({ type: "cash.moved", direction: "in", amountMinor: 2550, expectedCashMinor: 12550 });
    expect(d.statusKey).toBe("ok.cashIn");
    const out = new Driver().key("cash.out").enter("10").enter("bank");
    expect(out.lastEffect("moveCash")).toMatchObject({ direction: "out", amountMinor: 1000 });
  });
});

describe("closing the shift", () => {
  test("Esc at the confirmation goes back to counting; the Z report scrolls", () => {
    const d = new Driver().key("shift.close").enter("1");
    d.key("sale.total");
    d.send({ type: "shift.expected", expectedMinor: 9000 });
    d.key("back");
    expect(d.state.screen).toMatchObject({ kind: "shiftClose", expectedMinor: null, closed: null });
    d.key("sale.total").send({ type: "shift.expected", expectedMinor: 9000 }).enter();
    expect(d.lastEffect("closeShift")?.counted).toEqual({ cash: 10000 });
    d.send({ type: "shift.closed", report: { zNumber: 4 } });
    d.key("cursor.down").key("cursor.down");
    expect(d.state.screen).toMatchObject({ kind: "shiftClose", scroll: 2 });
  });
});
