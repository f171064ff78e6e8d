/**
 * Promo codes and their usage limits, as head office and the store count them: a code is
 * single-use when its promotion allows one use in all (`maxUses: 1`) or one per customer
 * (`maxUsesPerCustomer: 1`); otherwise it is multi-use. Uses are counted chain-wide by head
 * office, one per sale; a sale's use is claimed once (by its sale id) and released when the
 * sale is not completed.
 *
 * Also: why a presented code took nothing off (unknown, not yet valid, expired), so that the
 * cashier hears a precise reason instead of a silent price.
 */
import { featureErrors } from "../errors.ts";
import type { PromotionClock } from "./schedule.ts";
import type { Promotion } from "./schema.ts";

export class PromoCodeError extends featureErrors({
  CODE_UNKNOWN: "not_found",
  CODE_NOT_YET_VALID: "conflict",
  CODE_EXPIRED: "conflict",
  CODE_USED_UP: "conflict",
  CODE_CUSTOMER_LIMIT: "conflict",
  CODE_NEEDS_CUSTOMER: "conflict",
  CODE_NEEDS_HQ: "unavailable",
}) {}

/** Whether a promotion's uses are limited (and so counted). */
export function isLimited(p: Promotion): boolean {
  return p.maxUses !== undefined || p.maxUsesPerCustomer !== undefined;
}

/** A code that can be used once only (in all, or by each customer): it needs head office's count. */
export function isSingleUse(p: Promotion): boolean {
  return p.maxUses === 1 || p.maxUsesPerCustomer === 1;
}

export interface CodeUses {
  /** Uses of the promotion's code by other sales, not released. */
  total: number;
  /** Of those, the customer's (0 without a customer). */
  byCustomer: number;
}

/** Refuses one more use of a promotion's code when its limits are reached; returns nothing when allowed. */
export function requireUseAllowed(p: Promotion, uses: CodeUses, customerId: string | null): void {
  const code = p.code ?? p.id;
  if (p.maxUses !== undefined && uses.total >= p.maxUses) {
    throw new PromoCodeError(
      "CODE_USED_UP",
      p.maxUses === 1
        ? `code ${code} has already been used (it is single-use)`
        : `code ${code} has been used ${uses.total} times, its limit of ${p.maxUses}`,
      { code, uses: uses.total, maxUses: p.maxUses },
    );
  }
  if (p.maxUsesPerCustomer !== undefined) {
    if (customerId === null) {
      throw new PromoCodeError(
        "CODE_NEEDS_CUSTOMER",
        `code ${code} is limited per customer: attach the customer's card first`,
        { code },
      );
    }
    if (uses.byCustomer >= p.maxUsesPerCustomer) {
      throw new PromoCodeError(
        "CODE_CUSTOMER_LIMIT",
        `code ${code} has been used ${uses.byCustomer} times by this customer, the limit is ${p.maxUsesPerCustomer}`,
        { code, uses: uses.byCustomer, maxUsesPerCustomer: p.maxUsesPerCustomer },
      );
    }
  }
}

function isDate(text: string): boolean {
  return text.length === 10;
}

/**
 * Why a presented code took nothing off, when it is the code's dates that keep it out: unknown
 * to every promotion, not yet valid, or expired. Null when the code is in force (its
 * promotion's condition was not met, or its hours or weekdays do not hold now).
 */
export function codeOutOfDate(
  promotions: readonly Promotion[],
  presented: string,
  clock: PromotionClock,
): PromoCodeError | null {
  const code = presented.trim().toUpperCase();
  const withCode = promotions.filter((p) => p.code?.toUpperCase() === code);
  if (withCode.length === 0) {
    return new PromoCodeError("CODE_UNKNOWN", `no promotion has the code ${code}`, { code });
  }
  const after = (p: Promotion) =>
    p.validTo !== undefined &&
    (isDate(p.validTo) ? clock.date > p.validTo : clock.instant >= new Date(p.validTo).toISOString());
  const before = (p: Promotion) =>
    p.validFrom !== undefined &&
    (isDate(p.validFrom) ? clock.date < p.validFrom : clock.instant < new Date(p.validFrom).toISOString());
  if (withCode.every(after)) {
    return new PromoCodeError("CODE_EXPIRED", `code ${code} expired on ${withCode[0]?.validTo}`, { code });
  }
  if (withCode.every((p) => before(p) || after(p))) {
    return new PromoCodeError(
      "CODE_NOT_YET_VALID",
      `code ${code} is valid from ${withCode.find(before)?.validFrom}`,
      { code },
    );
  }
  return null;
}

/** Uses of one promotion's code at one store, as counted. */
export interface CodeUseCount {
  promotionId: string;
  storeId: string;
  uses: number;
  /** Of those, accepted while head office could not be reached (not yet counted there, at a store). */
  offline: number;
  discountMinor: number;
}

/** Each promo code of `promotions` (by id) with its limits and its counted uses, by store. */
export function codeUsage(promotions: readonly Promotion[], counts: readonly CodeUseCount[]) {
  return promotions
    .filter((p) => p.code !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => {
      const mine = counts.filter((c) => c.promotionId === p.id && c.uses > 0);
      return {
        promotionId: p.id,
        code: (p.code ?? "").toUpperCase(),
        maxUses: p.maxUses ?? null,
        maxUsesPerCustomer: p.maxUsesPerCustomer ?? null,
        uses: mine.reduce((n, c) => n + c.uses, 0),
        offlineUses: mine.reduce((n, c) => n + c.offline, 0),
        discountMinor: mine.reduce((n, c) => n + c.discountMinor, 0),
        byStore: mine.map((c) => ({ storeId: c.storeId, uses: c.uses })),
      };
    });
}
