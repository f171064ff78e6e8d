/**
 * The command line the binary runs for `ringup till`: the till's command alone, so that a
 * kiosk's till loads neither the other modes' code nor their command definitions (the whole
 * program's bundle is the larger part of the till's resident memory otherwise). Its options,
 * help and exit codes are the whole program's (`till-command.ts`, `command-line.ts`).
 */
import type { CliIo } from "../shared/cli-io.ts";
import { newProgram, runProgram } from "./command-line.ts";
import { addTillCommand } from "./till-command.ts";

export function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = newProgram(io).description("Ringup point of sale: the cashier's till");
  addTillCommand(program, io);
  return runProgram(program, argv, io);
}
