/** Appending a line the cashier did not scan (returned empties, a gift card sold) and pricing the sale again. */
import { done } from "./initial.ts";
import { reprice } from "./sale.ts";
import type { Effect, Sale, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

/**
 * The sale with `line` at its end (the cashier starts it when it is the first), priced again;
 * the prompt closes and the customer display shows what `display` says of the priced sale. A line the sale cannot be priced
 * with is refused and the sale kept.
 */
export function appendLine(
  state: TillState,
  line: SaleLine,
  env: TillEnv,
  status: TillState["status"],
  display: (priced: TillState) => Extract<Effect, { type: "display" }>,
): Transition {
  const cashierId = state.sale.cashierId ?? state.cashier?.id;
  const sale: Sale = {
    ...state.sale,
    ...(cashierId !== undefined ? { cashierId } : {}),
    lines: [...state.sale.lines, line],
    nextLineId: line.id + 1,
  };
  const next = reprice(state, sale, env);
  if ("error" in next) return next.error;
  return done(
    { ...next.state, prompt: null, input: "", selectedLine: null, lastSale: null, status },
    display(next.state),
  );
}
