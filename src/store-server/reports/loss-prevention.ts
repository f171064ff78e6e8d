/**
 * Loss prevention by cashier over business days: line voids, voided and cancelled sales,
 * no-sales, returns without a receipt, price overrides and discounts, each counted with its
 * amount and set against the store's rate. The rule: a cashier is an outlier on a measure when
 * their rate per sale is at least OUTLIER_RATIO times the store's and they did it at least
 * OUTLIER_MIN_COUNT times. Outliers come first.
 */
import {
  LOSS_MEASURES,
  type LossMeasure,
  type LossPreventionReport,
} from "../../api/store/loss-prevention.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import type { StoreContext } from "../context.ts";
import { ReportError } from "./errors.ts";

export const OUTLIER_RATIO = 2;
export const OUTLIER_MIN_COUNT = 3;
export const OUTLIER_RULE = `an outlier does a thing at least ${OUTLIER_RATIO} times as often per sale as the store's average and at least ${OUTLIER_MIN_COUNT} times in the period`;

type Row = { cashierId: string | null; measure: LossMeasure | "sales"; n: number; amount: number | null };

/** Audit rows of the period by action: count, and the amount their detail carries. */
const AUDITED = `SELECT user_id AS cashierId, ?3 AS measure, count(*) AS n, sum(AMOUNT) AS amount
  FROM audit WHERE action = ?4 AND at >= ?1 AND at < ?2 GROUP BY user_id`;
const AMOUNTS: Record<string, string> = {
  lineVoids:
    "round(coalesce(json_extract(detail, '$.qtyMilli'), 1000) * coalesce(json_extract(detail, '$.unitPriceMinor'), 0) / 1000.0)",
  cancelledSales: "coalesce(json_extract(detail, '$.totalMinor'), 0)",
  noSales: "0",
  priceOverrides: "coalesce(json_extract(detail, '$.fromMinor') - json_extract(detail, '$.toMinor'), 0)",
};
const ACTIONS: Record<string, string> = {
  lineVoids: "line.voided",
  cancelledSales: "sale.cancelled",
  noSales: "drawer.no_sale",
  priceOverrides: "price.overridden",
};
const BY_DAY = `SELECT cashier_id AS cashierId, 'sales' AS measure, count(*) AS n, 0 AS amount
    FROM sales WHERE day BETWEEN ?1 AND ?2 AND status = 'completed' GROUP BY cashier_id
  UNION ALL SELECT cashier_id, 'voidedSales', count(*), sum(total_minor)
    FROM sales WHERE day BETWEEN ?1 AND ?2 AND status = 'voided' GROUP BY cashier_id
  UNION ALL SELECT cashier_id, 'returnsWithoutReceipt', count(*), sum(total_minor)
    FROM returns WHERE day BETWEEN ?1 AND ?2 AND original_sale_id IS NULL GROUP BY cashier_id
  UNION ALL SELECT s.cashier_id, 'discounts', count(*), sum(s.discount_minor)
    FROM sales s WHERE s.day BETWEEN ?1 AND ?2 AND s.status = 'completed' AND EXISTS
      (SELECT 1 FROM audit a WHERE a.ref_id = s.id AND a.action = 'discount.given') GROUP BY s.cashier_id`;

const DAY_MS = 86_400_000;

function emptyMeasures(): Record<LossMeasure, { count: number; amountMinor: number; per100Sales: number }> {
  return Object.fromEntries(
    LOSS_MEASURES.map((m) => [m, { count: 0, amountMinor: 0, per100Sales: 0 }]),
  ) as never;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function lossPreventionReport(ctx: StoreContext, from: string, to: string): LossPreventionReport {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) throw new ReportError("INVALID_RANGE", `to (${to}) is before from (${from})`, { from, to });
  if (days > 366) {
    throw new ReportError(
      "RANGE_TOO_LONG",
      `the range ${from}…${to} spans ${days} days; ask for at most 366`,
      { from, to, days },
    );
  }
  const start = dayStartInstant(from, ctx.settings.timeZone);
  const end = dayStartInstant(nextDay(to), ctx.settings.timeZone);
  const rows: Row[] = ctx.sqlite.query<Row, [string, string]>(BY_DAY).all(from, to);
  for (const [m, action] of Object.entries(ACTIONS)) {
    rows.push(
      ...ctx.sqlite
        .query<Row, [string, string, string, string]>(AUDITED.replace("AMOUNT", AMOUNTS[m] as string))
        .all(start, end, m, action),
    );
  }
  const names = new Map(
    ctx.sqlite
      .query<{ id: string; name: string }, []>("SELECT id, name FROM users")
      .all()
      .map((u) => [u.id, u.name]),
  );
  const byCashier = new Map<string | null, { sales: number; measures: ReturnType<typeof emptyMeasures> }>();
  const store = { sales: 0, measures: emptyMeasures() };
  for (const row of rows) {
    const c = byCashier.get(row.cashierId) ?? { sales: 0, measures: emptyMeasures() };
    byCashier.set(row.cashierId, c);
    if (row.measure === "sales") {
      c.sales += row.n;
      store.sales += row.n;
      continue;
    }
    for (const target of [c.measures[row.measure], store.measures[row.measure]]) {
      target.count += row.n;
      target.amountMinor += row.amount ?? 0;
    }
  }
  const per100 = (count: number, sales: number) => round2((count * 100) / Math.max(sales, 1));
  for (const m of LOSS_MEASURES) store.measures[m].per100Sales = per100(store.measures[m].count, store.sales);
  const cashiers = [...byCashier].map(([cashierId, c]) => {
    const ratios = {} as Record<LossMeasure, number>;
    const flagged: LossMeasure[] = [];
    for (const m of LOSS_MEASURES) {
      c.measures[m].per100Sales = per100(c.measures[m].count, c.sales);
      const storeRate = store.measures[m].per100Sales;
      ratios[m] = storeRate === 0 ? 0 : round2(c.measures[m].per100Sales / storeRate);
      if (ratios[m] >= OUTLIER_RATIO && c.measures[m].count >= OUTLIER_MIN_COUNT) flagged.push(m);
    }
    const name = cashierId === null ? null : (names.get(cashierId) ?? null);
    return {
      cashierId,
      name,
      salesCount: c.sales,
      measures: c.measures,
      ratios,
      flagged,
      outlier: flagged.length > 0,
    };
  });
  const worst = (c: (typeof cashiers)[number]) => Math.max(0, ...c.flagged.map((m) => c.ratios[m]));
  cashiers.sort(
    (a, b) =>
      Number(b.outlier) - Number(a.outlier) ||
      worst(b) - worst(a) ||
      (a.name ?? a.cashierId ?? "").localeCompare(b.name ?? b.cashierId ?? ""),
  );
  return {
    from,
    to,
    currency: ctx.settings.currency,
    rule: OUTLIER_RULE,
    store: { cashiers: cashiers.length, salesCount: store.sales, measures: store.measures },
    cashiers,
  };
}
