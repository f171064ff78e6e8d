/**
 * The compiled `ringup` binary for tests that must run the real artefact. `scripts/test`
 * builds it first and passes RINGUP_TEST_BINARY; run alone, the first test to ask builds it.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dir, "../..");
let built: string | undefined;

export async function ringupBinary(): Promise<string> {
  const given = process.env.RINGUP_TEST_BINARY;
  if (given && existsSync(given)) return given;
  if (built) return built;
  const out = join(root, "dist", "ringup");
  // The project's own build, so the tests run what ships (only the main target).
  const proc = Bun.spawn(["bash", "scripts/build"], {
    cwd: root,
    stdout: "pipe",
    stderr: "pipe",
    env: { ...process.env, RINGUP_BUILD_BASELINE: "0" },
  });
  if ((await proc.exited) !== 0) {
    throw new Error(`building the binary failed: ${await new Response(proc.stderr).text()}`);
  }
  built = out;
  return out;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runBinary(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const proc = Bun.spawn([await ringupBinary(), ...args], {
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...env },
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}
