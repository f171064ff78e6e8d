/**
 * Selling a gift card (`giftcard.sell`, Ctrl+A by default): the cashier scans or types the
 * card's number, then the amount to load, and a `giftCard` line naming the card is added (see
 * core/gift-card-lines.ts): one card, untaxed, no discount, never in a promotion. The store
 * checks the card (issued, a gift card, not blocked) when the sale arrives and loads it at head
 * office.
 */
import { GIFT_CARD_CODE, giftCardLineName } from "../../core/gift-card-lines.ts";
import { appendLine } from "./append-line.ts";
import { done, fail, msg } from "./initial.ts";
import { parseAmount } from "./parse-input.ts";
import type { Prompt, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

const CARD_NUMBER = /^[0-9A-Za-z-]{4,32}$/;

export function submitGiftCardSale(
  state: TillState,
  prompt: Extract<Prompt, { kind: "giftCardSaleNumber" | "giftCardSaleAmount" }>,
  env: TillEnv,
): Transition {
  const text = state.input.trim();
  if (prompt.kind === "giftCardSaleNumber") {
    const number = text.replace(/\s+/g, "");
    if (number === "") return done({ ...state, prompt: null, input: "" });
    if (!CARD_NUMBER.test(number)) return fail(state, "error.badCardNumber", { text: number });
    return done({ ...state, input: "", status: null, prompt: { kind: "giftCardSaleAmount", card: number } });
  }
  const maxMinor = env.settings.giftCardMaxMinor;
  const amountMinor = parseAmount(text, env.settings.currency);
  if (amountMinor === null || amountMinor <= 0 || amountMinor > maxMinor) {
    return fail(state, "error.giftCardAmount", { text, maxMinor });
  }
  const line: SaleLine = {
    id: state.sale.nextLineId,
    code: GIFT_CARD_CODE,
    name: giftCardLineName(prompt.card),
    unit: "each",
    qtyMilli: 1000,
    unitPriceMinor: amountMinor,
    priceGiven: true,
    taxClass: null,
    soldByWeight: false,
    kind: "giftCard",
    card: prompt.card,
  };
  return appendLine(
    state,
    line,
    env,
    { tone: "ok", message: msg("ok.giftCardAdded", { name: line.name, amountMinor }) },
    () => ({ type: "display", show: "item", name: line.name, amountMinor }),
  );
}
