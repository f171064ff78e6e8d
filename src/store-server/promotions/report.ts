/**
 * The store's promotion reports: each promotion's performance over a period (its sales, from
 * the sales the store recorded, against the same length of time just before) and the uses of
 * its limited promo codes.
 */
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { codeUses, products, promotions, sales } from "../../../schema/store.ts";
import type { CodeUsageAnswer } from "../../api/hq/promo-codes.ts";
import { instantOf, type PromotionReportAnswer } from "../../api/store/promotion-reports.ts";
import type { SaleResponse } from "../../api/store/sales.ts";
import {
  type Promotion,
  periodBefore,
  promotionFromJson,
  promotionPerformance,
  type ReportSale,
  codeUsage as usageOfCodes,
} from "../../core/promotions/index.ts";
import type { StoreContext } from "../context.ts";
import { categoryChainOf } from "./book.ts";

/** Every promotion the store holds, in force or ended. */
function storePromotions(ctx: StoreContext): Promotion[] {
  return ctx.db
    .select({ body: promotions.body })
    .from(promotions)
    .all()
    .map((row) => promotionFromJson(row.body));
}

function salesBetween(ctx: StoreContext, from: string, to: string, categoryOf: (code: string) => string[]) {
  return ctx.db
    .select({ response: sales.response })
    .from(sales)
    .where(and(gte(sales.at, from), lt(sales.at, to), eq(sales.status, "completed")))
    .all()
    .map((row): ReportSale => {
      const sale = JSON.parse(row.response) as SaleResponse;
      return {
        promotions: sale.promotions ?? [],
        lines: sale.lines.map((l) => ({
          code: l.code,
          department: l.department,
          categories: categoryOf(l.code),
          qtyMilli: l.qtyMilli,
          totalMinor: l.totalMinor,
          kind: l.kind,
        })),
      };
    });
}

export function promotionReport(ctx: StoreContext, fromText: string, toText: string): PromotionReportAnswer {
  const from = instantOf(fromText);
  const to = instantOf(toText);
  const before = periodBefore(from, to);
  const chains = new Map<string, string[]>();
  const categoryOf = (code: string) => {
    let found = chains.get(code);
    if (found === undefined) {
      const row = ctx.db
        .select({ category: products.category })
        .from(products)
        .where(eq(products.code, code))
        .get();
      found = categoryChainOf(ctx, row?.category ?? null);
      chains.set(code, found);
    }
    return found;
  };
  const all = storePromotions(ctx).sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    from,
    to,
    beforeFrom: before.from,
    promotions: promotionPerformance(
      all,
      salesBetween(ctx, from, to, categoryOf),
      salesBetween(ctx, before.from, before.to, categoryOf),
    ),
  };
}

/** The store's uses of limited codes (claimed at head office or not yet), released ones left out. */
export function codeUsage(ctx: StoreContext): CodeUsageAnswer {
  const counts = ctx.db
    .select({
      promotionId: codeUses.promotionId,
      uses: sql<number>`count(*)`,
      offline: sql<number>`sum(case when ${codeUses.claimed} then 0 else 1 end)`,
      discountMinor: sql<number>`sum(${codeUses.discountMinor})`,
    })
    .from(codeUses)
    .where(eq(codeUses.released, false))
    .groupBy(codeUses.promotionId)
    .all()
    .map((c) => ({ ...c, storeId: ctx.storeId }));
  return { codes: usageOfCodes(storePromotions(ctx), counts) };
}
