/**
 * The forecast on synthetic series whose demand is known: it recovers a weekday pattern and a
 * trend, handles intermittent demand, and reads stock-out and promotion days for what they are.
 */
import { describe, expect, test } from "bun:test";
import { type DailyHistory, forecastDemand, weekdayProfile } from "../../../src/core/forecast/index.ts";

const WEEKDAY = [1.6, 0.8, 0.8, 0.9, 1.0, 1.1, 0.8]; // Sunday first, mean 1

/** A seeded generator (mulberry32), so noisy series are the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function series(days: number, demand: (day: number) => number): number[] {
  return Array.from({ length: days }, (_, d) => Math.round(demand(d) * 1000));
}

const units = (milli: number[]) => milli.map((m) => m / 1000);

describe("forecastDemand", () => {
  test("recovers a weekday pattern within 3%", () => {
    const history: DailyHistory = {
      qtyMilli: series(56, (d) => 20 * (WEEKDAY[d % 7] ?? 1)),
      firstWeekday: 0,
    };
    const f = forecastDemand(history, { horizon: 14 });
    units(f.dailyMilli).forEach((qty, h) => {
      const expected = 20 * (WEEKDAY[(56 + h) % 7] ?? 1);
      expect(Math.abs(qty - expected) / expected).toBeLessThan(0.03);
    });
    expect(f.trendPerDay).toBe(0);
  });

  test("recovers a weekday pattern under ±20% noise: over 20 series, days within 8% and weeks within 4% on average", () => {
    let dayError = 0;
    let weekError = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const history: DailyHistory = {
        qtyMilli: series(84, (d) => 30 * (WEEKDAY[(d + 3) % 7] ?? 1) * (0.8 + 0.4 * r())),
        firstWeekday: 3,
      };
      const f = forecastDemand(history, { horizon: 7 });
      units(f.dailyMilli).forEach((qty, h) => {
        const expected = 30 * (WEEKDAY[(84 + 3 + h) % 7] ?? 1);
        dayError += Math.abs(qty - expected) / expected / 7;
      });
      weekError += Math.abs(units(f.dailyMilli).reduce((a, b) => a + b, 0) - 210) / 210;
    }
    expect(dayError / 20).toBeLessThan(0.08);
    expect(weekError / 20).toBeLessThan(0.04);
  });

  test("recovers a trend within 5% over two weeks", () => {
    const demand = (d: number) => (10 + 0.5 * d) * (WEEKDAY[d % 7] ?? 1);
    const f = forecastDemand({ qtyMilli: series(56, demand), firstWeekday: 0 }, { horizon: 14 });
    expect(Math.abs(f.trendPerDay - 0.5)).toBeLessThan(0.025);
    units(f.dailyMilli).forEach((qty, h) => {
      const expected = demand(56 + h);
      expect(Math.abs(qty - expected) / expected).toBeLessThan(0.05);
    });
  });

  test("a noisy flat series shows no trend", () => {
    const r = rng(3);
    const f = forecastDemand(
      { qtyMilli: series(28, () => Math.floor(r() * 10)), firstWeekday: 0 },
      { horizon: 7 },
    );
    expect(f.trendPerDay).toBe(0);
  });

  test("intermittent demand: the SBA rate, not the size of a sale day", () => {
    // A sale of 6 every 5th day: 1.2 a day on average.
    const f = forecastDemand(
      { qtyMilli: series(60, (d) => (d % 5 === 4 ? 6 : 0)), firstWeekday: 0 },
      { horizon: 10 },
    );
    expect(f.method).toBe("intermittent");
    const mean = units(f.dailyMilli).reduce((a, b) => a + b, 0) / 10;
    // SBA: (1 − α/2) · size / interval = 0.925 · 6 / 5 = 1.11, with the weekday profile around it.
    expect(mean).toBeGreaterThan(0.9);
    expect(mean).toBeLessThan(1.3);
  });

  test("stock-out days are missing demand, not zero demand", () => {
    const qty = series(28, () => 10);
    const stockOut = qty.map(() => false);
    for (let d = 21; d < 28; d++) {
      qty[d] = 0;
      stockOut[d] = true;
    }
    const withFlags = forecastDemand({ qtyMilli: qty, firstWeekday: 0, stockOut }, { horizon: 7 });
    expect(units(withFlags.dailyMilli).every((q) => Math.abs(q - 10) < 0.3)).toBe(true);
    const without = forecastDemand({ qtyMilli: qty, firstWeekday: 0 }, { horizon: 7 });
    expect(units(without.dailyMilli).every((q) => q < 6)).toBe(true);
  });

  test("a day with sales while flagged out of stock still counts", () => {
    const qty = series(14, () => 4);
    const f = forecastDemand(
      { qtyMilli: qty, firstWeekday: 0, stockOut: qty.map(() => true) },
      { horizon: 3 },
    );
    expect(units(f.dailyMilli)).toEqual([4, 4, 4]);
  });

  test("promotion days do not inflate the baseline, and a planned promotion gets their uplift", () => {
    const promo = Array.from({ length: 42 }, (_, d) => d % 7 === 2 && d >= 14);
    const qty = series(42, (d) => (promo[d] ? 30 : 10));
    const f = forecastDemand({ qtyMilli: qty, firstWeekday: 0, promo }, { horizon: 7, futurePromo: [true] });
    const [first = 0, ...rest] = units(f.dailyMilli);
    for (const q of rest) expect(Math.abs(q - 10)).toBeLessThan(0.3);
    // 4 promotion days at 3× shrunk by 3 days of "no uplift": 1 + 2 · 4/7 ≈ 2.14.
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThan(23);
    const unflagged = forecastDemand({ qtyMilli: qty, firstWeekday: 0 }, { horizon: 7 });
    expect(units(unflagged.dailyMilli).some((q) => q > 12)).toBe(true);
  });

  test("a keying slip (a code typed as the quantity) is capped, not taken as demand", () => {
    const qty = series(28, () => 5);
    qty[20] = 4_070_000;
    const f = forecastDemand({ qtyMilli: qty, firstWeekday: 0 }, { horizon: 7 });
    // Capped at the median plus 3 × max(MAD, median / 2): 12.5 once in four weeks.
    expect(units(f.dailyMilli).every((q) => q < 7)).toBe(true);
    expect(units(f.dailyMilli).reduce((a, b) => a + b, 0)).toBeLessThan(38.5);
  });

  test("a short history borrows the store's weekday profile", () => {
    const prior = weekdayProfile(
      series(70, (d) => 100 * (WEEKDAY[d % 7] ?? 1)),
      0,
    );
    prior.forEach((f, k) => {
      expect(Math.abs(f - (WEEKDAY[k] ?? 1))).toBeLessThan(0.01);
    });
    const f = forecastDemand(
      { qtyMilli: series(5, () => 10), firstWeekday: 1 },
      { horizon: 7, weekdayPrior: prior },
    );
    const sunday = f.dailyMilli[0] ?? 0; // day 5 after a Monday start is a Saturday; day 6 is Sunday
    expect((f.dailyMilli[1] ?? 0) > sunday).toBe(true);
  });

  test("no history: no demand", () => {
    const f = forecastDemand({ qtyMilli: [], firstWeekday: 0 }, { horizon: 3 });
    expect(f.dailyMilli).toEqual([0, 0, 0]);
    expect(f.method).toBe("none");
  });
});
