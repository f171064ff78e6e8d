/**
 * Restricted tenders (SNAP/EBT): a tender that may pay only for the items flagged for it. The
 * store's settings name each restricted tender and the product flag it requires
 * (`restrictedTenders = [{ type = "ebt", requires = "snapEligible" }]`); such a tender may pay
 * at most the eligible total: the flagged lines' totals after their discounts (tax included
 * only where prices include it: a restricted tender never pays sales tax added on top), and
 * never more than the sale's total.
 */
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { describeMinor } from "./pricing-errors.ts";

export const TENDER_FLAGS = ["snapEligible"] as const;
export type TenderFlag = (typeof TENDER_FLAGS)[number];

export const restrictedTenderSchema = z.strictObject({
  type: z.string().min(1).max(20),
  requires: z.enum(TENDER_FLAGS),
});
export type RestrictedTender = z.infer<typeof restrictedTenderSchema>;

/** A sale's line as eligibility sees it. */
export interface EligibleLine {
  totalMinor: number;
  snapEligible?: boolean | undefined;
}

export interface EligibilityDetails {
  type: string;
  amountMinor: number;
  eligibleMinor: number;
  currency?: string;
}

/** A restricted tender (EBT) would pay more than the items it may pay for. */
export class TenderAboveEligibleError extends DomainError {
  readonly code = "TENDER_ABOVE_ELIGIBLE";
  constructor(details: EligibilityDetails) {
    super(
      `A ${details.type} tender may pay only for eligible items: at most ${describeMinor(details.eligibleMinor, details.currency)}, not ${describeMinor(details.amountMinor, details.currency)}. Take the rest in another tender.`,
      details,
    );
  }
}

/** The most a tender requiring `flag` may pay for these lines of a sale totalling `totalMinor`. */
export function eligibleTotalMinor(
  lines: readonly EligibleLine[],
  totalMinor: number,
  flag: TenderFlag = "snapEligible",
): number {
  let eligible = 0;
  for (const line of lines) if (line[flag] === true) eligible += line.totalMinor;
  return Math.max(0, Math.min(eligible, totalMinor));
}

/** The restricted tender configured for a tender type, if any. */
export function restrictionOf(
  type: string,
  restricted: readonly RestrictedTender[],
): RestrictedTender | undefined {
  return restricted.find((r) => r.type === type);
}

/**
 * Refuses tenders that pay more than their eligible total (TenderAboveEligibleError); tenders
 * requiring the same flag share its total.
 */
export function requireTenderEligibility(
  lines: readonly EligibleLine[],
  totalMinor: number,
  tenders: readonly { type: string; amountMinor: number }[],
  restricted: readonly RestrictedTender[],
  currency?: string,
): void {
  const paidByFlag = new Map<TenderFlag, { type: string; amountMinor: number }>();
  for (const tender of tenders) {
    const rule = restrictionOf(tender.type, restricted);
    if (rule === undefined) continue;
    const sum = (paidByFlag.get(rule.requires)?.amountMinor ?? 0) + tender.amountMinor;
    paidByFlag.set(rule.requires, { type: tender.type, amountMinor: sum });
    const eligibleMinor = eligibleTotalMinor(lines, totalMinor, rule.requires);
    if (sum > eligibleMinor) {
      throw new TenderAboveEligibleError({
        type: tender.type,
        amountMinor: sum,
        eligibleMinor,
        ...(currency === undefined ? {} : { currency }),
      });
    }
  }
}
