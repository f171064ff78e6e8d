/**
 * Bookings end to end: a real `ringup store` and the compiled `ringup till` in an 80×24 tmux
 * pane. A booking made through the store's API shows in the till's bookings (F9 menu); checked
 * in, its service goes on the sale with the stylist, the sale is paid in cash, and the store
 * records the booking checked in on that sale and the stylist's commission. A free slot is then
 * booked from the till.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import { MENU_ITEMS, menuDigit } from "../../../src/till/state/menu.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("bookings end-to-end test skipped: tmux is not installed");

interface Booking {
  id: string;
  status: string;
  saleId: string | null;
  staffId: string;
  start: string;
}

describe.if(haveTmux())("a booking checked in at the till", () => {
  let store: StoreProcess;
  let dir: string;
  let till: TmuxSession;
  let stylist: string;
  const bookingId = uuidv7();

  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await store.api(`/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-bookings-e2e-"));
    const config = join(dir, "store.toml");
    await writeFile(
      config,
      '[services]\nopeningHours = { open = "00:00", close = "23:59" }\nslotMinutes = 15\n',
    );
    store = await startStore({ storeId: "S1", args: ["--config", config] });
    await seedProducts(store, [{ code: "CUT", name: "Haircut", priceMinor: 3000, taxClass: null }]);
    stylist = (await call<{ id: string }>("/users", { name: "Bea", role: "cashier", pin: "5555" })).id;
    await call("/services", { code: "CUT", kind: "service", durationMin: 30, staffIds: [stylist] });
    await call("/commission-rules", { id: "cut-10", serviceCode: "CUT", percent: "10" });
    await seedProducts(store, [{ code: "CUT3", name: "3 haircuts", priceMinor: 8000, taxClass: null }]);
    await call("/services", { code: "CUT3", kind: "package", serviceCode: "CUT", visits: 3 });
    // C-8 bought a package of 3 haircuts.
    await call("/sales", {
      id: uuidv7(),
      tillId: "T9",
      customerId: "C-8",
      lines: [{ code: "CUT3" }],
      tenders: [{ type: "cash", amountMinor: 8000 }],
    });
    // A minute from now (an hour ago just before midnight, so that it is today's).
    let start = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
    if (start.toISOString().slice(0, 10) !== today()) start = new Date(Date.now() - 3_600_000);
    await call("/bookings", {
      id: bookingId,
      serviceCode: "CUT",
      staffId: stylist,
      start: start.toISOString(),
      customerId: "C-7",
    });
    // C-8's haircut, half an hour later.
    await call("/bookings", {
      id: uuidv7(),
      serviceCode: "CUT",
      staffId: stylist,
      start: new Date(start.getTime() + 1_800_000).toISOString(),
      customerId: "C-8",
    });
    till = await loggedInTill(store, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const openBookings = async () => {
    await till.keys("F9");
    await till.waitFor("Functions", "the menu");
    await till.type(menuDigit(MENU_ITEMS.indexOf("bookings.open")));
    await till.waitFor("Bookings today", "the bookings screen");
  };

  test("checked in, paid, recorded with the stylist's commission; a slot booked from the till", async () => {
    await openBookings();
    await till.waitFor(/Bea\s+Haircut\s+booked/, "the booking made through the API");
    await till.keys("Enter");
    await till.waitFor("Checked in: Haircut with Bea", "the check-in");
    await till.waitFor(/Haircut.*30\.00/, "the service on the sale");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the sale");

    const booking = (await call<{ bookings: Booking[] }>(`/bookings?date=${today()}`)).bookings[0];
    expect(booking?.status).toBe("checked_in");
    expect(booking?.saleId).not.toBeNull();
    // The sale reaches the store from the till's outbox, with the stylist on its line.
    const report = await waitFor(async () => {
      const r = await call<{ staff: { staffId: string; commissionMinor: number }[] }>(
        `/reports/commissions?from=${today()}&to=${today()}`,
      );
      return r.staff.length > 0 ? r : undefined;
    }, "the stylist's commission at the store");
    expect(report.staff).toMatchObject([{ staffId: stylist, commissionMinor: 300 }]);
    const sale = await call<{ id: string; lines: { code: string; staffId?: string }[] }>(
      `/sales/${booking?.saleId}`,
    );
    expect(sale.lines.map((l) => [l.code, l.staffId])).toEqual([["CUT", stylist]]);

    // C-8's booking (the next one): the visit is paid by their package, the sale comes to 0.
    await openBookings();
    await till.keys("Down");
    await till.keys("Enter");
    await till.waitFor("paid by the customer's package", "the check-in paid by the package");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the sale paid by the package");
    const card = await waitFor(async () => {
      const c = await call<{
        packages: { visitsLeft: number }[];
        visits: { code: string; staffId: string | null }[];
      }>("/customers/C-8/service-card");
      return c.packages[0]?.visitsLeft === 2 ? c : undefined;
    }, "the visit taken off C-8's package");
    expect(card.visits.map((v) => [v.code, v.staffId])).toEqual([
      ["CUT", stylist],
      ["CUT3", null],
    ]);

    // A free slot booked from the till: the service's code, Enter, then Enter on the first slot.
    await openBookings();
    await till.type("CUT");
    await till.keys("Enter");
    await till.waitFor("Free slots today for CUT", "the free slots");
    await till.keys("Enter");
    await till.waitFor("Booked: Haircut with Bea at", "the booking made at the till");
    const day = await call<{ bookings: Booking[] }>(`/bookings?date=${today()}`);
    expect(day.bookings.map((b) => b.status).sort()).toEqual(["booked", "checked_in", "checked_in"]);
    await till.waitFor(/Bea\s+Haircut\s+booked/, "the new booking in the list");
  }, 120_000);
});
