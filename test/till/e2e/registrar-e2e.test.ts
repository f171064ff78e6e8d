/**
 * The fiscal printer (registrar) end to end: the compiled till in an 80×24 tmux pane against a
 * real store, with the simulated registrar and a network receipt printer. A sale the registrar
 * prints carries its fiscal receipt number to the store and is not printed again; with the
 * registrar out of paper the sale is kept, its receipt goes to the ordinary printer and the
 * cashier is told.
 */
import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { SimulatedRegistrar } from "../../../src/devices/registrar/simulated-registrar.ts";
import { EscPosSink } from "../../devices/support/escpos-sink.ts";
import { waitFor } from "../../devices/support/wait.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("registrar end-to-end test skipped: tmux is not installed");

interface FiscalRow {
  status: string;
  fiscal_receipt_no: string | null;
  memory_counter: number | null;
  reason: string | null;
}

/** What the store keeps of the registrar's answer for a receipt (null until the sale reached it). */
function fiscalReceipt(store: StoreProcess, receiptNo: string): FiscalRow | null {
  const db = new Database(join(store.dataDir, "store.db"), { readonly: true });
  try {
    return db
      .query<FiscalRow, [string]>(
        "SELECT status, fiscal_receipt_no, memory_counter, reason FROM fiscal_receipts WHERE receipt_no = ?",
      )
      .get(receiptNo);
  } finally {
    db.close();
  }
}

/** The text of every receipt the ordinary printer printed. */
function printedTexts(printer: EscPosSink): string[] {
  return printer.jobs.map((j) => decodeEscPos(j).lines.join("\n"));
}

/** Rings one banana and pays it in cash; the receipt number. */
async function sellBanana(till: TmuxSession): Promise<string> {
  await till.type("4011");
  await till.keys("Enter");
  await till.waitFor("Bananas each", "the line");
  await till.keys("F10");
  await till.waitFor("Payment", "the payment screen");
  await till.keys("Enter");
  const paid = await till.waitFor(/Receipt (S1-T1-\d+)/, "the receipt number");
  return /Receipt (S1-T1-\d+)/.exec(paid)?.[1] ?? "";
}

describe("the fiscal printer at the till", () => {
  test.if(haveTmux())(
    "a printed sale carries its fiscal number to the store; out of paper, the ordinary printer prints it",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "ringup-registrar-e2e-"));
      const registrar = new SimulatedRegistrar();
      const registrarUri = await registrar.listen();
      await using printer = await EscPosSink.start();
      try {
        await using store = await startStore();
        await seedProducts(store, [{ code: "4011", name: "Bananas each", priceMinor: 129, taxClass: null }]);
        await using till = await loggedInTill(store, "T1", join(dir, "till"), [
          "--registrar",
          registrarUri,
          "--printer",
          `${printer.uri}?status=off`,
        ]);

        // The registrar prints the receipt; its number reaches the store with the sale.
        const first = await sellBanana(till);
        expect(registrar.memory).toHaveLength(1);
        expect(registrar.memory[0]?.text).toContain(first);
        expect(registrar.memory[0]?.text).toContain("Bananas each");
        const printed = await waitFor(
          "the first sale at the store",
          () => fiscalReceipt(store, first) ?? false,
          30_000,
        );
        expect(printed).toEqual({
          status: "printed",
          fiscal_receipt_no: "FN-000001",
          memory_counter: 1,
          reason: null,
        });
        // The ordinary printer does not print it again.
        expect(printedTexts(printer).some((t) => t.includes(first))).toBe(false);

        // Out of paper: the sale is kept, the ordinary printer prints its receipt, the cashier is told.
        registrar.paper = "out";
        await till.keys("Escape");
        await till.waitFor("Code:", "the sale screen");
        const second = await sellBanana(till);
        await till.waitFor("Fiscal printer out of paper", "the cashier told");
        const receipt = await waitFor(
          "the receipt at the ordinary printer",
          () => printedTexts(printer).find((t) => t.includes(second)),
          30_000,
        );
        expect(receipt).toContain("Bananas each");
        expect(registrar.memory).toHaveLength(1);
        const kept = await waitFor(
          "the second sale at the store",
          () => fiscalReceipt(store, second) ?? false,
          30_000,
        );
        expect(kept).toEqual({
          status: "unavailable",
          fiscal_receipt_no: null,
          memory_counter: null,
          reason: "paper-out",
        });
      } finally {
        await registrar.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
