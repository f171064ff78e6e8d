/**
 * Shapes of co-op members at head office: a customer's membership (number, since, the equity
 * they owe), equity payments recorded against them (once per id), and the equity report.
 */
import { z } from "zod";

const minor = z.number().int("must be whole minor units");

export const memberInputSchema = z.strictObject({
  /** The member (owner) number, as the co-op writes it (CORE-POS: the card number). */
  number: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,20}$/, "must be 1–20 letters, digits or dashes"),
  /** When they joined; absent: kept (null for a new member). */
  since: z.iso.date("must be a date such as 2020-03-01").nullable().optional(),
  /** The whole equity the member owes (the plan's total); absent: kept (0 for a new member). */
  equityDueMinor: minor
    .min(0, "must not be negative")
    .max(1_000_000_000, "must be at most 1,000,000,000")
    .optional(),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const memberAnswerSchema = z.looseObject({
  customerId: z.string(),
  number: z.string(),
  since: z.string().nullable(),
  equityDueMinor: minor,
  paidMinor: minor,
  outstandingMinor: minor,
});
export type MemberAnswer = z.infer<typeof memberAnswerSchema>;

export const equityPaymentInputSchema = z.strictObject({
  /** The payment's id: the same id again answers the same and records nothing more. */
  id: z.string().min(1).max(80),
  amountMinor: minor.positive("must be more than zero").max(1_000_000_000, "must be at most 1,000,000,000"),
  storeId: z.string().min(1).max(32).optional(),
  saleId: z.string().min(1).max(64).optional(),
  note: z.string().trim().min(1).max(200).optional(),
});
export type EquityPaymentInput = z.infer<typeof equityPaymentInputSchema>;

export const equityReportAnswerSchema = z.looseObject({
  members: z.array(
    z.looseObject({
      customerId: z.string(),
      name: z.string(),
      number: z.string(),
      since: z.string().nullable(),
      dueMinor: minor,
      paidMinor: minor,
      outstandingMinor: minor,
    }),
  ),
  dueMinor: minor,
  paidMinor: minor,
  outstandingMinor: minor,
});
export type EquityReportAnswer = z.infer<typeof equityReportAnswerSchema>;
