import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { priceBasket } from "../../../src/core/pricing.ts";
import { storeSettingsSchema } from "../../../src/core/settings.ts";
import { appendLine, canAppend } from "../../../src/till/state/append-pricing.ts";
import type { SaleLine } from "../../../src/till/state/types.ts";

const line = fc.record({
  qtyMilli: fc.integer({ min: 1, max: 50_000 }),
  unitPriceMinor: fc.integer({ min: 0, max: 200_000 }),
  taxClass: fc.constantFrom(null, "1", "2", "3"),
  discount: fc.option(
    fc.oneof(
      fc.record({ percent: fc.constantFrom("5", "10", "12.5", "33.33") }),
      fc.record({ amountMinor: fc.integer({ min: 1, max: 50 }) }),
    ),
    { nil: undefined },
  ),
});

const settings = fc.record({
  pricesIncludeTax: fc.boolean(),
  roundingMode: fc.constantFrom("half-up" as const, "half-even" as const),
  cashRoundingMinor: fc.constantFrom(0, 5, 10, 100),
  currency: fc.constantFrom("USD", "CHF", "EUR"),
});

describe("appending a line to a quote", () => {
  test("equals the engine pricing the whole sale, for per-line tax rounding", () => {
    fc.assert(
      fc.property(settings, fc.array(line, { minLength: 1, maxLength: 25 }), (s, raw) => {
        const store = storeSettingsSchema.parse({
          ...s,
          taxClasses: [
            { id: "1", name: "Regular", rate: "8.875" },
            { id: "2", name: "Reduced", rate: "5.5" },
            { id: "3", name: "Zero", rate: "0" },
          ],
        });
        expect(canAppend(store, false)).toBe(true);
        const lines: SaleLine[] = raw.map((l, i) => ({
          id: i + 1,
          code: `C${i}`,
          name: `Item ${i}`,
          unit: "each",
          qtyMilli: l.qtyMilli,
          unitPriceMinor: l.unitPriceMinor,
          priceGiven: false,
          taxClass: l.taxClass,
          soldByWeight: false,
          ...(l.discount ? { discount: l.discount } : {}),
        }));
        const valid = lines.filter((l) => {
          try {
            priceBasket({ lines: [{ ...l }] }, store);
            return true;
          } catch {
            return false;
          }
        });
        if (valid.length === 0) return;
        let quote = null;
        for (const l of valid) quote = appendLine(quote, l, store);
        const whole = priceBasket({ lines: valid.map((l) => ({ ...l })) }, store);
        expect(quote).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  test("is not used where lines depend on each other", () => {
    expect(canAppend(storeSettingsSchema.parse({ taxRounding: "document" }), false)).toBe(false);
    expect(
      canAppend(storeSettingsSchema.parse({ cashRoundingScope: "all", cashRoundingMinor: 5 }), false),
    ).toBe(false);
    expect(canAppend(storeSettingsSchema.parse({}), true)).toBe(false);
  });
});
