/**
 * The accounting export's figures, per business day, from the store's own records and with the
 * daily report's rules and queries (sales minus returns, voided sales left out): its sums, tax
 * rows and tenders are read as the daily report reads them (`reports/service.ts`).
 * Cash movements count on the business day of their time, cost of goods as the margin report
 * counts it, stock documents on the day they were posted.
 */
import type { AccountingDay, AccountingExport } from "../../api/store/accounting.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import type { StoreContext } from "../context.ts";
import {
  type DocSums,
  RETURN_SUMS,
  ReportsService,
  SALE_SUMS,
  TAXES,
  type TaxRow,
} from "../reports/service.ts";

const CASH = `SELECT kind, reason, count(*) AS count, sum(amount_minor) AS amountMinor
  FROM cash_movements WHERE at >= ?1 AND at < ?2 GROUP BY kind, reason ORDER BY kind, reason`;
const COGS = `SELECT SUM(CASE WHEN kind IN ('sale', 'return', 'void') THEN -COALESCE(value_minor, 0) ELSE 0 END)
    + SUM(COALESCE(settled_minor, 0)) AS cogs
  FROM stock_movements INDEXED BY stock_movements_at WHERE at >= ?1 AND at < ?2`;
const DOCUMENTS = `SELECT d.number AS number, d.type AS type, d.reason AS reason,
    (SELECT count(*) FROM stock_document_lines l WHERE l.document_id = d.id) AS lines,
    (SELECT COALESCE(sum(m.value_minor), 0) FROM stock_movements m WHERE m.ref_id = d.id) AS valueMinor
  FROM stock_documents d WHERE d.status = 'posted' AND d.posted_at >= ?1 AND d.posted_at < ?2 ORDER BY d.number`;

type Figures = AccountingDay["totals"];
const zero = (): Figures => ({ netMinor: 0, taxMinor: 0, grossMinor: 0 });
const of = (s: DocSums | null): Figures => {
  const total = s?.total ?? 0;
  const tax = s?.tax ?? 0;
  return { netMinor: total - tax, taxMinor: tax, grossMinor: total };
};

export class AccountingExportService {
  private readonly reports: ReportsService;
  constructor(private readonly ctx: StoreContext) {
    this.reports = new ReportsService(ctx);
  }

  /** The days `from`..`to` (inclusive); `onDay` is told each day as it is done. */
  build(from: string, to: string, onDay?: (date: string) => void): AccountingExport {
    const days: AccountingDay[] = [];
    for (let date = from; date <= to; date = nextDay(date)) {
      days.push(this.day(date));
      onDay?.(date);
    }
    const s = this.ctx.settings;
    return {
      storeId: this.ctx.storeId,
      currency: s.currency,
      timeZone: s.timeZone,
      from,
      to,
      generatedAt: this.ctx.now().toISOString(),
      seller: s.legal
        ? {
            name: s.legal.name,
            address: s.legal.address,
            taxId: s.legal.taxId,
            registration: s.legal.registration ?? null,
            country: s.legal.country ?? null,
          }
        : null,
      taxClasses: s.taxClasses.map((t) => ({ id: t.id, name: t.name, rate: t.rate })),
      days,
    };
  }

  day(date: string): AccountingDay {
    const db = this.ctx.sqlite;
    const tz = this.ctx.settings.timeZone;
    const start = dayStartInstant(date, tz);
    const end = dayStartInstant(nextDay(date), tz);
    const sold = db.query<DocSums, [string, string]>(SALE_SUMS).get(date, date);
    const returned = db.query<DocSums, [string, string]>(RETURN_SUMS).get(date, date);
    const sales = of(sold);
    const refunds = of(returned);

    const rows = new Map<string, AccountingDay["taxes"][number]>();
    for (const r of db.query<TaxRow, [string, string]>(TAXES).all(date, date)) {
      const key = `${r.taxClass}\u0000${r.rate}`;
      const row = rows.get(key) ?? { taxClass: r.taxClass, rate: r.rate, sales: zero(), refunds: zero() };
      const f = r.kind === "sale" ? row.sales : row.refunds;
      f.netMinor += r.base;
      f.taxMinor += r.tax;
      f.grossMinor += r.base + r.tax;
      rows.set(key, row);
    }
    const taxes = [...rows.values()].sort(
      (a, b) => a.taxClass.localeCompare(b.taxClass, "en", { numeric: true }) || a.rate.localeCompare(b.rate),
    );
    // What no tax row holds (lines without a tax class): its own row, so the rows sum to the totals.
    const rest = (total: Figures, pick: (t: (typeof taxes)[number]) => Figures): Figures => {
      const r = { ...total };
      for (const t of taxes) {
        r.netMinor -= pick(t).netMinor;
        r.taxMinor -= pick(t).taxMinor;
        r.grossMinor -= pick(t).grossMinor;
      }
      return r;
    };
    const untaxedSales = rest(sales, (t) => t.sales);
    const untaxedRefunds = rest(refunds, (t) => t.refunds);
    if ([untaxedSales, untaxedRefunds].some((f) => f.netMinor !== 0 || f.taxMinor !== 0)) {
      taxes.push({ taxClass: "", rate: "0", sales: untaxedSales, refunds: untaxedRefunds });
    }

    const cogs = db.query<{ cogs: number | null }, [string, string]>(COGS).get(start, end);
    return {
      date,
      salesCount: sold?.n ?? 0,
      returnsCount: returned?.n ?? 0,
      taxes,
      totals: {
        netMinor: sales.netMinor - refunds.netMinor,
        taxMinor: sales.taxMinor - refunds.taxMinor,
        grossMinor: sales.grossMinor - refunds.grossMinor,
      },
      tenders: this.reports.tenderLines(date, date),
      cashMovements: db.query<AccountingDay["cashMovements"][number], [string, string]>(CASH).all(start, end),
      cogsMinor: cogs?.cogs ?? 0,
      stockDocuments: db
        .query<AccountingDay["stockDocuments"][number], [string, string]>(DOCUMENTS)
        .all(start, end),
    };
  }
}
