/**
 * The last sale's digital receipt: its link as a QR code on screen (the customer scans it off
 * the customer-facing screen), and an e-mail to the address the customer gives.
 */
import { receiptEmailRequestSchema } from "../../core/receipt-email.ts";
import { done, fail, goTo, msg } from "./initial.ts";
import type { TillState, Transition } from "./types.ts";

/** Ctrl+R: the QR code of the last sale's link; again (or Esc) goes back to the sale. */
export function openReceiptQr(state: TillState): Transition {
  if (state.screen.kind === "receiptQr") return done(goTo(state, { kind: "sale" }));
  if (state.lastSale === null || state.sale.lines.length > 0) return fail(state, "error.noReceipt");
  if (state.lastSale.copyUrl === null) return fail(state, "error.noReceiptLink");
  return done(goTo({ ...state, status: null }, { kind: "receiptQr" }));
}

/** Ctrl+W: asks for the customer's e-mail address for the last sale's receipt. */
export function askReceiptEmail(state: TillState): Transition {
  const last = state.lastSale;
  if (last === null || state.sale.lines.length > 0) return fail(state, "error.noReceipt");
  const prompt = { kind: "receiptEmail", saleId: last.saleId, receiptNo: last.receiptNo } as const;
  return done({ ...state, prompt, input: "", status: null });
}

/** Enter in the e-mail prompt: a valid address goes to the store; an empty Enter cancels. */
export function submitReceiptEmail(
  state: TillState,
  prompt: { saleId: string; receiptNo: string },
): Transition {
  const text = state.input.trim();
  if (text === "") return done({ ...state, prompt: null, input: "", status: null });
  const parsed = receiptEmailRequestSchema.safeParse({ email: text });
  if (!parsed.success) return fail(state, "error.badEmail", { text });
  return done(
    {
      ...state,
      prompt: null,
      input: "",
      busy: true,
      status: { tone: "info", message: msg("info.emailing") },
    },
    { type: "emailReceipt", saleId: prompt.saleId, receiptNo: prompt.receiptNo, email: parsed.data.email },
  );
}
