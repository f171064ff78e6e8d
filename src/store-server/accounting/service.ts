/**
 * The accounting export's figures, per business day, from the store's own records and with the
 * daily report's rules and queries (sales minus returns, voided sales left out): its sums, tax
 * rows and tenders are read as the daily report reads them (`reports/service.ts`).
 * Cash movements count on the business day of their time, cost of goods as the margin report
 * counts it, stock documents on the day they were posted.
 */
import type { AccountingDay, AccountingExport } from "../../api/store/accounting.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import { accountingDayOf, exportHeadOf } from "../../shared/accounting/day.ts";
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
    return {
      storeId: this.ctx.storeId,
      ...exportHeadOf(this.ctx.settings),
      from,
      to,
      generatedAt: this.ctx.now().toISOString(),
      days,
    };
  }

  day(date: string): AccountingDay {
    const db = this.ctx.sqlite;
    const tz = this.ctx.settings.timeZone;
    const start = dayStartInstant(date, tz);
    const end = dayStartInstant(nextDay(date), tz);
    const cogs = db.query<{ cogs: number | null }, [string, string]>(COGS).get(start, end);
    return accountingDayOf({
      date,
      sold: db.query<DocSums, [string, string]>(SALE_SUMS).get(date, date),
      returned: db.query<DocSums, [string, string]>(RETURN_SUMS).get(date, date),
      taxRows: db.query<TaxRow, [string, string]>(TAXES).all(date, date),
      tenders: this.reports.tenderLines(date, date),
      cashMovements: db.query<AccountingDay["cashMovements"][number], [string, string]>(CASH).all(start, end),
      cogsMinor: cogs?.cogs ?? 0,
      stockDocuments: db
        .query<AccountingDay["stockDocuments"][number], [string, string]>(DOCUMENTS)
        .all(start, end),
    });
  }
}
