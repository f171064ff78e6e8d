/**
 * Whether promotions leave a line alone: none in force for the basket names it (in its condition
 * or its reward), none is order-wide and none counts every line. Then the line takes no discount
 * from them and changes nothing of what they take off the others, so a till may price the sale
 * with that line added by adding the line alone (see the till's append pricing).
 */
import type { CompiledPromotion, LineSpec, PromotionBook } from "./book.ts";
import { livePromotions, type PromotionContext, type PromotionLine } from "./engine.ts";

function names(spec: LineSpec, line: Omit<PromotionLine, "amountMinor">): boolean {
  if (spec.products?.has(line.code)) return true;
  if (line.department != null && spec.departments?.has(line.department)) return true;
  return spec.categories !== null && (line.categories ?? []).some((c) => spec.categories?.has(c));
}

function touches(p: CompiledPromotion, line: Omit<PromotionLine, "amountMinor">): boolean {
  if (p.promotion.reward.on === "order" || p.condition === null) return true;
  if (names(p.condition, line)) return true;
  return p.reward !== null && names(p.reward, line);
}

/** True when no promotion in force for `lines` touches `lines[index]`. */
export function promotionsLeaveLine(
  book: PromotionBook,
  lines: readonly Omit<PromotionLine, "amountMinor">[],
  index: number,
  context: PromotionContext,
): boolean {
  const line = lines[index];
  if (line === undefined) return false;
  return !livePromotions(book, lines, context).some((p) => touches(p, line));
}
