#!/usr/bin/env bun
import { main } from "./cli/program.ts";

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  terminal: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
