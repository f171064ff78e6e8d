/**
 * `ringup till`: its options and how the till is loaded. The whole program and the till's own
 * command line (what the binary runs for `ringup till`, without the other modes' code) both add
 * it from here.
 */
import type { Command } from "commander";
import type { CliIo } from "../shared/cli-io.ts";
import { loadConfig } from "../shared/config.ts";
import { configOption, logLevelOption, opt } from "./command-line.ts";
import { LANGUAGES, type TillOptions, tillOptionsSchema } from "./options.ts";

/** A till's further devices: a second card terminal, serial scanners, a scanner-scale's scale. */
const MORE_TILL_DEVICES: readonly (readonly [string, string, string])[] = [
  ["--payment2 <uri>", "second card terminal (Ctrl+Z in payment): sim:[?…]", "payment2"],
  ["--scanner <uri>", "serial scanner: serial:/dev/ttyACM0[?terminator=cr], sim:", "scanner"],
  ["--scanner2 <uri>", "second serial scanner: serial:/dev/ttyACM1", "scanner2"],
  [
    "--scanner-scale <uri>",
    "a scanner-scale's scale port (the scale when --scale is not given): serial:/dev/ttyS2?protocol=toledo",
    "scannerScale",
  ],
];

/** The till's entry point, loaded only when the till runs. */
export async function loadTill(): Promise<(options: TillOptions, io: CliIo) => Promise<void>> {
  // The till's runtime settings, before anything of the till (or React) is loaded.
  (await import("../till/runtime/index.ts")).prepareTillRuntime();
  return (await import("../till/main.ts")).runTill;
}

export function addTillCommand(program: Command, io: CliIo): Command {
  const tillCommand = program
    .command("till")
    .description("run the cashier's fullscreen till")
    .addOption(opt("--server <url>", "store server URL, e.g. http://127.0.0.1:7070 (required)", "server"))
    .addOption(opt("--till-id <id>", "this till's id (required)", "tillId"))
    .addOption(opt("--data <dir>", "directory for the till's local database (default ./till-data)", "data"))
    .addOption(
      opt(
        "--printer <uri>",
        "receipt printer: tcp://host:9100, file:/dev/usb/lp0, serial:/dev/ttyS0, sim:",
        "printer",
      ),
    )
    .addOption(opt("--scale <uri>", "scale: serial:/dev/ttyUSB0?protocol=toledo&baud=9600, sim:", "scale"))
    .addOption(opt("--display <uri>", "customer pole display: serial:/dev/ttyS1, sim:", "display"))
    .addOption(
      opt(
        "--payment <uri>",
        "card terminal: sim:[?outcome=approve|decline|timeout&delayMs=500], standalone: (the cashier confirms; the default)",
        "payment",
      ),
    )
    .addOption(
      opt("--signature <uri>", "fiscal signature device: tcp://host:port[?timeoutMs=1000]", "signature"),
    )
    .addOption(opt("--registrar <uri>", "fiscal printer: tcp://host:port[?timeoutMs=3000]", "registrar"))
    .addOption(opt("--lang <lang>", `language: ${LANGUAGES.join("|")} (default en)`, "lang"))
    .addOption(
      opt(
        "--pair <code>",
        "pair this till with the store: exchange a code from 'ringup admin till pair' for its own token, then exit",
        "pair",
      ),
    )
    .addOption(
      opt(
        "--ca <file>",
        "check the store's HTTPS certificate against this CA certificate (default: the one pinned when pairing)",
        "ca",
      ),
    )
    .addOption(configOption())
    .addOption(logLevelOption())
    .action(async (_opts: unknown, cmd: Command) => {
      const config = await loadConfig(cmd, tillOptionsSchema);
      await (await loadTill())(config, io);
    });
  for (const [flags, description, key] of MORE_TILL_DEVICES)
    tillCommand.addOption(opt(flags, description, key));
  return tillCommand;
}
