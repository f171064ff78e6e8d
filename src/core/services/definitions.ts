/**
 * Services and commission rules as head office defines them and sends them down to stores
 * (change kinds `service` and `commission_rule`). A definition travels whole: a store applies the
 * latest one for a code or a rule id, so applying one twice changes nothing. Pure.
 */
import { z } from "zod";
import { refId } from "../events/fields.ts";

const productCode = z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters");
const staffId = z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters");
const int = z.number().int();

/** A service (its duration and staff) or a package of visits of one, as asked for. */
export const serviceDefinitionSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    code: productCode,
    kind: z.literal("service"),
    /** Minutes a booking of it takes: 5 minutes to 12 hours. */
    durationMin: int.min(5, "must be at least 5 minutes").max(720, "must be at most 720 minutes (12 hours)"),
    /** The users who perform it; none or empty: any staff member. */
    staffIds: z.array(staffId).max(100).default([]),
  }),
  z.strictObject({
    code: productCode,
    kind: z.literal("package"),
    /** The service one visit of the package pays for. */
    serviceCode: productCode,
    /** Visits one unit sold gives. */
    visits: int.min(1, "must be at least 1 visit").max(1000, "must be at most 1000 visits"),
  }),
]);
export type ServiceDefinition = z.infer<typeof serviceDefinitionSchema>;

/** A service as kept and sent down: every field present, null where its kind has none. */
export const serviceChangeValue = z.strictObject({
  code: z.string().min(1).max(32),
  kind: z.enum(["service", "package"]),
  durationMin: int.nullable(),
  staffIds: z.array(z.string().min(1).max(40)).max(100),
  serviceCode: z.string().min(1).max(32).nullable(),
  visits: int.nullable(),
});
export type ServiceChangeValue = z.infer<typeof serviceChangeValue>;

export function serviceValueOf(definition: ServiceDefinition): ServiceChangeValue {
  return {
    code: definition.code,
    kind: definition.kind,
    durationMin: definition.kind === "service" ? definition.durationMin : null,
    staffIds: definition.kind === "service" ? [...new Set(definition.staffIds)] : [],
    serviceCode: definition.kind === "package" ? definition.serviceCode : null,
    visits: definition.kind === "package" ? definition.visits : null,
  };
}

/** Whom and what a commission rule is for (its id with it). */
export const ruleTargetShape = {
  id: refId,
  /** Absent: every staff member. */
  staffId: staffId.optional(),
  /** A service (product code) or a category; neither: every service. */
  serviceCode: productCode.optional(),
  category: z.string().trim().min(1).max(64).optional(),
};

interface RuleChoices {
  percent?: string | undefined;
  fixedMinor?: number | undefined;
  serviceCode?: string | undefined;
  category?: string | undefined;
}

/** A rule's terms: exactly one of a percent or a fixed amount; a service or a category, not both. */
export function withRuleChoices<T extends z.ZodType<RuleChoices>>(schema: T): T {
  return schema
    .refine((r) => (r.percent === undefined) !== (r.fixedMinor === undefined), {
      message: "give exactly one of percent or fixedMinor",
      path: ["percent"],
    })
    .refine((r) => r.serviceCode === undefined || r.category === undefined, {
      message: "a rule is for a service or for a category, not both",
      path: ["category"],
    });
}

/**
 * A commission rule as head office is asked for it. A sign is accepted by the shape so that a
 * negative amount or percent is refused by name (head office's `COMMISSION_NEGATIVE`), as is a
 * percent over 100.
 */
export const commissionRuleDefinitionSchema = withRuleChoices(
  z.strictObject({
    ...ruleTargetShape,
    /** Percent of the line's net price (after discounts, without tax), as decimal text. */
    percent: z
      .string()
      .regex(/^-?\d{1,4}(\.\d{1,4})?$/, 'must be a percent such as "10" or "12.5"')
      .optional(),
    /** A fixed amount per unit of the service. */
    fixedMinor: int.min(-100_000_000).max(100_000_000).optional(),
    /** false ends the rule at every store. */
    active: z.boolean().default(true),
  }),
);
export type CommissionRuleDefinition = z.infer<typeof commissionRuleDefinitionSchema>;

/** A commission rule as kept and sent down (an ended one with `active: false`). */
export const commissionRuleChangeValue = z.strictObject({
  id: refId,
  staffId: z.string().min(1).max(40).nullable(),
  serviceCode: z.string().min(1).max(32).nullable(),
  category: z.string().min(1).max(64).nullable(),
  percent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,4})?$/)
    .nullable(),
  fixedMinor: int.min(0).max(100_000_000).nullable(),
  active: z.boolean(),
});
export type CommissionRuleChangeValue = z.infer<typeof commissionRuleChangeValue>;

/** Why a rule's terms cannot be: a negative commission, or a percent over 100; null when they can. */
export function commissionTermsFault(rule: {
  percent?: string | undefined;
  fixedMinor?: number | undefined;
}): "negative" | "over_100" | null {
  if ((rule.fixedMinor ?? 0) < 0 || rule.percent?.startsWith("-") === true) return "negative";
  if (rule.percent !== undefined && Number(rule.percent) > 100) return "over_100";
  return null;
}

export function commissionRuleValueOf(rule: CommissionRuleDefinition): CommissionRuleChangeValue {
  return {
    id: rule.id,
    staffId: rule.staffId ?? null,
    serviceCode: rule.serviceCode ?? null,
    category: rule.category ?? null,
    // "-0" is no fault: kept as "0".
    percent: rule.percent === undefined ? null : rule.percent.replace(/^-/, ""),
    fixedMinor: rule.fixedMinor === undefined ? null : Math.abs(rule.fixedMinor),
    active: rule.active,
  };
}
