/** Runs `ringup admin` as a process against a store, as an administrator would. */
import { resolve } from "node:path";
import { ringupCommand, type StoreProcess } from "./store-process.ts";

const ROOT = resolve(import.meta.dir, "../..");

export interface AdminRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `ringup admin --server … ARGS` with the store's admin token in `RINGUP_TOKEN` (a token given as
 * --token is on the command line, and warned about), and no other RINGUP_* variable of the test's.
 */
export async function runAdmin(
  store: Pick<StoreProcess, "url" | "token">,
  ...args: string[]
): Promise<AdminRun> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith("RINGUP_")) env[k] = v;
  env.RINGUP_TOKEN = store.token;
  const proc = Bun.spawn([...ringupCommand(), "admin", "--server", store.url, ...args], {
    cwd: ROOT,
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
    env,
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}

/** `runAdmin` that must succeed: answers its standard output, or throws with everything it said. */
export async function adminOk(
  store: Pick<StoreProcess, "url" | "token">,
  ...args: string[]
): Promise<string> {
  const run = await runAdmin(store, ...args);
  if (run.code !== 0)
    throw new Error(`ringup admin ${args.join(" ")} failed (${run.code}): ${run.stdout}${run.stderr}`);
  return run.stdout;
}
