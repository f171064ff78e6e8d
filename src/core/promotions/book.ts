/**
 * A set of promotions made ready to price with: each parsed once (percentages as exact
 * fractions, names as sets) and indexed by the products, categories and departments it names,
 * so that pricing a basket looks only at the promotions its lines can meet. A promotion that
 * names no line (order-wide, no condition) is a candidate for every basket; one with a promo
 * code only when its code is presented.
 */
import { type Fraction, parsePercent } from "../percent.ts";
import type { Promotion } from "./schema.ts";

/** A set of products, categories and departments; null when it names none (every line). */
export interface LineSpec {
  products: ReadonlySet<string> | null;
  categories: ReadonlySet<string> | null;
  departments: ReadonlySet<string> | null;
}

export interface CompiledPromotion {
  readonly promotion: Promotion;
  /** Position in the order promotions apply: ascending priority, then id. */
  rank: number;
  percent: Fraction | null;
  /** Upper-cased promo code, or null for an automatic promotion. */
  code: string | null;
  condition: LineSpec | null;
  reward: LineSpec | null;
  days: ReadonlySet<number> | null;
  /** Minutes after midnight, local time; from > to runs over midnight. */
  minutesFrom: number | null;
  minutesTo: number | null;
  groups: ReadonlySet<string> | null;
}

function setOf(list: readonly string[] | undefined): ReadonlySet<string> | null {
  return list === undefined || list.length === 0 ? null : new Set(list);
}

function specOf(named: {
  products?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  departments?: readonly string[] | undefined;
}): LineSpec | null {
  const spec = {
    products: setOf(named.products),
    categories: setOf(named.categories),
    departments: setOf(named.departments),
  };
  return spec.products === null && spec.categories === null && spec.departments === null ? null : spec;
}

function minutesOf(time: string | undefined): number | null {
  if (time === undefined) return null;
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** The percentage of a reward as text the core's parser reads ("12.5"). */
export function percentText(percent: string | number): string {
  if (typeof percent === "string") return percent;
  return percent.toFixed(4).replace(/\.?0+$/, "");
}

function compile(promotion: Promotion): Omit<CompiledPromotion, "rank"> {
  const { reward } = promotion;
  return {
    promotion,
    percent:
      reward.percent === undefined
        ? null
        : parsePercent(percentText(reward.percent), "INVALID_PROMOTION", "promotion percentage"),
    code: promotion.code === undefined ? null : promotion.code.toUpperCase(),
    condition: promotion.condition === undefined ? null : specOf(promotion.condition),
    reward: specOf(reward),
    days: promotion.days === undefined ? null : new Set(promotion.days),
    minutesFrom: minutesOf(promotion.timeFrom),
    minutesTo: minutesOf(promotion.timeTo),
    groups: setOf(promotion.customerGroups),
  };
}

function add(index: Map<string, CompiledPromotion[]>, key: string, promotion: CompiledPromotion): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [promotion]);
  else if (list[list.length - 1] !== promotion) list.push(promotion);
}

/** The order promotions apply in: ascending priority, then id (so equal priorities are stable). */
export function comparePromotions(a: Promotion, b: Promotion): number {
  const byPriority = (a.priority ?? 0) - (b.priority ?? 0);
  if (byPriority !== 0) return byPriority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class PromotionBook {
  readonly size: number;
  readonly byProduct = new Map<string, CompiledPromotion[]>();
  readonly byCategory = new Map<string, CompiledPromotion[]>();
  readonly byDepartment = new Map<string, CompiledPromotion[]>();
  /** Automatic promotions that name no line: candidates for every basket. */
  readonly general: CompiledPromotion[] = [];
  /** Promotions that name no line and need a code, by upper-cased code. */
  readonly byCode = new Map<string, CompiledPromotion[]>();

  constructor(promotions: readonly Promotion[]) {
    const sorted = [...promotions].sort(comparePromotions);
    this.size = sorted.length;
    sorted.forEach((promotion, rank) => {
      const compiled: CompiledPromotion = { ...compile(promotion), rank };
      // A promotion whose condition names lines needs one of them; else the lines its reward names.
      const keys = compiled.condition ?? compiled.reward;
      if (keys === null) {
        if (compiled.code === null) this.general.push(compiled);
        else add(this.byCode, compiled.code, compiled);
        return;
      }
      for (const code of keys.products ?? []) add(this.byProduct, code, compiled);
      for (const id of keys.categories ?? []) add(this.byCategory, id, compiled);
      for (const id of keys.departments ?? []) add(this.byDepartment, id, compiled);
    });
  }
}

/** An empty book: prices like no promotion exists. */
export const NO_PROMOTIONS = new PromotionBook([]);
