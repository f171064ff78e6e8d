/**
 * Costing reports: the value of stock at the end of a business day, and margin (net revenue
 * less cost of goods) over a range of days by product, department or category. Valuation reads,
 * per product, its last movement before the day's end (each keeps the quantity and value after
 * it); margin sums the period's costed movements (`value_minor`, `settled_minor`) by `at`.
 */
import type { MarginReport, ValuationReport } from "../../api/store/costing.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import type { StoreContext } from "../context.ts";

interface Sums {
  code: string;
  qty: number | null;
  value: number | null;
}

/** Thousandths as units: an integer over 1000 is the nearest double to its decimal, printed as it. */
function units(milli: number): number {
  return milli / 1000;
}

export class CostingReports {
  private categoryColumn: string | null | undefined;

  constructor(private readonly ctx: StoreContext) {}

  /** Stock on hand and its value at the end of business day `at` (products with neither left out). */
  valuation(at: string): ValuationReport {
    const end = dayStartInstant(nextDay(at), this.ctx.settings.timeZone);
    const db = this.ctx.sqlite;
    const rows = db
      .query<Sums, [string]>(
        `SELECT l.product_code AS code, m.on_hand_after_milli AS qty, m.value_after_minor AS value
         FROM stock_levels l JOIN stock_movements m ON m.id = (
           SELECT x.id FROM stock_movements x INDEXED BY stock_movements_product_at
           WHERE x.product_code = l.product_code AND x.at < ?1 ORDER BY x.at DESC, x.id DESC LIMIT 1)
         ORDER BY l.product_code`,
      )
      .all(end);
    const lines: ValuationReport["lines"] = [];
    let totalValueMinor = 0;
    for (const r of rows) {
      const qty = r.qty ?? 0;
      const value = r.value ?? 0;
      if (qty === 0 && value === 0) continue;
      totalValueMinor += value;
      lines.push({ code: r.code, onHand: units(qty), valueMinor: value });
    }
    return { at, totalValueMinor, lines };
  }

  /** Sales less returns of the days `from`..`to`, their cost of goods and margin, grouped by `by`. */
  margin(from: string, to: string, by: MarginReport["by"]): MarginReport {
    const db = this.ctx.sqlite;
    const tz = this.ctx.settings.timeZone;
    const start = dayStartInstant(from, tz);
    const end = dayStartInstant(nextDay(to), tz);
    const perProduct = new Map<string, { qty: number; net: number; cogs: number }>();
    const entry = (code: string) => {
      let e = perProduct.get(code);
      if (!e) {
        e = { qty: 0, net: 0, cogs: 0 };
        perProduct.set(code, e);
      }
      return e;
    };
    const netExpr = this.ctx.settings.pricesIncludeTax
      ? "SUM(l.total_minor - l.tax_minor)"
      : "SUM(l.total_minor)";
    const sold = db
      .query<{ code: string; qty: number; net: number }, [string, string]>(
        `SELECT l.code AS code, SUM(l.qty_milli) AS qty, ${netExpr} AS net FROM sales s JOIN sale_lines l ON l.sale_id = s.id
         WHERE s.day >= ? AND s.day <= ? AND s.status = 'completed' GROUP BY l.code`,
      )
      .all(from, to);
    for (const r of sold) {
      const e = entry(r.code);
      e.qty += r.qty;
      e.net += r.net;
    }
    const returned = db
      .query<{ code: string; qty: number; net: number }, [string, string]>(
        `SELECT l.code AS code, SUM(l.qty_milli) AS qty, ${netExpr} AS net FROM returns r JOIN return_lines l ON l.return_id = r.id
         WHERE r.day >= ? AND r.day <= ? GROUP BY l.code`,
      )
      .all(from, to);
    for (const r of returned) {
      const e = entry(r.code);
      e.qty -= r.qty;
      e.net -= r.net;
    }
    const costs = db
      .query<{ code: string; cogs: number | null }, [string, string]>(
        `SELECT product_code AS code,
           SUM(CASE WHEN kind IN ('sale', 'return', 'void') THEN -COALESCE(value_minor, 0) ELSE 0 END)
             + SUM(COALESCE(settled_minor, 0)) AS cogs
         FROM stock_movements INDEXED BY stock_movements_at WHERE at >= ? AND at < ? GROUP BY product_code`,
      )
      .all(start, end);
    for (const r of costs) if (r.cogs) entry(r.code).cogs += r.cogs;

    const keyOf = this.grouping(by);
    const rows = new Map<string, { qty: number; net: number; cogs: number }>();
    for (const [code, e] of perProduct) {
      const key = keyOf(code);
      const row = rows.get(key) ?? { qty: 0, net: 0, cogs: 0 };
      row.qty += e.qty;
      row.net += e.net;
      row.cogs += e.cogs;
      rows.set(key, row);
    }
    return {
      from,
      to,
      by,
      rows: [...rows.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, r]) => ({
          key,
          qtySold: units(r.qty),
          netMinor: r.net,
          cogsMinor: r.cogs,
          marginMinor: r.net - r.cogs,
        })),
    };
  }

  private grouping(by: MarginReport["by"]): (code: string) => string {
    if (by === "product") return (code) => code;
    const column = by === "department" ? "department" : this.categoryColumnName();
    if (column === null) return () => "";
    const map = new Map<string, string>();
    for (const r of this.ctx.sqlite
      .query<{ code: string; key: string | null }, []>(`SELECT code, ${column} AS key FROM products`)
      .all()) {
      map.set(r.code, r.key ?? "");
    }
    return (code) => map.get(code) ?? "";
  }

  /** Categories come with the catalog's category column; without it every product is in "". */
  private categoryColumnName(): string | null {
    if (this.categoryColumn === undefined) {
      const names = this.ctx.sqlite
        .query<{ name: string }, []>("SELECT name FROM pragma_table_info('products')")
        .all()
        .map((c) => c.name);
      this.categoryColumn = ["category", "category_id"].find((n) => names.includes(n)) ?? null;
    }
    return this.categoryColumn;
  }
}
