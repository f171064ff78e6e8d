/**
 * Card payments: through the connected terminal (waiting, approved with its code, declined,
 * no answer), confirmed by the cashier without one, and taken back only as a journaled refund.
 */
import { describe, expect, test } from "bun:test";
import { Driver, SUPERVISOR, testEnv } from "../support/state-env.ts";

const withTerminal = () => new Driver(testEnv({}, false, true));

describe("card payment through the terminal", () => {
  test("F7 waits for the terminal; nothing is paid until it approves", () => {
    const d = withTerminal().enter("0001").key("sale.total").key("payment.card");
    expect(d.lastEffect("cardPay")).toEqual({
      type: "cardPay",
      amountMinor: 129,
      reference: d.state.sale.id,
    });
    expect(d.statusKey).toBe("info.cardWaiting");
    expect(d.state.prompt?.kind).toBe("cardWait");
    expect(d.state.sale.tenders).toEqual([]);
    expect(d.lastEffect("completeSale")).toBeUndefined();
    // Keys other than Esc do nothing while the terminal has the amount.
    d.enter("5");
    expect(d.state.sale.tenders).toEqual([]);
    d.send({ type: "card.answered", amountMinor: 129, answer: { status: "approved", authCode: "A1B2C3" } });
    expect(d.state.prompt).toBeNull();
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([
      { type: "card", amountMinor: 129, ref: "A1B2C3" },
    ]);
  });

  test("declined: said, nothing paid", () => {
    const d = withTerminal().enter("0001").key("sale.total").key("payment.card");
    d.send({
      type: "card.answered",
      amountMinor: 129,
      answer: { status: "declined", reason: "insufficient funds" },
    });
    expect(d.statusKey).toBe("error.cardDeclined");
    expect(d.state.sale.tenders).toEqual([]);
    expect(d.state.busy).toBe(false);
    expect(d.state.screen.kind).toBe("payment");
  });

  test("no answer in time: said, nothing paid", () => {
    const d = withTerminal().enter("0001").key("sale.total").key("payment.card");
    d.send({
      type: "card.answered",
      amountMinor: 129,
      answer: { status: "timeout", detail: "no answer within 120 s" },
    });
    expect(d.statusKey).toBe("error.cardTimeout");
    expect(d.state.sale.tenders).toEqual([]);
  });

  test("Esc asks the terminal to stop", () => {
    const d = withTerminal().enter("0001").key("sale.total").key("payment.card").key("back");
    expect(d.lastEffect("cardCancel")).toEqual({ type: "cardCancel" });
    d.send({ type: "card.answered", amountMinor: 129, answer: { status: "cancelled", detail: "stopped" } });
    expect(d.statusKey).toBe("info.cardCancelled");
    expect(d.state.sale.tenders).toEqual([]);
  });

  test("a card over what is due is refused before the terminal is asked", () => {
    const d = withTerminal().enter("0001").key("sale.total");
    d.send({ type: "input.text", text: "50" }).key("payment.card");
    expect(d.state.status?.tone).toBe("error");
    expect(d.lastEffect("cardPay")).toBeUndefined();
  });

  test("F3 on an approved card tender is a supervisor's refund through the terminal, journaled", () => {
    const d = withTerminal().enter("3*0002").key("sale.total");
    d.send({ type: "input.text", text: "5" }).key("payment.card");
    d.send({ type: "card.answered", amountMinor: 500, answer: { status: "approved", authCode: "000001" } });
    expect(d.state.sale.tenders).toEqual([{ type: "card", amountMinor: 500, ref: "000001" }]);
    d.key("line.void");
    expect(d.state.prompt).toEqual({
      kind: "approval",
      action: "refund",
      approved: { type: "tender.remove", index: 0 },
    });
    expect(d.state.sale.tenders).toHaveLength(1);
    d.send({
      type: "approval.ok",
      approver: { ...SUPERVISOR, proof: { grantId: "g1" } },
      pin: "9999",
      approved: { type: "tender.remove", index: 0 },
    });
    expect(d.lastEffect("cardRefund")).toMatchObject({
      amountMinor: 500,
      authCode: "000001",
      approvedBy: "u-sue",
    });
    expect(d.state.sale.tenders).toHaveLength(1);
    d.send({
      type: "card.refunded",
      index: 0,
      refundRef: "000002",
      approvedBy: "u-sue",
      proof: { grantId: "g1" },
    });
    expect(d.state.sale.tenders).toEqual([]);
    expect(d.statusKey).toBe("ok.cardRefunded");
    expect(d.state.sale.audit.at(-1)).toMatchObject({
      action: "tender.refunded",
      approvedBy: "u-sue",
      approval: { grantId: "g1" },
      detail: { type: "card", amountMinor: 500, authCode: "000001", refundRef: "000002", terminal: true },
    });
  });

  test("a refused refund keeps the card tender", () => {
    const d = withTerminal().enter("3*0002").key("sale.total");
    d.send({ type: "input.text", text: "5" }).key("payment.card");
    d.send({ type: "card.answered", amountMinor: 500, answer: { status: "approved", authCode: "000001" } });
    d.key("line.void").send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: { type: "tender.remove", index: 0 },
    });
    d.send({ type: "request.failed", message: { text: "Card declined" } });
    expect(d.state.sale.tenders).toHaveLength(1);
    expect(d.state.busy).toBe(false);
  });
});

describe("card payment without a terminal connected", () => {
  test("F7 asks the cashier to confirm; Enter with the terminal's code pays", () => {
    const d = new Driver().enter("0001").key("sale.total").key("payment.card");
    expect(d.lastEffect("cardPay")).toBeUndefined();
    expect(d.state.prompt).toEqual({ kind: "cardConfirm", amountMinor: 129 });
    expect(d.state.sale.tenders).toEqual([]);
    d.enter("778899");
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([
      { type: "card", amountMinor: 129, ref: "778899" },
    ]);
  });

  test("Esc: not approved, nothing paid", () => {
    const d = new Driver().enter("0001").key("sale.total").key("payment.card").key("back");
    expect(d.statusKey).toBe("info.cardNotTaken");
    expect(d.state.sale.tenders).toEqual([]);
    expect(d.state.prompt).toBeNull();
  });

  test("F3 on a card tender needs a supervisor and is journaled", () => {
    const d = new Driver().enter("3*0002").key("sale.total");
    d.send({ type: "input.text", text: "5" }).key("payment.card").enter();
    expect(d.state.sale.tenders).toEqual([{ type: "card", amountMinor: 500 }]);
    d.key("line.void");
    expect(d.state.prompt?.kind).toBe("approval");
    d.send({
      type: "approval.ok",
      approver: SUPERVISOR,
      pin: "9999",
      approved: { type: "tender.remove", index: 0 },
    });
    expect(d.lastEffect("cardRefund")).toBeUndefined();
    expect(d.state.sale.tenders).toEqual([]);
    expect(d.statusKey).toBe("info.cardRefundOnTerminal");
    expect(d.state.sale.audit.at(-1)).toMatchObject({ action: "tender.refunded", approvedBy: "u-sue" });
  });
});
