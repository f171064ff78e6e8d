/** Running `ringup` commands (sources or the compiled binary) for the security tests. */
import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { childEnv, ringupCommand } from "../support/store-process.ts";

const root = resolve(import.meta.dir, "../..");

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ringup ARGS` to its end, with the environment given on top of the test's (no RINGUP_*). */
export async function ringup(args: readonly string[], env: Record<string, string> = {}): Promise<Ran> {
  const proc = Bun.spawn([...ringupCommand(), ...args], {
    cwd: root,
    env: { ...childEnv(), ...env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}

/** A file holding a secret, mode 0600, in a fresh temp dir. */
export async function secretFile(secret: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-secret-"));
  const path = join(dir, "token");
  await writeFile(path, `${secret}\n`);
  await chmod(path, 0o600);
  return path;
}

/** Polls `check` until it answers true, failing after the deadline. */
export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not so within ${timeoutMs} ms`);
    await Bun.sleep(20);
  }
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
