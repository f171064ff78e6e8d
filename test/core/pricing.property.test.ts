import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { DomainError } from "../../src/core/errors.ts";
import { type BasketInput, type PricingSettings, priceBasket, type Quote } from "../../src/core/pricing.ts";
import { MAX_QTY_MILLI } from "../../src/core/quantity.ts";
import { type RoundingMode, roundToIncrement } from "../../src/core/rounding.ts";
import { DEFAULT_TENDER_TYPES, settle, type TenderInput } from "../../src/core/tenders.ts";

const CLASS_IDS = ["a", "b", "c"] as const;

/** A percentage 0–100 with up to 4 decimals, as text. */
const percentText = fc
  .integer({ min: 0, max: 1_000_000 })
  .map((scaled) => `${Math.floor(scaled / 10_000)}.${String(scaled % 10_000).padStart(4, "0")}`);

const settingsArb: fc.Arbitrary<PricingSettings> = fc.record({
  currency: fc.constantFrom("USD", "EUR", "CHF", "JPY", "KWD", "SEK"),
  pricesIncludeTax: fc.boolean(),
  taxRounding: fc.constantFrom("line" as const, "document" as const),
  roundingMode: fc.constantFrom<RoundingMode>("half-up", "half-even"),
  cashRoundingMinor: fc.constantFrom(0, 5, 10, 50, 100),
  cashRoundingScope: fc.constantFrom("cash" as const, "all" as const),
  taxClasses: fc
    .tuple(percentText, percentText, fc.constantFrom("0", "8.875", "19", "7", "8.1", "25"))
    .map((rates) =>
      rates.map((rate, index) => ({ id: CLASS_IDS[index] ?? "a", name: `Class ${index}`, rate })),
    ),
});

interface LineSeed {
  qtyMilli: number;
  unitPriceMinor: number;
  taxClass: string | null;
  discount: { percent: string } | { amountFraction: number } | null;
}

const lineArb: fc.Arbitrary<LineSeed> = fc.record({
  qtyMilli: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: MAX_QTY_MILLI })),
  unitPriceMinor: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000_000 })),
  taxClass: fc.constantFrom<string | null>("a", "b", "c", null),
  discount: fc.oneof(
    fc.constant(null),
    percentText.map((percent) => ({ percent })),
    fc.integer({ min: 0, max: 10_000 }).map((amountFraction) => ({ amountFraction })),
  ),
});

const basketArb = fc.record({
  lines: fc.array(lineArb, { minLength: 0, maxLength: 25 }),
  basket: fc.oneof(
    fc.constant(null),
    percentText.map((percent) => ({ percent })),
    fc.integer({ min: 0, max: 10_000 }).map((amountFraction) => ({ amountFraction })),
  ),
});

/** Exact unit price × quantity, half-up, for sizing amount discounts that fit. */
function extendedOf(seed: LineSeed, mode: RoundingMode): number {
  const product = BigInt(seed.unitPriceMinor) * BigInt(seed.qtyMilli);
  const floor = product / 1000n;
  const rem = product % 1000n;
  const up = rem > 500n || (rem === 500n && (mode === "half-up" || floor % 2n === 1n));
  return Number(up ? floor + 1n : floor);
}

function fractionOf(amount: number, fraction: number): number {
  return Number((BigInt(amount) * BigInt(fraction)) / 10_000n);
}

/** Builds a basket whose amount discounts always fit what they discount. */
function buildBasket(
  seeds: readonly LineSeed[],
  basket: { percent: string } | { amountFraction: number } | null,
  settings: PricingSettings,
): { input: BasketInput; basketAmountMinor: number | null } {
  const lines = seeds.map((seed, index) => {
    const base = {
      code: `L${index}`,
      name: `Line ${index}`,
      qtyMilli: seed.qtyMilli,
      unitPriceMinor: seed.unitPriceMinor,
    };
    const withClass = { ...base, taxClass: seed.taxClass };
    if (seed.discount === null) return withClass;
    if ("percent" in seed.discount) return { ...withClass, discount: { percent: seed.discount.percent } };
    const amountMinor = fractionOf(extendedOf(seed, settings.roundingMode), seed.discount.amountFraction);
    return { ...withClass, discount: { amountMinor } };
  });
  if (basket === null) return { input: { lines }, basketAmountMinor: null };
  if ("percent" in basket)
    return { input: { lines, discount: { percent: basket.percent } }, basketAmountMinor: null };
  const afterLines = priceBasket({ lines }, { ...settings, cashRoundingMinor: 0 }).lines.reduce(
    (sum, l) => sum + l.totalMinor,
    0,
  );
  const amountMinor = fractionOf(afterLines, basket.amountFraction);
  return { input: { lines, discount: { amountMinor } }, basketAmountMinor: amountMinor };
}

function allNumbers(quote: Quote): number[] {
  return [
    quote.subtotalMinor,
    quote.discountMinor,
    quote.taxMinor,
    quote.totalMinor,
    quote.cashDueMinor,
    quote.cashRoundingMinor,
    ...quote.lines.flatMap((l) => [l.extendedMinor, l.discountMinor, l.taxMinor, l.totalMinor, l.qtyMilli]),
    ...quote.taxes.flatMap((t) => [t.baseMinor, t.taxMinor]),
  ];
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

const runs = { numRuns: 300 };

describe("pricing properties", () => {
  test("an amount basket discount is allocated so the shares sum exactly to it", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(lineArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 10_000 }),
        (settings, seeds, amountFraction) => {
          const withoutBasket = priceBasket(buildBasket(seeds, null, settings).input, settings);
          const built = buildBasket(seeds, { amountFraction }, settings);
          const quote = priceBasket(built.input, settings);
          expect(quote.discountMinor - withoutBasket.discountMinor).toBe(built.basketAmountMinor ?? -1);
          quote.lines.forEach((l, index) => {
            const before = withoutBasket.lines[index];
            expect(l.discountMinor).toBeGreaterThanOrEqual(before?.discountMinor ?? 0);
            expect(l.totalMinor).toBeGreaterThanOrEqual(0);
          });
        },
      ),
      runs,
    );
  });

  test("totals add up: net = lines + tax, gross = lines with tax ≤ total; line taxes sum to the breakdown", () => {
    fc.assert(
      fc.property(settingsArb, basketArb, (settings, seed) => {
        const quote = priceBasket(buildBasket(seed.lines, seed.basket, settings).input, settings);
        const lineTotals = sum(quote.lines.map((l) => l.totalMinor));
        const roundedAway = settings.cashRoundingScope === "all" ? quote.cashRoundingMinor : 0;
        if (settings.pricesIncludeTax) {
          expect(quote.totalMinor - roundedAway).toBe(lineTotals);
          expect(quote.taxMinor).toBeLessThanOrEqual(lineTotals);
        } else {
          expect(quote.totalMinor - roundedAway).toBe(lineTotals + quote.taxMinor);
        }
        expect(quote.subtotalMinor).toBe(sum(quote.lines.map((l) => l.extendedMinor)));
        expect(quote.discountMinor).toBe(sum(quote.lines.map((l) => l.discountMinor)));
        expect(quote.taxMinor).toBe(sum(quote.lines.map((l) => l.taxMinor)));
        expect(quote.taxMinor).toBe(sum(quote.taxes.map((t) => t.taxMinor)));
        for (const entry of quote.taxes) {
          const ofClass = quote.lines.filter((l) => l.taxClass === entry.taxClass);
          expect(sum(ofClass.map((l) => l.taxMinor))).toBe(entry.taxMinor);
          const amounts = sum(ofClass.map((l) => l.totalMinor));
          expect(entry.baseMinor).toBe(settings.pricesIncludeTax ? amounts - entry.taxMinor : amounts);
        }
        for (const l of quote.lines) {
          expect(l.totalMinor).toBe(l.extendedMinor - l.discountMinor);
          expect(l.discountMinor).toBeGreaterThanOrEqual(0);
          expect(l.taxMinor).toBeGreaterThanOrEqual(0);
          expect(l.totalMinor).toBeGreaterThanOrEqual(0);
          if (l.taxClass === null) expect(l.taxMinor).toBe(0);
        }
        for (const value of allNumbers(quote)) expect(Number.isSafeInteger(value)).toBe(true);
      }),
      runs,
    );
  });

  test("document tax per rate is within half a minor unit of the exact tax", () => {
    fc.assert(
      fc.property(settingsArb, basketArb, (settings, seed) => {
        const documentSettings = { ...settings, taxRounding: "document" as const };
        const quote = priceBasket(
          buildBasket(seed.lines, seed.basket, documentSettings).input,
          documentSettings,
        );
        const rates = new Map<string, bigint>();
        for (const taxClass of documentSettings.taxClasses) {
          const [whole = "0", fraction = ""] = taxClass.rate.split(".");
          rates.set(taxClass.id, BigInt(whole + fraction.padEnd(4, "0")));
        }
        const byRate = new Map<bigint, { amount: bigint; tax: bigint }>();
        for (const l of quote.lines) {
          if (l.taxClass === null) continue;
          const rate = rates.get(l.taxClass) ?? 0n;
          const entry = byRate.get(rate) ?? { amount: 0n, tax: 0n };
          entry.amount += BigInt(l.totalMinor);
          entry.tax += BigInt(l.taxMinor);
          byRate.set(rate, entry);
        }
        for (const [rate, { amount, tax }] of byRate) {
          const den = documentSettings.pricesIncludeTax ? 1_000_000n + rate : 1_000_000n;
          // |tax − amount × rate / den| ≤ 1/2  ⇔  |2 × tax × den − 2 × amount × rate| ≤ den
          const error = 2n * tax * den - 2n * amount * rate;
          expect(error <= den && error >= -den).toBe(true);
        }
      }),
      runs,
    );
  });

  test("rounding never moves an amount by more than half an increment", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom<RoundingMode>("half-up", "half-even"),
        (amount, increment, mode) => {
          const rounded = roundToIncrement(amount, increment, mode);
          expect(Math.abs(rounded - amount) * 2).toBeLessThanOrEqual(increment);
          if (increment > 0) expect(rounded % increment === 0).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(settingsArb, basketArb, (settings, seed) => {
        const quote = priceBasket(buildBasket(seed.lines, seed.basket, settings).input, settings);
        expect(Math.abs(quote.cashRoundingMinor) * 2).toBeLessThanOrEqual(settings.cashRoundingMinor);
      }),
      runs,
    );
  });

  test("settling: change is never negative, never exceeds the change-giving tenders, tenders cover the amount due", () => {
    const tenderArb = fc.record({
      type: fc.constantFrom(...DEFAULT_TENDER_TYPES.map((t) => t.type)),
      /** Share of the total in ten-thousandths: tenders land below, on and above what is due. */
      share: fc.oneof(fc.integer({ min: 0, max: 12_000 }), fc.constantFrom(2_500, 5_000, 10_000)),
      offsetMinor: fc.integer({ min: -3, max: 3 }),
    });
    const outcomes = { settled: 0, withChange: 0, refused: 0 };
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(lineArb, { maxLength: 5 }),
        fc.array(tenderArb, { maxLength: 4 }),
        (settings, seeds, tenderSeeds) => {
          const quote = priceBasket(buildBasket(seeds, null, settings).input, settings);
          const tenders: TenderInput[] = tenderSeeds.map((t) => ({
            type: t.type,
            amountMinor: Math.max(1, fractionOf(quote.totalMinor, t.share) + t.offsetMinor),
          }));
          const noChange = sum(tenders.filter((t) => t.type !== "cash").map((t) => t.amountMinor));
          const cash = sum(tenders.filter((t) => t.type === "cash").map((t) => t.amountMinor));
          let settlement: ReturnType<typeof settle>;
          try {
            settlement = settle(quote, tenders, settings);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            outcomes.refused += 1;
            if (error.code === "CHANGE_NOT_ALLOWED") expect(noChange).toBeGreaterThan(quote.totalMinor);
            else {
              expect(error.code).toBe("TENDER_SHORT");
              expect(noChange + cash).toBeLessThan(
                quote.totalMinor + Math.ceil(settings.cashRoundingMinor / 2),
              );
            }
            return;
          }
          outcomes.settled += 1;
          if (settlement.changeMinor > 0) outcomes.withChange += 1;
          expect(noChange).toBeLessThanOrEqual(quote.totalMinor);
          expect(settlement.changeMinor).toBeGreaterThanOrEqual(0);
          expect(settlement.changeMinor).toBeLessThanOrEqual(cash);
          expect(settlement.paidMinor).toBe(noChange + cash);
          expect(settlement.paidMinor - settlement.changeMinor).toBe(settlement.amountDueMinor);
          expect(Math.abs(settlement.cashRoundingMinor) * 2).toBeLessThanOrEqual(settings.cashRoundingMinor);
          if (cash === 0) expect(settlement.amountDueMinor).toBe(quote.totalMinor);
          for (const value of Object.values(settlement)) expect(Number.isSafeInteger(value)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    // the generator must exercise every branch, not only refusals
    expect(outcomes.settled).toBeGreaterThan(0);
    expect(outcomes.withChange).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  test("paying the quoted cash due in cash always settles with no change", () => {
    fc.assert(
      fc.property(settingsArb, fc.array(lineArb, { minLength: 1, maxLength: 5 }), (settings, seeds) => {
        const quote = priceBasket(buildBasket(seeds, null, settings).input, settings);
        if (quote.cashDueMinor === 0) return;
        const settlement = settle(quote, [{ type: "cash", amountMinor: quote.cashDueMinor }], settings);
        expect(settlement.changeMinor).toBe(0);
        expect(settlement.amountDueMinor).toBe(quote.cashDueMinor);
      }),
      runs,
    );
  });
});
