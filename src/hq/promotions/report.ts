/**
 * Head office's promotion performance report: every store's sales over a period (as ingested,
 * with the promotions each got) against the same length of time just before, per promotion.
 */
import { instantOf, type PromotionReportAnswer } from "../../api/store/promotion-reports.ts";
import { categoryChains } from "../../core/catalog-stock-chains.ts";
import {
  periodBefore,
  promotionFromJson,
  promotionPerformance,
  type ReportSale,
} from "../../core/promotions/index.ts";
import type { HqContext } from "../context.ts";

interface LineRow {
  sale_id: string;
  code: string;
  department: string | null;
  category: string | null;
  qty_milli: number;
  total_minor: number;
}

function salesBetween(ctx: HqContext, from: string, to: string, chains: Map<string, string[]>): ReportSale[] {
  const lines = ctx.sqlite
    .query<LineRow, [string, string]>(
      `SELECT l.sale_id, l.code, l.department, p.category, l.qty_milli, l.total_minor
         FROM hq_sales s JOIN hq_sale_lines l ON l.sale_id = s.id
         LEFT JOIN hq_products p ON p.code = l.code
        WHERE s.at >= ? AND s.at < ? AND s.status = 'completed'
        ORDER BY l.sale_id, l.line_no`,
    )
    .all(from, to);
  const promotions = ctx.sqlite
    .query<{ sale_id: string; promotion_id: string; discount_minor: number }, [string, string]>(
      `SELECT sp.sale_id, sp.promotion_id, sp.discount_minor
         FROM hq_sale_promotions sp JOIN hq_sales s ON s.id = sp.sale_id
        WHERE s.at >= ? AND s.at < ? AND s.status = 'completed'`,
    )
    .all(from, to);
  const bySale = new Map<
    string,
    { promotions: ReportSale["promotions"][number][]; lines: ReportSale["lines"][number][] }
  >();
  const saleOf = (id: string) => {
    let sale = bySale.get(id);
    if (sale === undefined) {
      sale = { promotions: [], lines: [] };
      bySale.set(id, sale);
    }
    return sale;
  };
  for (const line of lines) {
    saleOf(line.sale_id).lines.push({
      code: line.code,
      department: line.department,
      categories: line.category === null ? [] : (chains.get(line.category) ?? [line.category]),
      qtyMilli: line.qty_milli,
      totalMinor: line.total_minor,
    });
  }
  for (const row of promotions) {
    saleOf(row.sale_id).promotions.push({ id: row.promotion_id, discountMinor: row.discount_minor });
  }
  return [...bySale.values()];
}

export function hqPromotionReport(ctx: HqContext, fromText: string, toText: string): PromotionReportAnswer {
  const from = instantOf(fromText);
  const to = instantOf(toText);
  const before = periodBefore(from, to);
  const chains = categoryChains(
    ctx.sqlite.query<{ id: string; parent: string | null }, []>("SELECT id, parent FROM hq_categories").all(),
  );
  const promotions = ctx.sqlite
    .query<{ body: string }, []>("SELECT body FROM hq_promotions ORDER BY id")
    .all()
    .map((row) => promotionFromJson(row.body));
  return {
    from,
    to,
    beforeFrom: before.from,
    promotions: promotionPerformance(
      promotions,
      salesBetween(ctx, from, to, chains),
      salesBetween(ctx, before.from, before.to, chains),
    ),
  };
}
