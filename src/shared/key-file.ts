/**
 * A secret key kept in a file of its own beside a database (mode 0600), never in the database:
 * a copied database alone then holds nothing keyed by it that can be checked quickly. Made with
 * 32 random bytes the first time it is asked for.
 */
import { chmodSync, closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { PRIVATE_FILE_MODE } from "./sqlite.ts";

const KEY_BYTES = 32;

export class KeyFileError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`the key file ${path} ${detail}`);
    this.name = "KeyFileError";
  }
}

const PIN_KEY_LOST = "every user's PIN is then checked by its hash until they next log in";

/**
 * Reads the key at `path`, making it (mode 0600) when absent; narrows a wider mode to 0600.
 * `whenLost` says what a new key means, for the message of a damaged file.
 */
export function loadOrCreateKeyFile(path: string, whenLost = PIN_KEY_LOST): Buffer {
  if (!existsSync(path)) {
    const bytes = new Uint8Array(KEY_BYTES);
    crypto.getRandomValues(bytes);
    try {
      // "wx": never overwrite a key another process made a moment ago.
      const fd = openSync(path, "wx", PRIVATE_FILE_MODE);
      try {
        writeSync(fd, Buffer.from(bytes).toString("hex"));
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if (!(err instanceof Error && "code" in err && err.code === "EEXIST")) throw err;
    }
  }
  chmodSync(path, PRIVATE_FILE_MODE);
  const text = readFileSync(path, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(text)) {
    throw new KeyFileError(
      path,
      `is not 64 hexadecimal digits: restore it from a backup, or delete it to make a new one (${whenLost})`,
    );
  }
  return Buffer.from(text, "hex");
}
