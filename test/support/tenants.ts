/** `ringup hq tenant create` for tests: makes a tenant in a head office's data directory. */
import { ringup } from "../security/support.ts";

/** Creates the tenant and answers the admin token the command printed. */
export async function createTenant(dataDir: string, id: string, extra: string[] = []): Promise<string> {
  const run = await ringup(["hq", "tenant", "create", id, "--data", dataDir, ...extra]);
  const token = /rgh_\S+/.exec(run.stdout)?.[0];
  if (run.code !== 0 || !token) throw new Error(`tenant create ${id}: ${run.stdout}${run.stderr}`);
  return token;
}
