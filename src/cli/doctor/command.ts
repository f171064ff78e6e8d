/** The `ringup doctor` command; its checks load only when it runs. */
import { type Command, Option } from "commander";
import type { CliIo } from "../../shared/cli-io.ts";

export function doctorCommand(program: Command, io: CliIo): void {
  program
    .command("doctor")
    .description(
      "check a till, store or head office: configuration, database, journal, free disk, clock, NATS, certificates, devices",
    )
    .addOption(
      new Option("--mode <mode>", "what to check (default: what the data directory holds)").choices([
        "store",
        "hq",
        "till",
      ]),
    )
    .option("--config <file>", "the mode's TOML configuration, as its service is given")
    .option("--data <dir>", "the data directory (default: the configuration's)")
    .option("--json", "print the report as JSON: {ok, checks: [{name, status, message, fix?}]}")
    .action(async (o: { mode?: "store" | "hq" | "till"; config?: string; data?: string; json?: boolean }) => {
      const { runDoctor } = await import("./run.ts");
      await runDoctor({ ...o, json: o.json === true }, io);
    });
}
