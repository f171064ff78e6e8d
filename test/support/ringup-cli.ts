/** Runs `ringup ARGS` as a process (the sources, or RINGUP_TEST_BINARY), with no RINGUP_* variable of the test's. */
import { resolve } from "node:path";
import { childEnv, ringupCommand } from "./store-process.ts";

const ROOT = resolve(import.meta.dir, "../..");

export interface RingupRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runRingup(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RingupRun> {
  const proc = Bun.spawn([...ringupCommand(), ...args], {
    cwd: ROOT,
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
    env: { ...childEnv(), ...env },
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}
