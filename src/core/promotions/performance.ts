/**
 * Promotion performance, the same at the store and at head office: for each promotion, how
 * many sales got it and what it took off, and what its promoted lines sold during the period
 * against the same length of time just before it (uplift). A promotion's promoted lines are
 * the ones its reward names, else the ones its condition names; an order-wide promotion's are
 * every line. Deposits are never promoted lines. Pure.
 */
import type { Promotion } from "./schema.ts";

export interface ReportSale {
  promotions: readonly { id: string; discountMinor: number }[];
  lines: readonly {
    code: string;
    department: string | null;
    /** The line's category and the ones above it. */
    categories: readonly string[];
    qtyMilli: number;
    totalMinor: number;
    kind?: string | undefined;
  }[];
}

export interface PromotionPerformance {
  id: string;
  name: string;
  /** Sales of the period that got it. */
  uses: number;
  discountMinor: number;
  /** What its promoted lines came to, and their quantity, during the period … */
  salesMinor: number;
  qtyMilli: number;
  /** … and during the same length of time just before. */
  beforeSalesMinor: number;
  beforeQtyMilli: number;
  /** (sales − before) / before in percent, two decimals; null when nothing sold before. */
  upliftPercent: string | null;
}

type Line = ReportSale["lines"][number];

function promotes(p: Promotion): (line: Line) => boolean {
  if (p.reward.on === "order") return () => true;
  const named = [p.reward, p.condition ?? {}].find(
    (s) => s.products !== undefined || s.categories !== undefined || s.departments !== undefined,
  );
  if (named === undefined) return () => true;
  const products = new Set(named.products ?? []);
  const categories = new Set(named.categories ?? []);
  const departments = new Set(named.departments ?? []);
  return (line) =>
    products.has(line.code) ||
    (line.department !== null && departments.has(line.department)) ||
    line.categories.some((c) => categories.has(c));
}

function soldOf(sales: readonly ReportSale[], isPromoted: (line: Line) => boolean) {
  let salesMinor = 0;
  let qtyMilli = 0;
  for (const sale of sales) {
    for (const line of sale.lines) {
      if (line.kind !== undefined || !isPromoted(line)) continue;
      salesMinor += line.totalMinor;
      qtyMilli += line.qtyMilli;
    }
  }
  return { salesMinor, qtyMilli };
}

/** The uplift in percent with two decimals, rounded half away from zero. */
export function upliftPercent(now: number, before: number): string | null {
  if (before <= 0) return null;
  const hundredths = Math.round((Math.abs(now - before) * 10_000) / before) * Math.sign(now - before);
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Each promotion's performance, in the order given. */
export function promotionPerformance(
  promotions: readonly Promotion[],
  during: readonly ReportSale[],
  before: readonly ReportSale[],
): PromotionPerformance[] {
  return promotions.map((p) => {
    let uses = 0;
    let discountMinor = 0;
    for (const sale of during) {
      const applied = sale.promotions.find((a) => a.id === p.id);
      if (applied === undefined) continue;
      uses += 1;
      discountMinor += applied.discountMinor;
    }
    const isPromoted = promotes(p);
    const now = soldOf(during, isPromoted);
    const earlier = soldOf(before, isPromoted);
    return {
      id: p.id,
      name: p.name,
      uses,
      discountMinor,
      salesMinor: now.salesMinor,
      qtyMilli: now.qtyMilli,
      beforeSalesMinor: earlier.salesMinor,
      beforeQtyMilli: earlier.qtyMilli,
      upliftPercent: upliftPercent(now.salesMinor, earlier.salesMinor),
    };
  });
}

/** The period just before [from, to) of the same length, as ISO instants. */
export function periodBefore(from: string, to: string): { from: string; to: string } {
  const start = new Date(from).getTime();
  const length = new Date(to).getTime() - start;
  return { from: new Date(start - length).toISOString(), to: new Date(start).toISOString() };
}
