/**
 * Staff commissions on service lines. A rule gives a percent of the line's net price (after
 * discounts, without tax) or a fixed amount per unit; it applies to one service, a category (or
 * any category under it), or every service, for one staff member or every one. The most
 * specific rule wins: a service's before a category's before a rule for every service, and at
 * each level a rule naming the staff member before one for every staff member. Pure.
 */
import { parsePercent } from "../percent.ts";

export interface CommissionRuleInput {
  id: string;
  staffId: string | null;
  serviceCode: string | null;
  category: string | null;
  percent: string | null;
  fixedMinor: number | null;
}

export interface CommissionLine {
  staffId: string;
  code: string;
  /** The product's category and every category above it, nearest first. */
  categories: readonly string[];
  qtyMilli: number;
  netMinor: number;
}

function specificity(rule: CommissionRuleInput, line: CommissionLine): number {
  if (rule.staffId !== null && rule.staffId !== line.staffId) return -1;
  const staff = rule.staffId === null ? 0 : 1;
  if (rule.serviceCode !== null) return rule.serviceCode === line.code ? 40 + staff : -1;
  if (rule.category !== null) {
    const depth = line.categories.indexOf(rule.category);
    // A nearer category is more specific than a farther one.
    return depth < 0 ? -1 : 20 + 2 * Math.max(0, 8 - depth) + staff;
  }
  return staff;
}

/** The rule that applies to a line, or null. Ties go to the rule listed first. */
export function ruleFor<R extends CommissionRuleInput>(rules: readonly R[], line: CommissionLine): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    const score = specificity(rule, line);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

/** Divides with rounding half away from zero. */
function divideHalfUp(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (abs * 2n + den) / (den * 2n);
  return negative ? -q : q;
}

/** The commission a rule gives on a line, in minor units (a percent rounded half up). */
export function commissionOf(rule: CommissionRuleInput, line: CommissionLine): number {
  if (rule.fixedMinor !== null) {
    return Number(divideHalfUp(BigInt(rule.fixedMinor) * BigInt(line.qtyMilli), 1000n));
  }
  const percent = parsePercent(rule.percent ?? "0", "COMMISSION_PERCENT", "commission percent");
  return Number(divideHalfUp(BigInt(line.netMinor) * percent.num, percent.den));
}
