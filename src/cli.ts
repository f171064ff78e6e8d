#!/usr/bin/env bun
/**
 * The binary's entry point. `ringup till` runs the till's own command line, every other
 * command the whole program's; each is a separate entry point of the build, loaded by path, so
 * a kiosk's till never loads the servers' and the admin tools' code (see scripts/build).
 */
import type { CliMain } from "./cli/command-line.ts";

const argv = process.argv.slice(2);
// A path the bundler leaves to the runtime: each stays a file of its own in the binary.
const entry = argv[0] === "till" ? "./cli/till-program.ts" : "./cli/program.ts";
const { main } = (await import(entry)) as { main: CliMain };

process.exitCode = await main(argv, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  terminal: process.stdout.isTTY === true,
});
