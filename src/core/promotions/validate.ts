/**
 * The rules a promotion must meet before head office or a store keeps it, beyond its schema:
 * the products, categories and departments it names exist, and it does not overlap another
 * exclusive promotion — two exclusive promotions of the same priority that may meet the same
 * sale (their dates, weekdays and hours meet, and they name a line in common or one of them
 * is order-wide), where which one applies would be a matter of chance.
 */
import { featureErrors } from "../errors.ts";
import type { Promotion } from "./schema.ts";

export class PromotionRuleError extends featureErrors({
  UNKNOWN_PRODUCT: "invalid",
  UNKNOWN_CATEGORY: "invalid",
  UNKNOWN_DEPARTMENT: "invalid",
  EXCLUSIVE_OVERLAP: "conflict",
  PROMOTION_NOT_FOUND: "not_found",
}) {}

export interface PromotionRefs {
  hasProduct(code: string): boolean;
  hasCategory(id: string): boolean;
  hasDepartment(id: string): boolean;
}

function named(p: Promotion) {
  const c = p.condition ?? {};
  const r = p.reward;
  return {
    products: [...(c.products ?? []), ...(r.products ?? [])],
    categories: [...(c.categories ?? []), ...(r.categories ?? [])],
    departments: [...(c.departments ?? []), ...(r.departments ?? [])],
  };
}

/** Refuses a promotion that names a product, category or department the catalog does not have. */
export function requireKnownRefs(p: Promotion, refs: PromotionRefs): void {
  const { products, categories, departments } = named(p);
  const product = products.find((code) => !refs.hasProduct(code));
  if (product !== undefined) {
    throw new PromotionRuleError(
      "UNKNOWN_PRODUCT",
      `promotion "${p.id}" names product "${product}", which the catalog does not have`,
      { product },
    );
  }
  const category = categories.find((id) => !refs.hasCategory(id));
  if (category !== undefined) {
    throw new PromotionRuleError(
      "UNKNOWN_CATEGORY",
      `promotion "${p.id}" names category "${category}", which does not exist (add it with POST /categories)`,
      { category },
    );
  }
  const department = departments.find((id) => !refs.hasDepartment(id));
  if (department !== undefined) {
    throw new PromotionRuleError(
      "UNKNOWN_DEPARTMENT",
      `promotion "${p.id}" names department "${department}", which does not exist`,
      { department },
    );
  }
}

function datesMeet(a: Promotion, b: Promotion): boolean {
  const from = (p: Promotion) => (p.validFrom ?? "0000").slice(0, 10);
  const to = (p: Promotion) => (p.validTo ?? "9999").slice(0, 10);
  return from(a) <= to(b) && from(b) <= to(a);
}

function daysMeet(a: Promotion, b: Promotion): boolean {
  if (a.days === undefined || b.days === undefined) return true;
  return a.days.some((d) => b.days?.includes(d));
}

function hoursMeet(a: Promotion, b: Promotion): boolean {
  if (
    a.timeFrom === undefined ||
    a.timeTo === undefined ||
    b.timeFrom === undefined ||
    b.timeTo === undefined
  ) {
    return true;
  }
  // A window over midnight is taken as meeting every other.
  if (a.timeFrom > a.timeTo || b.timeFrom > b.timeTo) return true;
  return a.timeFrom < b.timeTo && b.timeFrom < a.timeTo;
}

function linesMeet(a: Promotion, b: Promotion): boolean {
  const na = named(a);
  const nb = named(b);
  const everyLine = (p: Promotion, n: ReturnType<typeof named>) =>
    p.reward.on === "order" ||
    (n.products.length === 0 && n.categories.length === 0 && n.departments.length === 0);
  if (everyLine(a, na) || everyLine(b, nb)) return true;
  const share = (x: string[], y: string[]) => x.some((v) => y.includes(v));
  return (
    share(na.products, nb.products) ||
    share(na.categories, nb.categories) ||
    share(na.departments, nb.departments) ||
    // A product of one may be in a category or department of the other.
    (na.products.length > 0 && (nb.categories.length > 0 || nb.departments.length > 0)) ||
    (nb.products.length > 0 && (na.categories.length > 0 || na.departments.length > 0)) ||
    (na.categories.length > 0 && nb.departments.length > 0) ||
    (nb.categories.length > 0 && na.departments.length > 0)
  );
}

/** Refuses an exclusive promotion that overlaps an active exclusive one of the same priority. */
export function requireNoExclusiveOverlap(p: Promotion, active: readonly Promotion[]): void {
  if (p.exclusive !== true) return;
  const other = active.find(
    (q) =>
      q.id !== p.id &&
      q.exclusive === true &&
      (q.priority ?? 0) === (p.priority ?? 0) &&
      datesMeet(p, q) &&
      daysMeet(p, q) &&
      hoursMeet(p, q) &&
      linesMeet(p, q),
  );
  if (other !== undefined) {
    throw new PromotionRuleError(
      "EXCLUSIVE_OVERLAP",
      `promotion "${p.id}" is exclusive and may meet the same sales as exclusive promotion "${other.id}" of the same priority (${p.priority ?? 0}); give one of them another priority, or make their dates, hours or lines apart`,
      { other: other.id },
    );
  }
}

/** Both rules: the names it uses exist, and it overlaps no exclusive promotion in force. */
export function checkPromotion(p: Promotion, refs: PromotionRefs, active: readonly Promotion[]): void {
  requireKnownRefs(p, refs);
  requireNoExclusiveOverlap(p, active);
}
