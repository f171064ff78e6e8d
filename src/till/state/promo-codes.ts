/**
 * Promo codes at the till: `Ctrl+T` in the sale screen asks for a code (typed, or scanned from a
 * coupon). The store says whether the sale may use it now (in force, its limits not reached
 * chain-wide); an accepted code goes on the sale, which is priced with it, and with the sale as
 * rung (`couponCodes`), so the store counts its use when it records the sale. A refused code
 * leaves the sale as it was. Cut off from the store, the till decides with its own synced
 * promotions: a single-use code is refused (only head office knows whether another store used
 * it), a multi-use one is accepted and counted when the sale reaches the store.
 */
import {
  codeOutOfDate,
  isSingleUse,
  PromoCodeError,
  type Promotion,
  type PromotionClock,
  promoCodeSchema,
} from "../../core/promotions/index.ts";
import { done, fail, msg } from "./initial.ts";
import { reprice } from "./sale.ts";
import type { TillEnv, TillState, Transition } from "./types.ts";

/** The code prompt answered: asks the store about the code (nothing when empty). */
export function submitPromoCode(state: TillState): Transition {
  const text = state.input.trim();
  if (text === "") return done({ ...state, prompt: null, input: "" });
  const parsed = promoCodeSchema.safeParse(text);
  if (!parsed.success) return fail(state, "error.badPromoCode", { text });
  const code = parsed.data.toUpperCase();
  const base = { ...state, prompt: null, input: "" };
  if ((state.sale.couponCodes ?? []).includes(code)) return fail(base, "error.promoCodeTwice", { code });
  return done(
    { ...base, busy: true, status: { tone: "info", message: msg("info.checkingCode", { code }) } },
    {
      type: "checkPromoCode",
      code,
      saleId: state.sale.id,
      ...(state.sale.customer === undefined ? {} : { card: state.sale.customer.card }),
    },
  );
}

/** The store (or the till, cut off) accepted the code: the sale is priced with it. */
export function promoCodeAccepted(
  state: TillState,
  code: string,
  names: readonly string[],
  env: TillEnv,
): Transition {
  const base = { ...state, busy: false };
  const sale = { ...state.sale, couponCodes: [...(state.sale.couponCodes ?? []), code] };
  const priced = reprice(base, sale, env);
  if ("error" in priced) return priced.error;
  return done({
    ...priced.state,
    status: { tone: "ok", message: msg("ok.promoCode", { code, names: names.join(", ") || code }) },
  });
}

/**
 * The till's own answer when the store cannot be reached: the names of the code's promotions, or
 * the refusal (unknown, out of its dates, or single-use: head office must count it).
 */
export function promoCodeOffline(
  promotions: readonly Promotion[],
  presented: string,
  clock: PromotionClock,
): string[] {
  const code = presented.trim().toUpperCase();
  const refusal = codeOutOfDate(promotions, code, clock);
  if (refusal !== null) throw refusal;
  const withCode = promotions.filter((p) => p.code?.toUpperCase() === code);
  if (withCode.some(isSingleUse)) {
    throw new PromoCodeError(
      "CODE_NEEDS_HQ",
      `code ${code} is single-use and this till cannot reach its store to have it counted`,
      { code },
    );
  }
  return withCode.map((p) => p.name);
}
