/**
 * An invoice at the till: Ctrl+X after a sale asks for the buyer's name, address and tax id
 * (optional), then asks the store for the invoice of the sale just completed; an empty name
 * cancels, an open sale or no sale at all says there is nothing to invoice.
 */
import { describe, expect, test } from "bun:test";
import { Driver } from "../support/state-env.ts";

function afterSale(): Driver {
  return new Driver().send({
    type: "sale.completed",
    last: {
      saleId: "S-1",
      receiptNo: "S1-T1-000001",
      copyUrl: null,
      totalMinor: 879,
      changeMinor: 0,
      receiptText: "…",
      printed: false,
    },
  });
}

describe("an invoice at the till", () => {
  test("name, address and tax id asked in turn, then the store asked for the sale's invoice", () => {
    const d = afterSale().key("sale.invoice");
    expect(d.state.prompt).toMatchObject({ kind: "invoiceBuyer", step: "name", receiptNo: "S1-T1-000001" });
    d.enter(" Cafe Lune SARL ");
    expect(d.state.prompt).toMatchObject({ kind: "invoiceBuyer", step: "address" });
    d.enter("3 rue des Lilas, 75020 Paris");
    expect(d.state.prompt).toMatchObject({ kind: "invoiceBuyer", step: "taxId" });
    d.enter("FR99887766554");
    expect(d.state.prompt).toBeNull();
    expect(d.state.busy).toBe(true);
    expect(d.lastEffect("issueInvoice")).toEqual({
      type: "issueInvoice",
      saleId: "S-1",
      buyer: { name: "Cafe Lune SARL", address: "3 rue des Lilas, 75020 Paris", taxId: "FR99887766554" },
    });
    d.send({ type: "invoice.issued", number: "2026-000007", printed: true });
    expect(d.state.busy).toBe(false);
    expect(d.state.status).toMatchObject({
      tone: "ok",
      message: { key: "ok.invoiceIssued", params: { number: "2026-000007" } },
    });
  });

  test("no tax id and no address are sent as typed: the store says what is missing", () => {
    const d = afterSale().key("sale.invoice").enter("Ann Buyer").enter("").enter("");
    expect(d.lastEffect("issueInvoice")?.buyer).toEqual({ name: "Ann Buyer", address: "" });
  });

  test("an empty name cancels; without a finished sale there is nothing to invoice", () => {
    const d = afterSale().key("sale.invoice").enter("");
    expect(d.state.prompt).toBeNull();
    expect(d.lastEffect("issueInvoice")).toBeUndefined();
    expect(new Driver().key("sale.invoice").statusKey).toBe("error.noReceipt");
    expect(afterSale().enter("0001").key("sale.invoice").statusKey).toBe("error.noReceipt");
  });
});
