/**
 * Refused till sales: a till keeps every sale the store refused (only an inconsistent or
 * malformed document is refused) and reports it here, so that a manager sees it at the store
 * and `ringup admin sales refused` lists it. A report of a sale the store has since recorded
 * (re-sent after a fix) is marked resolved.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { refusedTillSales, sales } from "../../../schema/store.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { actorId } from "../users/access.ts";

export const refusedSalesReportSchema = z.strictObject({
  sales: z
    .array(
      z.strictObject({
        saleId: z.uuid("must be the sale's id"),
        receiptNo: z.string().min(1).max(40),
        error: z.string().min(1).max(2_000),
        totalMinor: z.number().int().min(0).nullable().optional(),
        /** The document as the till keeps it (JSON text). */
        body: z.string().min(2).max(500_000),
      }),
    )
    .min(1)
    .max(100),
});
export type RefusedSalesReport = z.infer<typeof refusedSalesReportSchema>;

export interface RefusedSaleView {
  saleId: string;
  tillId: string;
  receiptNo: string;
  error: string;
  totalMinor: number | null;
  reportedAt: string;
  reportedBy: string | null;
  resolvedAt: string | null;
}

export function reportRefusedSales(
  ctx: StoreContext,
  tillId: string,
  report: RefusedSalesReport,
  principal: Principal,
): { reported: number; alreadyRecorded: string[] } {
  const now = ctx.now().toISOString();
  const ids = report.sales.map((s) => s.saleId);
  return ctx.db.transaction((tx) => {
    const recorded = new Set(
      tx
        .select({ id: sales.id })
        .from(sales)
        .where(inArray(sales.id, ids))
        .all()
        .map((r) => r.id),
    );
    for (const s of report.sales) {
      const row = {
        saleId: s.saleId,
        tillId,
        receiptNo: s.receiptNo,
        reportedAt: now,
        reportedBy: actorId(principal),
        error: s.error,
        totalMinor: s.totalMinor ?? null,
        body: s.body,
        resolvedAt: recorded.has(s.saleId) ? now : null,
      };
      tx.insert(refusedTillSales)
        .values(row)
        .onConflictDoUpdate({
          target: refusedTillSales.saleId,
          set: { error: row.error, reportedAt: now, body: row.body, resolvedAt: row.resolvedAt },
        })
        .run();
      recordAudit(
        ctx,
        tx,
        {
          action: AUDIT_ACTIONS.saleRefused,
          at: ctx.now(),
          userId: principal.userId,
          tillId,
          refId: s.saleId,
          detail: { receiptNo: s.receiptNo, error: s.error.slice(0, 200) },
        },
        true,
      );
    }
    return { reported: report.sales.length, alreadyRecorded: [...recorded] };
  });
}

export function listRefusedSales(ctx: StoreContext, all: boolean): RefusedSaleView[] {
  return ctx.db
    .select({
      saleId: refusedTillSales.saleId,
      tillId: refusedTillSales.tillId,
      receiptNo: refusedTillSales.receiptNo,
      error: refusedTillSales.error,
      totalMinor: refusedTillSales.totalMinor,
      reportedAt: refusedTillSales.reportedAt,
      reportedBy: refusedTillSales.reportedBy,
      // Resolved once the sale is recorded (re-sent after a fix): read from the sales, not kept twice.
      resolvedAt: sql<string | null>`coalesce(${refusedTillSales.resolvedAt}, ${sales.at})`,
    })
    .from(refusedTillSales)
    .leftJoin(sales, eq(sales.id, refusedTillSales.saleId))
    .where(all ? undefined : and(isNull(refusedTillSales.resolvedAt), isNull(sales.id)))
    .orderBy(asc(refusedTillSales.reportedAt))
    .all();
}
