/**
 * The restaurant mode end to end: a real `ringup store` (mode = "restaurant"), the compiled till
 * and the compiled `ringup kds` in 80×24 tmux panes, a kitchen printer (a TCP sink whose ESC/POS
 * is decoded) and the notification webhook (an HTTP sink). Two waiters on two tables (each
 * logged in by PIN), rounds sent to the kitchen (on the display and the printer once each), a
 * course fired, a ticket bumped on the display, table 1 split by seat and its checks paid (one
 * with two tenders), table 2 billed and paid by card; the sales arrive once and the daily
 * report's total equals the checks'. Then a booking made through the API is checked in at the
 * till, and a delivery is taken to "delivered" by its courier through the API, the webhook
 * receiving each status once.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KitchenRoundStatus } from "../../../src/api/store/kitchen.ts";
import { uuidv7 } from "../../../src/core/ids.ts";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { MENU_ITEMS, menuDigit } from "../../../src/till/state/menu.ts";
import { EscPosSink } from "../../devices/support/escpos-sink.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { addCourierToStore } from "../../support/couriers.ts";
import { storeCall } from "../../support/store-call.ts";
import { type StoreProcess, seedProducts } from "../../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../../support/tax-classes.ts";
import { WebhookSink } from "../../support/webhook-sink.ts";
import { haveTmux, logIn, startKdsInTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("restaurant end-to-end test skipped: tmux is not installed");

interface Order {
  id: string;
  waiterId: string;
  status: string;
  lines: { name: string; seat: number; course: number; roundId: string | null; firedAt: string | null }[];
  checks: { label: string; totalMinor: number; saleId: string | null }[];
}
interface Table {
  id: string;
  status: string;
  orderId: string | null;
  waiterName: string | null;
}

describe.if(haveTmux())("restaurant mode at the till", () => {
  let store: StoreProcess;
  let till: TmuxSession;
  let kds: TmuxSession;
  let printer: EscPosSink;
  let webhook: WebhookSink;
  let dir: string;
  let annId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-restaurant-"));
    printer = await EscPosSink.start();
    webhook = new WebhookSink();
    const config = join(dir, "store.toml");
    const classes = TEST_TAX_CLASSES.map(
      (t) => `[[taxClasses]]\nid = "${t.id}"\nname = "${t.name}"\nrate = "${t.rate}"\n`,
    );
    const kitchen = [
      "[kitchen]",
      "printRetryMaxSeconds = 1",
      "",
      "[[kitchen.stations]]",
      'id = "kitchen"',
      'name = "Kitchen"',
      `printer = "${printer.uri}?timeoutMs=500"`,
      "",
      "[notifications]",
      `webhookUrl = "${webhook.url}"`,
      'secret = "whsec_restaurant_e2e"',
      "",
      "[[quickKeys.pages]]",
      'name = "Drinks"',
      'keys = [{ label = "Coffee", code = "COFFEE" }]',
      "",
      "[services]",
      'openingHours = { open = "00:00", close = "23:59" }',
      "slotMinutes = 15",
      "",
    ];
    await writeFile(config, `mode = "restaurant"\n\n${classes.join("\n")}\n${kitchen.join("\n")}`);
    const { StoreProcess } = await import("../../support/store-process.ts");
    store = await StoreProcess.start({ storeId: "S1", args: ["--config", config] });
    await seedProducts(store, [
      { code: "SOUP", name: "Soup of the day", priceMinor: 650, taxClass: null },
      { code: "STEAK", name: "Steak frites", priceMinor: 1900, taxClass: null },
      { code: "XCHEESE", name: "Extra cheese", priceMinor: 150, taxClass: null },
      { code: "CAKE", name: "Chocolate cake", priceMinor: 700, taxClass: null },
    ]);
    const floor = await store.api("/api/v1/tables", {
      method: "POST",
      body: JSON.stringify({
        tables: [
          { id: "T1", area: "Hall", name: "1", seats: 4 },
          { id: "T2", area: "Hall", name: "2", seats: 2 },
        ],
      }),
    });
    expect(floor.status).toBe(200);
    annId = (await call<{ id: string }>("/users", { name: "Ann", role: "cashier", pin: "1234" })).id;
    await adminOk(store, "user", "add", "--name", "Bob", "--role", "cashier", "--pin", "5678");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
    till = await startTillInTmux(store.url, "T1", join(dir, "till"));
    kds = await startKdsInTmux(store, "kitchen", join(dir, "kds"));
    await kds.waitFor("Kitchen · 0 open", "the kitchen display", 30_000);
  }, 120_000);

  afterAll(async () => {
    await kds?.[Symbol.asyncDispose]();
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    await printer?.stop();
    await webhook?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A call to the store with the admin token (or `token`) that must answer 2xx. */
  const call = <T>(path: string, body?: unknown, token?: string) => storeCall<T>(store, path, body, token);
  /** The kitchen slips printed so far, each once: their titles (`Kitchen #N`) and text. */
  const slips = () =>
    printer.jobs
      .map((job) => decodeEscPos(job).lines.join("\n"))
      .flatMap((text) => text.split(/(?=Kitchen #\d+)/).filter((slip) => slip.startsWith("Kitchen #")));

  const tables = async () =>
    ((await (await store.api("/api/v1/tables")).json()) as { tables: Table[] }).tables;
  const order = async (id: string) => (await (await store.api(`/api/v1/table-orders/${id}`)).json()) as Order;

  async function openTable(down: number, name: string) {
    await till.keys("F9");
    await till.waitFor("Functions", "the menu");
    await till.type(menuDigit(MENU_ITEMS.indexOf("tables.open")));
    await till.waitFor("free  ● ordered", "the table map");
    await till.waitFor(/Hall/, "the floor loaded");
    for (let i = 0; i < down; i++) await till.keys("Down");
    await till.keys("Enter");
    await till.waitFor(`Table ${name} · seat`, `table ${name}'s order`);
  }

  /** Back from an order to the map (reloaded), then to the sale screen. */
  async function leave() {
    await till.keys("Escape");
    await till.waitFor(/^Hall/m, "back on the map, reloaded");
    await till.keys("Escape");
    await till.waitFor(/^ Sale/m, "the sale screen");
  }

  async function enter(text: string, shows: string | RegExp) {
    await till.type(text);
    await till.keys("Enter");
    await till.waitFor(shows, `"${text}" taken`);
  }

  test("two waiters, a round, a fired course, a split by seat paid with two tenders", async () => {
    await logIn(till, "1234", "Ann");
    await openTable(0, "1");
    await enter("SOUP#no croutons", "Soup of the day #no croutons");
    await enter("s2", "seat 2");
    await enter("c2", "course 2");
    await enter("STEAK+XCHEESE", "Steak frites +Extra cheese");
    await till.keys("F5");
    await till.waitFor("Round sent to the kitchen", "the round sent");
    await till.keys("F6");
    await till.waitFor("Course 2 fired", "course 2 fired");
    await leave();
    await till.keys("F12");

    await logIn(till, "5678", "Bob");
    await openTable(1, "2");
    await enter("2*CAKE", "2× Chocolate cake");
    await till.keys("F5");
    await till.waitFor("Round sent to the kitchen", "Bob's round sent");
    await leave();

    // The kitchen: the display shows the three tickets (Ann's round, her course 2 fired, Bob's
    // round), and the printer prints each once.
    let screen = await kds.waitFor("Kitchen · 3 open", "the three tickets on the kitchen display");
    expect(screen).toContain("Table 1");
    expect(screen).toContain("Table 2");
    expect(screen).toContain("Steak frites");
    await waitFor(async () => (slips().length >= 3 ? true : undefined), "the three slips printed");
    const printed = slips();
    expect(printed.map((slip) => slip.split("\n")[0]).sort()).toEqual([
      "Kitchen #1",
      "Kitchen #2",
      "Kitchen #3",
    ]);
    expect(printed.filter((slip) => slip.includes("Table 1"))).toHaveLength(2);
    expect(printed.filter((slip) => slip.includes("Course fire 2"))).toHaveLength(1);
    expect(printed.find((slip) => slip.includes("Table 2"))).toContain("2 x Chocolate cake");

    const floor = await tables();
    expect(floor.map((t) => [t.id, t.status, t.waiterName])).toEqual([
      ["T1", "ordered", "Ann"],
      ["T2", "ordered", "Bob"],
    ]);
    const t1 = await order(floor[0]?.orderId ?? "");
    expect(t1.lines.map((l) => [l.name, l.seat, l.course, l.roundId !== null, l.firedAt !== null])).toEqual([
      ["Soup of the day", 1, 1, true, false],
      ["Steak frites", 2, 2, true, true],
    ]);

    // The cook bumps the oldest ticket (Ann's first round): the round is done for the waiter.
    const firstRound = t1.lines[0]?.roundId ?? "";
    await kds.keys("Enter");
    screen = await kds.waitFor("Kitchen · 2 open", "the bump on the display");
    const status = await waitFor(async () => {
      const s = await call<KitchenRoundStatus>(`/kitchen/rounds/${firstRound}`);
      return s.stations.every((st) => st.done) ? s : undefined;
    }, "the round done at the store");
    expect(status.stations.map((st) => st.stationId)).toEqual(["kitchen"]);

    // Bob pays his table: the bill, then the card.
    await openTable(1, "2");
    await till.keys("F10");
    await till.waitFor("Bill printed", "table 2's bill");
    await till.waitFor(">Check", "the check");
    await till.keys("F7");
    await till.waitFor(/Check paid: receipt/, "table 2 paid");
    await leave();
    await till.keys("F12");

    // Ann splits table 1 by seat: seat 1 in cash, seat 2 half cash, half card.
    await logIn(till, "1234", "Ann");
    await openTable(0, "1");
    // The waiter sees how far the kitchen is: her first round bumped, the fired course not yet.
    await till.waitFor("Kitchen: 1 of 2 rounds done · 0 cooking", "the rounds' status at the till");
    await enter("/s", ">Seat 1");
    await till.keys("F10");
    await till.waitFor(/Check paid: receipt/, "seat 1 paid");
    await till.keys("Down");
    await enter("10.00", "Still due on this check");
    await till.keys("F7");
    await till.waitFor(/Check paid: receipt \S+/, "seat 2 paid");

    const paid = await order(t1.id);
    expect(paid.status).toBe("paid");
    expect(paid.checks.map((c) => [c.label, c.totalMinor, c.saleId !== null])).toEqual([
      ["Seat 1", 650, true],
      ["Seat 2", 2050, true],
    ]);
    const t2 = await order(floor[1]?.orderId ?? "");
    const checksTotal = [...paid.checks, ...t2.checks].reduce((sum, c) => sum + c.totalMinor, 0);
    const today = new Date().toISOString().slice(0, 10);
    const report = (await (await store.api(`/api/v1/reports/daily?date=${today}`)).json()) as {
      salesCount: number;
      totalMinor: number;
      byTender: Record<string, number>;
    };
    expect(report.salesCount).toBe(3);
    expect(report.totalMinor).toBe(checksTotal);
    expect(report.byTender.card).toBe(1400 + 1050);
    expect(report.byTender.cash).toBe(650 + 1000);
    expect(slips()).toHaveLength(3);
    await leave();
  }, 180_000);

  test("three coffees from a quick key and a booking made through the API checked in at the till, paid", async () => {
    await seedProducts(store, [
      { code: "TASTE", name: "Wine tasting", priceMinor: 2500, taxClass: null },
      { code: "COFFEE", name: "Coffee", priceMinor: 250, taxClass: null },
    ]);
    await call("/services", { code: "TASTE", kind: "service", durationMin: 30, staffIds: [annId] });
    const today = new Date().toISOString().slice(0, 10);
    // A minute from now (an hour ago just before midnight, so that it is today's).
    let start = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
    if (start.toISOString().slice(0, 10) !== today) start = new Date(Date.now() - 3_600_000);
    const bookingId = uuidv7();
    await call("/bookings", {
      id: bookingId,
      serviceCode: "TASTE",
      staffId: annId,
      start: start.toISOString(),
    });

    // Three coffees from the quick keys first: `3*`, then Ctrl+N and the key.
    await till.type("3*");
    await till.keys("C-n");
    await till.waitFor("Quantity 3: the next key rings that many", "the quick keys with the quantity");
    await till.type("1");
    await till.waitFor(/Coffee\s+3\s+\$?2\.50\s+\$?7\.50/, "three coffees on the sale");
    await till.keys("F9");
    await till.waitFor("Functions", "the menu");
    await till.type(menuDigit(MENU_ITEMS.indexOf("bookings.open")));
    await till.waitFor(/Ann\s+Wine tasting\s+booked/, "the booking made through the API");
    await till.keys("Enter");
    await till.waitFor("Checked in: Wine tasting with Ann", "the check-in");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the booking's sale");
    // The sale reaches the store from the till's outbox; the booking is checked in on it.
    const sale = await waitFor(async () => {
      const booking = (
        await call<{ bookings: { id: string; status: string; saleId: string | null }[] }>(
          `/bookings?date=${today}`,
        )
      ).bookings.find((b) => b.id === bookingId);
      if (booking?.status !== "checked_in" || booking.saleId === null) return undefined;
      const res = await store.api(`/api/v1/sales/${booking.saleId}`);
      return res.status === 200 ? ((await res.json()) as { totalMinor: number }) : undefined;
    }, "the booking checked in on its sale at the store");
    // None of the till's sales was refused (a check paid at the till took a receipt number too).
    expect(await till.screen()).not.toContain("refused");
    expect(sale.totalMinor).toBe(2500 + 3 * 250);
  }, 120_000);

  test("a delivery is taken to delivered by its courier through the API; the webhook hears each status once", async () => {
    addCourierToStore(store.dataDir, "C-KIM", "Kim", "7001");
    const saleId = uuidv7();
    await call("/sales", {
      id: saleId,
      tillId: "T9",
      lines: [{ code: "CAKE" }],
      tenders: [{ type: "card", amountMinor: 700 }],
    });
    const id = uuidv7();
    await call("/deliveries", { id, saleId, address: "3 Elm St", phone: "+1 555 0100", courierId: "C-KIM" });
    const kim = (await call<{ token: string }>("/sessions", { tillId: "K1", pin: "7001" })).token;
    // "on_the_way" twice: a courier's retry tells the customer nothing more.
    for (const status of ["preparing", "on_the_way", "on_the_way", "delivered"])
      await call(`/deliveries/${id}/status`, { status }, kim);
    const statuses = () =>
      webhook
        .bodies<{ event: string; deliveryId: string; status: string }>()
        .filter((b) => b.event === "delivery.status" && b.deliveryId === id)
        .map((b) => b.status);
    await waitFor(
      async () => (statuses().includes("delivered") ? true : undefined),
      "the notification of delivered",
    );
    expect(statuses()).toEqual(["accepted", "preparing", "on_the_way", "delivered"]);
    const done = await call<{ status: string; history: { userId: string }[] }>(`/deliveries/${id}`);
    expect(done.status).toBe("delivered");
    expect(done.history.at(-1)?.userId).toBe("C-KIM");
  }, 120_000);
});
