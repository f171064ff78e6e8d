/**
 * The refused sales screen, mounted: a cashier needs a supervisor's PIN to open it; it lists
 * each refused sale with its total and the store's reason, exports the chosen one (its receipt
 * prints again as a COPY on a network printer) and sends one again. And the price check.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { openPrinter, type ReceiptPrinter } from "../../../src/devices/index.ts";
import { EscPosSink } from "../../devices/support/escpos-sink.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | null = null;
let printer: ReceiptPrinter | null = null;
let sink: EscPosSink | null = null;
afterEach(async () => {
  till?.cleanup();
  till = null;
  await printer?.close();
  printer = null;
  await sink?.stop();
  sink = null;
});

const INSERT = "\u001b[2~";

describe("refused sales screen", () => {
  test("a supervisor's PIN opens it; Enter exports (a COPY prints), F10 sends one again", async () => {
    sink = await EscPosSink.start();
    printer = openPrinter(sink.uri);
    const services = new FakeServices();
    till = await renderTill({ services, devices: { printer } });
    await till.login();
    // A sale rung here, whose receipt is in the print journal, that the store then refused.
    till.scan("0002");
    await till.see("Bread");
    till.press("f10");
    till.press("enter");
    await till.see("Sale complete");
    const sold = services.sent[0];
    if (sold === undefined) throw new Error("the sale was not kept");
    services.refused = [
      {
        saleId: sold.id,
        receiptNo: sold.receiptNo,
        totalMinor: 250,
        reason: "SALE_INCONSISTENT: totalMinor is 250, the lines add up to 249",
        at: "2026-11-23T10:00:00.000Z",
      },
      {
        saleId: "0194a000-0000-7000-8000-0000000000b2",
        receiptNo: "S1-T1-000077",
        totalMinor: 1999,
        reason: "SALE_INCONSISTENT: taxMinor is 120, the lines add up to 119",
        at: "2026-11-23T11:30:00.000Z",
      },
    ];

    till.press("f9");
    await till.see("0  Refused sales");
    till.write("0");
    await till.see("Supervisor PIN to allow: refused sales");
    expect(till.controller.state.screen.kind).toBe("sale");
    till.scan("9999");
    await till.see("S1-T1-000077");
    const frame = till.frame();
    expect(frame).toContain(sold.receiptNo);
    expect(frame).toContain("$2.50");
    expect(frame).toContain("$19.99");
    expect(frame).toContain("Store's reason: SALE_INCONSISTENT: totalMinor is 250");
    expect(frame).toContain("2 refused");
    expect(fitsScreen(frame, till.size)).toBeNull();

    // Export the first: the file's place on the status line, and its receipt again as a COPY.
    till.press("enter");
    await till.see(`written to /data/refused-sales/${sold.receiptNo}.json`);
    expect(services.exports).toEqual([
      { path: `/data/refused-sales/${sold.receiptNo}.json`, receiptNo: sold.receiptNo },
    ]);
    const at = sink;
    const copies = () =>
      at.jobs.map((job) => decodeEscPos(job).lines.join("\n")).filter((text) => text.includes("COPY"));
    await waitFor(() => copies().length > 0, "the copy of the receipt at the printer");
    expect(copies()).toHaveLength(1);
    expect(copies()[0]).toContain(sold.receiptNo);

    // Send the second again: it leaves the list, and the count on the status bar drops.
    till.press("down");
    await till.see("taxMinor is 120");
    till.press("f10");
    await till.see("Sale S1-T1-000077 is being sent to the store again");
    expect(services.resent).toEqual(["0194a000-0000-7000-8000-0000000000b2"]);
    await waitFor(() => !till?.frame().includes("S1-T1-000077  2026"), "the sale to leave the list");
    await till.see("1 refused");
    till.press("escape");
    await waitFor(() => till?.controller.state.screen.kind === "sale", "the sale screen");
  });

  test("a cashier's PIN does not open it", async () => {
    const services = new FakeServices();
    services.refused = [
      {
        saleId: "0194a000-0000-7000-8000-0000000000c1",
        receiptNo: "S1-T1-000005",
        totalMinor: 100,
        reason: "SALE_INCONSISTENT",
        at: "2026-11-23T10:00:00.000Z",
      },
    ];
    till = await renderTill({ services });
    await till.login();
    till.press("f9");
    await till.see("Refused sales");
    till.write("0");
    await till.see("Supervisor PIN to allow");
    till.scan("1234");
    await till.see("PIN refused");
    expect(till.controller.state.screen.kind).toBe("sale");
    expect(till.frame()).not.toContain("S1-T1-000005");
  });
});

describe("price check", () => {
  test("Ins, a code: its price shows, nothing is added to the sale, and the check is kept", async () => {
    const services = new FakeServices();
    till = await renderTill({ services });
    await till.login();
    till.scan("0002");
    await till.see("Bread");
    till.write(INSERT);
    await till.see("Price check: scan or type a code");
    till.scan("0001");
    await till.see("Milk 1l: $1.29 (each)");
    till.scan("4011");
    await till.see("Bananas: $0.69 (kg)");
    expect(till.controller.state.sale.lines.map((l) => l.code)).toEqual(["0002"]);
    expect(services.traces).toEqual([
      { action: "price.checked", detail: { code: "0001", scanned: "0001", priceMinor: 129 } },
      { action: "price.checked", detail: { code: "4011", scanned: "4011", priceMinor: 69 } },
    ]);
    till.scan("9999999");
    await till.see("Unknown code 9999999");
    expect(services.traces).toHaveLength(2);
    till.press("escape");
    await waitFor(() => till?.controller.state.prompt === null, "the prompt to close");
    expect(till.controller.state.sale.lines).toHaveLength(1);
  });

  test("online, the check shows stock on hand at this store; offline it says the stock is unknown", async () => {
    const services = new FakeServices();
    services.stockOnHand.set("0001", 12_000);
    till = await renderTill({ services });
    await till.login();
    till.write(INSERT);
    await till.see("Price check: scan or type a code");
    till.scan("0001");
    await till.see("Milk 1l: $1.29 (each), here: 12; elsewhere: —");
    expect(services.stockAsked).toEqual(["0001"]);
    services.setOnline(false);
    till.scan("0001");
    await till.see("Milk 1l: $1.29 (each), stock unknown: the store is offline");
    expect(services.stockAsked).toEqual(["0001"]);
  });

  test("with head office reachable, the check also shows stock at the other sites", async () => {
    const services = new FakeServices();
    services.stockOnHand.set("0001", 3000);
    services.otherSites.set("0001", [
      { storeId: "S2", onHandMilli: 9000 },
      { storeId: "S3", onHandMilli: 2500 },
    ]);
    till = await renderTill({ services });
    await till.login();
    till.write(INSERT);
    await till.see("Price check: scan or type a code");
    till.scan("0001");
    await till.see("Milk 1l: $1.29 (each), here: 3; elsewhere: S2 9, S3 2.5");
    services.otherSitesReachable = false;
    till.scan("0001");
    await till.see("Milk 1l: $1.29 (each), here: 3; other sites unknown: head office unreachable");
  });
});
