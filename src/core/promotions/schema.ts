/**
 * A promotion as head office and the store accept it (`POST /promotions`, CONTRACT.md
 * "Promotions and messages"), as it travels down the change log, and as the engine reads it:
 * one zod schema, the type inferred from it.
 */
import { z } from "zod";
import { categoryIdSchema } from "../catalog-stock.ts";
import { productCodeSchema } from "../product-input.ts";

export const promotionIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:-]{1,40}$/, "must be 1 to 40 letters, digits or . _ : -");

/** A promo code as printed on a coupon: letters and digits, compared without regard to case. */
export const promoCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "must be 1 to 40 letters, digits, _ or -");

const departmentIdSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(16, "must be at most 16 characters");

/** A percentage as decimal text ("10", "12.5") or a number, from 0 to 100 with at most 4 decimals. */
export const promotionPercentSchema = z.union([
  z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percent such as "10" or "12.5"'),
  z
    .number()
    .min(0, "must not be negative")
    .max(100, "must be at most 100")
    .refine((n) => Number.isInteger(n * 10_000), "at most 4 decimals"),
]);

const minorField = z.number().int("must be whole minor units").min(0, "must not be negative");
const unitsField = z.number().int("must be a whole number of units").min(1, "must be at least 1").max(1000);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day "HH:MM"');
const dateOrTime = z.union([
  z.iso.date("must be a date YYYY-MM-DD or an ISO 8601 UTC time"),
  z.iso.datetime({ error: "must be a date YYYY-MM-DD or an ISO 8601 UTC time" }),
]);
const codes = z.array(productCodeSchema).min(1, "name at least one, or leave it out").max(500);
const categories = z.array(categoryIdSchema).min(1, "name at least one, or leave it out").max(100);
const departments = z.array(departmentIdSchema).min(1, "name at least one, or leave it out").max(100);

export const promotionConditionSchema = z.strictObject({
  /** Units of the named lines (all lines when it names none) the basket must hold. */
  minQty: z.number().positive("must be more than zero").max(10_000).optional(),
  /** What the named lines (all lines when it names none) must come to, after earlier promotions. */
  minAmountMinor: minorField.optional(),
  products: codes.optional(),
  categories: categories.optional(),
  departments: departments.optional(),
});
export type PromotionCondition = z.infer<typeof promotionConditionSchema>;

export const REWARD_KINDS = ["percent", "amount", "fixedPrice", "cheapest", "multibuy"] as const;

export const promotionRewardSchema = z.strictObject({
  kind: z.enum(REWARD_KINDS),
  percent: promotionPercentSchema.optional(),
  amountMinor: minorField.optional(),
  priceMinor: minorField.optional(),
  /** "order": every line; "matching" (default): the lines the reward or else the condition names. */
  on: z.enum(["order", "matching"]).optional(),
  products: codes.optional(),
  categories: categories.optional(),
  departments: departments.optional(),
  /** multibuy: units bought; fixedPrice: units sold together for `priceMinor` (3 for 5.00). */
  buy: unitsField.optional(),
  /** multibuy: units of every group of buy + get that are `percent` off. */
  get: unitsField.optional(),
  /** The most this promotion takes off one sale, shared among its lines in proportion to value. */
  maxDiscountMinor: minorField.optional(),
});
export type PromotionReward = z.infer<typeof promotionRewardSchema>;

/** Which reward fields each kind needs. */
const NEEDS: Record<(typeof REWARD_KINDS)[number], readonly (keyof PromotionReward)[]> = {
  percent: ["percent"],
  amount: ["amountMinor"],
  fixedPrice: ["priceMinor"],
  cheapest: ["percent"],
  multibuy: ["buy", "get", "percent"],
};

export const promotionSchema = z
  .strictObject({
    id: promotionIdSchema,
    name: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters"),
    /** A promo code: the promotion applies only to a sale that presents it. Absent: automatic. */
    code: promoCodeSchema.optional(),
    validFrom: dateOrTime.optional(),
    validTo: dateOrTime.optional(),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    timeFrom: timeOfDay.optional(),
    timeTo: timeOfDay.optional(),
    customerGroups: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
    condition: promotionConditionSchema.optional(),
    reward: promotionRewardSchema,
    priority: z.number().int().min(-1000).max(1000).optional(),
    exclusive: z.boolean().optional(),
    maxUses: z.number().int().positive().optional(),
    maxUsesPerCustomer: z.number().int().positive().optional(),
  })
  .superRefine((p, ctx) => {
    for (const field of NEEDS[p.reward.kind]) {
      if (p.reward[field] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["reward", field],
          message: `a ${p.reward.kind} reward needs ${field}`,
        });
      }
    }
    if ((p.timeFrom === undefined) !== (p.timeTo === undefined)) {
      ctx.addIssue({ code: "custom", path: ["timeTo"], message: "give timeFrom and timeTo together" });
    }
    if (p.validFrom !== undefined && p.validTo !== undefined && p.validFrom > p.validTo) {
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "must not be before validFrom" });
    }
  });
export type Promotion = z.infer<typeof promotionSchema>;

/** What a priced sale says of each promotion that took something off it. */
export const appliedPromotionSchema = z.strictObject({
  id: promotionIdSchema,
  name: z.string().min(1).max(60),
  discountMinor: minorField,
});
export type AppliedPromotion = z.infer<typeof appliedPromotionSchema>;

/** A promotion kept as JSON (as `POST /promotions` took it), read back. */
export function promotionFromJson(text: string): Promotion {
  return promotionSchema.parse(JSON.parse(text));
}
