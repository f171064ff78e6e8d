/**
 * Promotions a basket is one unit short of: those it does not get now and would get with one more
 * unit of a scanned item ("suggest the second item so the offer applies"). Pure; it prices the
 * basket twice, so callers ask only when a message wants it.
 */
import type { PromotionBook } from "./book.ts";
import { applyPromotions, type PromotionContext, type PromotionLine } from "./engine.ts";

/** Names of the promotions one more unit of `lines[index]` would bring, in the order they apply. */
export function promotionsNear(
  book: PromotionBook,
  lines: readonly PromotionLine[],
  index: number,
  context: PromotionContext,
): string[] {
  const item = lines[index];
  if (item === undefined || item.kind !== undefined || item.qtyMilli <= 0 || item.qtyMilli % 1000 !== 0) {
    return [];
  }
  const units = item.qtyMilli / 1000;
  const unitAmount = Math.round(item.amountMinor / units);
  const more = lines.map((line, i) =>
    i === index
      ? { ...line, qtyMilli: line.qtyMilli + 1000, amountMinor: line.amountMinor + unitAmount }
      : line,
  );
  const now = new Set(applyPromotions(book, lines, context).applied.map((p) => p.id));
  return applyPromotions(book, more, context)
    .applied.filter((p) => !now.has(p.id))
    .map((p) => p.name);
}
