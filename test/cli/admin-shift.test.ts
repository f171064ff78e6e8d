/**
 * `ringup admin shift open|cash|close|list` end to end: a real `ringup store` process and the
 * admin CLI run as a process against it. Amounts are decimal strings in the store's currency.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, startStore } from "../support/store-process.ts";

const admin = (...args: string[]) => runAdmin(store, ...args);

let store: StoreProcess;
beforeAll(async () => {
  store = await startStore();
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, 60_000);

interface Shift {
  id: string;
  tillId: string;
  status: string;
  floatMinor: number;
  zNumber: number | null;
}

describe("ringup admin shift", () => {
  test("open, cash in and out, list and close a till's shift", async () => {
    const opened = await admin("shift", "open", "--till", "T7", "--float", "150.10");
    expect(opened.stderr).toBe("");
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain("float of 150.10 USD");

    const again = await admin("shift", "open", "--till", "T7", "--float", "1");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has a shift open");

    const cashIn = await admin("shift", "cash", "--till", "T7", "--amount", "+20.05", "--reason", "change");
    expect(cashIn.code).toBe(0);
    expect(cashIn.stdout).toContain(
      "put 20.05 USD into the drawer of till T7; it should now hold 170.15 USD",
    );
    const cashOut = await admin("shift", "cash", "--till", "T7", "--amount=-0.15", "--reason", "to the safe");
    expect(cashOut.code).toBe(0);
    expect(cashOut.stdout).toContain(
      "took 0.15 USD out of the drawer of till T7; it should now hold 170.00 USD",
    );
    const noReason = await admin("shift", "cash", "--till", "T7", "--amount", "5", "--reason", " ");
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain("--reason");

    const list = await admin("--json", "shift", "list", "--till", "T7");
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as { shifts: Shift[] };
    expect(listed.shifts).toHaveLength(1);
    expect(listed.shifts[0]).toMatchObject({ tillId: "T7", status: "open", floatMinor: 15010 });

    const closed = await admin("shift", "close", "--till", "T7", "--counted", "169.90");
    expect(closed.stderr).toBe("");
    expect(closed.code).toBe(0);
    expect(closed.stdout).toMatch(/Z report \d+/);
    expect(closed.stdout).toContain("expected cash 170.00 USD");
    expect(closed.stdout).toContain("counted cash  169.90 USD");
    expect(closed.stdout).toContain("difference    -0.10 USD (short)");

    const table = await admin("shift", "list", "--status", "closed");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("T7");
    expect(table.stdout).toContain("150.10 USD");
  }, 60_000);

  test("amounts are exact decimals in the store's currency", async () => {
    const tooFine = await admin("shift", "open", "--till", "T8", "--float", "10.005");
    expect(tooFine.code).toBe(1);
    expect(tooFine.stderr).toContain("at most 2 decimals");
    const negative = await admin("shift", "open", "--till", "T8", "--float", "-1");
    expect(negative.code).toBe(1);
    expect(negative.stderr).toContain("--float must not be negative");
    const notNumber = await admin("shift", "open", "--till", "T8", "--float", "1e3");
    expect(notNumber.code).toBe(1);

    const noShift = await admin("shift", "close", "--till", "T8", "--counted", "0");
    expect(noShift.code).toBe(1);
    expect(noShift.stderr).toContain("ringup admin shift open");
  }, 60_000);
});
