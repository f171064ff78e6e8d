/**
 * The till's runtime settings, in one place (docs/till-runtime.md): the JIT tiers it runs
 * with, React's production build, and when it collects garbage. `ringup till` calls
 * `prepareTillRuntime` before it loads anything else of the till.
 */
import { restartWithRuntimeOptions } from "./jit.ts";

export { COLLECT_AFTER_MS, type Collections, GarbagePolicy } from "./garbage.ts";
export { restartArgv, restartWithRuntimeOptions, TILL_RUNTIME_ENV } from "./jit.ts";

/**
 * Starts the till again at once (same process) when its runtime options are not yet set, and
 * selects React's production build (the development one is several times slower and larger):
 * both must happen before React is first loaded.
 */
export function prepareTillRuntime(): void {
  restartWithRuntimeOptions();
  process.env.NODE_ENV ??= "production";
}
