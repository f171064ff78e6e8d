/**
 * The till runs without the runtime's top JIT tier (JSC's FTL). A till's work per key is a
 * millisecond or two of rendering, which the tiers below compile well; the FTL compiler,
 * meanwhile, keeps recompiling the renderer's hottest functions, so on a kiosk with few cores
 * its thread holds the till's own off the CPU at the wrong moment, and its code costs resident
 * memory. Without it the compiler threads use several times less CPU over the same scans
 * (`bun run bench till` shows the till's CPU per scan).
 *
 * JSC reads its options once, as the process starts, so the till starts itself again in the
 * same process (execve: same pid, same terminal, nothing open yet) with the option set. A
 * value already in the environment is left as it is: set BUN_JSC_useFTLJIT to change it.
 */

/** What the till runs with. */
export const TILL_RUNTIME_ENV = { BUN_JSC_useFTLJIT: "false" } as const;

/** The arguments that start this same program again (a compiled binary or `bun <script>`). */
export function restartArgv(program = process.execPath): string[] {
  const compiled = Bun.main.startsWith("/$bunfs/");
  // A compiled binary's argv[1] is its embedded entry point, not an argument it was given.
  const args = compiled ? process.argv.slice(2) : [Bun.main, ...process.argv.slice(2)];
  return [program, ...process.execArgv, ...args];
}

/**
 * Starts the till again with its runtime options when the environment lacks them; returns
 * (having done nothing) when they are set, where execve is not available, or when it fails:
 * the till then runs with the runtime's defaults rather than not at all.
 */
export function restartWithRuntimeOptions(program = process.execPath): void {
  if (process.platform !== "linux" || typeof process.execve !== "function") return;
  const missing = Object.entries(TILL_RUNTIME_ENV).filter(([name]) => process.env[name] === undefined);
  if (missing.length === 0) return;
  try {
    process.execve(program, restartArgv(program), { ...process.env, ...Object.fromEntries(missing) });
  } catch {
    // Not started again (the program cannot be run from here): carry on as we are.
  }
}
