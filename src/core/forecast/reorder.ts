/**
 * Reorder point, order-up-to level and the suggested order of one item (docs/replenishment.md),
 * a periodic review with a reorder point: every review period R the stock is looked at; when
 * what is on hand and on order is at or below the reorder point s, it is brought up to S.
 *
 *   σ_(L+R) = σ_day · √(L + R)                 (daily errors taken as independent)
 *   safety stock   SS = z(service level) · σ_(L+R)
 *   reorder point  s  = forecast over the lead time L + SS
 *   order-up-to    S  = forecast over L + R + SS
 *   order          q  = S − (on hand + on order), rounded up to whole cases, at least the
 *                       minimum order (a multiple of the case too); none when above s.
 *
 * All quantities in thousandths of a unit. Pure.
 */
import { normalQuantile } from "./normal.ts";

export interface ReorderInput {
  /** Expected units sold per day from tomorrow (thousandths), at least L + R days (the last is repeated). */
  dailyMilli: readonly number[];
  /** Standard deviation of one day's forecast error (thousandths). */
  sigmaMilli: number;
  leadTimeDays: number;
  reviewDays: number;
  /** Share of order cycles without a stock-out, e.g. 0.95. */
  serviceLevel: number;
  onHandMilli: number;
  onOrderMilli?: number;
  /** Units in a case (thousandths): orders are whole cases. */
  caseSizeMilli: number;
  /** Least quantity the vendor takes (thousandths). */
  minOrderMilli: number;
}

export interface ReorderPlan {
  /** Expected units sold over the lead time. */
  leadTimeDemandMilli: number;
  safetyStockMilli: number;
  reorderPointMilli: number;
  orderUpToMilli: number;
  /** Suggested order: 0 when the stock is above the reorder point. */
  orderMilli: number;
}

/** Demand over the first `days` forecast days (the last forecast day repeated beyond the forecast). */
export function demandOver(dailyMilli: readonly number[], days: number): number {
  let sum = 0;
  const whole = Math.floor(days);
  for (let i = 0; i < whole; i++) sum += dailyMilli[Math.min(i, dailyMilli.length - 1)] ?? 0;
  const part = days - whole;
  if (part > 0) sum += part * (dailyMilli[Math.min(whole, dailyMilli.length - 1)] ?? 0);
  return sum;
}

/** Round `qty` up to a multiple of `step` (a step ≤ 0 leaves it whole units). */
function roundUpTo(qty: number, step: number): number {
  const s = step > 0 ? step : 1000;
  return Math.ceil(qty / s) * s;
}

export function reorderPlan(input: ReorderInput): ReorderPlan {
  const lead = Math.max(0, input.leadTimeDays);
  const review = Math.max(0, input.reviewDays);
  const z = Math.max(0, normalQuantile(input.serviceLevel));
  const safety = Math.round(z * Math.max(0, input.sigmaMilli) * Math.sqrt(lead + review));
  const leadDemand = Math.round(demandOver(input.dailyMilli, lead));
  const cycleDemand = Math.round(demandOver(input.dailyMilli, lead + review));
  const reorderPoint = leadDemand + safety;
  const orderUpTo = cycleDemand + safety;
  const position = input.onHandMilli + (input.onOrderMilli ?? 0);
  let order = 0;
  if (position <= reorderPoint && orderUpTo > position) {
    const caseSize = input.caseSizeMilli > 0 ? input.caseSizeMilli : 1000;
    order = roundUpTo(Math.max(orderUpTo - position, input.minOrderMilli), caseSize);
  }
  return {
    leadTimeDemandMilli: leadDemand,
    safetyStockMilli: safety,
    reorderPointMilli: reorderPoint,
    orderUpToMilli: orderUpTo,
    orderMilli: order,
  };
}
