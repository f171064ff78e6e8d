/**
 * The pure parts of services: commissions exact to the minor unit (a percent rounded half up,
 * a fixed amount per unit), the most specific rule, overlaps and free slots, and wall-clock
 * times in the store's time zone across a daylight-saving change.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { type CommissionRuleInput, commissionOf, ruleFor } from "../../src/core/services/commission.ts";
import { clockTime, localInstant } from "../../src/core/services/local-time.ts";
import { freeStarts, overlaps } from "../../src/core/services/slots.ts";

const rule = (id: string, r: Partial<CommissionRuleInput>): CommissionRuleInput => ({
  id,
  staffId: null,
  serviceCode: null,
  category: null,
  percent: null,
  fixedMinor: null,
  ...r,
});
const line = { staffId: "ann", code: "CUT", categories: ["COLOUR", "HAIR"], qtyMilli: 2000, netMinor: 3333 };

describe("commissions", () => {
  test("the most specific rule: service, then nearer category, then every service; the staff's first", () => {
    const rules = [
      rule("all", { percent: "10" }),
      rule("ann-all", { staffId: "ann", percent: "11" }),
      rule("hair", { category: "HAIR", percent: "12" }),
      rule("colour", { category: "COLOUR", percent: "13" }),
      rule("ann-colour", { staffId: "ann", category: "COLOUR", percent: "14" }),
      rule("cut", { serviceCode: "CUT", percent: "15" }),
      rule("bob-cut", { staffId: "bob", serviceCode: "CUT", percent: "16" }),
    ];
    expect(ruleFor(rules, line)?.id).toBe("cut");
    expect(ruleFor(rules.slice(0, 5), line)?.id).toBe("ann-colour");
    expect(ruleFor(rules.slice(0, 4), line)?.id).toBe("colour");
    expect(ruleFor(rules.slice(0, 3), line)?.id).toBe("hair");
    expect(ruleFor(rules.slice(0, 2), line)?.id).toBe("ann-all");
    expect(ruleFor([rules[6] as CommissionRuleInput], line)).toBeNull();
  });

  test("a percent of the net, half up; a fixed amount per unit", () => {
    expect(commissionOf(rule("p", { percent: "12.5" }), line)).toBe(417);
    expect(commissionOf(rule("p", { percent: "15" }), { ...line, netMinor: 1 })).toBe(0);
    expect(commissionOf(rule("p", { percent: "50" }), { ...line, netMinor: 1 })).toBe(1);
    expect(commissionOf(rule("f", { fixedMinor: 750 }), line)).toBe(1500);
    expect(commissionOf(rule("f", { fixedMinor: 750 }), { ...line, qtyMilli: 1000 })).toBe(750);
  });

  test("property: a percent commission is within half a minor unit of the exact amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (net, bp) => {
          const percent = `${Math.floor(bp / 10_000)}.${String(bp % 10_000).padStart(4, "0")}`;
          const c = commissionOf(rule("p", { percent }), { ...line, netMinor: net });
          const exact = (net * bp) / 1_000_000;
          return Number.isInteger(c) && Math.abs(c - exact) <= 0.5;
        },
      ),
    );
  });
});

describe("slots", () => {
  const min = 60_000;
  test("back to back is no overlap; free starts skip busy spans and the past", () => {
    expect(overlaps({ start: 0, end: 30 * min }, { start: 30 * min, end: 60 * min })).toBe(false);
    expect(overlaps({ start: 0, end: 31 * min }, { start: 30 * min, end: 60 * min })).toBe(true);
    const open = { start: 0, end: 180 * min };
    const starts = freeStarts(open, 45 * min, 30 * min, [{ start: 60 * min, end: 90 * min }], 10 * min);
    expect(starts.map((s) => s / min)).toEqual([90, 120]);
  });

  test("09:00 in Paris is 08:00 UTC in winter and 07:00 in summer", () => {
    expect(new Date(localInstant("2026-03-28", "09:00", "Europe/Paris")).toISOString()).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(new Date(localInstant("2026-03-30", "09:00", "Europe/Paris")).toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    expect(clockTime("2026-03-30T07:00:00.000Z", "Europe/Paris")).toBe("09:00");
  });
});
