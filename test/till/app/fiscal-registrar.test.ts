/**
 * The fiscal printer prints each sale's receipt and keeps it: its number goes with the sale. Out
 * of paper, silent or answering garbage, the sale is kept all the same, with why, and the
 * cashier is told in their language.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { TcpFiscalRegistrar } from "../../../src/devices/registrar/registrar.ts";
import { SimulatedRegistrar } from "../../../src/devices/registrar/simulated-registrar.ts";
import { withRegistrar } from "../../../src/till/app/fiscal-registrar.ts";
import { createTranslator } from "../../../src/till/i18n/index.ts";
import type { CompletedSale } from "../../../src/till/services.ts";
import type { Command } from "../../../src/till/state/types.ts";

let sim: SimulatedRegistrar;
let uri: string;
beforeEach(async () => {
  sim = new SimulatedRegistrar();
  uri = `${await sim.listen()}?timeoutMs=300`;
});
afterEach(() => sim.close());

const sale = { id: "0190a000-0000-7000-8000-000000000001", receiptNo: "S1-T1-1" } as CompletedSale;

async function print(): Promise<{ sale: CompletedSale; said: Command[] }> {
  const said: Command[] = [];
  const ctx = { devices: { registrar: new TcpFiscalRegistrar(uri) }, dispatch: (c: Command) => said.push(c) };
  const done = await withRegistrar(ctx, sale, () => "Corner Co-op\nBananas 1.29\nTOTAL 1.29\n");
  const deadline = Date.now() + 2_000;
  while (done.registrar?.status === "unavailable" && said.length === 0 && Date.now() < deadline)
    await Bun.sleep(5);
  return { sale: done, said };
}

describe("fiscal printer", () => {
  test("prints the receipt, keeps it in its memory, and its number goes with the sale", async () => {
    const { sale: printed, said } = await print();
    expect(printed.registrar).toEqual({ status: "printed", fiscalReceiptNo: "FN-000001", memoryCounter: 1 });
    expect(sim.memory).toEqual([
      { fiscalReceiptNo: "FN-000001", text: "Corner Co-op\nBananas 1.29\nTOTAL 1.29\n" },
    ]);
    expect(said).toEqual([]);
  });

  test("out of paper: the sale is kept, marked, and the cashier told in their language", async () => {
    sim.paper = "out";
    const { sale: kept, said } = await print();
    expect(kept.registrar).toMatchObject({ status: "unavailable", reason: "paper-out" });
    expect(sim.memory).toEqual([]);
    expect(said).toEqual([{ type: "status.error", message: { key: "error.registrarPaperOut" } }]);
    const fr = createTranslator({ lang: "fr", currency: "EUR", storeLocale: "fr-FR" } as Parameters<
      typeof createTranslator
    >[0]);
    expect(fr.t("error.registrarPaperOut")).toContain("sans papier");
  });

  test("silent or answering garbage: kept, with why", async () => {
    sim.mode = "silent";
    expect((await print()).sale.registrar).toMatchObject({ status: "unavailable", reason: "timeout" });
    sim.mode = "garbage";
    const garbled = await print();
    expect(garbled.sale.registrar).toMatchObject({ status: "unavailable", reason: "garbage" });
    expect(garbled.said).toEqual([{ type: "status.error", message: { key: "error.registrarFailed" } }]);
  });

  test("a bad URI is refused with what to write", () => {
    expect(() => new TcpFiscalRegistrar("serial:/dev/ttyS0")).toThrow(/tcp:\/\/HOST:PORT/);
    expect(() => new TcpFiscalRegistrar("tcp://127.0.0.1:9?speed=9")).toThrow(/unknown parameter speed/);
  });
});
