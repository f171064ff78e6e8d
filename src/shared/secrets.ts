/**
 * Secrets kept out of the command line, where `ps` shows them to every user of the machine: a
 * token read from a file (`--admin-token-file`, `--token-file`, `--hq-token-file`) or from the
 * environment (`RINGUP_ADMIN_TOKEN`…). A file others may read is used, with a warning.
 */
import { readFileSync, statSync } from "node:fs";
import { ConfigError, flagName } from "./config.ts";

/** The first line of a secret file, trimmed; a missing or empty file is a ConfigError naming the flag. */
export function readSecretFile(path: string, key: string, warn: (line: string) => void): string {
  const flag = flagName(key);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`cannot read ${flag} ${path} (${why}): check the path and its permissions`);
  }
  const secret = (text.split(/\r?\n/)[0] ?? "").trim();
  if (secret.length < 16 || secret.length > 200) {
    throw new ConfigError(
      `${flag} ${path} must hold the token on its first line (16 to 200 characters); it holds ${secret.length}`,
    );
  }
  try {
    if ((statSync(path).mode & 0o077) !== 0) {
      warn(`ringup: warning: ${path} (${flag}) may be read by other users; chmod 600 it`);
    }
  } catch {
    // Read above; a vanished file changes nothing now.
  }
  return secret;
}

/** The warning for a secret passed as a plain flag. */
export function plainSecretWarning(key: string, fileKey: string): string {
  return `ringup: warning: ${flagName(key)} puts the token on the command line, where ps shows it to every user of this machine; use ${flagName(fileKey)} FILE (mode 0600) or the environment variable instead`;
}
