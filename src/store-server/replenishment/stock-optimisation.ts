/**
 * The stock optimisation report (docs/replenishment.md): every product in stock or expected to
 * sell, valued by the store's costing method (the costed ledger, as `/reports/valuation`), with
 * its forecast demand and what the stock is: overstock (lasts longer than `overstockDays`), dead
 * (not sold for `deadStockDays`), at risk of running out (at or below its reorder point), out of
 * stock, or fine; and the capital tied up in each.
 */

import type { StockOptimisationReport } from "../../api/store/replenishment.ts";
import { demandOver } from "../../core/forecast/index.ts";
import type { StoreContext } from "../context.ts";
import { CostingReports } from "../stock/costing-reports.ts";
import { daysBefore, SalesHistory } from "./history.ts";
import { defaultItems } from "./items.ts";
import { type ReplenishmentService, units } from "./service.ts";

type Line = StockOptimisationReport["lines"][number];

export function stockOptimisation(ctx: StoreContext, service: ReplenishmentService): StockOptimisationReport {
  const s = ctx.settings.replenishment;
  const today = service.today();
  const valuation = new CostingReports(ctx).valuation(today);
  const history = SalesHistory.read(ctx, today, s.historyDays);
  const valued = new Map(valuation.lines.map((l) => [l.code, l]));
  const codes = [...new Set([...valued.keys(), ...history.codes()])].sort();
  const lastSold = new Map(
    ctx.sqlite
      .query<{ code: string; day: string }, []>(
        `SELECT l.code AS code, MAX(s.day) AS day FROM sales s JOIN sale_lines l ON l.sale_id = s.id
         WHERE s.status = 'completed' AND l.kind IS NULL GROUP BY l.code`,
      )
      .all()
      .map((r) => [r.code, r.day]),
  );
  const deadBefore = daysBefore(today, s.deadStockDays);
  const totals = {
    capitalMinor: valuation.totalValueMinor,
    overstockValueMinor: 0,
    deadStockValueMinor: 0,
    stockOutRiskCount: 0,
  };
  const lines: Line[] = [];
  for (const p of service.planItems(defaultItems(codes, s), history)) {
    const v = valued.get(p.item.code);
    const onHand = v?.onHand ?? units(p.onHandMilli);
    const valueMinor = v?.valueMinor ?? 0;
    const dailyMilli =
      demandOver(p.forecast.dailyMilli, Math.max(1, s.reviewDays)) / Math.max(1, s.reviewDays);
    const daily = units(dailyMilli);
    const sold = lastSold.get(p.item.code) ?? null;
    if (onHand <= 0 && daily === 0) continue;
    let status: Line["status"] = "ok";
    let excessValueMinor = 0;
    if (onHand <= 0) status = "out_of_stock";
    else if (sold === null || sold < deadBefore) {
      status = "dead";
      excessValueMinor = valueMinor;
    } else if (p.onHandMilli <= p.plan.reorderPointMilli) status = "stockout_risk";
    else if (daily > 0 ? onHand / daily > s.overstockDays : true) {
      status = "overstock";
      const excess = onHand - daily * s.overstockDays;
      excessValueMinor = Math.round((valueMinor * excess) / onHand);
    }
    if (status === "dead") totals.deadStockValueMinor += excessValueMinor;
    if (status === "overstock") totals.overstockValueMinor += excessValueMinor;
    if (status === "stockout_risk" || status === "out_of_stock") totals.stockOutRiskCount++;
    lines.push({
      code: p.item.code,
      onHand,
      valueMinor,
      dailyDemand: daily,
      daysOfCover: daily > 0 ? Math.max(0, Math.round((onHand / daily) * 10) / 10) : null,
      lastSold: sold,
      reorderPoint: units(p.plan.reorderPointMilli),
      excessValueMinor,
      status,
    });
  }
  return { at: today, totals, lines };
}
