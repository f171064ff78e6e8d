/**
 * What every `ringup` command line shares: options that also read the environment, the
 * program's own flags and output, and how a run ends (its exit code and error line). The whole
 * program (`program.ts`) and the till's own (`till-program.ts`) are built from these.
 */
import { Command, CommanderError, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { DomainError } from "../core/errors.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError, envName } from "../shared/config.ts";
import { LOG_LEVELS } from "../shared/log.ts";

export const VERSION: string = pkg.version;

/** An option that also reads RINGUP_<FLAG> from the environment. */
export function opt(flags: string, description: string, key: string): Option {
  return new Option(flags, description).env(envName(key));
}

export function configOption(): Option {
  return opt("--config <file>", "TOML configuration file", "config");
}

export function logLevelOption(defaultLevel = "info"): Option {
  return opt(
    "--log-level <level>",
    `log lines at this level and above: ${LOG_LEVELS.join("|")} (default ${defaultLevel})`,
    "logLevel",
  );
}

/** `ringup` with its version, help and output on the given io; commands are added by the caller. */
export function newProgram(io: CliIo): Command {
  return new Command("ringup")
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
}

/** A command line's entry: its arguments and io in, the process exit code out. */
export type CliMain = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Runs a command line and answers the process exit code: 0 ok, 1 failure, 2 usage or configuration error. */
export async function runProgram(program: Command, argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof ConfigError) {
      io.err(`ringup: ${err.message}`);
      return 2;
    }
    if (err instanceof DomainError) {
      io.err(`ringup: ${err.message}`);
      return 1;
    }
    io.err(`ringup: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}
