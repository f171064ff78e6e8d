/**
 * A promo code entered at the till: asked of the store, and journaled either way
 * (`promo_code.entered` with the code and the answer: `accepted`, `accepted_offline` or the
 * refusal's code), so that every code a cashier keys leaves a trace.
 */
import { DomainError } from "../../core/errors.ts";
import type { Effect } from "../state/types.ts";
import { type EffectContext, fail } from "./effect-context.ts";

export function checkPromoCode(
  ctx: EffectContext,
  effect: Extract<Effect, { type: "checkPromoCode" }>,
): void {
  const { services } = ctx;
  const trace = (result: string) =>
    services.trace({
      action: "promo_code.entered",
      detail: { code: effect.code, saleId: effect.saleId, result },
    });
  const check = services.checkPromoCode;
  if (check === undefined) {
    ctx.dispatch({ type: "request.failed", message: { key: "error.offline" } });
    return;
  }
  check({ code: effect.code, saleId: effect.saleId, card: effect.card }).then(
    (answer) => {
      trace(answer.checkedBy === "store" ? "accepted" : "accepted_offline");
      ctx.dispatch({ type: "promoCode.accepted", code: answer.code, names: answer.names });
    },
    (err: unknown) => {
      trace(err instanceof DomainError ? err.code : "failed");
      fail(ctx, err);
    },
  );
}
