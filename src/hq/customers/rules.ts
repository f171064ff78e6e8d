/**
 * Group rules: whether a customer belongs to a rule group, from their questionnaire answers
 * and their spend. Pure; the spend is looked up by the caller.
 */
import type { GroupCondition, GroupRule } from "../../api/hq/customers.ts";
import type { Answer } from "./fields.ts";

export interface RuleFacts {
  fields: Record<string, Answer>;
  /** What the customer spent in the last `days` days (undefined: all time), in minor units. */
  spendMinor(days: number | undefined): number;
}

function holds(condition: GroupCondition, facts: RuleFacts): boolean {
  if ("spend" in condition) return facts.spendMinor(condition.spend.days) >= condition.spend.atLeastMinor;
  const answer = facts.fields[condition.field];
  if (answer === undefined || answer === null) return false;
  if (condition.equals !== undefined && answer !== condition.equals) return false;
  if (condition.atLeast !== undefined && !(typeof answer === "number" && answer >= condition.atLeast))
    return false;
  if (condition.atMost !== undefined && !(typeof answer === "number" && answer <= condition.atMost))
    return false;
  return true;
}

export function ruleHolds(rule: GroupRule, facts: RuleFacts): boolean {
  return rule.all.every((c) => holds(c, facts));
}
