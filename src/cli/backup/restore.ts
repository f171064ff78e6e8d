/**
 * `ringup restore --data DIR FILE [--mode store|hq|till] [--force]`: puts a backup back as the
 * database of a stopped (or new) data directory. The file is copied and verified first
 * (integrity check, the mode's tables, a store's journal chain); a file that does not verify is
 * refused and nothing changes. A database in use is never replaced; one that was not closed
 * cleanly (its `-wal` is still there) only with --force. The database replaced is kept in
 * `DIR/backups/replaced-<time>.db`.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileTimestamp, removeDatabaseFile } from "../../shared/backup.ts";
import type { CliIo } from "../../shared/cli-io.ts";
import { ConfigError } from "../../shared/config.ts";
import { PIN_KEY_FILE } from "../../store-server/users/pins.ts";
import { DATABASE_FILES } from "../doctor/setup.ts";
import {
  type BackupMode,
  describeVerified,
  processesWithOpen,
  RestoreRefusedError,
  verifyCopy,
} from "./files.ts";

export interface RestoreOptions {
  data: string;
  file: string;
  mode?: BackupMode | undefined;
  storeId?: string | undefined;
  force: boolean;
  json: boolean;
}

function moveWithSidecars(from: string, to: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`);
  }
}

export function runRestore(o: RestoreOptions, io: CliIo, now: Date = new Date()): void {
  const file = resolve(o.file);
  const data = resolve(o.data);
  if (!existsSync(file)) throw new ConfigError(`${file} does not exist: give the backup file to restore`);
  mkdirSync(data, { recursive: true, mode: 0o700 });
  // Verify a copy in the data directory: the backup itself is never opened for writing.
  const partial = join(data, `.restore-${fileTimestamp(now)}.partial`);
  copyFileSync(file, partial);
  chmodSync(partial, 0o600);
  const checked = verifyCopy(partial, o.mode, o.storeId);
  if (!checked.ok) {
    removeDatabaseFile(partial);
    throw new RestoreRefusedError(
      `${file} does not verify, so it was not restored and ${data} is unchanged: ${checked.problem}\n  restore an earlier backup instead (scheduled backups are in the [backup] dir, by default DATA/backups; check one with 'ringup backup --data DIR --out …' or restore it here), or keep this file for analysis`,
    );
  }
  const { mode } = checked.verified;
  const target = join(data, DATABASE_FILES[mode]);
  const users = processesWithOpen(target);
  if (users.length > 0) {
    removeDatabaseFile(partial);
    throw new RestoreRefusedError(
      `${target} is in use by process ${users.join(", ")} (a running ${mode}?): stop it first (systemctl stop ringup-${mode}), then restore again`,
    );
  }
  if ((existsSync(`${target}-wal`) || existsSync(`${target}-shm`)) && !o.force) {
    removeDatabaseFile(partial);
    throw new RestoreRefusedError(
      `${target} may be in use: its ${existsSync(`${target}-wal`) ? "-wal" : "-shm"} file is there, which a running ${mode} keeps (or one that was killed left behind). Stop the ${mode} (systemctl stop ringup-${mode}) and restore again; if it is certainly stopped, add --force (the database replaced is kept in ${join(data, "backups")})`,
    );
  }
  let kept: string | null = null;
  if (existsSync(target)) {
    mkdirSync(join(data, "backups"), { recursive: true, mode: 0o700 });
    kept = join(data, "backups", `replaced-${fileTimestamp(now)}.db`);
    moveWithSidecars(target, kept);
  }
  renameSync(partial, target);
  const lines = [`restored ${file} into ${target} (${describeVerified(checked.verified)})`];
  if (kept) lines.push(`the database it replaced is kept as ${kept}`);
  if (mode === "store" && !existsSync(join(data, PIN_KEY_FILE))) {
    lines.push(
      `${join(data, PIN_KEY_FILE)} is missing: copy it (and receipt-link.key) from the old data directory, or every cashier's PIN must be set again (ringup admin user pin-reset)`,
    );
  }
  lines.push(
    `start the ${mode}: ringup ${mode === "till" ? "till" : mode} --data ${data} … (or systemctl start ringup-${mode})`,
  );
  if (o.json) {
    io.out(JSON.stringify({ restored: target, from: file, replaced: kept, ...checked.verified }, null, 2));
  } else {
    for (const line of lines) io.out(line);
  }
}
