/**
 * A customer group's discount as a step of the promotion engine: the best discount among the
 * customer's groups becomes one automatic promotion (`group:<id>`) of that percent off every line,
 * for members of that group, applied after the other promotions (on what they leave). So it is
 * priced, shared among the lines, named on the receipt and carried as rung like any promotion.
 */
import type { Promotion } from "./promotions/index.ts";

export interface CustomerGroupDiscount {
  id: string;
  name: string;
  /** Basis points (5.5% = 550), or null: no discount. */
  discountBp: number | null;
}

/** The id a group's discount goes by on a sale (in `promotions`). */
export const GROUP_PROMOTION_PREFIX = "group:";

/** Applied after every promotion of a lower priority (head office's run from -1000 to 1000). */
const GROUP_PRIORITY = 1000;

function percentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

/** The customer's best group discount as a promotion, or null when no group of theirs has one. */
export function groupDiscountPromotion(groups: readonly CustomerGroupDiscount[]): Promotion | null {
  let best: CustomerGroupDiscount | null = null;
  for (const g of groups) {
    if (g.discountBp === null || g.discountBp <= 0) continue;
    if (best === null || (best.discountBp ?? 0) < g.discountBp) best = g;
  }
  if (best === null || best.discountBp === null) return null;
  const percent = percentText(best.discountBp);
  return {
    id: `${GROUP_PROMOTION_PREFIX}${best.id}`.slice(0, 40),
    name: `${best.name} ${percent}%`.slice(0, 60),
    customerGroups: [best.id],
    reward: { kind: "percent", percent, on: "order" },
    priority: GROUP_PRIORITY,
  };
}
