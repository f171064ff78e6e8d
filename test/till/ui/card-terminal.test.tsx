/**
 * The till with a connected (simulated) card terminal: F7 waits for it, an approval pays with
 * its authorisation code on the receipt and the sale, a decline or no answer pays nothing, and
 * F3 on the card tender is a supervisor's refund through the terminal.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { SimulatedTerminal } from "../../../src/devices/payment/terminals.ts";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

async function toPayment(t: Till, code: string) {
  await t.login();
  t.scan(code);
  await waitFor(() => t.controller.state.sale.lines.length === 1, "the line");
  t.press("f10");
  await t.see("Payment");
}

describe("card terminal", () => {
  test("approved: the authorisation code goes on the receipt and into the sale's tender", async () => {
    const terminal = new SimulatedTerminal("approve", 300);
    till = await renderTill({ devices: { payment: terminal } });
    await toPayment(till, "0001");
    till.press("f7");
    await till.see("Waiting for the card terminal");
    expect(till.services.sent).toHaveLength(0);
    await till.see("Sale complete");
    expect(terminal.requests.map((r) => r.amountMinor)).toEqual([129]);
    expect(till.services.sent[0]?.tenders).toEqual([{ type: "card", amountMinor: 129, ref: "000001" }]);
    expect(till.controller.state.lastSale?.receiptText).toContain("CARD AUTH 000001");
  });

  test("declined: said, nothing paid", async () => {
    till = await renderTill({ devices: { payment: new SimulatedTerminal("decline") } });
    await toPayment(till, "0001");
    till.press("f7");
    await till.see("Card declined");
    expect(till.controller.state.sale.tenders).toEqual([]);
    expect(till.services.sent).toHaveLength(0);
  });

  test("no answer in time: said, nothing paid, the terminal is told to stop", async () => {
    const terminal = new SimulatedTerminal("timeout");
    till = await renderTill({ devices: { payment: terminal, paymentTimeoutMs: 300 } });
    await toPayment(till, "0001");
    till.press("f7");
    await till.see("No answer from the card terminal");
    expect(till.controller.state.sale.tenders).toEqual([]);
    expect(terminal.cancels).toBeGreaterThan(0);
  });

  test("F3 on the card tender refunds it through the terminal after a supervisor's PIN", async () => {
    const terminal = new SimulatedTerminal("approve");
    till = await renderTill({ devices: { payment: terminal } });
    await till.login();
    till.scan("3*0002");
    await waitFor(() => till?.controller.state.sale.lines.length === 1, "the line");
    till.press("f10");
    till.write("5");
    till.press("f7");
    await waitFor(() => till?.controller.state.sale.tenders.length === 1, "the card tender");
    till.press("f3");
    await till.see("Supervisor PIN");
    till.scan("9999");
    await waitFor(() => till?.controller.state.sale.tenders.length === 0, "the refund");
    expect(terminal.refunds.map((r) => r.amountMinor)).toEqual([500]);
    expect(till.controller.state.sale.audit.at(-1)).toMatchObject({
      action: "tender.refunded",
      detail: { authCode: "000001", refundRef: "000002", terminal: true },
    });
  });
});
