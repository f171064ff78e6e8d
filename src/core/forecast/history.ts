/**
 * A product's daily sales history as the forecast reads it: what was sold each day (thousandths),
 * and which days do not show demand (a stock-out: nothing sold while nothing was on the shelf) or
 * show more than the usual demand (a promotion). Pure: no I/O.
 */

export interface DailyHistory {
  /** Units sold per day (thousandths), oldest first; the last entry is the day before the forecast. */
  qtyMilli: readonly number[];
  /** Weekday of `qtyMilli[0]`: 0 = Sunday … 6 = Saturday. */
  firstWeekday: number;
  /** Per day: the product was out of stock (on hand ≤ 0) and sold nothing, so the day says nothing of demand. */
  stockOut?: readonly boolean[];
  /** Per day: the product was on promotion, so the day's sales are not the baseline demand. */
  promo?: readonly boolean[];
}

/** What each day of a history is to the forecast. */
export interface CleanDay {
  /** Index in the history. */
  index: number;
  weekday: number;
  /** Sales in units (thousandths / 1000), after an outlier is capped. */
  qty: number;
  promo: boolean;
}

/** Robust scale: the median and the median absolute deviation of some values. */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * A day's sales further above the median sale day than `OUTLIER_MADS` median absolute deviations
 * of sale days are capped there (the deviation taken as at least half the median and one unit, so
 * that a busy weekday is never an outlier): a keying slip (a code typed as the quantity) or a
 * one-off bulk sale must not set the level for weeks.
 */
export const OUTLIER_MADS = 3;

/**
 * The days of a history that show demand, outliers capped: stock-out days are left out, and so
 * are the days before the product's first sale (not yet sold there, not "no demand").
 */
export function cleanDays(history: DailyHistory): CleanDay[] {
  const days: CleanDay[] = [];
  const firstSale = history.qtyMilli.findIndex((milli) => Number.isFinite(milli) && milli > 0);
  history.qtyMilli.forEach((milli, index) => {
    if (firstSale < 0 || index < firstSale) return;
    const qty = Number.isFinite(milli) ? Math.max(0, milli) / 1000 : 0;
    if (history.stockOut?.[index] === true && qty === 0) return;
    days.push({
      index,
      weekday: (((history.firstWeekday + index) % 7) + 7) % 7,
      qty,
      promo: history.promo?.[index] === true,
    });
  });
  const sizes = days.filter((d) => !d.promo && d.qty > 0).map((d) => d.qty);
  const median = medianOf(sizes);
  const mad = medianOf(sizes.map((q) => Math.abs(q - median)));
  const cap = median + OUTLIER_MADS * Math.max(mad, median / 2, 1);
  for (const d of days) if (!d.promo && d.qty > cap) d.qty = cap;
  return days;
}
