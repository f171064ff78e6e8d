/**
 * Shapes of head office's cards and accounts API: cards (issue, look up, block, replace, bulk),
 * the loyalty programme, earning, adjustments, redemptions (authorise, commit, release), the
 * ledger and points expiry. Points are whole numbers; money in integer minor units.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { loyaltyProgramSchema } from "../../core/loyalty.ts";
import { customerIdSchema } from "./customers.ts";

export { type LoyaltyProgram, loyaltyProgramSchema } from "../../core/loyalty.ts";

const int = z.number().int();
const str = z.string();

export const cardNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, "must be 4–32 letters, digits or dashes");
export const cardKindSchema = z.enum(["loyalty", "gift"]);
const keySchema = z.string().min(1).max(128);

export const cardInputSchema = z.strictObject({
  number: cardNumberSchema,
  kind: cardKindSchema,
  customerId: customerIdSchema.optional(),
  /** Money loaded on issue (a gift card's value, or store credit), minor units. */
  balanceMinor: z.number().int().min(0).max(100_000_000).optional(),
  expiresAt: z.iso
    .datetime({ offset: true, error: "must be a time such as 2027-12-31T23:59:59Z" })
    .optional(),
  storeId: storeIdSchema.optional(),
});
export type CardInput = z.infer<typeof cardInputSchema>;

export const cardParamsSchema = z.object({ number: cardNumberSchema });

export const replaceInputSchema = z.strictObject({ newNumber: cardNumberSchema });

export const bulkCardsInputSchema = z.strictObject({
  /** The first digits of every number. */
  prefix: z.string().regex(/^[0-9]{1,10}$/, "must be 1–10 digits"),
  count: z.number().int().min(1).max(10_000),
  kind: cardKindSchema,
  /** `luhn`: `length` digits, the last a Luhn check digit; `ean13`: 13 digits, an EAN-13 barcode. */
  check: z.enum(["luhn", "ean13"]).default("ean13"),
  length: z.number().int().min(8).max(19).default(16),
  balanceMinor: z.number().int().min(0).max(100_000_000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type BulkCardsInput = z.infer<typeof bulkCardsInputSchema>;

export const cardAnswerSchema = z.looseObject({
  number: str,
  kind: cardKindSchema,
  customerId: str.nullable(),
  blocked: z.boolean(),
  points: int,
  balanceMinor: int,
  /** Points and money held by authorised redemptions not yet committed. */
  heldPoints: int.optional(),
  heldMinor: int.optional(),
  replacedBy: str.nullable().optional(),
  expiresAt: str.nullable().optional(),
});
export type CardAnswer = z.infer<typeof cardAnswerSchema>;

export const bulkCardsAnswerSchema = z.looseObject({ kind: cardKindSchema, numbers: z.array(str) });

export const loyaltyAnswerSchema = loyaltyProgramSchema.loose();

export const earnInputSchema = z.strictObject({
  card: cardNumberSchema,
  storeId: storeIdSchema,
  saleId: z.string().min(1).max(64),
  /** What the customer paid (after discounts and redemptions), minor units. */
  paidMinor: z.number().int().min(0).max(10_000_000_000),
});
export type EarnInput = z.infer<typeof earnInputSchema>;

export const earnAnswerSchema = z.looseObject({
  card: str,
  key: str,
  points: int,
  balance: int,
  /** True when this sale had already earned (nothing was added again). */
  duplicate: z.boolean(),
});

export const adjustmentInputSchema = z
  .strictObject({
    /** Makes the adjustment happen once (retry with the same key). */
    key: keySchema,
    card: cardNumberSchema,
    points: z.number().int().optional(),
    amountMinor: z.number().int().optional(),
    reason: z.string().trim().min(1).max(200),
  })
  .refine((a) => (a.points === undefined) !== (a.amountMinor === undefined), {
    message: "give points or amountMinor, not both",
  });
export type AdjustmentInput = z.infer<typeof adjustmentInputSchema>;

export const entrySchema = z.looseObject({
  key: str,
  card: str,
  unit: z.enum(["points", "money"]),
  type: str,
  amount: int,
  expiresAt: str.nullable(),
  storeId: str.nullable(),
  saleId: str.nullable(),
  note: str.nullable(),
  at: str,
});
export const entryAnswerSchema = z.looseObject({ entry: entrySchema, balance: int, duplicate: z.boolean() });
export const ledgerAnswerSchema = z.looseObject({
  card: str,
  /** The ledger of this card and of the cards it replaced, oldest first. */
  entries: z.array(entrySchema),
});

export const redemptionInputSchema = z
  .strictObject({
    /** The redemption's id: a retry with the same id and request answers the same. */
    id: z.string().min(1).max(64),
    card: cardNumberSchema,
    storeId: storeIdSchema,
    saleId: z.string().min(1).max(64).optional(),
    points: z.number().int().min(1).optional(),
    amountMinor: z.number().int().min(1).optional(),
    /**
     * `money` on a loyalty card: its store credit (money account), not its points; `account`:
     * a charge to the house account of the card's customer, within its credit limit.
     */
    unit: z.enum(["money", "account"]).optional(),
  })
  .refine((r) => (r.points === undefined) !== (r.amountMinor === undefined), {
    message: "give points or amountMinor, not both",
  })
  .refine((r) => r.unit === undefined || r.points === undefined, {
    message: "money is redeemed as amountMinor, not points",
  });
export type RedemptionInput = z.infer<typeof redemptionInputSchema>;

export const redemptionParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const redemptionAnswerSchema = z.looseObject({
  id: str,
  status: z.enum(["authorised", "committed", "released"]),
  card: str,
  unit: z.enum(["points", "money", "account"]),
  /** Points held (loyalty), or null for money. */
  points: int.nullable(),
  /** What the redemption is worth (money taken off the sale), minor units. */
  amountMinor: int,
  storeId: str,
  saleId: str.nullable(),
});
export type RedemptionAnswer = z.infer<typeof redemptionAnswerSchema>;

export const expiryAnswerSchema = z.looseObject({
  at: str,
  cards: int,
  points: int,
});
