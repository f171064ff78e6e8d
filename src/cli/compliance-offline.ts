/**
 * Checks that need no server: `ringup verify-archive FILE [--public-key FILE]` checks a signed
 * archive and names its first altered, missing or reordered record; `ringup verify --data DIR`
 * checks a copied store database (SQLite's integrity, the journal's and the closures' hash
 * chains). Their code loads only when they run.
 */
import { Database } from "bun:sqlite";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError } from "../shared/config.ts";

export class VerifyFailedError extends DomainError {
  readonly code = "VERIFY_FAILED";
}

function readFile(path: string, what: string): Buffer {
  if (!existsSync(path)) throw new ConfigError(`${path} does not exist: give ${what}`);
  return readFileSync(path);
}

async function verifyArchiveFile(file: string, o: { publicKey?: string; json?: boolean }, io: CliIo) {
  const { verifyArchive } = await import("../shared/archive.ts");
  const key =
    o.publicKey === undefined ? undefined : readFile(o.publicKey, "the store's public key").toString("utf8");
  const result = verifyArchive(readFile(file, "the archive file"), key);
  if (o.json) io.out(JSON.stringify(result, null, 2));
  if (!result.ok) throw new VerifyFailedError(`archive FAILED: ${result.problem.message}`);
  if (!o.json) {
    const kinds = Object.entries(result.byKind)
      .map(([k, n]) => `${n} ${k}s`)
      .join(", ");
    io.out(
      `archive OK: store ${result.header.storeId}, ${result.header.from}…${result.header.to}, ${result.records} records (${kinds}), signature verified`,
    );
    if (result.keyFrom === "archive") {
      io.err(
        "checked with the key written in the archive: give --public-key (the key head office holds) to prove it comes from the store",
      );
    }
  }
}

async function verifyDataDir(o: { data: string; storeId?: string; json?: boolean }, io: CliIo) {
  const path = join(o.data, "store.db");
  if (!existsSync(path)) throw new ConfigError(`there is no store database at ${path}: check --data`);
  const { verifyCopy } = await import("./backup/files.ts");
  const { verifyClosures } = await import("../store-server/closures/verify.ts");
  const copy = verifyCopy(path, "store", o.storeId);
  if (!copy.ok) {
    if (o.json) io.out(JSON.stringify({ ok: false, problem: copy.problem }, null, 2));
    throw new VerifyFailedError(`database FAILED: ${copy.problem}`);
  }
  const db = new Database(path, { readonly: true, strict: true });
  let closures: ReturnType<typeof verifyClosures>;
  try {
    closures = verifyClosures(db);
  } finally {
    db.close();
  }
  if (o.json) io.out(JSON.stringify({ ...copy.verified, closures, ok: closures.ok }, null, 2));
  if (!closures.ok) throw new VerifyFailedError(`closures FAILED: ${closures.problem?.message}`);
  if (!o.json) {
    io.out(
      `store ${copy.verified.storeId} OK: ${copy.verified.events ?? 0} events, journal chain intact; ${closures.closures} closures, chain intact`,
    );
  }
}

export function complianceOfflineCommands(program: Command, io: CliIo): void {
  program
    .command("verify-archive <file>")
    .description("check a signed archive offline: names the first altered, missing or reordered record")
    .option("--public-key <file>", "the store's public key (as head office holds it: PEM or base64)")
    .option("--json", "print the result as JSON")
    .action((file: string, o: { publicKey?: string; json?: boolean }) => verifyArchiveFile(file, o, io));
  program
    .command("verify")
    .description(
      "check a copied store database without a server: integrity, the journal's and closures' chains",
    )
    .requiredOption("--data <dir>", "the data directory holding store.db")
    .option("--store-id <id>", "the store whose journal to verify (default: the one the database recorded)")
    .option("--json", "print the result as JSON")
    .action((o: { data: string; storeId?: string; json?: boolean }) => verifyDataDir(o, io));
}
