/**
 * Bank transfer at the till: in payment, the discount key (F8, which has no use there) takes the
 * typed amount, or everything still due, as a `bank_transfer` tender. It gives no change.
 */
import { describe, expect, test } from "bun:test";
import { paymentProgress } from "../../../src/till/state/index.ts";
import { Driver } from "../support/state-env.ts";

describe("bank transfer in payment", () => {
  test("with nothing typed, pays everything still due and completes the sale", () => {
    const d = new Driver().enter("0001").key("sale.total").key("line.discount");
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([{ type: "bank_transfer", amountMinor: 129 }]);
  });

  test("a typed amount pays part; the rest can be cash", () => {
    const d = new Driver().enter("0001").key("sale.total");
    d.send({ type: "input.text", text: "1" }).key("line.discount");
    expect(d.state.sale.tenders).toEqual([{ type: "bank_transfer", amountMinor: 100 }]);
    expect(paymentProgress(d.state.quote!, d.state.sale.tenders, d.env.settings).remainingMinor).toBe(29);
    expect(d.lastEffect("completeSale")).toBeUndefined();
    d.enter("");
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([
      { type: "bank_transfer", amountMinor: 100 },
      { type: "cash", amountMinor: 29 },
    ]);
  });

  test("more than is due is refused (no change on a transfer); nothing is taken", () => {
    const d = new Driver().enter("0001").key("sale.total");
    d.send({ type: "input.text", text: "50" }).key("line.discount");
    expect(d.state.sale.tenders).toEqual([]);
    expect(d.state.status?.tone).toBe("error");
    expect(d.lastEffect("completeSale")).toBeUndefined();
  });

  test("a bad amount is said, nothing taken", () => {
    const d = new Driver().enter("0001").key("sale.total");
    d.send({ type: "input.text", text: "abc" }).key("line.discount");
    expect(d.statusKey).toBe("error.badAmount");
    expect(d.state.sale.tenders).toEqual([]);
  });
});
