/**
 * A low-spec kiosk on this machine: a cgroup that gives the processes put in it a quarter of
 * one core (25 ms of CPU every 100 ms), on cgroup v2 (`cpu.max`) or v1 (`cpu.cfs_quota_us`).
 * Only the till's process joins it, not the terminal, the store or the benchmark.
 */
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = "/sys/fs/cgroup";
const QUOTA_US = 25_000;
const PERIOD_US = 100_000;

/** A cgroup limited to a quarter of a core: put a process in it by writing its pid to `procs`. */
export interface CpuLimit {
  /** The cgroup's `cgroup.procs` file. */
  procs: string;
  /** What the limit is, for the report. */
  describe: string;
  /** Removes the cgroup (its processes must have exited). */
  remove(): void;
}

/** A quarter-core cgroup, or the reason there cannot be one here. */
export function quarterCore(name = `ringup-bench-${process.pid}`): CpuLimit | { unavailable: string } {
  try {
    if (existsSync(join(ROOT, "cgroup.controllers"))) {
      // v2: the cpu controller must be enabled for the parent's children.
      const dir = join(ROOT, name);
      try {
        writeFileSync(join(ROOT, "cgroup.subtree_control"), "+cpu");
      } catch {
        // Already enabled, or not ours to enable: cpu.max below says which.
      }
      mkdirSync(dir);
      return limited(dir, "cpu.max", `${QUOTA_US} ${PERIOD_US}`, "cgroup v2 cpu.max");
    }
    const v1 = join(ROOT, "cpu");
    if (existsSync(join(v1, "cpu.cfs_quota_us"))) {
      const dir = join(v1, name);
      mkdirSync(dir);
      writeFileSync(join(dir, "cpu.cfs_period_us"), String(PERIOD_US));
      return limited(dir, "cpu.cfs_quota_us", String(QUOTA_US), "cgroup v1 cpu.cfs_quota_us");
    }
    return { unavailable: `no cgroup cpu controller under ${ROOT}` };
  } catch (err) {
    return { unavailable: `cannot write a cgroup under ${ROOT} (${(err as Error).message})` };
  }
}

function limited(dir: string, file: string, value: string, kind: string): CpuLimit {
  try {
    writeFileSync(join(dir, file), value);
  } catch (err) {
    rmdirSync(dir);
    throw err;
  }
  return {
    procs: join(dir, "cgroup.procs"),
    describe: `${kind} = ${value}`,
    remove: () => rmdirSync(dir),
  };
}
