/**
 * The daily sales history the forecast reads, from the store's own records: units sold per
 * product and business day (completed sales; a sale counts on the day of its `at`, the till's
 * time, so imported or replayed sales keep their real dates), promotion days (at least half the
 * day's units sold with a line discount), stock-out days (nothing sold while the stock, as of
 * the day's start, was at or below zero — only for products whose stock is kept: ever received,
 * counted or adjusted), and the store's weekday profile.
 */
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import { type DailyHistory, weekdayProfile } from "../../core/forecast/index.ts";
import type { StoreContext } from "../context.ts";

const DAY_MS = 86_400_000;

/** The day `n` days before (negative: after) a YYYY-MM-DD date. */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

interface Series {
  qtyMilli: number[];
  promo: boolean[];
  stockOut?: boolean[];
}

export class SalesHistory {
  private constructor(
    /** Business days read, oldest first (the last is the day before the forecast). */
    readonly days: readonly string[],
    readonly weekdayPrior: readonly number[],
    private readonly series: ReadonlyMap<string, Series>,
  ) {}

  /** Codes sold within the history. */
  codes(): string[] {
    return [...this.series.keys()].sort();
  }

  /** The history of one product (all days without a sale if it sold none). */
  of(code: string): DailyHistory {
    const s = this.series.get(code);
    const firstWeekday = weekdayOf(this.days[0] ?? "2000-01-01");
    if (!s) return { qtyMilli: this.days.map(() => 0), firstWeekday };
    return {
      qtyMilli: s.qtyMilli,
      firstWeekday,
      promo: s.promo,
      ...(s.stockOut ? { stockOut: s.stockOut } : {}),
    };
  }

  /**
   * Reads the `historyDays` business days before `from`, for the given products or for every
   * product sold.
   */
  static read(ctx: StoreContext, from: string, historyDays: number, code?: string): SalesHistory {
    const db = ctx.sqlite;
    const first = daysBefore(from, historyDays);
    const days: string[] = [];
    for (let d = first; d < from; d = nextDay(d)) days.push(d);
    const index = new Map(days.map((d, i) => [d, i]));

    const onlyCode = code === undefined ? "" : " AND l.code = ?3";
    const params = code === undefined ? [first, from] : [first, from, code];
    const rows = db
      .query<[string, string, number, number], string[]>(
        `SELECT l.code AS code, s.day AS day, SUM(l.qty_milli) AS qty,
           SUM(CASE WHEN l.discount_minor > 0 THEN l.qty_milli ELSE 0 END) AS promo
         FROM sales s INDEXED BY sales_day JOIN sale_lines l ON l.sale_id = s.id
         WHERE s.day >= ?1 AND s.day < ?2 AND s.status = 'completed' AND l.kind IS NULL${onlyCode}
         GROUP BY l.code, s.day`,
      )
      .values(...params) as [string, string, number, number][];
    const series = new Map<string, Series>();
    for (const [c, day, qty, promo] of rows) {
      const i = index.get(day);
      if (i === undefined) continue;
      let s = series.get(c);
      if (!s) {
        s = { qtyMilli: days.map(() => 0), promo: days.map(() => false) };
        series.set(c, s);
      }
      s.qtyMilli[i] = Math.max(0, qty);
      s.promo[i] = qty > 0 && promo * 2 >= qty;
    }
    if (code !== undefined && !series.has(code)) {
      series.set(code, { qtyMilli: days.map(() => 0), promo: days.map(() => false) });
    }
    markStockOuts(ctx, days, series);

    const totals = db
      .query<{ day: string; qty: number }, [string, string]>(
        `SELECT s.day AS day, SUM(l.qty_milli) AS qty FROM sales s INDEXED BY sales_day JOIN sale_lines l ON l.sale_id = s.id
         WHERE s.day >= ?1 AND s.day < ?2 AND s.status = 'completed' AND l.kind IS NULL GROUP BY s.day`,
      )
      .all(first, from);
    const perDay = days.map(() => 0);
    for (const t of totals) {
      const i = index.get(t.day);
      if (i !== undefined) perDay[i] = t.qty;
    }
    // Days before the store's first sale say nothing of its weekdays.
    const opened = perDay.findIndex((q) => q > 0);
    const prior =
      opened < 0
        ? [1, 1, 1, 1, 1, 1, 1]
        : weekdayProfile(perDay.slice(opened), weekdayOf(days[opened] ?? first));
    return new SalesHistory(days, prior, series);
  }
}

/** The index of the last start at or before an instant (instants before the first: 0). */
function dayOf(starts: readonly string[], at: string): number {
  let lo = 0;
  let hi = starts.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? "") <= at) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Marks the days a product sold nothing while out of stock. The stock as of an instant is the
 * stock now less every movement dated at or after it (movements by their `at`, so back-dated
 * ones fall on their own day). Only products that may have run out are looked at.
 */
function markStockOuts(ctx: StoreContext, days: readonly string[], series: Map<string, Series>): void {
  // Only a day without a sale can be a stock-out day.
  const withZeroDays = [...series].filter(([, s]) => s.qtyMilli.some((q) => q === 0)).map(([c]) => c);
  if (days.length === 0 || withZeroDays.length === 0) return;
  const db = ctx.sqlite;
  const tz = ctx.settings.timeZone;
  // Each day's first instant, and the first after the history: a movement falls on the last at or before it.
  const starts = [...days, nextDay(days[days.length - 1] ?? "")].map((d) => dayStartInstant(d, tz));
  const firstStart = starts[0] ?? "";
  // Of those, the products whose stock is kept and may have run out: at or below zero now, or
  // after some movement of the history's days (or its level after a movement not recorded).
  const levels = new Map(
    db
      .query<[string, number], [string, string]>(
        `SELECT l.product_code, l.on_hand_milli FROM json_each(?2) z
         JOIN stock_levels l ON l.product_code = z.value
         WHERE EXISTS (SELECT 1 FROM stock_movements k INDEXED BY stock_movements_product
             WHERE k.product_code = l.product_code AND k.kind IN ('receipt', 'count', 'adjustment', 'transfer_in'))
           AND (l.on_hand_milli <= 0 OR EXISTS (SELECT 1 FROM stock_movements m INDEXED BY stock_movements_product_at
             WHERE m.product_code = l.product_code AND m.at >= ?1
               AND (m.on_hand_after_milli IS NULL OR m.on_hand_after_milli <= 0)))`,
      )
      .values(firstStart, JSON.stringify(withZeroDays)) as [string, number][],
  );
  if (levels.size === 0) return;
  const codes = JSON.stringify([...levels.keys()]);
  // Net movement per product and day (index days.length: after the history), by `at`.
  const net = new Map<string, Float64Array>();
  const moves = db
    .query<[string, string, number], string[]>(
      `SELECT product_code, at, qty_milli FROM stock_movements INDEXED BY stock_movements_product_at
       WHERE product_code IN (SELECT value FROM json_each(?2)) AND at >= ?1 ORDER BY product_code`,
    )
    .values(firstStart, codes) as [string, string, number][];
  let current = "";
  let perDay = new Float64Array(0);
  for (const [c, at, qty] of moves) {
    if (c !== current) {
      current = c;
      perDay = new Float64Array(days.length + 1);
      net.set(c, perDay);
    }
    const i = dayOf(starts, at);
    perDay[i] = (perDay[i] ?? 0) + qty;
  }
  for (const [c, s] of series) {
    if (!levels.has(c)) continue;
    const perDay = net.get(c);
    // The stock at a day's start: the stock now less every movement of that day and after.
    let level = levels.get(c) ?? 0;
    if (perDay) level -= perDay[days.length] ?? 0;
    const stockOut = days.map(() => false);
    for (let i = days.length - 1; i >= 0; i--) {
      if (perDay) level -= perDay[i] ?? 0;
      stockOut[i] = level <= 0 && (s.qtyMilli[i] ?? 0) === 0;
    }
    s.stockOut = stockOut;
  }
}
