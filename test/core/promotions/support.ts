import {
  applyPromotions,
  type Promotion,
  PromotionBook,
  type PromotionLine,
  type PromotionOutcome,
  promotionClock,
  promotionSchema,
} from "../../../src/core/promotions/index.ts";

/** Monday 7 December 2026, noon UTC. */
export const MONDAY_NOON = new Date("2026-12-07T12:00:00Z");

/** A promotion as the API would accept it (parsed, so a bad one fails the test here). */
export function promo(body: Record<string, unknown>): Promotion {
  return promotionSchema.parse({ name: String(body.id), ...body });
}

export function line(code: string, qty: number, amountMinor: number, extra: Partial<PromotionLine> = {}) {
  return { code, qtyMilli: qty * 1000, amountMinor, ...extra };
}

export function run(
  promotions: readonly Promotion[],
  lines: readonly PromotionLine[],
  options: { at?: Date; codes?: string[]; customerGroups?: string[] } = {},
): PromotionOutcome {
  return applyPromotions(new PromotionBook(promotions), lines, {
    clock: promotionClock(options.at ?? MONDAY_NOON, "UTC"),
    roundingMode: "half-up",
    codes: options.codes,
    customerGroups: options.customerGroups,
  });
}
