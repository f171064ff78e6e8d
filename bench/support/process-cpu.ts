/**
 * CPU time of processes from /proc (user + system), to split a benchmark's cost per event
 * between the processes that share the machine.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** CPU milliseconds a process has used so far (NaN when it is gone or /proc is not there). */
export function processCpuMs(pid: number | undefined): number {
  return pid === undefined ? Number.NaN : statCpuMs(`/proc/${pid}/stat`);
}

/**
 * CPU milliseconds a process's main thread has used so far (the thread a JavaScript program's
 * event loop runs on), without its compiler and collector threads.
 */
export function mainThreadCpuMs(pid: number | undefined): number {
  return pid === undefined ? Number.NaN : statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

function statCpuMs(path: string): number {
  try {
    const stat = readFileSync(path, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU milliseconds a process and its children running now have used so far (a PostgreSQL
 * server: its postmaster and the backends it started; a backend that ended is not counted).
 */
export function processTreeCpuMs(pid: number): number {
  let total = processCpuMs(pid);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) total += processCpuMs(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** CPU milliseconds this process has used so far. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Starts counting; the answer gives each named process's CPU µs per operation since the start,
 * this process's under `ownName`.
 */
export function cpuSplit(
  ownName: string,
  pids: Record<string, number | undefined>,
): (ops: number) => Record<string, number> {
  const own = ownCpuMs();
  const start = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
  return (ops) => {
    const split: Record<string, number> = { [`${ownName}CpuUsPerOp`]: ((ownCpuMs() - own) * 1000) / ops };
    for (const [name, pid] of Object.entries(pids)) {
      split[`${name}CpuUsPerOp`] = ((processCpuMs(pid) - (start[name] ?? Number.NaN)) * 1000) / ops;
    }
    return split;
  };
}
