/** The chain's price exceptions: till sales recorded as rung that differ from a store's catalog. */
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { hqPriceExceptions } from "../../../schema/hq-sales.ts";
import type { ReportQuery } from "../../api/hq/reports.ts";
import type { ExceptionReportRow } from "../../core/events/sale-events.ts";
import type { HqContext } from "../context.ts";

/** A store's price exception as head office lists it: the report's row with its store. */
export type ChainException = ExceptionReportRow & { storeId: string };

export function chainExceptions(ctx: HqContext, q: ReportQuery): ChainException[] {
  const t = hqPriceExceptions;
  const range = and(gte(t.day, q.from), lte(t.day, q.to));
  return ctx.db
    .select()
    .from(t)
    .where(q.storeId ? and(range, eq(t.storeId, q.storeId)) : range)
    .orderBy(asc(t.at), asc(t.saleId), asc(t.lineNo))
    .limit(10_000)
    .all();
}
