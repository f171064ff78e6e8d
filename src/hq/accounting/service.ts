/**
 * Head office's accounting export: the store's export (src/shared/accounting/day.ts builds each
 * day as the store does) from the sales, returns, tenders and taxes head office ingested, with
 * the chain reports' queries, so a store's day equals head office's daily figures for it and the
 * store's own export. Cash paid in and out, cost of goods and stock documents are the store's
 * records head office does not keep: they are empty here (the store's export has them).
 */
import { asc, eq } from "drizzle-orm";
import { stores } from "../../../schema/hq.ts";
import type { HqAccountingQuery } from "../../api/hq/accounting.ts";
import type { AccountingExport } from "../../api/store/accounting.ts";
import { nextDay } from "../../core/day-bounds.ts";
import { storeSettingsSchema } from "../../core/settings.ts";
import {
  accountingDayOf,
  exportHeadOf,
  type TaxSums,
  type TenderSums,
  tenderLinesOf,
} from "../../shared/accounting/day.ts";
import type { HqContext } from "../context.ts";
import { UnknownStoreError } from "../errors.ts";
import { documentSums, type ReportParams, TAXES_BY_STORE, TENDERS_BY_STORE } from "../reports/queries.ts";

interface Sums {
  k: string;
  n: number;
  total: number | null;
  tax: number | null;
  change: number | null;
}

export class HqAccountingService {
  constructor(private readonly ctx: HqContext) {}

  build(query: HqAccountingQuery): AccountingExport[] {
    const registered = this.ctx.db
      .select({
        storeId: stores.storeId,
        timeZone: stores.timeZone,
        currency: stores.currency,
        settings: stores.settings,
      })
      .from(stores)
      .where(query.storeId === undefined ? undefined : eq(stores.storeId, query.storeId))
      .orderBy(asc(stores.storeId))
      .all();
    if (query.storeId !== undefined && registered.length === 0) throw new UnknownStoreError(query.storeId);
    const generatedAt = this.ctx.now().toISOString();
    return registered.map((store) => {
      const settings = storeSettingsSchema.parse({
        currency: store.currency,
        timeZone: store.timeZone,
        ...(store.settings === null ? {} : (JSON.parse(store.settings) as object)),
      });
      const days = [];
      for (let date = query.from; date <= query.to; date = nextDay(date))
        days.push(this.day(store.storeId, date));
      return {
        storeId: store.storeId,
        ...exportHeadOf(settings),
        from: query.from,
        to: query.to,
        generatedAt,
        days,
      };
    });
  }

  private day(storeId: string, date: string) {
    const p: ReportParams = [date, date, storeId];
    const sums = (kind: "sale" | "return") =>
      this.ctx.sqlite.query<Sums, ReportParams>(documentSums(kind, "store_id")).get(...p);
    const sold = sums("sale");
    const tenders = this.ctx.sqlite.query<TenderSums, ReportParams>(TENDERS_BY_STORE).all(...p);
    return accountingDayOf({
      date,
      sold,
      returned: sums("return"),
      taxRows: this.ctx.sqlite.query<TaxSums, ReportParams>(TAXES_BY_STORE).all(...p),
      tenders: tenderLinesOf(tenders, sold?.change ?? 0),
      cashMovements: [],
      cogsMinor: 0,
      stockDocuments: [],
    });
  }
}
