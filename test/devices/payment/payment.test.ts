import { describe, expect, test } from "bun:test";
import { DeviceUriError } from "../../../src/devices/errors.ts";
import { openPaymentTerminal } from "../../../src/devices/payment/open-payment-terminal.ts";
import { payByCard } from "../../../src/devices/payment/pay-by-card.ts";
import { describePayment, type PaymentResult } from "../../../src/devices/payment/payment-terminal.ts";
import {
  SimulatedTerminal,
  type StandaloneAnswer,
  type StandalonePrompt,
  StandaloneTerminal,
} from "../../../src/devices/payment/terminals.ts";
import { waitFor } from "../support/wait.ts";

const REQUEST = { amountMinor: 616, currency: "USD", reference: "0193a8f4-6c1e-7c3a-9b2e-5d4f3a2b1c0d" };

function recorder(): { record: (approval: PaymentResult) => Promise<void>; recorded: PaymentResult[] } {
  const recorded: PaymentResult[] = [];
  return { recorded, record: async (approval) => void recorded.push(approval) };
}

describe("paying by card", () => {
  test("an approval of the full amount records the paid sale once, with the card slip", async () => {
    const terminal = new SimulatedTerminal("approve");
    const sale = recorder();
    const outcome = await payByCard({
      terminal,
      request: REQUEST,
      timeoutMs: 2000,
      recordPaidSale: sale.record,
    });
    expect(outcome.recorded).toBe(true);
    expect(outcome.result).toMatchObject({ status: "approved", amountMinor: 616, authCode: "000001" });
    expect(sale.recorded).toHaveLength(1);
    if (outcome.result.status === "approved") expect(outcome.result.receiptLines).toContain("USD 6.16");
    expect(terminal.requests).toEqual([REQUEST]);
  });

  test("a declined card records nothing and says why", async () => {
    const sale = recorder();
    const outcome = await payByCard({
      terminal: new SimulatedTerminal("decline"),
      request: REQUEST,
      timeoutMs: 2000,
      recordPaidSale: sale.record,
    });
    expect(outcome).toMatchObject({ recorded: false, result: { status: "declined" } });
    expect(sale.recorded).toEqual([]);
    expect(describePayment(outcome.result)).toContain("Ask for another card");
  });

  test("a terminal that does not answer times out, is cancelled, and records nothing", async () => {
    const terminal = new SimulatedTerminal("timeout");
    const sale = recorder();
    const outcome = await payByCard({
      terminal,
      request: REQUEST,
      timeoutMs: 100,
      recordPaidSale: sale.record,
    });
    expect(outcome).toMatchObject({
      recorded: false,
      result: { status: "timeout", detail: "no answer within 100 ms" },
    });
    expect(terminal.cancels).toBe(1);
    expect(sale.recorded).toEqual([]);
  });

  test("an approval that arrives after the timeout is ignored", async () => {
    const terminal = new SimulatedTerminal("approve", 400);
    const sale = recorder();
    let answered: PaymentResult | undefined;
    const original = terminal.authorize.bind(terminal);
    // A slow terminal that approves even though the till asked it to stop.
    let cancels = 0;
    terminal.cancel = async () => {
      cancels += 1;
    };
    terminal.authorize = async (request) => {
      answered = await original(request);
      return answered;
    };
    const outcome = await payByCard({
      terminal,
      request: REQUEST,
      timeoutMs: 50,
      recordPaidSale: sale.record,
    });
    expect(outcome.result.status).toBe("timeout");
    await waitFor("the late approval", () => answered);
    expect(answered?.status).toBe("approved");
    expect(cancels).toBe(1);
    expect(sale.recorded).toEqual([]);
  });

  test("an approval for a different amount is not a payment", async () => {
    const terminal = new SimulatedTerminal("approve");
    terminal.authorize = async () => ({
      status: "approved",
      amountMinor: 500,
      authCode: "1",
      receiptLines: [],
    });
    const sale = recorder();
    const outcome = await payByCard({
      terminal,
      request: REQUEST,
      timeoutMs: 1000,
      recordPaidSale: sale.record,
    });
    expect(outcome).toMatchObject({ recorded: false, result: { status: "error" } });
    expect(sale.recorded).toEqual([]);
    expect(terminal.cancels).toBe(1);
  });

  test("the cashier can stop a payment in progress", async () => {
    const terminal = new SimulatedTerminal("timeout");
    const sale = recorder();
    const stop = new AbortController();
    const paying = payByCard({
      terminal,
      request: REQUEST,
      timeoutMs: 10_000,
      recordPaidSale: sale.record,
      signal: stop.signal,
    });
    await waitFor("the request at the terminal", () => terminal.requests.length === 1);
    stop.abort();
    expect((await paying).result.status).toBe("cancelled");
    expect(sale.recorded).toEqual([]);
  });

  test("scripted outcomes come in order", async () => {
    const terminal = new SimulatedTerminal().next("decline", "approve");
    const sale = recorder();
    const run = () => payByCard({ terminal, request: REQUEST, timeoutMs: 1000, recordPaidSale: sale.record });
    expect((await run()).result.status).toBe("declined");
    expect((await run()).result.status).toBe("approved");
    expect((await run()).result.status).toBe("approved");
    expect(sale.recorded).toHaveLength(2);
  });
});

describe("standalone terminal", () => {
  test("the cashier's confirmation decides, and a refusal records nothing", async () => {
    const answers: StandaloneAnswer[] = [{ approved: true, authCode: "A1B2C3" }, { approved: false }];
    const prompts: StandalonePrompt[] = [];
    const terminal = openPaymentTerminal("standalone:", {
      confirm: async (prompt) => {
        prompts.push(prompt);
        return answers.shift() ?? { approved: false };
      },
    });
    expect(terminal).toBeInstanceOf(StandaloneTerminal);
    const sale = recorder();
    const first = await payByCard({
      terminal,
      request: REQUEST,
      timeoutMs: 1000,
      recordPaidSale: sale.record,
    });
    expect(first.result).toMatchObject({
      status: "approved",
      authCode: "A1B2C3",
      receiptLines: ["CARD USD 6.16", "AUTH A1B2C3"],
    });
    const second = await payByCard({
      terminal,
      request: REQUEST,
      timeoutMs: 1000,
      recordPaidSale: sale.record,
    });
    expect(second.result).toEqual({ status: "declined", reason: "declined at the terminal" });
    expect(sale.recorded).toHaveLength(1);
    expect(prompts.map((p) => p.amountMinor)).toEqual([616, 616]);
  });

  test("needs the till's confirmation dialog", () => {
    expect(() => openPaymentTerminal("standalone:")).toThrow(DeviceUriError);
  });

  test("sim: takes its outcome from the URI", async () => {
    const terminal = openPaymentTerminal("sim:?outcome=decline");
    expect((await terminal.authorize(REQUEST)).status).toBe("declined");
    expect(() => openPaymentTerminal("sim:?outcome=maybe")).toThrow(
      "must be approve, decline, timeout or error",
    );
    expect(() => openPaymentTerminal("tcp://10.0.0.9:4000")).toThrow(DeviceUriError);
  });
});
