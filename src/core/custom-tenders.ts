/**
 * The shop's own tenders (vouchers, staff meal tickets, a partner's coupons…): defined at head
 * office (`POST /tenders`), replicated to every store and till. A custom tender's id is its tender
 * type: recorded on sales, refunds, shift reports and the accounting export under that id. A sale
 * names one as `{type: "custom", tenderId, amountMinor}` (or by its id as the type).
 */
import { z } from "zod";
import { featureErrors } from "./errors.ts";
import { CASH_ON_DELIVERY, DEFAULT_TENDER_TYPES, EXCHANGE_TENDER, type TenderType } from "./tenders.ts";

/** The type a sale's tender names to pay with a custom tender (with `tenderId`). */
export const CUSTOM_TENDER = "custom";

/** Types a custom tender may not take: the built-in ones and the wrapper's name. */
export const RESERVED_TENDER_IDS: ReadonlySet<string> = new Set([
  ...DEFAULT_TENDER_TYPES.map((t) => t.type),
  EXCHANGE_TENDER,
  CASH_ON_DELIVERY,
  CUSTOM_TENDER,
]);

export const customTenderIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,19}$/, "must be 1 to 20 lower-case letters, digits or _, starting with a letter")
  .refine((id) => !RESERVED_TENDER_IDS.has(id), "is a built-in tender type; choose another id");

export const customTenderSchema = z.strictObject({
  id: customTenderIdSchema,
  /** Shown at the till and printed on the receipt. */
  name: z.string().trim().min(1, "must not be empty").max(24, "must be at most 24 characters"),
  /** May pay more than is due, the excess given back in cash; false: never more than is due. */
  changeAllowed: z.boolean(),
  /** At most this much of one sale may be paid with it (all its tenders together). */
  maxPerSaleMinor: z.number().int("must be whole minor units").positive("must be more than zero").optional(),
  /** Paying with it opens the cash drawer (a paper voucher goes in it). Default false. */
  opensDrawer: z.boolean().optional(),
  /** In force: false ends it everywhere (sales already paid with it keep it). Default true. */
  active: z.boolean().optional(),
});
export type CustomTender = z.infer<typeof customTenderSchema>;

export class CustomTenderError extends featureErrors({
  CUSTOM_TENDER_UNKNOWN: "invalid",
  CUSTOM_TENDER_DISABLED: "invalid",
  CUSTOM_TENDER_OVER_MAX: "invalid",
  CUSTOM_TENDER_ID_REQUIRED: "invalid",
}) {}

export function isActiveTender(tender: CustomTender): boolean {
  return tender.active !== false;
}

/** The tender types the custom tenders add (for settling and refunds). */
export function customTenderTypes(tenders: readonly CustomTender[]): TenderType[] {
  return tenders.map((t) => ({ type: t.id, isCash: false, allowsChange: t.changeAllowed }));
}

interface TenderLike {
  type: string;
  amountMinor: number;
  tenderId?: string | undefined;
}

/**
 * A sale's tenders with every custom one named by its id as its type (`tenderId` dropped). An
 * unknown one, one no longer in force (unless `allowInactive`: a till's sale as rung, paid while
 * the till still had it) or more of one than its `maxPerSaleMinor` is refused.
 */
export function resolveCustomTenders<T extends TenderLike>(
  tenders: readonly T[],
  defined: readonly CustomTender[],
  options: { allowInactive?: boolean } = {},
): Omit<T, "tenderId">[] {
  const byId = new Map(defined.map((t) => [t.id, t]));
  const used = new Map<string, number>();
  const resolved = tenders.map((tender, index) => {
    const { tenderId, ...rest } = tender;
    const isCustom = tender.type === CUSTOM_TENDER;
    if (isCustom && tenderId === undefined) {
      throw new CustomTenderError(
        "CUSTOM_TENDER_ID_REQUIRED",
        `tender ${index + 1} is a custom tender without its tenderId`,
        { index },
      );
    }
    const id = isCustom ? (tenderId as string) : tender.type;
    const custom = byId.get(id);
    if (custom === undefined) {
      if (!isCustom) return rest;
      throw new CustomTenderError(
        "CUSTOM_TENDER_UNKNOWN",
        `tender ${index + 1}: no custom tender has the id "${id}" (known: ${[...byId.keys()].join(", ") || "none"})`,
        { index, tenderId: id, known: [...byId.keys()] },
      );
    }
    if (!isActiveTender(custom) && options.allowInactive !== true) {
      throw new CustomTenderError(
        "CUSTOM_TENDER_DISABLED",
        `tender ${index + 1}: ${custom.name} (${id}) is no longer taken`,
        { index, tenderId: id },
      );
    }
    used.set(id, (used.get(id) ?? 0) + tender.amountMinor);
    return { ...rest, type: id };
  });
  for (const [id, amountMinor] of used) {
    const max = byId.get(id)?.maxPerSaleMinor;
    if (max !== undefined && amountMinor > max) {
      throw new CustomTenderError(
        "CUSTOM_TENDER_OVER_MAX",
        `at most ${max} of a sale may be paid with ${byId.get(id)?.name ?? id}, not ${amountMinor}`,
        { tenderId: id, maxPerSaleMinor: max, amountMinor },
      );
    }
  }
  return resolved;
}

/** A tender with its defaults filled in, as the APIs answer it. */
export function withDefaults(tender: CustomTender): CustomTender & { opensDrawer: boolean; active: boolean } {
  return { ...tender, opensDrawer: tender.opensDrawer ?? false, active: tender.active ?? true };
}
