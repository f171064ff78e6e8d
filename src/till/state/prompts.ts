/**
 * The one-line prompts over the sale screen: price, weight, discount, message, price check,
 * supervisor PIN.
 */

import type { Discount } from "../../core/discount.ts";
import { cashierRights } from "../rights.ts";
import type { LineLabel, TillLookup } from "../services.ts";
import { submitAge } from "./age-check.ts";
import { askApproval, changeQty, confirmed, withApproval } from "./approvals.ts";
import { confirmCard } from "./card.ts";
import { submitCardAccount } from "./card-account.ts";
import { submitCustomTender } from "./custom-tender.ts";
import { submitCustomerCard, submitGiftCard } from "./customer.ts";
import { submitDepartmentPrompt } from "./department-ring.ts";
import { submitDepositReturn } from "./deposits.ts";
import { submitGiftCardSale } from "./gift-card-sale.ts";
import { done, fail, msg } from "./initial.ts";
import { submitInvoiceBuyer } from "./invoice.ts";
import { serialAnswer } from "./lots-serials.ts";
import { isYes, parseAmount, parseDiscount, parseQuantity } from "./parse-input.ts";
import { tender } from "./payment.ts";
import { submitPromoCode } from "./promo-codes.ts";
import { submitReceiptEmail } from "./receipt-link.ts";
import { addLine } from "./sale.ts";
import { submitCashPrompt } from "./shift.ts";
import { submitStaffPin } from "./staff-discount.ts";
import type { Prompt, TillEnv, TillState, Transition } from "./types.ts";

export function openPrompt(state: TillState, prompt: Prompt): Transition {
  return done({ ...state, prompt, input: "", status: null });
}

export function submitPrompt(state: TillState, prompt: Prompt, env: TillEnv): Transition {
  const text = state.input.trim();
  const currency = env.settings.currency;
  switch (prompt.kind) {
    case "price": {
      const priceMinor = parseAmount(text, currency);
      if (priceMinor === null || priceMinor === 0) return fail(state, "error.badAmount", { text });
      return addLine(state, prompt.product, prompt.qtyMilli, priceMinor, env);
    }
    case "serial":
      return submitSerial(state, prompt, false, env);
    case "weight": {
      const weightMilli = parseQuantity(text);
      if (weightMilli === null) return fail(state, "error.badWeight", { text });
      return addLine(state, prompt.product, weightMilli, undefined, env);
    }
    case "quantity": {
      const qtyMilli = parseQuantity(text);
      if (qtyMilli === null) return fail(state, "error.badQuantity", { text });
      return changeQty({ ...state, prompt: null, input: "" }, prompt.lineId, qtyMilli, env);
    }
    case "override": {
      const priceMinor = parseAmount(text, currency);
      if (priceMinor === null) return fail(state, "error.badAmount", { text });
      if (priceMinor > env.settings.maxPriceMinor) return fail(state, "error.priceTooHigh");
      return withApproval(
        state,
        "priceOverride",
        { type: "line.override", lineId: prompt.lineId, priceMinor },
        env,
      );
    }
    case "lineDiscount": {
      const discount = parseDiscount(text, currency);
      if (discount === null) return fail(state, "error.badDiscount", { text });
      const approved = { type: "line.discount", lineId: prompt.lineId, discount } as const;
      if (overRoleMaximum(state, discount)) return askApproval(state, "discount", approved);
      return withApproval(state, "discount", approved, env);
    }
    case "saleDiscount": {
      const discount = parseDiscount(text, currency);
      if (discount === null) return fail(state, "error.badDiscount", { text });
      if (overRoleMaximum(state, discount))
        return askApproval(state, "discount", { type: "sale.discount", discount });
      return withApproval(state, "discount", { type: "sale.discount", discount }, env);
    }
    case "customerMessage": {
      if (text === "") return done({ ...state, prompt: null, input: "" });
      return done(
        {
          ...state,
          prompt: null,
          input: "",
          status: { tone: "info", message: { key: "info.messageShown" } },
        },
        { type: "displayMessage", text },
      );
    }
    case "priceCheck": {
      // Open for the next code until Esc (or an empty Enter): a customer often asks for several.
      if (text === "") return done({ ...state, prompt: null, input: "", status: null });
      return done({ ...state, input: "" }, { type: "priceCheck", code: text });
    }
    case "receiptEmail":
      return submitReceiptEmail(state, prompt);
    case "invoiceBuyer":
      return submitInvoiceBuyer(state, prompt);
    case "cardWait":
      return done(state);
    case "cardConfirm":
      return confirmCard(state, prompt.amountMinor, (next, added) => tender(next, added, env));
    case "cashAmount":
    case "cashReason":
      return submitCashPrompt(state, prompt, env);
    case "confirm": {
      // An empty Enter answers nothing (a stray Enter must not void a sale); anything but yes is no.
      if (text === "") return done(state);
      if (!isYes(text))
        return done({
          ...state,
          prompt: null,
          input: "",
          status: { tone: "info", message: msg("info.notDone") },
        });
      return confirmed({ ...state, prompt: null, input: "" }, prompt.confirmed, env);
    }
    case "notice":
      return done({ ...state, prompt: null, input: "" });
    case "department":
    case "departmentAmount":
      return submitDepartmentPrompt(state, prompt, env);
    case "giftCardSaleNumber":
    case "giftCardSaleAmount":
      return submitGiftCardSale(state, prompt, env);
    case "age":
      return submitAge(state, prompt, env, (next) =>
        addLine(next, prompt.product, prompt.qtyMilli, prompt.priceMinor, env, prompt.checked),
      );
    case "depositReturn":
      return submitDepositReturn(state);
    case "staffPin":
      return submitStaffPin(state);
    case "customerCard":
      return submitCustomerCard(state, env);
    case "promoCode":
      return submitPromoCode(state);
    case "giftCard":
      return submitGiftCard(state, prompt);
    case "customTender":
      return submitCustomTender(state, prompt, env);
    case "cardAccount":
      return submitCardAccount(state, prompt);
    case "approval": {
      if (text === "") return done(state);
      return done(
        { ...state, input: "", busy: true },
        { type: "approve", pin: text, action: prompt.action, approved: prompt.approved },
      );
    }
  }
}

/** The serial prompt answered: typed (taken as typed) or scanned (a serial label, not a product's barcode). */
export function submitSerial(
  state: TillState,
  prompt: Extract<Prompt, { kind: "serial" }>,
  scanned: boolean,
  env: TillEnv,
): Transition {
  if (state.input.trim() === "") return done(state);
  const answer = serialAnswer(state, prompt, scanned, env);
  if ("error" in answer) return answer.error;
  return addLine(
    { ...state, prompt: null, input: "" },
    answer.product,
    prompt.qtyMilli,
    prompt.priceMinor,
    env,
  );
}

/** A looked-up product with what its scanned label said of the unit. */
export function withLabel(lookup: TillLookup, label: LineLabel | undefined): TillLookup {
  return label === undefined ? lookup : { ...lookup, product: { ...lookup.product, label } };
}

/** A percent discount above what the cashier's role may give alone (`maxDiscountPercent`). */
function overRoleMaximum(state: TillState, discount: Discount): boolean {
  return "percent" in discount && Number(discount.percent) > cashierRights(state.cashier).maxDiscountPercent;
}
