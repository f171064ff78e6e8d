/**
 * Pricing engine throughput: a 100-line basket with three tax classes (and untaxed lines),
 * weighed items, line discounts and a basket discount, priced with document tax rounding and
 * Swiss-style cash rounding. Compared to a trivial loop over the same 100 line amounts.
 */

import { type BasketInput, type PricingSettings, priceBasket } from "../src/core/pricing.ts";
import type { TimedCase } from "./harness.ts";

const settings: PricingSettings = {
  currency: "CHF",
  pricesIncludeTax: true,
  taxRounding: "document",
  roundingMode: "half-up",
  cashRoundingMinor: 5,
  cashRoundingScope: "cash",
  taxClasses: [
    { id: "std", name: "Normal", rate: "8.1" },
    { id: "red", name: "Reduced", rate: "2.6" },
    { id: "acc", name: "Accommodation", rate: "3.8" },
  ],
};

const taxCycle = ["std", "red", "acc", null] as const;

const basket: BasketInput = {
  lines: Array.from({ length: 100 }, (_, index) => ({
    code: `P${index}`,
    name: `Product ${index}`,
    qtyMilli: index % 5 === 0 ? 455 + index : 1000 * ((index % 3) + 1),
    unitPriceMinor: 95 + index * 37,
    taxClass: taxCycle[index % taxCycle.length] ?? null,
    ...(index % 7 === 0 ? { discount: { percent: "12.5" } } : {}),
    ...(index % 11 === 0 ? { discount: { amountMinor: 10 } } : {}),
  })),
  discount: { percent: "5" },
};

const amounts = basket.lines.map((line) => line.unitPriceMinor);
let sink = 0;

const cases: TimedCase[] = [
  {
    name: "baseline: sum 100 line amounts",
    iterations: 20_000,
    run: () => {
      let total = 0;
      for (const amount of amounts) total += amount;
      sink = total;
    },
  },
  {
    name: "pricing: 100-line basket, mixed taxes, basket discount",
    iterations: 2_000,
    baseline: "baseline: sum 100 line amounts",
    run: () => {
      sink = priceBasket(basket, settings).totalMinor;
    },
  },
];

/** Read after a run so the work cannot be optimised away. */
export function lastResult(): number {
  return sink;
}

export default cases;
