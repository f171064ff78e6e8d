/**
 * `ringup backup --data DIR --out FILE [--mode store|hq|till]`: a verified copy of a stopped
 * store's, head office's or till's database, taken on its machine without a server. (It is
 * consistent even while the server runs: SQLite copies one snapshot.)
 */
import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { copyDatabase, removeDatabaseFile } from "../../shared/backup.ts";
import type { CliIo } from "../../shared/cli-io.ts";
import { ConfigError } from "../../shared/config.ts";
import { DATABASE_FILES, DOCTOR_MODES } from "../doctor/setup.ts";
import { BackupFailedError, type BackupMode, describeVerified, verifyCopy } from "./files.ts";

export interface OfflineBackupOptions {
  data: string;
  out: string;
  mode?: BackupMode | undefined;
  storeId?: string | undefined;
  json: boolean;
}

/** The mode asked for, or the one whose database the data directory holds. */
function modeOfDataDir(dataDir: string, asked: BackupMode | undefined): BackupMode | null {
  if (asked) return asked;
  return DOCTOR_MODES.find((m) => existsSync(join(dataDir, DATABASE_FILES[m]))) ?? null;
}

export function runOfflineBackup(o: OfflineBackupOptions, io: CliIo): void {
  const mode = modeOfDataDir(o.data, o.mode);
  if (mode === null) {
    throw new ConfigError(
      `${o.data} holds no Ringup database (store.db, hq.db or till.sqlite): check --data, or give --mode`,
    );
  }
  const source = join(o.data, DATABASE_FILES[mode]);
  if (!existsSync(source)) throw new ConfigError(`there is no ${mode} database at ${source}: check --data`);
  const out = resolve(o.out);
  if (existsSync(out)) {
    throw new ConfigError(`${out} already exists: give a new file name (a backup never replaces a file)`);
  }
  const db = new Database(source, { readwrite: true, create: false, strict: true });
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    copyDatabase(db, out);
  } finally {
    db.close();
  }
  const checked = verifyCopy(out, mode, o.storeId);
  if (!checked.ok) {
    removeDatabaseFile(out);
    throw new BackupFailedError(
      `the backup FAILED: the copy of ${source} does not verify (${checked.problem}), so it was deleted. The database itself may be damaged: run 'ringup doctor --mode ${mode} --data ${o.data}'`,
    );
  }
  const bytes = Bun.file(out).size;
  if (o.json) {
    io.out(JSON.stringify({ file: out, bytes, ...checked.verified, verified: true }, null, 2));
  } else {
    io.out(`backup of ${source} written to ${out} (${bytes} bytes; ${describeVerified(checked.verified)})`);
  }
}
