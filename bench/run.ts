/**
 * `bun run bench [filter…]`: runs every `bench/*.bench.ts` (or those whose file name contains
 * one of the filters), prints a table and writes `bench/results/latest.json`. With
 * `RINGUP_BENCH_CASE=text[,text…]` only the cases whose name contains one of the texts run
 * (those the rest of a file's cases set up lazily are then not set up).
 */
import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { type BenchModule, type BenchResult, formatTable, runCase, withRatios } from "./harness.ts";

const filters = process.argv.slice(2);
const dir = import.meta.dir;
const files = [...new Bun.Glob("*.bench.ts").scanSync({ cwd: dir })]
  .filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`bench: no benchmark file matches ${filters.join(", ") || "*"} in ${dir}`);
  process.exit(1);
}

const caseFilters = (process.env.RINGUP_BENCH_CASE ?? "").split(",").filter(Boolean);
const results: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(join(dir, file))) as { default: BenchModule };
  const suite = typeof mod.default === "function" ? await mod.default() : { cases: mod.default };
  try {
    for (const c of suite.cases) {
      if (caseFilters.length > 0 && !caseFilters.some((text) => c.name.includes(text))) continue;
      process.stderr.write(`bench: ${basename(file)}: ${c.name} …\n`);
      results.push(await runCase(c));
    }
  } finally {
    await suite.teardown?.();
  }
}

const final = withRatios(results);
console.log(formatTable(final));
await mkdir(join(dir, "results"), { recursive: true });
const out = join(dir, "results", "latest.json");
await Bun.write(
  out,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      bun: Bun.version,
      cpus: navigator.hardwareConcurrency,
      results: final,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${out}`);
