/**
 * The customer at the till: a card attaches them and their group discount is priced on every
 * line (named as the sale's promotion, as the store prices it), points and gift cards pay as
 * tenders the store authorised, and the document carries the card.
 */
import { describe, expect, test } from "bun:test";
import type { TillCustomer } from "../../../src/till/services.ts";
import { Driver } from "../support/state-env.ts";

const ANA: TillCustomer = {
  card: "2990000000019",
  kind: "loyalty",
  name: "Ana Lima",
  groups: [{ id: "staff", name: "Staff", discountPercent: 10 }],
  points: 120,
  balanceMinor: 0,
};

describe("a customer's card at the till", () => {
  test("attaches the customer: their group discount on every line, named on the sale", () => {
    const d = new Driver().enter("0002").enter("0001");
    d.send({ type: "customer.attached", customer: ANA, how: "found" });
    expect(d.statusKey).toBe("ok.customerAttached");
    expect(d.state.sale.customer?.name).toBe("Ana Lima");
    // Bread 2.50 and milk 1.29, 10% off each.
    expect(d.state.quote?.lines.map((l) => l.discountMinor)).toEqual([25, 13]);
    expect(d.state.quote?.promotions).toEqual([{ id: "group:staff", name: "Staff 10%", discountMinor: 38 }]);
    d.enter("0003");
    expect(d.state.quote?.lines.map((l) => l.discountMinor)).toEqual([25, 13, 110]);
  });

  test("the clients service prompt finds, issues (+) or blocks (-) a card; bad numbers are refused", () => {
    const d = new Driver().key("customer.card");
    expect(d.state.prompt?.kind).toBe("customerCard");
    d.enter("+2990000000026");
    expect(d.lastEffect("customerCard")).toEqual({
      type: "customerCard",
      action: "issue",
      number: "2990000000026",
    });
    d.send({ type: "customer.attached", customer: { ...ANA, card: "2990000000026" }, how: "issued" });
    expect(d.statusKey).toBe("ok.cardIssued");
    d.key("customer.card").enter("-2990000000019");
    expect(d.lastEffect("customerCard")?.action).toBe("block");
    d.send({ type: "customer.attached", customer: ANA, how: "blocked" });
    expect(d.statusKey).toBe("ok.cardBlocked");
    d.key("customer.card").enter("12!4");
    expect(d.statusKey).toBe("error.badCardNumber");
  });

  test("+number Name creates a customer with that card, kept at the till when the store is away", () => {
    const d = new Driver().enter("0002").key("customer.card");
    d.enter("+2990000000033   Nora   Offline ");
    const effect = d.lastEffect("createCustomer");
    expect(effect).toMatchObject({ type: "createCustomer", name: "Nora Offline", card: "2990000000033" });
    expect(effect?.id).toMatch(/^sale-\d+$/); // env.newId: a UUIDv7 at the till
    const nora: TillCustomer = { ...ANA, card: "2990000000033", name: "Nora Offline", groups: [], points: 0 };
    d.send({ type: "customer.attached", customer: nora, how: "kept" });
    expect(d.statusKey).toBe("info.customerKept");
    expect(d.state.sale.customer?.name).toBe("Nora Offline");
    d.send({ type: "customer.attached", customer: nora, how: "created" });
    expect(d.statusKey).toBe("ok.customerCreated");
    d.key("customer.card").enter("+29! Nora");
    expect(d.statusKey).toBe("error.badCardNumber");
  });

  test("a name (or a phone with spaces, an e-mail) searches; Enter puts the one chosen on the sale", () => {
    const d = new Driver().enter("0002").key("customer.card");
    d.enter("  nora ");
    expect(d.lastEffect("searchCustomers")).toEqual({ type: "searchCustomers", q: "nora" });
    expect(d.state.screen).toMatchObject({ kind: "customers", list: null });
    d.send({
      type: "customers.found",
      list: [
        { id: "c1", name: "Nora Lima", phone: null, email: null, card: null },
        { id: "c2", name: "Nora Second", phone: "+15550100199", email: null, card: "2990000000828" },
      ],
    });
    d.enter("");
    expect(d.statusKey).toBe("error.customerNoCard");
    d.key("cursor.down").enter("");
    expect(d.lastEffect("customerCard")).toEqual({
      type: "customerCard",
      action: "find",
      number: "2990000000828",
    });
    d.send({ type: "customer.attached", customer: { ...ANA, name: "Nora Second" }, how: "found" });
    expect(d.state.screen.kind).toBe("sale");
    expect(d.state.sale.customer?.name).toBe("Nora Second");
    d.key("customer.card").enter("555 010 0199");
    expect(d.lastEffect("searchCustomers")?.q).toBe("555 010 0199");
    d.send({ type: "customers.found", list: [] });
    d.key("back");
    expect(d.state.screen.kind).toBe("sale");
    // Digits alone are a card number, as a scanner types it.
    d.key("customer.card").enter("5550100199");
    expect(d.lastEffect("customerCard")?.number).toBe("5550100199");
  });

  test("points pay what the store authorised, and the sale's document carries the card", () => {
    const d = new Driver().enter("0002");
    d.send({ type: "customer.attached", customer: ANA, how: "found" });
    // Total 2.25: 1.00 by points, the rest in cash.
    d.key("sale.total");
    d.send({ type: "input.text", text: "1.00" });
    d.key("payment.points");
    expect(d.lastEffect("redeemCard")).toMatchObject({
      tenderType: "points",
      card: ANA.card,
      amountMinor: 100,
      index: 0,
    });
    d.send({
      type: "card.redeemed",
      tender: { type: "points", card: ANA.card, amountMinor: 100, points: 20 },
    });
    expect(d.state.sale.tenders).toEqual([{ type: "points", amountMinor: 100, card: ANA.card, points: 20 }]);
    d.enter("");
    const sale = d.lastEffect("completeSale")?.sale;
    expect(sale?.card).toBe(ANA.card);
    expect(sale?.tenders).toEqual([
      { type: "points", amountMinor: 100, card: ANA.card, points: 20 },
      { type: "cash", amountMinor: 125 },
    ]);
  });

  test("points need the customer's card; a gift card is asked for and pays its part", () => {
    const d = new Driver().enter("0002").key("sale.total").key("payment.points");
    expect(d.statusKey).toBe("error.noLoyaltyCard");
    d.key("payment.giftcard");
    expect(d.state.prompt).toEqual({ kind: "giftCard", amountMinor: 250 });
    d.enter("GIFT-1");
    expect(d.lastEffect("redeemCard")).toMatchObject({
      tenderType: "giftcard",
      card: "GIFT-1",
      amountMinor: 250,
    });
  });
});
