/**
 * Shapes of house charge accounts: a customer buys on account up to a credit limit set at head
 * office, pays later, and reads a statement. Amounts owed are in minor units.
 */
import { z } from "zod";

const minor = z.number().int("must be whole minor units");
const iso = z.iso.datetime({ error: "must be an ISO 8601 UTC time" });

export const creditLimitInputSchema = z.strictObject({
  creditLimitMinor: minor.min(0, "must not be negative").max(1_000_000_000, "must be at most 1,000,000,000"),
});
export type CreditLimitInput = z.infer<typeof creditLimitInputSchema>;

export const accountPaymentInputSchema = z.strictObject({
  /** The payment's id: the same id again answers the same and pays nothing more. */
  id: z.string().min(1).max(64),
  amountMinor: minor.positive("must be more than zero"),
  /** How it was paid (cash, transfer…), kept on the statement. */
  note: z.string().trim().min(1).max(200).optional(),
  storeId: z.string().min(1).max(32).optional(),
});
export type AccountPaymentInput = z.infer<typeof accountPaymentInputSchema>;

export const statementQuerySchema = z.object({ from: iso.optional(), to: iso.optional() });
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export const houseAccountAnswerSchema = z.looseObject({
  customerId: z.string(),
  creditLimitMinor: minor,
  /** What the customer owes (negative: a credit in their favour). */
  owedMinor: minor,
  /** What sales being recorded hold of the limit. */
  heldMinor: minor,
  availableMinor: minor,
});
export type HouseAccountAnswer = z.infer<typeof houseAccountAnswerSchema>;

export const statementAnswerSchema = z.looseObject({
  customerId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  creditLimitMinor: minor,
  /** Owed before `from`. */
  openingMinor: minor,
  entries: z.array(
    z.looseObject({
      at: z.string(),
      type: z.enum(["charge", "refund", "payment"]),
      /** What it adds to what is owed (a refund or a payment takes off). */
      amountMinor: minor,
      /** Owed after it. */
      owedMinor: minor,
      key: z.string(),
      storeId: z.string().nullable(),
      saleId: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** Owed at `to`. */
  closingMinor: minor,
});
export type StatementAnswer = z.infer<typeof statementAnswerSchema>;
