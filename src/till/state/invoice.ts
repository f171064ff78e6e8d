/**
 * An invoice on request for the sale just completed (Ctrl+X): the buyer's name, address and
 * tax id (optional) asked in turn, then the store issues it (`POST /invoices`). The till does
 * not judge the buyer's details: the store says precisely what is missing.
 */
import { done, fail, msg } from "./initial.ts";
import type { Prompt, TillState, Transition } from "./types.ts";

type InvoicePrompt = Extract<Prompt, { kind: "invoiceBuyer" }>;

/** Ctrl+X: asks for the buyer's name for the last sale's invoice. */
export function askInvoiceBuyer(state: TillState): Transition {
  const last = state.lastSale;
  if (last === null || state.sale.lines.length > 0) return fail(state, "error.noReceipt");
  const prompt: InvoicePrompt = {
    kind: "invoiceBuyer",
    step: "name",
    saleId: last.saleId,
    receiptNo: last.receiptNo,
    name: "",
    address: "",
  };
  return done({ ...state, prompt, input: "", status: null });
}

/** Enter in the buyer prompt: the next field, or the request once the tax id is typed (or not). */
export function submitInvoiceBuyer(state: TillState, prompt: InvoicePrompt): Transition {
  const text = state.input.trim();
  switch (prompt.step) {
    case "name":
      if (text === "") return done({ ...state, prompt: null, input: "", status: null });
      return done({ ...state, input: "", prompt: { ...prompt, step: "address", name: text } });
    case "address":
      return done({ ...state, input: "", prompt: { ...prompt, step: "taxId", address: text } });
    case "taxId": {
      const buyer = { name: prompt.name, address: prompt.address, ...(text === "" ? {} : { taxId: text }) };
      return done(
        {
          ...state,
          prompt: null,
          input: "",
          busy: true,
          status: { tone: "info", message: msg("info.invoicing", { receiptNo: prompt.receiptNo }) },
        },
        { type: "issueInvoice", saleId: prompt.saleId, buyer },
      );
    }
  }
}

/** The store issued the invoice (and the till printed its copy when it has a printer). */
export function invoiceIssued(state: TillState, number: string, printed: boolean): Transition {
  const key = printed ? "ok.invoiceIssued" : "ok.invoiceIssuedNoPrinter";
  return done({ ...state, busy: false, status: { tone: "ok", message: msg(key, { number }) } });
}
