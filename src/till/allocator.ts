/**
 * The till keeps the memory it frees. Bun's allocator (mimalloc) hands freed pages back to
 * the system 10 ms after they fall empty, so at a counter, where keys come tens of
 * milliseconds to seconds apart, each scan took fresh pages again: about 110 page faults per
 * scan, and with them the slowest scans. Told never to purge (MIMALLOC_PURGE_DELAY=-1) the
 * till faults about 35 times per scan, its scan-to-line p50 falls by about 0.15 ms and its p99
 * by 0.5–4 ms (docs/benchmarks.md). The memory it keeps is its own high-water mark, which the
 * resident-memory benchmark bounds.
 *
 * mimalloc reads its options once, as the process starts, so the till starts itself again in
 * the same process (execve: same pid, same terminal, nothing open yet) with the option set.
 * A value already in the environment is left as it is: set MIMALLOC_PURGE_DELAY to change it.
 */

/** What the till runs with; MIMALLOC_PURGE_DELAY=-1: freed pages are kept for reuse. */
export const TILL_ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: "-1" } as const;

/** The arguments that start this same program again (a compiled binary or `bun <script>`). */
export function restartArgv(): string[] {
  const compiled = Bun.main.startsWith("/$bunfs/");
  // A compiled binary's argv[1] is its embedded entry point, not an argument it was given.
  const args = compiled ? process.argv.slice(2) : [Bun.main, ...process.argv.slice(2)];
  return [process.execPath, ...process.execArgv, ...args];
}

/**
 * Starts the till again with its allocator settings when the environment lacks them; returns
 * (having done nothing) when they are set, or where execve is not available.
 */
export function restartWithAllocatorSettings(): void {
  if (process.platform !== "linux" || typeof process.execve !== "function") return;
  const missing = Object.entries(TILL_ALLOCATOR_ENV).filter(([name]) => process.env[name] === undefined);
  if (missing.length === 0) return;
  process.execve(process.execPath, restartArgv(), { ...process.env, ...Object.fromEntries(missing) });
}
