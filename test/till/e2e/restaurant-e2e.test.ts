/**
 * The restaurant mode end to end: a real `ringup store` (mode = "restaurant") and the compiled
 * till in an 80×24 tmux pane. Two waiters on two tables (each logged in by PIN), a round sent
 * to the kitchen, a course fired, table 1 split by seat and its checks paid (one with two
 * tenders), table 2 billed and paid by card; the sales arrive once and the daily report's total
 * equals the checks'.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MENU_ITEMS, menuDigit } from "../../../src/till/state/menu.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { type StoreProcess, seedProducts } from "../../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../../support/tax-classes.ts";
import { haveTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

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
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-restaurant-"));
    const config = join(dir, "store.toml");
    const classes = TEST_TAX_CLASSES.map(
      (t) => `[[taxClasses]]\nid = "${t.id}"\nname = "${t.name}"\nrate = "${t.rate}"\n`,
    );
    await writeFile(config, `mode = "restaurant"\n\n${classes.join("\n")}`);
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
    await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
    await adminOk(store, "user", "add", "--name", "Bob", "--role", "cashier", "--pin", "5678");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
    till = await startTillInTmux(store.url, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const tables = async () =>
    ((await (await store.api("/api/v1/tables")).json()) as { tables: Table[] }).tables;
  const order = async (id: string) => (await (await store.api(`/api/v1/table-orders/${id}`)).json()) as Order;

  async function logIn(pin: string, name: string) {
    await till.waitFor(/PIN/i, "the log-in screen");
    await till.type(pin);
    await till.keys("Enter");
    await till.waitFor(`Hello, ${name}`, `${name}'s log-in`);
  }

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
    await logIn("1234", "Ann");
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

    await logIn("5678", "Bob");
    await openTable(1, "2");
    await enter("2*CAKE", "2× Chocolate cake");
    await till.keys("F5");
    await till.waitFor("Round sent to the kitchen", "Bob's round sent");
    await leave();

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
    await logIn("1234", "Ann");
    await openTable(0, "1");
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
  }, 180_000);
});
