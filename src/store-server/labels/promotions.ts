/**
 * The promotion a shelf label names: an active automatic promotion (no promo code, not ended)
 * whose reward or condition names the product or its department. Promotions by category or on
 * the whole order are not printed on a product's label.
 */
import { eq } from "drizzle-orm";
import { promotions } from "../../../schema/store.ts";
import { type Promotion, promotionFromJson } from "../../core/promotions/index.ts";
import type { StoreContext } from "../context.ts";

function names(p: Promotion, product: { code: string; department: string | null }): boolean {
  const lists = [p.reward, p.condition ?? {}];
  return lists.some(
    (l) =>
      (l.products ?? []).includes(product.code) ||
      (product.department !== null && (l.departments ?? []).includes(product.department)),
  );
}

/** A function answering the name of the promotion to print on a product's label, if any. */
export function labelPromotions(
  ctx: StoreContext,
  today: string,
): (product: { code: string; department: string | null }) => string | undefined {
  const active: Promotion[] = [];
  for (const row of ctx.db.select().from(promotions).where(eq(promotions.active, true)).all()) {
    let p: Promotion;
    try {
      p = promotionFromJson(row.body);
    } catch {
      continue;
    }
    if (p.code !== undefined) continue;
    if (p.validTo !== undefined && p.validTo.slice(0, 10) < today) continue;
    if (p.validFrom !== undefined && p.validFrom.slice(0, 10) > today) continue;
    active.push(p);
  }
  return (product) => active.find((p) => names(p, product))?.name;
}
