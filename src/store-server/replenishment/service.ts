/**
 * Forecasts and suggested orders of the store (docs/replenishment.md): the pure engine of
 * `core/forecast` over the store's sales history.
 */

import type { ForecastAnswer, SuggestedOrder, SuggestedOrderLine } from "../../api/store/replenishment.ts";
import { businessDay } from "../../core/business-day.ts";
import { nextDay } from "../../core/day-bounds.ts";
import { type Forecast, forecastDemand, type ReorderPlan, reorderPlan } from "../../core/forecast/index.ts";
import type { StoreContext } from "../context.ts";
import { ReplenishmentError } from "./errors.ts";
import { SalesHistory } from "./history.ts";
import {
  defaultItems,
  nothingOnOrder,
  noVendorItems,
  type OnOrderSource,
  type ReplenishmentItem,
  type VendorItemsSource,
} from "./items.ts";

/** Units from thousandths. */
export function units(milli: number): number {
  return milli / 1000;
}

const toMilli = (qty: number) => Math.round(qty * 1000);

export interface ReplenishmentSources {
  vendorItems?: VendorItemsSource;
  onOrder?: OnOrderSource;
}

export interface ItemPlan {
  item: ReplenishmentItem;
  onHandMilli: number;
  forecast: Forecast;
  /** Expected units sold over lead time and review period (thousandths). */
  coverDemandMilli: number;
  plan: ReorderPlan;
}

export class ReplenishmentService {
  private readonly vendorItems: VendorItemsSource;
  private readonly onOrder: OnOrderSource;

  constructor(
    private readonly ctx: StoreContext,
    sources: ReplenishmentSources = {},
  ) {
    this.vendorItems = sources.vendorItems ?? noVendorItems;
    this.onOrder = sources.onOrder ?? nothingOnOrder;
  }

  private get settings() {
    return this.ctx.settings.replenishment;
  }

  /** Today, the store's business day: the first forecast day unless told. */
  today(): string {
    return businessDay(this.ctx.now(), this.ctx.settings.timeZone);
  }

  /** Expected units sold per day for `days` days from `from` (default today). */
  forecast(code: string, days: number, from = this.today()): ForecastAnswer {
    const known = this.ctx.sqlite
      .query<{ code: string }, [string]>("SELECT code FROM products WHERE code = ?")
      .get(code);
    if (!known) {
      throw new ReplenishmentError(
        "FORECAST_PRODUCT_UNKNOWN",
        `no product has the code ${code}; check the code`,
        {
          code,
        },
      );
    }
    const history = SalesHistory.read(this.ctx, from, this.settings.historyDays, code);
    const f = forecastDemand(history.of(code), { horizon: days, weekdayPrior: history.weekdayPrior });
    let date = from;
    const out: ForecastAnswer["days"] = [];
    for (const milli of f.dailyMilli) {
      out.push({ date, qty: units(milli) });
      date = nextDay(date);
    }
    return { code, days: out, method: f.method, sigma: units(f.sigmaMilli) };
  }

  /** Plans of the given items over one history (the function a suggestion is built on). */
  planItems(items: readonly ReplenishmentItem[], history: SalesHistory): ItemPlan[] {
    const s = this.settings;
    const onHand = new Map(
      this.ctx.sqlite
        .query<{ code: string; qty: number }, []>(
          "SELECT product_code AS code, on_hand_milli AS qty FROM stock_levels",
        )
        .all()
        .map((r) => [r.code, r.qty]),
    );
    const onOrder = this.onOrder(items.map((i) => i.code));
    return items.map((item) => {
      const horizon = Math.max(1, Math.ceil(item.leadTimeDays + s.reviewDays));
      const forecast = forecastDemand(history.of(item.code), { horizon, weekdayPrior: history.weekdayPrior });
      const onHandMilli = onHand.get(item.code) ?? 0;
      const plan = reorderPlan({
        dailyMilli: forecast.dailyMilli,
        sigmaMilli: forecast.sigmaMilli,
        leadTimeDays: item.leadTimeDays,
        reviewDays: s.reviewDays,
        serviceLevel: s.serviceLevel,
        onHandMilli,
        onOrderMilli: toMilli(onOrder.get(item.code) ?? 0),
        caseSizeMilli: toMilli(item.caseSize),
        minOrderMilli: toMilli(item.minOrderQty),
      });
      return {
        item,
        onHandMilli,
        forecast,
        coverDemandMilli: plan.orderUpToMilli - plan.safetyStockMilli,
        plan,
      };
    });
  }

  /** The suggested order of items: those to order now, by code. */
  suggestFor(
    items: readonly ReplenishmentItem[],
    vendorId: string | null,
    from = this.today(),
    history = SalesHistory.read(this.ctx, from, this.settings.historyDays),
  ): SuggestedOrder {
    const lines: SuggestedOrderLine[] = this.planItems(items, history)
      .filter((p) => p.plan.orderMilli > 0)
      .sort((a, b) => (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0))
      .map((p) => ({
        code: p.item.code,
        onHand: units(p.onHandMilli),
        forecastQty: units(p.coverDemandMilli),
        reorderPoint: units(p.plan.reorderPointMilli),
        orderUpTo: units(p.plan.orderUpToMilli),
        safetyStock: units(p.plan.safetyStockMilli),
        orderQty: units(p.plan.orderMilli),
        leadTimeDays: p.item.leadTimeDays,
        caseSize: p.item.caseSize,
      }));
    return { vendorId, from, lines };
  }

  /** A vendor's suggested order; without a vendor, every product sold in the history on the store's defaults. */
  suggested(vendorId?: string): SuggestedOrder {
    const from = this.today();
    if (vendorId === undefined) {
      const history = SalesHistory.read(this.ctx, from, this.settings.historyDays);
      return this.suggestFor(defaultItems(history.codes(), this.settings), null, from, history);
    }
    const items = this.vendorItems(vendorId);
    if (!items) {
      throw new ReplenishmentError("VENDOR_NOT_FOUND", `no vendor has the id ${vendorId}; check the vendor`, {
        vendorId,
      });
    }
    return this.suggestFor(items, vendorId, from);
  }
}
