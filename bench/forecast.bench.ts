/**
 * Demand forecast and suggested orders:
 * - a backtest on the CORE-POS sample month: for its 500 best-selling products (by the days
 *   before the test week), each product's daily sales of the last 7 days forecast from the days
 *   before them, against two baselines in the same run (the same weekday last week; the mean of
 *   the last 14 days). WAPE = Σ|forecast − actual| / Σ actual over all products and days. Also
 *   reported over the products whose history has no keying slip (a day above 50 × the product's
 *   median sale day: a code typed as the quantity), where the baselines are not thrown off;
 * - the suggested order of a store of 50,000 products with 91 days of sales (the sample month's
 *   sales repeated three times, their lines spread over the products, written straight into
 *   SQLite): the first in a freshly opened store (cold), then again (warm).
 * Without the sample data the backtest is skipped and synthetic sales of the same shape are used.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { businessDay } from "../src/core/business-day.ts";
import { forecastDemand, weekdayProfile } from "../src/core/forecast/index.ts";
import { storeSettingsSchema } from "../src/core/settings.ts";
import { loadCoreposDailySales } from "../src/samples/corepos-daily.ts";
import { openStore } from "../src/store-server/open.ts";
import { daysBefore } from "../src/store-server/replenishment/history.ts";
import { ReplenishmentService } from "../src/store-server/replenishment/service.ts";
import type { BenchCase, BenchResult, BenchSuite } from "./harness.ts";
import { summarise } from "./harness.ts";
import { coreposAvailable } from "./support/corepos-month.ts";
import { type MonthSale, monthOfSales } from "./support/spread-month.ts";

const PRODUCTS = 50_000;
const TOP = 500;
const TEST_DAYS = 7;
const HISTORY_DAYS = 91;
const SLIP_FACTOR = 50;

type Forecaster = (history: number[], firstWeekday: number) => number[];

/** The same weekday last week. */
const sameWeekday: Forecaster = (h) =>
  Array.from({ length: TEST_DAYS }, (_, d) => h[h.length - 7 + (d % 7)] ?? 0);

/** The mean of the last 14 days. */
const mean14: Forecaster = (h) => {
  const last = h.slice(-14);
  const mean = last.reduce((a, b) => a + b, 0) / last.length;
  return new Array(TEST_DAYS).fill(mean);
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[s.length >> 1] ?? 0);
}

function hasSlip(series: number[]): boolean {
  const m = median(series.filter((q) => q > 0));
  return m > 0 && series.some((q) => q > SLIP_FACTOR * m);
}

async function backtest(): Promise<BenchResult> {
  const { days, byProduct } = await loadCoreposDailySales();
  const train = days.length - TEST_DAYS;
  const firstWeekday = new Date(`${days[0]}T00:00:00Z`).getUTCDay();
  const ranked = [...byProduct.entries()]
    .map(([code, s]) => ({ code, s, sold: s.slice(0, train).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.sold - a.sold || (a.code < b.code ? -1 : 1))
    .slice(0, TOP);
  const totals = days.slice(0, train).map((_, i) => {
    let sum = 0;
    for (const s of byProduct.values()) sum += s[i] ?? 0;
    return sum;
  });
  const prior = weekdayProfile(totals, firstWeekday);
  const ours: Forecaster = (h, w) =>
    forecastDemand({ qtyMilli: h, firstWeekday: w }, { horizon: TEST_DAYS, weekdayPrior: prior }).dailyMilli;

  const methods = { forecast: ours, sameWeekdayLastWeek: sameWeekday, mean14Days: mean14 };
  const errors = {
    all: { forecast: 0, sameWeekdayLastWeek: 0, mean14Days: 0 },
    clean: { forecast: 0, sameWeekdayLastWeek: 0, mean14Days: 0 },
  };
  const actual = { all: 0, clean: 0 };
  let slips = 0;
  let forecastSum = 0;
  const samples: number[] = [];
  const start = performance.now();
  for (const { s } of ranked) {
    const history = s.slice(0, train);
    const test = s.slice(train);
    const clean = !hasSlip(history);
    if (!clean) slips++;
    const sold = test.reduce((a, b) => a + b, 0);
    actual.all += sold;
    if (clean) actual.clean += sold;
    for (const [name, f] of Object.entries(methods) as [keyof typeof methods, Forecaster][]) {
      const t0 = performance.now();
      const predicted = f(history, firstWeekday);
      if (name === "forecast") {
        samples.push(performance.now() - t0);
        forecastSum += predicted.reduce((a, b) => a + b, 0);
      }
      const err = test.reduce((e, a, d) => e + Math.abs((predicted[d] ?? 0) - a), 0);
      errors.all[name] += err;
      if (clean) errors.clean[name] += err;
    }
  }
  const wall = performance.now() - start;
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const wape = (kind: "all" | "clean", name: keyof typeof methods) => errors[kind][name] / actual[kind];
  const better = (kind: "all" | "clean") =>
    Math.min(wape(kind, "sameWeekdayLastWeek"), wape(kind, "mean14Days"));
  return {
    ...summarise("backtest", samples, wall),
    extra: {
      wapeForecastPct: pct(wape("all", "forecast")),
      wapeSameWeekdayPct: pct(wape("all", "sameWeekdayLastWeek")),
      wapeMean14Pct: pct(wape("all", "mean14Days")),
      lowerThanBetterBaselinePct: pct(1 - wape("all", "forecast") / better("all")),
      productsWithSlip: slips,
      cleanWapeForecastPct: pct(wape("clean", "forecast")),
      cleanWapeSameWeekdayPct: pct(wape("clean", "sameWeekdayLastWeek")),
      cleanWapeMean14Pct: pct(wape("clean", "mean14Days")),
      cleanLowerThanBetterBaselinePct: pct(1 - wape("clean", "forecast") / better("clean")),
      forecastOverActualPct: pct(forecastSum / actual.all),
    },
  };
}

/** 50,000 products, a receipt of each, and the last 91 days of sales with their stock movements. */
function build(sqlite: import("bun:sqlite").Database, sales: MonthSale[], today: string): number {
  const code = (i: number) => `P${String(i).padStart(5, "0")}`;
  const insProduct = sqlite.prepare(
    "INSERT INTO products (code, name, price_minor, tax_class, department, change_seq, updated_at) VALUES (?, ?, 250, NULL, NULL, ?, '2025-01-01T00:00:00.000Z')",
  );
  const insMove = sqlite.prepare(
    "INSERT INTO stock_movements (product_code, qty_milli, kind, ref_id, user_id, at, on_hand_after_milli) VALUES (?, ?, ?, ?, NULL, ?, ?)",
  );
  const insSale = sqlite.prepare(
    `INSERT INTO sales (id, receipt_no, till_id, at, day, status, subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor, response)
     VALUES (?, ?, 'T1', ?, ?, 'completed', 0, 0, 0, 0, 0, 0, '{}')`,
  );
  const insLine = sqlite.prepare(
    `INSERT INTO sale_lines (sale_id, line_no, code, name, department, tax_class, qty_milli, unit_price_minor, extended_minor, discount_minor, tax_minor, total_minor)
     VALUES (?, ?, ?, 'x', NULL, NULL, ?, 250, 0, 0, 0, 0)`,
  );
  const onHand = new Array<number>(PRODUCTS).fill(20_000);
  const first = daysBefore(today, HISTORY_DAYS);
  sqlite.transaction(() => {
    for (let i = 0; i < PRODUCTS; i++) {
      insProduct.run(code(i), `Product ${i}`, i + 1);
      insMove.run(code(i), 20_000, "receipt", "R0", `${first}T06:00:00.000Z`, 20_000);
    }
  })();
  let lines = 0;
  const perDay = Math.ceil((sales.length * 3) / HISTORY_DAYS);
  let n = 0;
  for (let d = 0; d < HISTORY_DAYS; d++) {
    const day = daysBefore(today, HISTORY_DAYS - d);
    sqlite.transaction(() => {
      for (let k = 0; k < perDay; k++, n++) {
        const s = sales[n % sales.length];
        if (!s) continue;
        const id = `S${n}`;
        const at = new Date(Date.parse(`${day}T08:00:00.000Z`) + k * 20_000).toISOString();
        insSale.run(id, id, at, day);
        s.lines.forEach((l, no) => {
          insLine.run(id, no + 1, code(l.idx), l.qtyMilli);
          onHand[l.idx] = (onHand[l.idx] ?? 0) - l.qtyMilli;
          insMove.run(code(l.idx), -l.qtyMilli, "sale", id, at, onHand[l.idx] ?? 0);
          lines++;
        });
      }
    })();
  }
  const insLevel = sqlite.prepare("INSERT INTO stock_levels (product_code, on_hand_milli) VALUES (?, ?)");
  sqlite.transaction(() => {
    onHand.forEach((q, i) => {
      insLevel.run(code(i), q);
    });
  })();
  sqlite.exec("ANALYZE");
  return lines;
}

export default async function forecastBench(): Promise<BenchSuite> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-forecast-"));
  const settings = storeSettingsSchema.parse({});
  const teardown = async () => {
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const sales = await monthOfSales(PRODUCTS, "forecast.bench.ts");
    const t0 = performance.now();
    const built = openStore(dir, "S1", settings, { synchronous: "NORMAL" });
    const lines = build(built.sqlite, sales, businessDay(new Date(), settings.timeZone));
    built.sqlite.close();
    process.stderr.write(
      `bench: forecast.bench.ts: ${PRODUCTS.toLocaleString("en")} products, ${lines.toLocaleString("en")} sale lines over ${HISTORY_DAYS} days built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    let suggestedLines = 0;
    const suggestOnce = (ctx: ReturnType<typeof openStore>) => {
      const t = performance.now();
      suggestedLines = new ReplenishmentService(ctx).suggested().lines.length;
      return performance.now() - t;
    };
    let warmCtx: ReturnType<typeof openStore> | undefined;
    const cases: BenchCase[] = [
      {
        name: "suggested order, 50,000 products, cold (first in a fresh store)",
        goal: "< 5 s",
        measure: async () => {
          const ctx = openStore(dir, "S1", settings, { synchronous: "NORMAL" });
          try {
            const ms = suggestOnce(ctx);
            return { ...summarise("cold", [ms], ms), extra: { lines: suggestedLines } };
          } finally {
            ctx.sqlite.close();
          }
        },
      },
      {
        name: "suggested order, 50,000 products, warm",
        goal: "< 5 s",
        measure: async () => {
          warmCtx = openStore(dir, "S1", settings, { synchronous: "NORMAL" });
          suggestOnce(warmCtx);
          const samples = [0, 1, 2, 3, 4].map(() => suggestOnce(warmCtx as ReturnType<typeof openStore>));
          warmCtx.sqlite.close();
          return {
            ...summarise(
              "warm",
              samples,
              samples.reduce((a, b) => a + b, 0),
            ),
            extra: { lines: suggestedLines },
          };
        },
      },
    ];
    if (coreposAvailable()) {
      cases.push({
        name: `backtest, CORE-POS month, ${TOP} best sellers, last ${TEST_DAYS} days`,
        goal: "WAPE ≥ 10% below the better baseline",
        measure: backtest,
      });
    } else {
      process.stderr.write("bench: forecast.bench.ts: no CORE-POS sample data; backtest skipped\n");
    }
    return { cases, teardown };
  } catch (err) {
    await teardown();
    throw err;
  }
}
