/**
 * The promotion engine: which promotions a basket meets and what each takes off which line.
 *
 * Promotions apply in ascending priority (then id), each to what the earlier ones left of the
 * lines; one marked `exclusive` that takes something off stops the ones after it. A promotion
 * is in force by its schedule (dates, weekdays, hours in the store's time zone), its promo code
 * (presented with the sale), and its customer groups (the customer's). Its condition names
 * lines (products, categories, departments; all lines when it names none) and may ask for a
 * number of their units (`minQty`) or an amount of them (`minAmountMinor`, after the earlier
 * promotions). Its reward is on the whole order, or on the lines the reward names, or else on
 * the lines the condition names. A cap (`maxDiscountMinor`) is shared among the lines in
 * proportion to what each would have had. Deposits take no promotion.
 *
 * Every discount is a whole number of minor units on a line; lines are taken in an order of
 * their own (code, amount, quantity), so the result does not depend on the order of scanning.
 */
import { allocateLargestRemainder } from "../allocation.ts";
import type { LineKind } from "../deposits.ts";
import type { RoundingMode } from "../rounding.ts";
import { sumBig, toSafeNumber } from "../safe-integer.ts";
import type { CompiledPromotion, LineSpec, PromotionBook } from "./book.ts";
import { type Names, namesOf } from "./names.ts";
import * as rewards from "./rewards.ts";
import { inSchedule, type PromotionClock } from "./schedule.ts";
import type { AppliedPromotion } from "./schema.ts";

export interface PromotionLine {
  code: string;
  qtyMilli: number;
  /** What the line comes to before promotions (after its own discount), in minor units. */
  amountMinor: number;
  department?: string | null | undefined;
  /** The line's category and the categories above it. */
  categories?: readonly string[] | undefined;
  kind?: LineKind | undefined;
}

export interface PromotionContext {
  clock: PromotionClock;
  roundingMode: RoundingMode;
  /** Promo codes presented with the sale. */
  codes?: readonly string[] | undefined;
  /** The customer's groups (none without a customer). */
  customerGroups?: readonly string[] | undefined;
}

export interface PromotionOutcome {
  /** What promotions take off each line, in input order. */
  lineDiscountMinor: number[];
  /** The promotions that took something off, in the order they applied. */
  applied: AppliedPromotion[];
  /** The presented codes a promotion used (upper case): for usage limits kept elsewhere. */
  codesUsed: string[];
}

const NONE: readonly number[] = [];

/** The basket's lines by what promotions name them by, each list in the canonical order. */
class LineIndex {
  private readonly byProduct = new Map<string, number[]>();
  private readonly byCategory = new Map<string, number[]>();
  private readonly byDepartment = new Map<string, number[]>();
  /** Each line's position in the canonical order, by its index in the basket. */
  private readonly rank: Int32Array;

  constructor(
    lines: readonly PromotionLine[],
    readonly order: readonly number[],
    /** The names the live promotions use: only their lines are indexed. */
    uses: Names,
  ) {
    this.rank = new Int32Array(lines.length);
    order.forEach((line, rank) => {
      this.rank[line] = rank;
    });
    const push = (map: Map<string, number[]>, key: string, line: number) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [line]);
      else if (list[list.length - 1] !== line) list.push(line);
    };
    for (const i of order) {
      const line = lines[i] as PromotionLine;
      if (uses.products.has(line.code)) push(this.byProduct, line.code, i);
      if (line.department != null && uses.departments.has(line.department))
        push(this.byDepartment, line.department, i);
      if (line.categories !== undefined && uses.categories.size > 0)
        for (const id of line.categories) if (uses.categories.has(id)) push(this.byCategory, id, i);
    }
  }

  /** The lines a spec names, in the canonical order (not to be changed: it may be the index's own list). */
  named(spec: LineSpec): readonly number[] {
    const lists: number[][] = [];
    const add = (map: Map<string, number[]>, keys: ReadonlySet<string> | null) => {
      if (keys === null) return;
      for (const key of keys) {
        const list = map.get(key);
        if (list !== undefined) lists.push(list);
      }
    };
    add(this.byProduct, spec.products);
    add(this.byCategory, spec.categories);
    add(this.byDepartment, spec.departments);
    // One name found (the usual case): its list is already in the canonical order, each line once.
    if (lists.length <= 1) return lists[0] ?? NONE;
    const found = new Set<number>();
    for (const list of lists) for (const line of list) found.add(line);
    const rank = this.rank;
    return [...found].sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
  }
}

function eligible(line: PromotionLine): boolean {
  return line.kind === undefined && line.amountMinor > 0 && line.qtyMilli > 0;
}

/** A line a promotion may name: an item (deposits take none), of a positive quantity. */
function nameable(line: PromotionLine): boolean {
  return line.kind === undefined && line.qtyMilli > 0;
}

/** The products, departments and categories a basket's lines carry (Names of the basket). */
export function basketNames(lines: readonly Omit<PromotionLine, "amountMinor">[]): Names {
  const names: Names = { products: new Set(), departments: new Set(), categories: new Set() };
  for (const line of lines) addBasketNames(names, line);
  return names;
}

/** Adds what `line` carries to a basket's names (basketNames), when a promotion may name it. */
export function addBasketNames(names: Names, line: Omit<PromotionLine, "amountMinor">): void {
  if (!nameable(line as PromotionLine)) return;
  names.products.add(line.code);
  if (line.department != null) names.departments.add(line.department);
  if (line.categories !== undefined) for (const id of line.categories) names.categories.add(id);
}

/**
 * The promotions in force that the basket's lines may meet (by the products, categories and
 * departments they name, their codes, customer groups and schedule), in the order they apply.
 * Amounts play no part: a basket none of whose lines is named costs a look-up per line.
 */
export function livePromotions(
  book: PromotionBook,
  lines: readonly Omit<PromotionLine, "amountMinor">[],
  context: PromotionContext,
): CompiledPromotion[] {
  if (book.size === 0) return [];
  return livePromotionsNamed(book, basketNames(lines), context);
}

/** livePromotions of a basket whose names (basketNames) are known. */
export function livePromotionsNamed(
  book: PromotionBook,
  names: Names,
  context: PromotionContext,
): CompiledPromotion[] {
  if (book.size === 0) return [];
  const codes = new Set((context.codes ?? []).map((c) => c.trim().toUpperCase()));
  const groups = context.customerGroups ?? [];
  const found = new Set<CompiledPromotion>(book.general);
  const addAll = (list: readonly CompiledPromotion[] | undefined) => {
    if (list !== undefined) for (const p of list) found.add(p);
  };
  // Each name once: a long basket repeats the same few products, departments and categories.
  for (const code of names.products) addAll(book.byProduct.get(code));
  for (const id of names.departments) addAll(book.byDepartment.get(id));
  for (const id of names.categories) addAll(book.byCategory.get(id));
  for (const code of codes) addAll(book.byCode.get(code));
  const live: CompiledPromotion[] = [];
  for (const p of found) {
    if (p.code !== null && !codes.has(p.code)) continue;
    if (p.groups !== null && !groups.some((g) => p.groups?.has(g))) continue;
    if (!inSchedule(p, context.clock)) continue;
    live.push(p);
  }
  return live.sort((a, b) => a.rank - b.rank);
}

function canonicalOrder(lines: readonly PromotionLine[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < lines.length; i++) if (eligible(lines[i] as PromotionLine)) order.push(i);
  const before = (a: number, b: number): number => {
    const x = lines[a] as PromotionLine;
    const y = lines[b] as PromotionLine;
    if (x.code !== y.code) return x.code < y.code ? -1 : 1;
    if (x.amountMinor !== y.amountMinor) return x.amountMinor - y.amountMinor;
    if (x.qtyMilli !== y.qtyMilli) return x.qtyMilli - y.qtyMilli;
    return a - b;
  };
  // A basket often is in that order already (one product scanned again and again): no sort then.
  for (let k = 1; k < order.length; k++) {
    if (before(order[k - 1] as number, order[k] as number) > 0) return order.sort(before);
  }
  return order;
}

function rewardOf(p: CompiledPromotion, targets: rewards.Target[], mode: RoundingMode): number[] {
  const { reward } = p.promotion;
  const percent = p.percent ?? { num: 0n, den: 1n };
  switch (reward.kind) {
    case "percent":
      return rewards.percentOff(targets, percent, mode);
    case "amount":
      return rewards.amountOff(targets, reward.amountMinor ?? 0);
    case "fixedPrice":
      return reward.buy === undefined
        ? rewards.fixedPrice(targets, reward.priceMinor ?? 0, mode)
        : rewards.groupPrice(targets, reward.buy, reward.priceMinor ?? 0);
    case "cheapest":
      return rewards.cheapest(targets, percent, mode);
    case "multibuy":
      return rewards.multibuy(targets, reward.buy ?? 1, reward.get ?? 1, percent, mode);
  }
}

/** Applies the book's promotions to a basket. Pure: the same basket and context give the same outcome. */
export function applyPromotions(
  book: PromotionBook,
  lines: readonly PromotionLine[],
  context: PromotionContext,
  /** The basket's live promotions when the caller has them already (livePromotions of the same lines). */
  known?: readonly CompiledPromotion[],
): PromotionOutcome {
  const outcome: PromotionOutcome = { lineDiscountMinor: lines.map(() => 0), applied: [], codesUsed: [] };
  const live = known ?? livePromotions(book, lines, context);
  if (live.length === 0) return outcome;
  const lineDiscount = lines.map(() => 0);
  const order = canonicalOrder(lines);
  const index = new LineIndex(lines, order, namesOf(live));
  // Each line as rewards see it, what is left of it kept up to date as promotions take from it.
  const left: rewards.Target[] = lines.map((line) => ({
    code: line.code,
    qtyMilli: line.qtyMilli,
    remaining: eligible(line) ? line.amountMinor : 0,
  }));
  // Every sum below is at most the basket's, held exactly as a number (rewards.ts).
  const basket = left.reduce((sum, t) => sum + t.remaining, 0);
  if (!Number.isSafeInteger(basket))
    toSafeNumber(sumBig(left.map((t) => BigInt(t.remaining))), "basket amount");

  for (const p of live) {
    const named = p.condition === null ? order : index.named(p.condition);
    if (named.length === 0) continue;
    const condition = p.promotion.condition;
    if (condition?.minQty !== undefined) {
      const qty = named.reduce((n, i) => n + (lines[i]?.qtyMilli ?? 0), 0);
      if (qty < Math.round(condition.minQty * 1000)) continue;
    }
    if (condition?.minAmountMinor !== undefined) {
      if (named.reduce((sum, i) => sum + (left[i]?.remaining ?? 0), 0) < condition.minAmountMinor) continue;
    }
    const on = p.promotion.reward.on === "order" ? order : p.reward !== null ? index.named(p.reward) : named;
    const targetIndexes: number[] = [];
    const targets: rewards.Target[] = [];
    for (const i of on) {
      const target = left[i];
      if (target === undefined || target.remaining <= 0) continue;
      targetIndexes.push(i);
      targets.push(target);
    }
    if (targets.length === 0) continue;
    // A price per unit the lines are at or below already takes nothing (seen without its shares).
    const { reward } = p.promotion;
    if (
      reward.kind === "fixedPrice" &&
      reward.buy === undefined &&
      !rewards.fixedPriceTakesAny(targets, reward.priceMinor ?? 0, context.roundingMode)
    )
      continue;
    let discounts = rewardOf(p, targets, context.roundingMode);
    let total = 0;
    for (let t = 0; t < discounts.length; t++) {
      const d = discounts[t] ?? 0;
      const most = targets[t]?.remaining ?? 0;
      const kept = d < 0 ? 0 : Math.min(d, most);
      discounts[t] = kept;
      total += kept;
    }
    const cap = p.promotion.reward.maxDiscountMinor;
    if (cap !== undefined && total > cap) {
      discounts = allocateLargestRemainder(cap, discounts);
      total = cap;
    }
    if (total === 0) continue;
    targetIndexes.forEach((line, t) => {
      const d = discounts[t] ?? 0;
      const target = left[line];
      if (target !== undefined) target.remaining -= d;
      lineDiscount[line] = (lineDiscount[line] ?? 0) + d;
    });
    outcome.applied.push({
      id: p.promotion.id,
      name: p.promotion.name,
      discountMinor: total,
    });
    if (p.code !== null && !outcome.codesUsed.includes(p.code)) outcome.codesUsed.push(p.code);
    if (p.promotion.exclusive === true) break;
  }
  // Each is at most its line's amount, a safe integer.
  outcome.lineDiscountMinor = lineDiscount;
  return outcome;
}
