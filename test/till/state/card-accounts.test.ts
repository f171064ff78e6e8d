/**
 * Store credit and charge on account at the till: with a customer's loyalty card on the sale,
 * `payment.account` (Ctrl+V) in payment opens a small menu; 1 takes the typed amount (or what is
 * still due) from the card's store credit, 2 charges it to the customer's house account. The
 * store authorises either with head office before it goes on the sale.
 */
import { describe, expect, test } from "bun:test";
import type { TillCustomer } from "../../../src/till/services.ts";
import { Driver } from "../support/state-env.ts";

const ANA: TillCustomer = {
  card: "2990000000019",
  kind: "loyalty",
  name: "Ana Lima",
  groups: [],
  points: 0,
  balanceMinor: 400,
};

function withAna(): Driver {
  const d = new Driver().enter("0002");
  d.send({ type: "customer.attached", customer: ANA, how: "found" });
  return d.key("sale.total");
}

describe("store credit and charge on account at the till", () => {
  test("1 pays the typed amount from the card's store credit; the rest in cash", () => {
    const d = withAna();
    d.send({ type: "input.text", text: "1.00" });
    d.key("payment.account");
    expect(d.state.prompt).toEqual({
      kind: "cardAccount",
      card: ANA.card,
      balanceMinor: 400,
      amountMinor: 100,
    });
    d.enter("1");
    expect(d.lastEffect("redeemCard")).toMatchObject({
      tenderType: "store_credit",
      card: ANA.card,
      amountMinor: 100,
      index: 0,
    });
    d.send({
      type: "card.redeemed",
      tender: { type: "store_credit", card: ANA.card, amountMinor: 100, points: null },
    });
    d.key("payment.account");
    expect(d.state.prompt).toMatchObject({ kind: "cardAccount", balanceMinor: 300, amountMinor: 150 });
    d.key("back").enter("");
    expect(d.lastEffect("completeSale")?.sale.tenders).toEqual([
      { type: "store_credit", amountMinor: 100, card: ANA.card },
      { type: "cash", amountMinor: 150 },
    ]);
  });

  test("2 charges what is still due to the house account; a refusal is said in the cashier's words", () => {
    const d = withAna().key("payment.account");
    d.enter("2");
    expect(d.lastEffect("redeemCard")).toMatchObject({
      tenderType: "account",
      card: ANA.card,
      amountMinor: 250,
    });
    d.send({ type: "request.failed", message: { key: "error.overCreditLimit" } });
    expect(d.statusKey).toBe("error.overCreditLimit");
    expect(d.state.sale.tenders).toEqual([]);
  });

  test("needs a loyalty card on the sale; another choice is refused and the menu stays", () => {
    const none = new Driver().enter("0002").key("sale.total").key("payment.account");
    expect(none.statusKey).toBe("error.noLoyaltyCard");
    expect(none.state.prompt).toBeNull();
    const d = withAna().key("payment.account");
    d.enter("3");
    expect(d.statusKey).toBe("error.badAccountChoice");
    expect(d.state.prompt?.kind).toBe("cardAccount");
    d.key("back");
    expect(d.state.prompt).toBeNull();
  });
});
