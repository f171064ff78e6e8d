/** `ringup backup` (offline) and `ringup restore`; their code loads only when they run. */
import { type Command, Option } from "commander";
import type { CliIo } from "../../shared/cli-io.ts";

const MODES = ["store", "hq", "till"] as const;
type Mode = (typeof MODES)[number];

function modeOption(): Option {
  return new Option(
    "--mode <mode>",
    "whose database (default: what the data directory or file holds)",
  ).choices(MODES);
}

function storeIdOption(): Option {
  return new Option(
    "--store-id <id>",
    "the store whose journal to verify (default: the one the database recorded)",
  );
}

export function backupCommands(program: Command, io: CliIo): void {
  program
    .command("backup")
    .description(
      "copy a stopped store's, head office's or till's database to a file and verify it (for a running store: ringup admin backup)",
    )
    .requiredOption("--data <dir>", "the data directory")
    .requiredOption("--out <file>", "the backup file to write (must not exist)")
    .addOption(modeOption())
    .addOption(storeIdOption())
    .option("--json", "print the result as JSON")
    .action(async (o: { data: string; out: string; mode?: Mode; storeId?: string; json?: boolean }) => {
      const { runOfflineBackup } = await import("./offline.ts");
      runOfflineBackup({ ...o, json: o.json === true }, io);
    });

  program
    .command("restore <file>")
    .description(
      "restore a backup into a stopped or empty data directory, after verifying it (the database replaced is kept)",
    )
    .requiredOption("--data <dir>", "the data directory to restore into")
    .addOption(modeOption())
    .addOption(storeIdOption())
    .option(
      "--force",
      "restore although the database's -wal file is there (only when the server is certainly stopped)",
    )
    .option("--json", "print the result as JSON")
    .action(
      async (
        file: string,
        o: { data: string; mode?: Mode; storeId?: string; force?: boolean; json?: boolean },
      ) => {
        const { runRestore } = await import("./restore.ts");
        runRestore({ ...o, file, force: o.force === true, json: o.json === true }, io);
      },
    );
}
