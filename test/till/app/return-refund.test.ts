/**
 * A return is paid back the way the sale was paid: the card part through the payment terminal
 * (recorded only once it approved), the rest in cash.
 */
import { describe, expect, test } from "bun:test";
import { uuidv7 } from "../../../src/core/ids.ts";
import { SimulatedTerminal } from "../../../src/devices/payment/terminals.ts";
import { CardRefundError, payBackReturn, TrainingReturnError } from "../../../src/till/app/return-refund.ts";
import { FakeServices } from "../support/fake-services.ts";

const SALE_ID = uuidv7();

function ret(refundMinor: number) {
  return {
    id: uuidv7(),
    originalSaleId: SALE_ID,
    lines: [{ code: "0002", qtyMilli: 2000 }],
    refundMinor,
    refundable: [
      { type: "card", amountMinor: 500 },
      { type: "cash", amountMinor: 1_000 },
    ],
  };
}

describe("paying back a return", () => {
  test("the card part goes through the terminal, the rest is cash", async () => {
    const services = new FakeServices();
    const terminal = new SimulatedTerminal("approve");
    const asked = ret(700);
    const paid = await payBackReturn(services, terminal, asked);
    expect(terminal.refunds).toEqual([{ amountMinor: 500, currency: "USD", reference: asked.id }]);
    expect(terminal.requests).toEqual([]);
    expect(services.returns.map((r) => r.tenders)).toEqual([
      [
        { type: "card", amountMinor: 500 },
        { type: "cash", amountMinor: 200 },
      ],
    ]);
    expect(paid.tenders.map((t) => t.type)).toEqual(["card", "cash"]);
  });

  test("a declined card refund records nothing", async () => {
    const services = new FakeServices();
    const terminal = new SimulatedTerminal("decline");
    const failure = await payBackReturn(services, terminal, ret(300)).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(CardRefundError);
    expect((failure as CardRefundError).message).toContain("declined");
    expect(services.returns).toEqual([]);
  });

  test("a sale paid only in cash (or not known) is paid back in cash without the terminal", async () => {
    const services = new FakeServices();
    const terminal = new SimulatedTerminal("approve");
    await payBackReturn(services, terminal, { ...ret(250), refundable: [] });
    expect(terminal.refunds).toEqual([]);
    expect(services.returns.map((r) => r.tenders)).toEqual([[{ type: "cash", amountMinor: 250 }]]);
  });

  test("a till or cashier in training refunds no card and records no return", async () => {
    const services = new FakeServices();
    const terminal = new SimulatedTerminal("approve");
    services.changeSettings({ training: { tills: ["T1"], cashiers: [] } });
    const failure = await payBackReturn(services, terminal, ret(700)).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(TrainingReturnError);
    expect(terminal.refunds).toEqual([]);
    expect(services.returns).toEqual([]);
    services.changeSettings({ training: { tills: [], cashiers: ["U-9"] } });
    const trainee = await payBackReturn(services, terminal, { ...ret(700), cashierId: "U-9" }).catch(
      (err: unknown) => err,
    );
    expect(trainee).toBeInstanceOf(TrainingReturnError);
    expect(services.returns).toEqual([]);
  });
});
