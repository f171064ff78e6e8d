/**
 * `ringup admin backup --out FILE`: the store takes a consistent copy of its database while it
 * keeps selling and sends it; the copy is written to FILE only after it verifies here too
 * (integrity check and journal chain). A copy that does not verify is deleted.
 */
import { chmodSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { removeDatabaseFile } from "../../shared/backup.ts";
import type { CliIo } from "../../shared/cli-io.ts";
import { type AdminClient, AdminError } from "../admin-client.ts";
import { describeVerified, verifyCopy } from "./files.ts";

/** A large database takes a while to copy and send. */
const BACKUP_TIMEOUT_MS = 60 * 60_000;

export const adminBackupArgsSchema = z.object({
  out: z.string().trim().min(1, "give the file to write, e.g. --out /var/backups/ringup/store.db"),
});

export async function runAdminBackup(
  client: AdminClient,
  args: z.infer<typeof adminBackupArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const out = resolve(args.out);
  if (existsSync(out)) {
    throw new AdminError(`${out} already exists: give a new file name (a backup never replaces a file)`);
  }
  mkdirSync(dirname(out), { recursive: true });
  const res = await client.download("POST", "/backup", BACKUP_TIMEOUT_MS);
  const storeId = res.headers.get("ringup-store-id") ?? undefined;
  const partial = `${out}.partial`;
  try {
    await Bun.write(partial, res);
    chmodSync(partial, 0o600);
  } catch (err) {
    removeDatabaseFile(partial);
    throw new AdminError(
      `the backup could not be written to ${out}: ${err instanceof Error ? err.message : String(err)}\n  check the space and permissions there, then try again`,
    );
  }
  const checked = verifyCopy(partial, "store", storeId);
  if (!checked.ok) {
    removeDatabaseFile(partial);
    throw new AdminError(
      `the backup FAILED: the copy received does not verify (${checked.problem}), so it was deleted\n  try again; if it fails again, run 'ringup doctor' on the store's machine`,
    );
  }
  renameSync(partial, out);
  const bytes = Bun.file(out).size;
  const at = res.headers.get("ringup-backup-at");
  if (json) {
    io.out(JSON.stringify({ file: out, bytes, at, ...checked.verified, verified: true }, null, 2));
  } else {
    io.out(
      `backup written to ${out} (${bytes} bytes, taken ${at ?? "now"}; ${describeVerified(checked.verified)})`,
    );
  }
}
