/**
 * What the servers write to their log: each line starts with an ISO 8601 UTC time, and a
 * generated admin token never goes into it unless a person is watching a terminal.
 */
import { chmodSync, closeSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { PRIVATE_FILE_MODE } from "./sqlite.ts";

/** Where a server's output goes; `terminal` when stdout is a terminal a person reads. */
export interface LogIo {
  out(text: string): void;
  err(text: string): void;
  terminal?: boolean;
}

/** The same output, each line stamped with the time (`2026-03-02T15:00:00.000Z store: …`). */
export function timestamped<T extends LogIo>(io: T, now: () => Date = () => new Date()): T {
  const stamp = (text: string) => {
    const at = now().toISOString();
    return text
      .split("\n")
      .map((line) => `${at} ${line}`)
      .join("\n");
  };
  return { ...io, out: (text: string) => io.out(stamp(text)), err: (text: string) => io.err(stamp(text)) };
}

/** The file a generated admin token is written to when no terminal shows it. */
export const ADMIN_TOKEN_FILE = "admin-token";

/**
 * Hands a just-generated admin token to the person starting the server: on a terminal it is
 * shown once; otherwise (a service, a log file) it is written to `DATA/admin-token` (mode 0600)
 * and only that path is logged.
 */
export function announceGeneratedToken(
  io: LogIo,
  mode: "store" | "hq",
  dataDir: string,
  token: string,
): void {
  if (io.terminal === true) {
    io.out(`${mode}: generated the admin token (shown only this once; keep it safe):\n  ${token}`);
    return;
  }
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  rmSync(path, { force: true });
  const fd = openSync(path, "wx", PRIVATE_FILE_MODE);
  try {
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, PRIVATE_FILE_MODE);
  io.out(
    `${mode}: generated the admin token and wrote it to ${path} (mode 0600; not shown in this log): keep it safe, then delete the file`,
  );
}
