/**
 * The bookings screen (F9 menu): today's bookings by staff member; Enter checks the selected one
 * in and its service goes on the sale with the staff member (who travels to the store on the
 * line); F3 cancels; a service code typed lists its free slots today and Enter books one.
 */
import { describe, expect, test } from "bun:test";
import type { TillBooking } from "../../../src/till/booking-types.ts";
import { toTillLine } from "../../../src/till/state/basket.ts";
import { findProduct } from "../support/catalog.ts";
import { Driver } from "../support/state-env.ts";

const TODAY = "2026-11-23";

function booking(
  id: string,
  staffName: string,
  start: string,
  status: TillBooking["status"] = "booked",
): TillBooking {
  return {
    id,
    serviceCode: "0002",
    serviceName: "Bread",
    staffId: `u-${staffName.toLowerCase()}`,
    staffName,
    customerId: null,
    start: `${TODAY}T${start}:00.000Z`,
    end: `${TODAY}T${start}:30.000Z`,
    status,
  };
}

function atBookings(): Driver {
  const d = new Driver().key("bookings.open");
  expect(d.state.screen).toMatchObject({ kind: "bookings", list: null });
  expect(d.lastEffect("listBookings")).toEqual({ type: "listBookings", date: TODAY });
  d.send({
    type: "bookings.listed",
    list: [
      booking("b1", "Zoe", "09:00"),
      booking("b2", "Ann", "11:00"),
      booking("b3", "Ann", "10:00", "cancelled"),
    ],
  });
  return d;
}

describe("bookings at the till", () => {
  test("today's bookings by staff member; Enter checks one in: its service on the sale with the staff", () => {
    const d = atBookings();
    const screen = d.state.screen;
    expect(screen.kind === "bookings" && screen.list?.map((b) => b.id)).toEqual(["b3", "b2", "b1"]);
    // The first (Ann's cancelled booking) cannot be checked in.
    d.enter();
    expect(d.statusKey).toBe("error.bookingNotOpen");
    expect(d.lastEffect("checkInBooking")).toBeUndefined();
    d.key("cursor.down").enter();
    expect(d.lastEffect("checkInBooking")).toMatchObject({ booking: { id: "b2" }, saleId: "sale-0" });
    expect(d.state.busy).toBe(true);

    const product = findProduct("0002");
    if (product === undefined) throw new Error("no product 0002");
    d.send({
      type: "booking.checkedIn",
      booking: { ...booking("b2", "Ann", "11:00"), status: "checked_in" },
      product,
    });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.busy).toBe(false);
    expect(d.state.sale.lines.map((l) => [l.code, l.unitPriceMinor, l.staffId])).toEqual([
      ["0002", 250, "u-ann"],
    ]);
    expect(d.state.quote?.totalMinor).toBe(250);
    expect(d.statusKey).toBe("ok.bookingCheckedIn");
    // The staff member goes with the line to the store (the sale's document as rung).
    expect(toTillLine(d.state.sale.lines[0] ?? ({} as never))).toEqual({
      code: "0002",
      qtyMilli: 1000,
      staffId: "u-ann",
    });
  });

  test("a visit the customer's package pays for goes on the sale free, naming the package", () => {
    const d = atBookings().key("cursor.down").enter();
    const product = findProduct("0002");
    if (product === undefined) throw new Error("no product 0002");
    d.send({ type: "booking.checkedIn", booking: booking("b2", "Ann", "11:00"), product, packageId: "pk-1" });
    expect(d.state.sale.lines.map((l) => [l.code, l.unitPriceMinor, l.staffId, l.packageId])).toEqual([
      ["0002", 0, "u-ann", "pk-1"],
    ]);
    expect(d.state.quote?.totalMinor).toBe(0);
    expect(d.statusKey).toBe("ok.bookingCheckedInPackage");
    expect(toTillLine(d.state.sale.lines[0] ?? ({} as never))).toEqual({
      code: "0002",
      qtyMilli: 1000,
      unitPriceMinor: 0,
      priceSource: "open",
      staffId: "u-ann",
      packageId: "pk-1",
    });
  });

  test("F3 cancels the selected booking; Esc goes back to the sale", () => {
    const d = atBookings().key("cursor.down").key("line.void");
    expect(d.lastEffect("cancelBooking")).toEqual({ type: "cancelBooking", id: "b2", date: TODAY });
    d.send({
      type: "bookings.listed",
      list: [],
      done: { key: "ok.bookingCancelled", params: { service: "Bread" } },
    });
    expect(d.statusKey).toBe("ok.bookingCancelled");
    d.key("back");
    expect(d.state.screen.kind).toBe("sale");
  });

  test("a service code and Enter: today's free slots; Enter books the chosen one", () => {
    const d = atBookings().enter("0002");
    expect(d.lastEffect("freeSlots")).toEqual({ type: "freeSlots", serviceCode: "0002", date: TODAY });
    d.send({
      type: "bookings.slots",
      serviceCode: "0002",
      list: [
        { staffId: "u-ann", start: `${TODAY}T14:00:00.000Z`, end: `${TODAY}T14:30:00.000Z` },
        { staffId: "u-zoe", start: `${TODAY}T14:00:00.000Z`, end: `${TODAY}T14:30:00.000Z` },
      ],
    });
    d.key("cursor.down").enter();
    const made = d.lastEffect("makeBooking");
    expect(made?.request).toMatchObject({
      serviceCode: "0002",
      staffId: "u-zoe",
      start: `${TODAY}T14:00:00.000Z`,
    });
    expect(made?.date).toBe(TODAY);
    d.send({ type: "bookings.listed", list: [booking("b4", "Zoe", "14:00")], done: { key: "ok.booked" } });
    expect(d.state.screen).toMatchObject({ kind: "bookings", slots: null });
    expect(d.statusKey).toBe("ok.booked");
    // Esc from the slots goes back to the day's bookings, not the sale.
    d.enter("0002").send({ type: "bookings.slots", serviceCode: "0002", list: [] });
    expect(d.statusKey).toBe("info.noFreeSlots");
    d.key("back");
    expect(d.state.screen).toMatchObject({ kind: "bookings", slots: null });
  });

  test("a slot booked while a customer's card is on the sale is booked for that customer", () => {
    const d = new Driver();
    const nora = {
      card: "2990000000828",
      kind: "loyalty" as const,
      name: "Nora Lima",
      groups: [],
      points: 0,
    };
    d.send({ type: "customer.attached", customer: { ...nora, balanceMinor: 0 }, how: "found" });
    d.key("bookings.open").send({ type: "bookings.listed", list: [] });
    d.enter("0002").send({
      type: "bookings.slots",
      serviceCode: "0002",
      list: [{ staffId: "u-ann", start: `${TODAY}T14:00:00.000Z`, end: `${TODAY}T14:30:00.000Z` }],
    });
    d.enter();
    expect(d.lastEffect("makeBooking")?.request).toMatchObject({ staffId: "u-ann", card: "2990000000828" });
  });

  test("the customers screen: Tab shows the chosen customer's packages and visits, Esc the list again", () => {
    const d = new Driver().key("customer.card").enter("nora");
    d.send({
      type: "customers.found",
      list: [{ id: "c1", name: "Nora Lima", phone: null, email: null, card: "2990000000828" }],
    });
    d.key("line.qty");
    expect(d.lastEffect("serviceCard")).toEqual({ type: "serviceCard", customerId: "c1" });
    const card = {
      packages: [{ id: "pk-1", packageCode: "CUT5", serviceCode: "CUT", visitsTotal: 5, visitsLeft: 3 }],
      visits: [
        {
          at: `${TODAY}T10:00:00.000Z`,
          code: "CUT",
          name: "Haircut",
          staffId: "u-ann",
          totalMinor: 0,
          packageId: "pk-1",
        },
      ],
    };
    d.send({ type: "customer.services", card });
    expect(d.state.busy).toBe(false);
    expect(d.state.screen).toMatchObject({ kind: "customers", services: card });
    // Enter does nothing there (the list is hidden); Esc goes back to the list, then to the sale.
    d.enter();
    expect(d.lastEffect("customerCard")).toBeUndefined();
    d.key("back");
    expect(d.state.screen).toMatchObject({ kind: "customers", list: [{ id: "c1" }] });
    expect(d.state.screen.kind === "customers" && d.state.screen.services).toBeUndefined();
    d.key("back");
    expect(d.state.screen.kind).toBe("sale");
  });
});
