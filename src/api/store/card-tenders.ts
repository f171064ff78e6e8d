/**
 * Shapes of the store's card operations for tills: a card tender authorised before the sale is
 * completed (`POST /card-redemptions`, so the cashier knows it is taken), its release, and a card
 * issued or blocked at the till (the store asks head office and keeps the answer in its copy).
 */
import { z } from "zod";
import { cardNumberField } from "./sales.ts";

const int = z.number().int();
const str = z.string();

/** The card tenders a till has authorised ahead (store credit and house accounts of loyalty cards). */
export const TILL_CARD_TENDERS = ["points", "giftcard", "store_credit", "account"] as const;
export type TillCardTender = (typeof TILL_CARD_TENDERS)[number];

export const cardRedemptionInputSchema = z.strictObject({
  /** The sale the tender pays (the till's UUIDv7) and the tender's index on it. */
  saleId: z.uuid("must be the sale's id (UUID)"),
  index: z.number().int().min(0).max(19),
  type: z.enum(TILL_CARD_TENDERS),
  card: cardNumberField,
  /** What the tender should pay; points pay the most whole points worth no more than it. */
  amountMinor: z.number().int("must be whole minor units").positive("must be more than zero"),
});
export type CardRedemptionInput = z.infer<typeof cardRedemptionInputSchema>;

export const cardRedemptionAnswerSchema = z.looseObject({
  /** `<saleId>:<index>`. */
  id: str,
  saleId: str,
  card: str,
  unit: z.enum(["points", "money", "account"]),
  /** Points redeemed (a points tender), else null. */
  points: int.nullable(),
  /** What the tender pays: put it on the sale as the tender's amount. */
  amountMinor: int,
  /** held: authorised at head office; offline: within the offline allowance; released. */
  status: z.enum(["held", "committed", "released", "offline", "reconciled"]),
});
export type CardRedemptionAnswer = z.infer<typeof cardRedemptionAnswerSchema>;

export const cardRedemptionParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const issueCardInputSchema = z.strictObject({
  number: cardNumberField,
  kind: z.enum(["loyalty", "gift"]).default("loyalty"),
  customerId: z.string().min(1).max(40).optional(),
});
export type IssueCardInput = z.input<typeof issueCardInputSchema>;
