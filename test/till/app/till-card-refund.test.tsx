/**
 * Refunds at a till configured as `ringup till --payment sim:` opens it: a return of a sale
 * paid by card goes back to the card through the terminal by default, the rest in cash.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { SimulatedTerminal } from "../../../src/devices/payment/terminals.ts";
import { openDevices } from "../../../src/till/main.ts";
import { FakeServices } from "../support/fake-services.ts";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

describe("the till's --payment option", () => {
  test("sim: opens the simulated terminal; standalone: and none connect nothing; a bad URI is refused", async () => {
    expect((await openDevices({ payment: "sim:" }, "en")).payment).toBeInstanceOf(SimulatedTerminal);
    expect((await openDevices({ payment: "standalone:" }, "en")).payment).toBeUndefined();
    expect((await openDevices({}, "en")).payment).toBeUndefined();
    await expect(openDevices({ payment: "tcp://10.0.0.9:9100" }, "en")).rejects.toThrow(/payment/);
  });

  test("a return of a card sale is refunded to the card through the configured terminal", async () => {
    const devices = await openDevices({ payment: "sim:" }, "en");
    const terminal = devices.payment;
    if (!(terminal instanceof SimulatedTerminal)) throw new Error("expected the simulated terminal");
    till = await renderTill({ devices });
    await till.login();
    till.scan("3*0002");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "the line");
    till.press("f10");
    till.write("5");
    till.press("f7");
    await waitFor(() => till?.controller.state.sale.tenders.length === 1, "the card tender");
    till.scan("");
    await waitFor(
      () => till?.services.sent.length === 1 && till.controller.state.busy === false,
      "the sale to complete",
    );
    expect(till.services.sent[0]?.tenders).toEqual([
      { type: "card", amountMinor: 500, ref: "000001" },
      { type: "cash", amountMinor: 250 },
    ]);
    till.press("f9");
    await till.see("Functions");
    till.write("1");
    await till.see("Receipt number or scan the receipt's code");
    till.scan("S1-T1-000001");
    await till.see("Sale S1-T1-000001");
    till.press("tab");
    await till.see("Paid back as the sale was paid: Card 5.00 · Cash 2.50");
    till.press("f10");
    await till.see("Supervisor PIN to allow: refund");
    till.scan("9999");
    await till.see("Refund recorded");
    expect(terminal.refunds.map((r) => r.amountMinor)).toEqual([500]);
    expect(till.services.returns[0]?.tenders).toEqual([
      { type: "card", amountMinor: 500 },
      { type: "cash", amountMinor: 250 },
    ]);
  });

  test("cash instead of the card: the terminal is not asked, a supervisor approves, the drawer pays", async () => {
    const devices = await openDevices({ payment: "sim:" }, "en");
    const terminal = devices.payment;
    if (!(terminal instanceof SimulatedTerminal)) throw new Error("expected the simulated terminal");
    till = await renderTill({ devices, services: new FakeServices({ approvals: { refund: false } }) });
    await till.login();
    till.scan("2*0002");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "the line");
    till.press("f10");
    till.press("f7");
    await waitFor(() => till?.services.sent.length === 1 && till.controller.state.busy === false, "the sale");
    till.press("f9");
    await till.see("Functions");
    till.write("1");
    await till.see("Receipt number or scan the receipt's code");
    till.scan("S1-T1-000001");
    await till.see("Sale S1-T1-000001");
    till.press("tab");
    await till.see("Paid back as the sale was paid: Card 5.00");
    till.press("ctrlK");
    await till.see("All in cash (needs a supervisor): Cash 5.00");
    till.press("f10");
    await till.see("Supervisor PIN to allow: refund");
    till.scan("9999");
    await till.see("Refund recorded");
    expect(terminal.refunds).toEqual([]);
    expect(till.services.returns[0]).toMatchObject({
      tenders: [{ type: "cash", amountMinor: 500 }],
      approvalPin: "9999",
    });
  });
});
