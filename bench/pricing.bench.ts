/**
 * Pricing engine throughput: a 100-line basket with three tax classes (and untaxed lines),
 * weighed items, line discounts and a basket discount, priced with document tax rounding and
 * Swiss-style cash rounding. Compared to a trivial loop over the same 100 line amounts.
 *
 * With promotions: the same basket with 10,000 promotions in force of every kind (see
 * `support/promotions.ts`), most of them naming products, categories or departments the basket
 * does not hold, some on its lines, some order-wide outside their hours or behind a code.
 *
 * And the compiled till's scan to line without promotions and with the same 10,000 in force, in
 * the same run (support/till-promotions.ts; skipped without the binary: `bash scripts/build`).
 */

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { type BasketInput, type PricingSettings, priceBasket } from "../src/core/pricing.ts";
import { PromotionBook, priceWithPromotions } from "../src/core/promotions/index.ts";
import { type BenchCase, type BenchResult, type BenchSuite, summarise } from "./harness.ts";
import { benchPromotions } from "./support/promotions.ts";
import { NO_PROMOTIONS, tillScanWithPromotions, WITH_PROMOTIONS } from "./support/till-promotions.ts";

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

const promotedBasket = {
  ...basket,
  lines: basket.lines.map((line, index) => ({
    ...line,
    department: `D${index % 12}`,
    categories: [`C${index % 20}`, `G${index % 4}`],
  })),
};
const promotions = benchPromotions(10_000);
const book = new PromotionBook(promotions);
/** A Wednesday at 11:00 in Zurich: the happy hours (17:00–19:00) are not on. */
const at = new Date("2026-12-09T10:00:00Z");
const withPromotions = { book, at, timeZone: "Europe/Zurich" };
let sink = 0;

const cases: BenchCase[] = [
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
  {
    name: "pricing: the same basket, 10,000 promotions in force",
    iterations: 2_000,
    baseline: "pricing: 100-line basket, mixed taxes, basket discount",
    goal: "p99 < 2 ms",
    run: () => {
      sink = priceWithPromotions(promotedBasket, settings, withPromotions).totalMinor;
    },
  },
  {
    name: "cold: compiling 10,000 promotions, then the first basket",
    measure: async () => {
      const samples: number[] = [];
      const start = Bun.nanoseconds();
      for (let i = 0; i < 5; i++) {
        const t0 = Bun.nanoseconds();
        const fresh = new PromotionBook(benchPromotions(10_000, i));
        sink = priceWithPromotions(promotedBasket, settings, { ...withPromotions, book: fresh }).totalMinor;
        samples.push((Bun.nanoseconds() - t0) / 1e6);
      }
      return summarise(
        "cold: compiling 10,000 promotions, then the first basket",
        samples,
        (Bun.nanoseconds() - start) / 1e6,
      );
    },
  },
];

/** Read after a run so the work cannot be optimised away. */
export function lastResult(): number {
  return sink;
}

export default async function suite(): Promise<BenchSuite> {
  const binary = process.env.RINGUP_TEST_BINARY ?? join(resolve(import.meta.dir, ".."), "dist", "ringup");
  if (!existsSync(binary)) {
    process.stderr.write(
      `bench: pricing: no till binary at ${binary} (bash scripts/build): its rows are skipped\n`,
    );
    return { cases };
  }
  let results: Promise<BenchResult[]> | undefined;
  const row = (index: number) => async (): Promise<BenchResult> => {
    results ??= tillScanWithPromotions(binary);
    const result = (await results)[index];
    if (result === undefined) throw new Error("bench: missing till row");
    return result;
  };
  return {
    cases: [
      ...cases,
      { name: NO_PROMOTIONS, measure: row(0) },
      { name: `${NO_PROMOTIONS}, first 200`, measure: row(1) },
      {
        name: WITH_PROMOTIONS,
        measure: row(2),
        baseline: NO_PROMOTIONS,
        goal: "within 1 ms of no promotions",
      },
      { name: `${WITH_PROMOTIONS}, first 200`, measure: row(3), baseline: `${NO_PROMOTIONS}, first 200` },
    ],
  };
}
