import { describe, expect, test } from "bun:test";
import type { TillDelivery } from "../../../src/till/services.ts";
import { MENU_ITEMS } from "../../../src/till/state/index.ts";
import { CASHIER, Driver } from "../support/state-env.ts";

const ACCEPTED: TillDelivery = {
  id: "0194a000-0000-7000-8000-0000000000d1",
  status: "accepted",
  address: "3 Elm St",
  phone: "+1 555 0100",
  courierId: null,
  collectMinor: 1350,
  promisedAt: null,
};

function onList(list: TillDelivery[]): Driver {
  const d = new Driver().send({ type: "login.ok", cashier: CASHIER }).key("menu.open");
  d.send({ type: "input.text", text: "h" });
  expect(d.state.screen).toEqual({ kind: "deliveries", list: null, selected: 0 });
  expect(d.lastEffect("listDeliveries")).toBeDefined();
  return d.send({ type: "deliveries.listed", list });
}

describe("the dispatch list (F9 menu)", () => {
  test("is the menu's eighteenth entry, chosen with h", () => {
    expect(MENU_ITEMS[17]).toBe("deliveries.open");
    onList([ACCEPTED]);
  });

  test("Enter moves the chosen delivery to its next status; out of the shop only with a courier", () => {
    const d = onList([
      ACCEPTED,
      { ...ACCEPTED, id: "0194a000-0000-7000-8000-0000000000d2", status: "preparing" },
    ]);
    d.key("input.submit");
    expect(d.lastEffect("setDeliveryStatus")).toEqual({
      type: "setDeliveryStatus",
      id: ACCEPTED.id,
      status: "preparing",
    });
    d.send({ type: "delivery.updated", delivery: { ...ACCEPTED, status: "preparing" }, courierGiven: false });
    expect(d.state.status?.message).toEqual({
      key: "ok.deliveryPreparing",
      params: { address: "3 Elm St", courier: "—" },
    });
    expect(d.lastEffect("listDeliveries")).toBeDefined();
    d.key("cursor.down");
    const before = d.effects.length;
    d.key("input.submit");
    expect(d.statusKey).toBe("error.deliveryNeedsCourier");
    expect(d.effects.length).toBe(before);
  });

  test("a courier's id typed gives the delivery to him; the void key marks it failed", () => {
    const d = onList([ACCEPTED]);
    d.send({ type: "input.text", text: "C-KIM" }).key("input.submit");
    expect(d.lastEffect("assignCourier")).toEqual({
      type: "assignCourier",
      id: ACCEPTED.id,
      courierId: "C-KIM",
    });
    d.send({ type: "delivery.updated", delivery: { ...ACCEPTED, courierId: "C-KIM" }, courierGiven: true });
    expect(d.state.status?.message).toEqual({
      key: "ok.courierAssigned",
      params: { address: "3 Elm St", courier: "C-KIM" },
    });
    d.send({ type: "deliveries.listed", list: [{ ...ACCEPTED, courierId: "C-KIM" }] });
    d.send({ type: "input.text", text: "no way!" }).key("input.submit");
    expect(d.statusKey).toBe("error.badCourier");
    d.send({ type: "input.clear" }).key("line.void");
    expect(d.lastEffect("setDeliveryStatus")).toEqual({
      type: "setDeliveryStatus",
      id: ACCEPTED.id,
      status: "failed",
    });
  });
});

describe("an expense from the drawer (F9 menu)", () => {
  test("the amount, then the category and a note: recorded at the store with its own id", () => {
    const d = new Driver().send({ type: "login.ok", cashier: CASHIER }).key("menu.open");
    expect(MENU_ITEMS[18]).toBe("cash.expense");
    d.send({ type: "input.text", text: "i" });
    expect(d.state.prompt).toEqual({ kind: "cashAmount", direction: "expense" });
    d.enter("12.50");
    expect(d.state.prompt).toEqual({ kind: "cashReason", direction: "expense", amountMinor: 1250 });
    d.enter("Supplies& towels");
    expect(d.statusKey).toBe("error.expenseCategory");
    expect(d.lastEffect("recordExpense")).toBeUndefined();
    d.send({ type: "input.clear" }).enter("Supplies paper towels");
    const effect = d.lastEffect("recordExpense");
    expect(effect).toMatchObject({ amountMinor: 1250, category: "supplies", note: "paper towels" });
    expect(effect?.id).toBeString();
    d.send({ type: "cash.expensed", category: "supplies", amountMinor: 1250, expectedCashMinor: 8750 });
    expect(d.state.status?.message).toEqual({
      key: "ok.expense",
      params: { category: "supplies", amountMinor: 1250, expectedMinor: 8750 },
    });
  });
});
