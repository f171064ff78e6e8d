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
import { allocateLargestRemainderBig } from "../allocation.ts";
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
  const codes = new Set((context.codes ?? []).map((c) => c.trim().toUpperCase()));
  const groups = context.customerGroups ?? [];
  const found = new Set<CompiledPromotion>(book.general);
  const addAll = (list: readonly CompiledPromotion[] | undefined) => {
    if (list !== undefined) for (const p of list) found.add(p);
  };
  // Each name once: a long basket repeats the same few products, departments and categories.
  const products = new Set<string>();
  const departments = new Set<string>();
  const categories = new Set<string>();
  for (const line of lines) {
    if (!nameable(line as PromotionLine)) continue;
    products.add(line.code);
    if (line.department != null) departments.add(line.department);
    if (line.categories !== undefined) for (const id of line.categories) categories.add(id);
  }
  for (const code of products) addAll(book.byProduct.get(code));
  for (const id of departments) addAll(book.byDepartment.get(id));
  for (const id of categories) addAll(book.byCategory.get(id));
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
  return lines
    .map((_, i) => i)
    .filter((i) => eligible(lines[i] as PromotionLine))
    .sort((a, b) => {
      const x = lines[a] as PromotionLine;
      const y = lines[b] as PromotionLine;
      if (x.code !== y.code) return x.code < y.code ? -1 : 1;
      if (x.amountMinor !== y.amountMinor) return x.amountMinor - y.amountMinor;
      if (x.qtyMilli !== y.qtyMilli) return x.qtyMilli - y.qtyMilli;
      return a - b;
    });
}

function rewardOf(p: CompiledPromotion, targets: rewards.Target[], mode: RoundingMode): bigint[] {
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
  const lineDiscount = lines.map(() => 0n);
  const order = canonicalOrder(lines);
  const index = new LineIndex(lines, order, namesOf(live));
  const remaining = lines.map((line) => BigInt(eligible(line) ? line.amountMinor : 0));

  for (const p of live) {
    const named = p.condition === null ? order : index.named(p.condition);
    if (named.length === 0) continue;
    const condition = p.promotion.condition;
    if (condition?.minQty !== undefined) {
      const qty = named.reduce((n, i) => n + (lines[i]?.qtyMilli ?? 0), 0);
      if (qty < Math.round(condition.minQty * 1000)) continue;
    }
    if (condition?.minAmountMinor !== undefined) {
      if (sumBig(named.map((i) => remaining[i] ?? 0n)) < BigInt(condition.minAmountMinor)) continue;
    }
    const on = p.promotion.reward.on === "order" ? order : p.reward !== null ? index.named(p.reward) : named;
    const targetIndexes = on.filter((i) => (remaining[i] ?? 0n) > 0n);
    if (targetIndexes.length === 0) continue;
    const targets = targetIndexes.map((i) => ({
      code: lines[i]?.code ?? "",
      qtyMilli: lines[i]?.qtyMilli ?? 0,
      remaining: remaining[i] ?? 0n,
    }));
    let discounts = rewardOf(p, targets, context.roundingMode).map((d, t) => {
      const left = targets[t]?.remaining ?? 0n;
      return d < 0n ? 0n : d > left ? left : d;
    });
    let total = sumBig(discounts);
    const cap = p.promotion.reward.maxDiscountMinor;
    if (cap !== undefined && total > BigInt(cap)) {
      discounts = allocateLargestRemainderBig(BigInt(cap), discounts);
      total = BigInt(cap);
    }
    if (total === 0n) continue;
    targetIndexes.forEach((line, t) => {
      const d = discounts[t] ?? 0n;
      remaining[line] = (remaining[line] ?? 0n) - d;
      lineDiscount[line] = (lineDiscount[line] ?? 0n) + d;
    });
    outcome.applied.push({
      id: p.promotion.id,
      name: p.promotion.name,
      discountMinor: toSafeNumber(total, "promotion discount"),
    });
    if (p.code !== null && !outcome.codesUsed.includes(p.code)) outcome.codesUsed.push(p.code);
    if (p.promotion.exclusive === true) break;
  }
  // Each is at most its line's amount, a safe integer.
  outcome.lineDiscountMinor = lineDiscount.map((d) => Number(d));
  return outcome;
}
