/**
 * `ringup admin cash expense|correct|book` end to end: a real `ringup store` process and the
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

describe("ringup admin cash", () => {
  test("an expense from a till's drawer, its correction, and the cash book", async () => {
    const noShift = await admin(
      "cash",
      "expense",
      "--till",
      "T7",
      "--category",
      "supplies",
      "--amount",
      "12",
    );
    expect(noShift.code).toBe(1);
    expect(noShift.stderr).toContain("no open register session");
    expect((await admin("shift", "open", "--till", "T7", "--float", "50")).code).toBe(0);

    const over = await admin(
      "cash",
      "expense",
      "--till",
      "T7",
      "--category",
      "supplies",
      "--amount",
      "50.01",
    );
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("should hold 5000 minor units");

    const paid = await admin(
      "--json",
      "cash",
      "expense",
      "--till",
      "T7",
      "--category",
      "supplies",
      "--amount",
      "12.00",
      "--receipt",
      "photos/0001.jpg",
    );
    expect(paid.stderr).toBe("");
    expect(paid.code).toBe(0);
    const entry = JSON.parse(paid.stdout) as { id: string; amountMinor: number; receiptRef: string };
    expect(entry).toMatchObject({ amountMinor: -1200, receiptRef: "photos/0001.jpg" });

    const fixed = await admin(
      "cash",
      "correct",
      "--corrects",
      entry.id,
      "--amount",
      "+2",
      "--reason",
      "it was 10.00",
    );
    expect(fixed.stderr).toBe("");
    expect(fixed.stdout).toContain(`corrected ${entry.id} by +2.00 USD at till T7`);
    const reverse = await admin(
      "cash",
      "correct",
      "--corrects",
      entry.id,
      "--amount",
      "20",
      "--reason",
      "oops",
    );
    expect(reverse.code).toBe(1);
    expect(reverse.stderr).toContain("turn it around");

    const day = new Date().toISOString().slice(0, 10);
    const book = await admin("--json", "cash", "book", "--from", day, "--till", "T7");
    expect(book.code).toBe(0);
    const report = JSON.parse(book.stdout) as {
      byTill: { tillId: string; expensesMinor: number; correctionsMinor: number }[];
    };
    expect(report.byTill).toEqual([
      expect.objectContaining({ tillId: "T7", expensesMinor: 1200, correctionsMinor: 200 }),
    ]);
    const text = await admin("cash", "book", "--from", day);
    expect(text.stdout).toContain("till T7: no tenders; expenses 12.00 USD, corrections 2.00 USD");
  }, 60_000);
});
