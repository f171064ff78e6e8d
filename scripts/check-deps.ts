/**
 * The layering check of `bun run lint`: dependency-cruiser, with the rules of
 * `.dependency-cruiser.cjs`, over `src/` of the repository (or of the directory given as the
 * first argument, which a test uses to plant violations). Exits 1 on any violation.
 *
 * Run through this script rather than dependency-cruiser's own command so that it runs on Bun
 * and does not warn that no TypeScript compiler it knows is installed: the configuration
 * parses with swc, which reads type-only imports as well.
 */
import { join, resolve } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";

const repo = resolve(import.meta.dir, "..");
const options = await extractDepcruiseOptions(join(repo, ".dependency-cruiser.cjs"));
// The rules name paths relative to the root (`^src/core/`), so the cruise runs from there.
process.chdir(resolve(process.argv[2] ?? repo));
const { output } = await cruise(["src"], { ...options, outputType: "json" });
const result = JSON.parse(String(output)) as ICruiseResult;

const problems = result.summary.violations
  .filter((v) => v.rule.severity === "error")
  .map((v) =>
    v.cycle
      ? `${v.rule.name}: ${[v.from, ...v.cycle.map((step) => step.name)].join(" → ")}`
      : `${v.rule.name}: ${v.from} → ${v.to}`,
  );
if (problems.length > 0) {
  console.error(`check-deps: ${problems.length} layering problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`check-deps: ${result.summary.totalCruised} modules, layering and cycles ok`);
