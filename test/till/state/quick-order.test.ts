/**
 * Quick on-site orders: the basket rung on the sale screen becomes an order for later pick-up
 * from the orders screen (Ctrl+O, then F4: paid at collection; F7: prepaid by card now), with
 * the customer on the sale and a pick-up time typed as HH:MM today. The basket is cleared once
 * the store placed the order, and the list shows it.
 */
import { describe, expect, test } from "bun:test";
import { Driver, testEnv } from "../support/state-env.ts";

const TODAY = "2026-11-23";

describe("a quick order at the pick-up point", () => {
  test("Ctrl+O with a basket, F4: its lines become an order paid at collection", () => {
    const d = new Driver().enter("2*0001").enter("0002").key("orders.open");
    expect(d.state.screen.kind).toBe("orders");
    d.send({ type: "orders.listed", list: [] });
    d.send({ type: "input.text", text: "17:30" }).key("line.price");
    expect(d.lastEffect("placeOrder")).toEqual({
      type: "placeOrder",
      basketId: "sale-0",
      lines: [
        { code: "0001", qtyMilli: 2000 },
        { code: "0002", qtyMilli: 1000 },
      ],
      slot: { date: TODAY, from: "17:30", to: "18:30" },
      prepaidCardMinor: 0,
    });
    expect(d.state.busy).toBe(true);
    expect(d.state.sale.lines).toHaveLength(2);

    d.send({
      type: "order.placed",
      basketId: "sale-0",
      placed: { id: "o-1", number: 7, totalMinor: 508, balanceDueMinor: 508, prepaidMinor: 0 },
    });
    expect(d.state.sale.lines).toEqual([]);
    expect(d.state.quote).toBeNull();
    expect(d.state.screen).toMatchObject({ kind: "orders", order: null });
    expect(d.lastEffect("listOrders")).toEqual({ type: "listOrders", date: TODAY });
    // The list reloaded still says the order was placed.
    d.send({
      type: "orders.listed",
      list: [
        {
          id: "o-1",
          number: 7,
          status: "placed",
          customer: null,
          slot: "17:30-18:30",
          lines: [],
          totalMinor: 508,
          prepaid: [],
          prepaidMinor: 0,
          balanceDueMinor: 508,
        },
      ],
    });
    expect(d.state.status).toMatchObject({
      tone: "ok",
      message: { key: "ok.orderPlaced", params: { number: 7, balanceMinor: 508 } },
    });
  });

  test("F7 prepays the basket's total by card; no time typed: from now to the end of the day", () => {
    const d = new Driver().enter("0002").key("orders.open");
    d.send({ type: "orders.listed", list: [] }).key("payment.card");
    expect(d.lastEffect("placeOrder")).toMatchObject({
      slot: { date: TODAY, from: "12:00", to: "23:59" },
      prepaidCardMinor: d.state.quote?.totalMinor,
    });
    expect(d.lastEffect("placeOrder")?.prepaidCardMinor).toBeGreaterThan(0);
  });

  test("the customer on the sale is the order's; a bad time or an empty basket is refused", () => {
    const env = testEnv({ timeZone: "Europe/Paris" });
    const d = new Driver(env).send({
      type: "customer.attached",
      customer: { card: "C-1042", kind: "loyalty", name: "Ada", groups: [], points: 0, balanceMinor: 0 },
      how: "found",
    });
    d.enter("0001").key("orders.open").send({ type: "orders.listed", list: [] });
    d.send({ type: "input.text", text: "25:00" }).key("line.price");
    expect(d.statusKey).toBe("error.badPickupTime");
    expect(d.lastEffect("placeOrder")).toBeUndefined();
    d.send({ type: "input.clear" }).key("line.price");
    expect(d.lastEffect("placeOrder")).toMatchObject({
      customerId: "C-1042",
      slot: { date: TODAY, from: "13:00", to: "23:59" },
    });

    const empty = new Driver().key("orders.open").send({ type: "orders.listed", list: [] }).key("line.price");
    expect(empty.statusKey).toBe("error.orderNeedsBasket");
  });

  test("with a basket, an order to collect cannot be opened: finish the sale first", () => {
    const d = new Driver().enter("0001").key("orders.open");
    d.send({ type: "orders.listed", list: [] });
    d.enter("ORD3");
    expect(d.statusKey).toBe("error.finishSaleFirst");
  });
});
