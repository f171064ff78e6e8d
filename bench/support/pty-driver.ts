/**
 * Runs a program in a pseudo-terminal through a script of steps and times its scans, in a
 * process of its own: `bun bench/support/pty-driver.ts <script.json>` prints the result as JSON.
 *
 * The timing side is kept apart from the benchmark's own process on purpose. That process holds
 * what it built for other cases (a generated catalog, a parsed month of sales), and a garbage
 * collection of that heap while a scan is being timed lands in the scan's figure: a Bun program
 * echoing keys measured from a process holding 3 million small objects showed p99 6.0 ms
 * instead of 2.4–3.0. This one holds its script and the screen's last few frames.
 */
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { mainThreadCpuMs, processCpuMs } from "./process-cpu.ts";
import { rssMb, Terminal, until } from "./terminal.ts";

/** The pause before each scan: faster than any cashier. */
export const SCAN_GAP_MS = 25;

const stepSchema = z.discriminatedUnion("kind", [
  /**
   * Log in (PIN 1234), wait until the till's SQLite file (`dbFile`) records a sync since, then
   * ring `code` and void it.
   */
  z.object({ kind: z.literal("readyToScan"), code: z.string(), name: z.string(), dbFile: z.string() }),
  /** Wait until `text` is on the screen. */
  z.object({ kind: z.literal("wait"), text: z.string(), timeoutMs: z.number().int().positive() }),
  /**
   * A pause, `code` typed key by key a millisecond apart as a keyboard-wedge scanner does, then
   * `enter` written and timed until `marker` is on the screen: one sample.
   */
  z.object({ kind: z.literal("scan"), code: z.string(), enter: z.string(), marker: z.string() }),
  /** `keys` written after `pauseMs`, then waited for until `marker` shows (not a sample). */
  z.object({
    kind: z.literal("keys"),
    keys: z.string(),
    marker: z.string(),
    pauseMs: z.number().int().nonnegative(),
  }),
]);

const driverScriptSchema = z.object({
  command: z.array(z.string()).min(1),
  env: z.record(z.string(), z.string()).default({}),
  steps: z.array(stepSchema),
  /**
   * A cgroup's `cgroup.procs` file: the program (its process alone) joins that cgroup as soon as
   * it is started (support/cpu-limit.ts).
   */
  cgroupProcs: z.string().optional(),
  /** Read the program's resident memory this long after the last step (none when absent). */
  rssAfterMs: z.number().int().nonnegative().optional(),
});
export type DriverScript = z.input<typeof driverScriptSchema>;
export type DriverStep = z.infer<typeof stepSchema>;

export const driverResultSchema = z.object({
  samples: z.array(z.number()),
  /** From the first timed step to the last sample. */
  wallMs: z.number(),
  rssMb: z.number().optional(),
  /**
   * The program's CPU per sample from the first timed step to the last sample, in ms: its
   * main thread, and the whole process. Unlike the samples' times, these hardly depend on what
   * else the machine runs, so a change in the program's own cost shows through a noisy run
   * (clock ticks: 10 ms resolution over the whole run).
   */
  cpu: z.object({ mainMsPerSample: z.number(), processMsPerSample: z.number() }).optional(),
});
export type DriverResult = z.infer<typeof driverResultSchema>;

async function run(script: z.infer<typeof driverScriptSchema>): Promise<DriverResult> {
  const terminal = Terminal.start(script.command, script.env);
  try {
    // Only the program joins the cgroup: not its terminal, and not this driver.
    if (script.cgroupProcs !== undefined) writeFileSync(script.cgroupProcs, String(terminal.pid));
    const samples: number[] = [];
    let start: number | undefined;
    let cpuAtStart: { main: number; process: number } | undefined;
    for (const step of script.steps) {
      switch (step.kind) {
        case "readyToScan":
          await terminal.readyToScan(step.dbFile, step.code, step.name);
          break;
        case "wait":
          await until(() => terminal.has(step.text), step.text, step.timeoutMs);
          break;
        case "scan":
          cpuAtStart ??= { main: mainThreadCpuMs(terminal.pid), process: processCpuMs(terminal.pid) };
          start ??= performance.now();
          await Bun.sleep(SCAN_GAP_MS);
          await terminal.type(step.code);
          samples.push(await terminal.timed(step.enter, step.marker));
          break;
        case "keys":
          await Bun.sleep(step.pauseMs);
          await terminal.timed(step.keys, step.marker);
          break;
      }
    }
    const wallMs = performance.now() - (start ?? performance.now());
    const result: DriverResult = { samples, wallMs };
    if (cpuAtStart !== undefined && samples.length > 0) {
      result.cpu = {
        mainMsPerSample: (mainThreadCpuMs(terminal.pid) - cpuAtStart.main) / samples.length,
        processMsPerSample: (processCpuMs(terminal.pid) - cpuAtStart.process) / samples.length,
      };
    }
    if (script.rssAfterMs !== undefined) {
      await Bun.sleep(script.rssAfterMs);
      result.rssMb = await rssMb(terminal.pid);
    }
    return result;
  } finally {
    await terminal.stop();
  }
}

/** Runs `script` in a driver process of its own and answers what it measured. */
export async function runDriver(script: DriverScript): Promise<DriverResult> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-pty-"));
  try {
    const path = join(dir, "script.json");
    await Bun.write(path, JSON.stringify(script));
    const proc = Bun.spawn([process.execPath, import.meta.path, path], { stdout: "pipe", stderr: "inherit" });
    const [out, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
    if (code !== 0) throw new Error(`bench: the terminal driver exited with ${code}`);
    return driverResultSchema.parse(JSON.parse(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const path = process.argv[2];
  if (path === undefined) {
    console.error("usage: bun bench/support/pty-driver.ts <script.json>");
    process.exit(2);
  }
  const script = driverScriptSchema.parse(await Bun.file(path).json());
  process.stdout.write(`${JSON.stringify(await run(script))}\n`);
  process.exit(0);
}
