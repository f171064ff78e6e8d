/**
 * The restaurant mode at the till, as the reducer sees it: the map from the menu, a table
 * opened for the logged-in waiter, lines with seat, course, modifiers and note, a round sent,
 * a course fired, the bill split by seat and a check paid with two tenders.
 */
import { describe, expect, test } from "bun:test";
import type { TableOrder } from "../../../src/till/restaurant/types.ts";
import { Driver, testEnv } from "../support/state-env.ts";

const FLOOR = [
  {
    id: "T1",
    area: "Hall",
    name: "1",
    seats: 4,
    status: "free" as const,
    orderId: null,
    waiterId: null,
    waiterName: null,
    guests: null,
    amountMinor: 0,
  },
  {
    id: "T2",
    area: "Hall",
    name: "2",
    seats: 2,
    status: "ordered" as const,
    orderId: "o-2",
    waiterId: "u-bob",
    waiterName: "Bob",
    guests: 2,
    amountMinor: 700,
  },
];

function order(extra: Partial<TableOrder> = {}): TableOrder {
  return {
    id: "o-1",
    tableId: "T1",
    tableName: "1",
    waiterId: "u-ann",
    status: "open",
    takeaway: false,
    guests: 1,
    openedAt: "2026-11-23T12:00:00.000Z",
    lines: [],
    checks: [],
    amountMinor: 0,
    ...extra,
  };
}

const check = (id: string, totalMinor: number) => ({
  id,
  label: id,
  totalMinor,
  parts: null,
  document: {
    lines: [],
    subtotalMinor: totalMinor,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor,
    cashDueMinor: totalMinor,
    cashRoundingMinor: 0,
    taxes: [],
  },
  saleId: null,
  tipMinor: 0,
  paidAt: null,
});

describe("restaurant mode at the till", () => {
  test("only in restaurant mode", () => {
    const d = new Driver(testEnv()).key("tables.open");
    expect(d.state.screen.kind).toBe("sale");
    expect(d.statusKey).toBe("error.restaurantOff");
  });

  test("map, open a table, lines, round, fire, split by seat, pay with two tenders", () => {
    const d = new Driver(testEnv({ mode: "restaurant" })).key("tables.open");
    expect(d.lastEffect("restaurant")?.call).toEqual({ op: "floor" });
    d.send({ type: "restaurant.answered", answer: { floor: FLOOR } });
    expect(d.state.screen).toMatchObject({ kind: "tables", selected: 0 });
    d.key("input.submit");
    expect(d.lastEffect("restaurant")?.call).toMatchObject({ op: "open", tableId: "T1" });
    d.send({ type: "restaurant.answered", answer: { order: order() } });
    expect(d.state.screen).toMatchObject({ kind: "tableOrder", seat: 1, course: 1 });

    d.enter("s2").enter("c2").enter("2*STEAK+XCHEESE#rare");
    expect(d.lastEffect("restaurant")?.call).toMatchObject({
      op: "lines",
      id: "o-1",
      lines: [{ code: "STEAK", qty: "2", seat: 2, course: 2, modifiers: ["XCHEESE"], note: "rare" }],
    });
    d.send({ type: "restaurant.answered", answer: { order: order() } });
    d.key("sale.hold");
    expect(d.lastEffect("restaurant")?.call).toMatchObject({ op: "round", id: "o-1" });
    d.send({ type: "restaurant.answered", answer: { order: order() } });
    d.key("sale.resume");
    expect(d.lastEffect("restaurant")?.call).toMatchObject({ op: "fire", course: 2 });
    d.send({ type: "restaurant.answered", answer: { order: order() } });

    d.enter("/s");
    expect(d.lastEffect("restaurant")?.call).toEqual({ op: "split", id: "o-1", split: { by: "seat" } });
    d.send({
      type: "restaurant.answered",
      answer: { order: order({ status: "billed", checks: [check("c1", 1500), check("c2", 900)] }) },
    });
    d.enter("tip 2.50");
    expect(d.statusKey).toBe("info.tip");
    d.enter("10.00");
    expect(d.statusKey).toBe("info.checkDue");
    d.key("payment.card");
    expect(d.lastEffect("restaurant")?.call).toMatchObject({
      op: "pay",
      checkId: "c1",
      tenders: [
        { type: "cash", amountMinor: 1000 },
        { type: "card", amountMinor: 500 },
      ],
      tipMinor: 250,
    });
  });

  test("a line that does not parse is refused at the till", () => {
    const d = new Driver(testEnv({ mode: "restaurant" })).key("tables.open");
    d.send({ type: "restaurant.answered", answer: { floor: FLOOR } }).key("input.submit");
    d.send({ type: "restaurant.answered", answer: { order: order() } });
    const before = d.effects.length;
    d.enter("2*STEAK++");
    expect(d.statusKey).toBe("error.tableLine");
    expect(d.effects.length).toBe(before);
  });
});
