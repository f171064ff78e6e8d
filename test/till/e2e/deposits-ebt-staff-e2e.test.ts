/**
 * Deposits, EBT and staff discounts end to end: the compiled till in an 80×24 tmux pane against
 * a real store. A soda rings its bottle deposit; returned empties (Ctrl+E) ring as a negative
 * line; the cashier's own staff discount (menu, PIN) takes its percent off; an EBT amount above
 * the eligible items is refused and the eligible amount taken (Ctrl+F); a sale of empties only
 * pays the customer out. The store has every sale as rung.
 */

import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, startTillInTmux } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("deposits end-to-end test skipped: tmux is not installed (apt-get install tmux)");

interface RecordedSale {
  receiptNo: string;
  totalMinor: number;
  discountMinor: number;
  changeMinor: number;
  tenders: { type: string; amountMinor: number }[];
  lines: { code: string; qtyMilli: number; kind?: string; totalMinor: number }[];
}

const admin = adminOk;

async function waitUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await Bun.sleep(50);
  }
}

async function storeSales(store: StoreProcess): Promise<RecordedSale[]> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const res = await store.api(`/api/v1/sales?from=${from}&to=${to}&limit=100`);
  return ((await res.json()) as { sales: RecordedSale[] }).sales;
}

async function tillKnows(tillData: string, codes: readonly string[]): Promise<void> {
  const file = join(tillData, TILL_DB_FILE);
  await waitUntil(
    async () => {
      if (!existsSync(file)) return 0;
      const db = new Database(file, { readonly: true });
      try {
        const marks = codes.map(() => "?").join(",");
        return (
          db
            .query<{ n: number }, string[]>(`SELECT count(*) AS n FROM products WHERE code IN (${marks})`)
            .get(...codes)?.n ?? 0
        );
      } catch {
        return 0;
      } finally {
        db.close();
      }
    },
    (n) => n === codes.length,
    "the till's catalog",
    60_000,
  );
}

describe("deposits, EBT and staff discounts at the till", () => {
  test.if(haveTmux())(
    "ring, return empties, staff discount, EBT cap and a payout, recorded as rung",
    async () => {
      await using store = await startStore();
      const tillData = await mkdtemp(join(tmpdir(), "ringup-till-deposits-"));
      try {
        await seedProducts(store, [
          { code: "DEP10", name: "Bottle deposit", priceMinor: 10, taxClass: null },
          { code: "SODA", name: "Soda 2l", priceMinor: 199, taxClass: "1", depositCode: "DEP10" },
          { code: "RICE", name: "Rice 1kg", priceMinor: 300, taxClass: null, snapEligible: true },
          { code: "SOAP", name: "Soap bar", priceMinor: 400, taxClass: "1" },
        ]);
        await admin(
          store,
          "user",
          "add",
          "--name",
          "Ann",
          "--role",
          "cashier",
          "--pin",
          "1234",
          "--staff-discount",
          "10",
        );
        const bea = JSON.parse(
          await admin(store, "--json", "user", "add", "--name", "Bea", "--role", "cashier", "--pin", "5678"),
        ) as { id: string };
        await admin(store, "user", "set-discount", bea.id, "--percent", "15");
        await admin(store, "user", "disable", bea.id);
        await admin(store, "shift", "open", "--till", "T1", "--float", "100");

        await using till = await startTillInTmux(store.url, "T1", tillData);
        await till.waitFor("Type your PIN", "the log-in screen");
        await till.type("1234");
        await till.keys("Enter");
        await till.waitFor("Hello, Ann", "the sale screen");
        await tillKnows(tillData, ["DEP10", "SODA", "RICE", "SOAP"]);

        // A soda rings its deposit; three empties come back.
        await till.type("2*SODA");
        await till.keys("Enter");
        await till.waitFor("Bottle deposit", "the linked deposit line");
        await till.keys("C-e");
        await till.waitFor("Empties returned: scan or type", "the empties prompt");
        await till.type("3*DEP10");
        await till.keys("Enter");
        await till.waitFor("Empties returned: 3", "the empties line");
        // The deposit alone cannot be voided (the last line is the empties: move up to it).
        await till.keys("Up");
        await till.keys("F3");
        await till.waitFor("goes with its item", "the deposit's refusal");
        await till.keys("Down");

        // Staff discount: an inactive user's PIN is refused; the cashier's own is taken.
        await till.keys("F9");
        await till.waitFor("Staff discount", "the menu entry");
        await till.type("e");
        await till.waitFor("Staff member's PIN", "the staff PIN prompt");
        await till.type("5678");
        await till.keys("Enter");
        await till.waitFor("PIN refused", "the inactive user's PIN refused");
        await till.keys("Escape");
        await till.keys("F9");
        await till.waitFor("Staff discount", "the menu entry");
        await till.type("e");
        await till.waitFor("Staff member's PIN", "the staff PIN prompt");
        await till.type("1234");
        await till.keys("Enter");
        await till.waitFor("Staff discount 10% for Ann", "the staff discount");
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.keys("Enter");
        await till.waitFor("Sale complete", "the first sale");

        const first = (
          await waitUntil(
            () => storeSales(store),
            (s) => s.length === 1,
            "the first sale",
          )
        )[0];
        expect(first?.lines.map((l) => [l.code, l.kind ?? null, l.qtyMilli])).toEqual([
          ["SODA", null, 2000],
          ["DEP10", "deposit", 2000],
          ["DEP10", "depositReturn", -3000],
        ]);
        // 10% of 3.98 (the deposits take none of it), tax on the rest, deposits 0.20 − 0.30
        expect(first?.discountMinor).toBe(40);
        expect(first?.totalMinor).toBe(358 + 32 + 20 - 30);

        // EBT: above the eligible rice is refused; Ctrl+F alone takes what is eligible.
        await till.type("RICE");
        await till.keys("Enter");
        await till.waitFor("Rice 1kg", "the rice");
        await till.type("SOAP");
        await till.keys("Enter");
        await till.waitFor("Soap bar", "the soap");
        await till.keys("F10");
        await till.waitFor(/EBT eligible\s+\$3\.00/, "the eligible total on the payment screen");
        await till.type("5");
        await till.keys("C-f");
        await till.waitFor("EBT may pay at most $3.00", "the EBT refusal");
        await till.keys("C-f");
        await till.waitFor(/EBT eligible\s+\$0\.00/, "the EBT tender");
        await till.keys("Enter");
        await till.waitFor((s) => /Sale complete/.test(s) && !s.includes("EBT eligible"), "the second sale");
        const second = await waitUntil(
          () => storeSales(store),
          (s) => s.length === 2,
          "the second sale",
        );
        expect(second[1]?.tenders).toEqual([
          { type: "ebt", amountMinor: 300 },
          { type: "cash", amountMinor: 400 + 36 },
        ]);

        // Empties only: the customer is paid out.
        await till.keys("C-e");
        await till.type("5*DEP10");
        await till.keys("Enter");
        await till.waitFor("Empties returned: 5", "the empties");
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.keys("Enter");
        await till.waitFor("Change: $0.50", "the payout as change");
        const third = await waitUntil(
          () => storeSales(store),
          (s) => s.length === 3,
          "the payout sale",
        );
        expect(third[2]).toMatchObject({ totalMinor: -50, changeMinor: 50, tenders: [] });

        const report = (await (
          await store.api(`/api/v1/reports/daily?date=${new Date().toISOString().slice(0, 10)}`)
        ).json()) as {
          deposits: { collectedMinor: number; refundedMinor: number };
        };
        expect(report.deposits).toMatchObject({ collectedMinor: 20, refundedMinor: 80 });
      } finally {
        await rm(tillData, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
