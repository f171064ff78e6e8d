/**
 * The one logger of every mode (pino): levels, JSON lines when the output is not a terminal
 * (a service, a pipe, a file), a readable line each when a person watches it, and the id of
 * the HTTP request on every line written while serving it.
 *
 * Written through `pino(options, destination)` with synchronous destinations: pino's worker
 * thread transports do not run inside the compiled binary, and a line written before a crash
 * is a line kept.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Fields that hold a secret, wherever a log call puts them: their values are replaced. Log calls
 * name no secret in the first place; this is the net under them.
 */
export const REDACT_PATHS: readonly string[] = [
  "pin",
  "newPin",
  "token",
  "adminToken",
  "hqToken",
  "deviceToken",
  "password",
  "secret",
  "authorization",
  "cookie",
  "cardRef",
  "cardNumber",
  "pairingCode",
  "headers.authorization",
  "headers.cookie",
  "body.pin",
  "body.token",
  "body.code",
].flatMap((path) => (path.includes(".") ? [path] : [path, `*.${path}`]));

export const REDACTED = "[redacted]";

/** Where a mode's lines go. */
export type LogSink =
  /** stdout, with warnings and errors on stderr (servers: the service manager keeps both). */
  | { kind: "console" }
  /** stderr only: stdout carries the command's own answer (`ringup admin`, the demo). */
  | { kind: "stderr" }
  /** A file, JSON lines (the till: the terminal is its screen). */
  | { kind: "file"; path: string };

export interface LoggerOptions {
  mode: string;
  level: LogLevel;
  sink: LogSink;
}

const LEVEL_NAMES: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
const HIDDEN_FIELDS = new Set(["time", "level", "msg", "mode", "pid", "hostname"]);

function fieldText(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value !== null && typeof value === "object" && "stack" in value && typeof value.stack === "string") {
    return `\n${value.stack}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * One JSON line as a person reads it: `2026-03-02T15:00:00.000Z INFO  store S1 listening on …
 * reqId=…`. A line that is not JSON is passed through.
 */
export function readableLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = LEVEL_NAMES[Number(entry.level)] ?? String(entry.level);
  const extra = Object.entries(entry)
    .filter(([key]) => !HIDDEN_FIELDS.has(key))
    .map(([key, value]) => ` ${key}=${fieldText(value)}`)
    .join("");
  return `${String(entry.time)} ${level.padEnd(5)} ${String(entry.msg ?? "")}${extra}\n`;
}

/** A synchronous destination on a file descriptor: JSON as it comes, or readable lines. */
function fdStream(fd: number, readable: boolean): DestinationStream {
  const out = pino.destination({ dest: fd, sync: true });
  return readable ? { write: (line: string) => out.write(readableLine(line)) } : out;
}

function destinationOf(sink: LogSink): DestinationStream {
  switch (sink.kind) {
    case "file":
      return pino.destination({ dest: sink.path, sync: true, mkdir: true });
    case "stderr":
      return fdStream(2, process.stderr.isTTY === true);
    case "console":
      return pino.multistream(
        [
          { level: "trace", stream: fdStream(1, process.stdout.isTTY === true) },
          { level: "warn", stream: fdStream(2, process.stderr.isTTY === true) },
        ],
        { dedupe: true },
      );
  }
}

/** A logger for one mode, writing to its sink. */
export function createLogger(options: LoggerOptions, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: { mode: options.mode, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? destinationOf(options.sink),
  );
}

let processLogger: Logger | undefined;
const requestScope = new AsyncLocalStorage<Logger>();

/** Makes `logger` the one `log()` answers outside a request (set once, when a mode starts). */
export function setProcessLogger(logger: Logger): void {
  processLogger = logger;
}

/**
 * The logger to write to here: the current HTTP request's (its lines carry its id), else the
 * mode's. Before a mode set one (a library used on its own), warnings and errors go to stderr.
 */
export function log(): Logger {
  const scoped = requestScope.getStore();
  if (scoped) return scoped;
  processLogger ??= createLogger({ mode: "ringup", level: "warn", sink: { kind: "stderr" } });
  return processLogger;
}

/** Runs `fn` with `logger` as what `log()` answers inside it (and in what it awaits). */
export function withLogger<T>(logger: Logger, fn: () => T): T {
  return requestScope.run(logger, fn);
}

/** The `out`/`err` pair of a mode's messages, as info and warning lines of its logger. */
export function logLines(logger: Logger): { out(text: string): void; err(text: string): void } {
  return { out: (text) => logger.info(text), err: (text) => logger.warn(text) };
}
