import { afterEach, describe, expect, test } from "bun:test";
import { openPrinter, SimulatedPrinter } from "../../../src/devices/index.ts";
import { FakeServices } from "../support/fake-services.ts";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

async function ringUp(t: Till, ...codes: string[]) {
  await t.login();
  for (const code of codes) t.scan(code);
  await waitFor(() => t.controller.state.sale.lines.length === codes.length, "the lines");
}

describe("payment", () => {
  test("cash with change: the sale is recorded and the change shown", async () => {
    till = await renderTill();
    await ringUp(till, "0001", "3*0002");
    till.press("f10");
    await till.see("Payment");
    await till.see(/Total\s+\$8\.79/);
    till.scan("20");
    await till.see("Sale complete. Change: $11.21");
    await till.see("CHANGE");
    expect(till.frame()).toContain("Receipt S1-T1-000001");
    const sale = till.services.sent[0];
    expect(sale?.receiptNo).toBe("S1-T1-000001");
    expect(sale?.tenders).toEqual([{ type: "cash", amountMinor: 2000 }]);
    expect(sale?.changeMinor).toBe(1121);
    expect(sale?.tillId).toBe("T1");
    expect(sale?.cashierId).toBe("u-ann");
  });

  test("empty Enter is exact cash, rounded to the store's smallest coin", async () => {
    till = await renderTill({
      services: new FakeServices({ currency: "CHF", cashRoundingMinor: 5, locale: "fr-CH" }),
    });
    await ringUp(till, "0001");
    till.press("f10");
    await till.see("To pay in cash");
    till.press("enter");
    await waitFor(() => till?.services.sent.length === 1, "the sale");
    expect(till.services.sent[0]?.tenders).toEqual([{ type: "cash", amountMinor: 130 }]);
    expect(till.services.sent[0]?.cashRoundingMinor).toBe(1);
  });

  test("split tenders: card for part, cash for the rest", async () => {
    till = await renderTill();
    await ringUp(till, "3*0002");
    till.press("f10");
    till.write("5");
    till.press("f7");
    await till.see("Did the card terminal approve $5.00?");
    till.press("enter");
    await till.see(/Paid\s+\$5\.00/);
    await till.see(/Card\s+\$5\.00/);
    till.scan("5");
    await till.see("Change: $2.50");
    expect(till.services.sent[0]?.tenders).toEqual([
      { type: "card", amountMinor: 500 },
      { type: "cash", amountMinor: 500 },
    ]);
  });

  test("F7 alone pays the rest by card", async () => {
    till = await renderTill();
    await ringUp(till, "0001");
    till.press("f10");
    await till.see("Payment");
    till.press("f7");
    await till.see("Did the card terminal approve $1.29?");
    till.press("enter");
    await till.see("Sale complete");
    // No cash comes back: no big CHANGE 0.00, the sum paid instead.
    expect(till.frame()).not.toContain("CHANGE");
    expect(till.frame()).not.toContain("Change:");
    expect(till.frame()).toContain("Paid");
    expect(till.services.sent[0]?.tenders).toEqual([{ type: "card", amountMinor: 129 }]);
  });

  test("Esc goes back to the sale before any tender; not after", async () => {
    till = await renderTill();
    await ringUp(till, "3*0002");
    till.press("f10");
    await till.see("Payment");
    till.press("escape");
    await waitFor(() => till?.controller.state.screen.kind === "sale", "the sale screen");
    till.press("f10");
    till.scan("1");
    await till.see(/Paid\s+\$1\.00/);
    till.press("escape");
    await till.see("Payment already taken: remove it (F3) or finish the payment");
  });

  test("a failed completion keeps the sale; Enter tries again", async () => {
    const services = new FakeServices();
    services.failNextCompletion = "the disk is full: free some space";
    till = await renderTill({ services });
    await ringUp(till, "0001");
    till.press("f10");
    till.scan("5");
    await till.see("the disk is full: free some space");
    expect(till.controller.state.sale.lines).toHaveLength(1);
    till.press("enter");
    await till.see("Change: $3.71");
    expect(services.sent.map((s) => s.receiptNo)).toEqual(["S1-T1-000001"]);
  });

  test("a code scanned while the sale is being recorded is rung up right after", async () => {
    const services = new FakeServices();
    let release = () => {};
    services.completionGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    till = await renderTill({ services });
    await ringUp(till, "0001");
    till.press("f10");
    till.press("enter");
    await till.see("Recording the sale");
    till.scan("0002");
    await till.see("Cash given: 0002");
    release();
    await till.see(/1 Bread\s+1\s+2\.50/);
    expect(services.sent).toHaveLength(1);
    expect(till.controller.state.sale.lines.map((l) => l.code)).toEqual(["0002"]);
  });

  test("offline: the sale completes, waits in the outbox, and is counted on the status bar", async () => {
    const services = new FakeServices();
    services.setOnline(false);
    till = await renderTill({ services });
    await ringUp(till, "0001");
    await till.see("○ OFFLINE");
    expect(till.frame()).not.toContain("Store server unreachable"); // offline before log-in: no news
    till.press("f10");
    till.press("enter");
    await till.see("1 to send");
    services.setOnline(true);
    await till.see("● online");
    await till.see("Store server reachable again");
    expect(till.frame()).not.toContain("to send");
    expect(services.sent).toHaveLength(1);
  });

  test("losing the store says so on the status line and keeps the sale", async () => {
    till = await renderTill();
    await ringUp(till, "0001");
    till.services.setOnline(false);
    await till.see("Store server unreachable: keep selling, sales are sent when it is back");
    till.scan("0002");
    await till.see("Bread");
    expect(till.controller.state.sale.lines).toHaveLength(2);
  });

  test("with a printer the receipt is printed; without, it is kept on screen", async () => {
    const printer = openPrinter("sim:");
    till = await renderTill({ devices: { printer } });
    await ringUp(till, "0001");
    till.press("f10");
    till.press("enter");
    await till.see("Sale complete");
    if (!(printer instanceof SimulatedPrinter)) throw new Error("expected the simulated printer");
    await waitFor(() => printer.paperText().includes("Milk 1l"), "the printed receipt");
    expect(printer.paperText()).toContain("S1-T1-000001");
    till.press("f11");
    await till.see("Printed.");
    till.cleanup();
    await printer.close();

    till = await renderTill();
    await ringUp(till, "0002");
    till.press("f10");
    till.press("enter");
    await till.see("Sale complete");
    till.press("f11");
    await till.see("No printer: the receipt is kept here.");
    await till.see("Bread");
    await till.see("S1-T1-000001");
  });
});
