/**
 * The benchmark harness's shapes and timing. A benchmark file (`bench/*.bench.ts`) default-exports
 * an array of cases, or an async function returning a suite (for benchmarks that start servers).
 *
 * A case either runs `run` for `iterations` timed calls, or does its own measuring in `measure`
 * (for workloads such as "replay a month of sales" whose figure is a total, not a per-call time).
 * `baseline` names the case it is compared to in the same run; the ratio is this case's mean time
 * per operation over the baseline's (1.0 = as fast as the baseline).
 */
export interface TimedCase {
  name: string;
  iterations: number;
  /** Untimed calls before measuring (default: a tenth of iterations, at least 1). */
  warmup?: number;
  run: () => void | Promise<void>;
  baseline?: string;
  /** A target the case is meant to meet, shown beside the figures, e.g. "p99 < 1 ms". */
  goal?: string;
}

export interface MeasuredCase {
  name: string;
  measure: () => Promise<BenchResult>;
  baseline?: string;
  goal?: string;
}

export type BenchCase = TimedCase | MeasuredCase;

export interface BenchSuite {
  cases: BenchCase[];
  teardown?: () => void | Promise<void>;
}

export type BenchModule = BenchCase[] | (() => Promise<BenchSuite>);

export interface BenchResult {
  name: string;
  /** Operations measured. */
  ops: number;
  opsPerSec: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  /** Extra figures a measured case reports (e.g. rssMb, totalMs). */
  extra?: Record<string, number>;
  baseline?: string;
  ratio?: number;
  goal?: string;
}

/** The q-quantile (0..1) of ascending-sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** Summarises per-operation samples (ms) over a wall-clock span (ms). */
export function summarise(name: string, samplesMs: number[], wallMs: number): BenchResult {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    name,
    ops: sorted.length,
    opsPerSec: sorted.length / (wallMs / 1000),
    meanMs: total / Math.max(1, sorted.length),
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
  };
}

export async function timeCase(c: TimedCase): Promise<BenchResult> {
  const warmup = c.warmup ?? Math.max(1, Math.floor(c.iterations / 10));
  for (let i = 0; i < warmup; i++) await c.run();
  const samples = new Array<number>(c.iterations);
  const start = Bun.nanoseconds();
  for (let i = 0; i < c.iterations; i++) {
    const t0 = Bun.nanoseconds();
    await c.run();
    samples[i] = (Bun.nanoseconds() - t0) / 1e6;
  }
  return summarise(c.name, samples, (Bun.nanoseconds() - start) / 1e6);
}

export async function runCase(c: BenchCase): Promise<BenchResult> {
  const result = "measure" in c ? await c.measure() : await timeCase(c);
  return {
    ...result,
    name: c.name,
    ...(c.baseline ? { baseline: c.baseline } : {}),
    ...(c.goal ? { goal: c.goal } : {}),
  };
}

/** Fills each result's ratio from its baseline's result in the same run. */
export function withRatios(results: BenchResult[]): BenchResult[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  return results.map((r) => {
    const base = r.baseline ? byName.get(r.baseline) : undefined;
    return base && base.meanMs > 0 ? { ...r, ratio: r.meanMs / base.meanMs } : r;
  });
}

function fmt(n: number | undefined, digits = 3): string {
  if (n === undefined || Number.isNaN(n)) return "-";
  if (n >= 1000) return Math.round(n).toLocaleString("en-US");
  return n.toFixed(digits);
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = ["benchmark", "ops/s", "p50 ms", "p99 ms", "ratio", "goal / extra"];
  const rows = results.map((r) => [
    r.name,
    fmt(r.opsPerSec, 1),
    fmt(r.p50Ms),
    fmt(r.p99Ms),
    r.ratio === undefined ? "-" : `${r.ratio.toFixed(2)}x ${r.baseline ?? ""}`.trim(),
    [r.goal ?? "", ...Object.entries(r.extra ?? {}).map(([k, v]) => `${k}=${fmt(v, 1)}`)]
      .filter(Boolean)
      .join(" "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
