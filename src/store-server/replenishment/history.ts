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
      .query<{ code: string; day: string; qty: number; promo: number }, string[]>(
        `SELECT l.code AS code, s.day AS day, SUM(l.qty_milli) AS qty,
           SUM(CASE WHEN l.discount_minor > 0 THEN l.qty_milli ELSE 0 END) AS promo
         FROM sales s INDEXED BY sales_day JOIN sale_lines l ON l.sale_id = s.id
         WHERE s.day >= ?1 AND s.day < ?2 AND s.status = 'completed' AND l.kind IS NULL${onlyCode}
         GROUP BY l.code, s.day`,
      )
      .all(...params);
    const series = new Map<string, Series>();
    for (const r of rows) {
      const i = index.get(r.day);
      if (i === undefined) continue;
      let s = series.get(r.code);
      if (!s) {
        s = { qtyMilli: days.map(() => 0), promo: days.map(() => false) };
        series.set(r.code, s);
      }
      s.qtyMilli[i] = Math.max(0, r.qty);
      s.promo[i] = r.qty > 0 && r.promo * 2 >= r.qty;
    }
    if (code !== undefined && !series.has(code)) {
      series.set(code, { qtyMilli: days.map(() => 0), promo: days.map(() => false) });
    }
    markStockOuts(ctx, days, series, code);

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

/**
 * Marks the days a product sold nothing while out of stock. The stock as of an instant is the
 * stock now less every movement dated at or after it (movements by their `at`, so back-dated
 * ones fall on their own day).
 */
function markStockOuts(
  ctx: StoreContext,
  days: readonly string[],
  series: Map<string, Series>,
  code?: string,
): void {
  if (days.length === 0 || series.size === 0) return;
  const db = ctx.sqlite;
  const tz = ctx.settings.timeZone;
  const starts = days.map((d) => dayStartInstant(d, tz));
  const firstStart = starts[0] ?? "";
  const onlyCode = (n: number) => (code === undefined ? "" : ` AND product_code = ?${n}`);
  const withCode = (params: string[]) => (code === undefined ? params : [...params, code]);
  const kept = new Set(
    db
      .query<{ code: string }, string[]>(
        `SELECT DISTINCT product_code AS code FROM stock_movements
         WHERE kind IN ('receipt', 'count', 'adjustment', 'transfer_in')${onlyCode(1)}`,
      )
      .all(...withCode([]))
      .map((r) => r.code),
  );
  if (kept.size === 0) return;
  const levels = new Map(
    db
      .query<{ code: string; qty: number }, []>(
        "SELECT product_code AS code, on_hand_milli AS qty FROM stock_levels",
      )
      .all()
      .filter((r) => kept.has(r.code))
      .map((r) => [r.code, r.qty]),
  );
  const moves = db
    .query<{ code: string; at: string; qty: number }, string[]>(
      `SELECT product_code AS code, at, qty_milli AS qty FROM stock_movements
       WHERE at >= ?1${onlyCode(2)} ORDER BY product_code, at DESC`,
    )
    .all(...withCode([firstStart]));
  const byCode = new Map<string, { at: string; qty: number }[]>();
  for (const m of moves) {
    if (!kept.has(m.code) || !series.has(m.code)) continue;
    let list = byCode.get(m.code);
    if (!list) {
      list = [];
      byCode.set(m.code, list);
    }
    list.push(m);
  }
  for (const [c, s] of series) {
    if (!kept.has(c)) continue;
    const later = byCode.get(c) ?? [];
    let level = levels.get(c) ?? 0;
    let next = 0;
    const stockOut = days.map(() => false);
    // From the last day back: take out the movements at or after each day's start.
    for (let i = days.length - 1; i >= 0; i--) {
      const start = starts[i] ?? "";
      while (next < later.length && (later[next]?.at ?? "") >= start) {
        level -= later[next]?.qty ?? 0;
        next++;
      }
      stockOut[i] = level <= 0 && (s.qtyMilli[i] ?? 0) === 0;
    }
    s.stockOut = stockOut;
  }
}
