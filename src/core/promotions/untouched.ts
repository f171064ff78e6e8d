/**
 * Whether promotions leave a line alone: none in force for the basket names it (in its condition
 * or its reward), none is order-wide and none counts every line. Then the line takes no discount
 * from them and changes nothing of what they take off the others, so a till may price the sale
 * with that line added by adding the line alone (see the till's append pricing).
 */
import type { CompiledPromotion } from "./book.ts";
import type { PromotionLine } from "./engine.ts";
import { type NamedLine, namesLine as names, namesOf } from "./names.ts";

/**
 * A promotion without a condition that counts (no names, no minimum) and with a reward on named
 * lines touches those lines only: the others neither meet it nor take from it.
 */
function rewardOnly(p: CompiledPromotion): boolean {
  const condition = p.promotion.condition;
  return (
    p.condition === null &&
    p.reward !== null &&
    condition?.minQty === undefined &&
    condition?.minAmountMinor === undefined
  );
}

/** Whether a promotion touches every line, whatever it is. */
function touchesAll(p: CompiledPromotion): boolean {
  return p.promotion.reward.on === "order" || (p.condition === null && !rewardOnly(p));
}

function touches(p: CompiledPromotion, line: Omit<PromotionLine, "amountMinor">): boolean {
  if (touchesAll(p)) return true;
  if (p.condition === null) return p.reward !== null && names(p.reward, line);
  if (names(p.condition, line)) return true;
  return p.reward !== null && names(p.reward, line);
}

/** True when none of the basket's live promotions (livePromotions of the basket) touches `line`. */
export function promotionsLeave(
  live: readonly CompiledPromotion[],
  line: Omit<PromotionLine, "amountMinor">,
): boolean {
  return !live.some((p) => touches(p, line));
}

/**
 * Whether a line is among those the given promotions (a basket's live ones) name by their
 * conditions or rewards, or null when one of them touches every line (order-wide, or naming
 * none). The lines not named take no discount from promotions and change nothing of what they
 * take off the others.
 */
export function lineNamer(live: readonly CompiledPromotion[]): ((line: NamedLine) => boolean) | null {
  if (live.length === 0) return () => false;
  if (live.some(touchesAll)) return null;
  // A promotion that does not touch every line touches the lines its condition or reward names.
  const all = namesOf(live);
  return (line) => names(all, line);
}

/** The lines the given promotions name (lineNamer), or null when one of them touches every line. */
export function linesNamedBy(
  live: readonly CompiledPromotion[],
  lines: readonly NamedLine[],
): Set<number> | null {
  const namer = lineNamer(live);
  if (namer === null) return null;
  const named = new Set<number>();
  lines.forEach((line, i) => {
    if (namer(line)) named.add(i);
  });
  return named;
}
