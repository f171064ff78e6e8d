/**
 * A generated admin token never goes into a server's log: a person watching a terminal is
 * shown it once, past the log; otherwise it is written to a private file.
 */
import { chmodSync, closeSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { PRIVATE_FILE_MODE } from "./sqlite.ts";

/** Where a server's messages go; `terminal` when stdout is a terminal a person reads. */
export interface LogIo {
  out(text: string): void;
  err(text: string): void;
  terminal?: boolean;
  /** Writes to that terminal itself, not to the log. */
  show?(text: string): void;
}

/** The file a generated admin token is written to when no terminal shows it. */
export const ADMIN_TOKEN_FILE = "admin-token";

/**
 * Hands a just-generated admin token to the person starting the server: on a terminal it is
 * shown once (not as a log line); otherwise (a service, a log file) it is written to `DATA/admin-token` (mode 0600)
 * and only that path is logged.
 */
export function announceGeneratedToken(
  io: LogIo,
  mode: "store" | "hq",
  dataDir: string,
  token: string,
): void {
  if (io.terminal === true && io.show) {
    io.show(`${mode}: generated the admin token (shown only this once; keep it safe):\n  ${token}`);
    io.out(`${mode}: generated the admin token and showed it on the terminal (not in this log)`);
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
