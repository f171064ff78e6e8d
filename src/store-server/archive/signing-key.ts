/**
 * The store's Ed25519 key that signs its archives: made the first time the store opens, the
 * private part kept in `archive-signing.key` beside the database (mode 0600, never in the
 * database), the public part journaled with every closure so head office keeps it.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { chmodSync, closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { KeyFileError } from "../../shared/key-file.ts";
import { PRIVATE_FILE_MODE } from "../../shared/sqlite.ts";

export const SIGNING_KEY_FILE = "archive-signing.key";

export interface SigningKey {
  /** The public key, SPKI DER in base64. */
  publicKey: string;
  sign(data: Uint8Array): string;
}

function keyOf(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey).export({ type: "spki", format: "der" }).toString("base64");
  return { publicKey, sign: (data) => sign(null, data, privateKey).toString("base64") };
}

export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const path = join(dataDir, SIGNING_KEY_FILE);
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    try {
      // "wx": never overwrite a key another process made a moment ago.
      const fd = openSync(path, "wx", PRIVATE_FILE_MODE);
      try {
        writeSync(fd, pem);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if (!(err instanceof Error && "code" in err && err.code === "EEXIST")) throw err;
    }
  }
  chmodSync(path, PRIVATE_FILE_MODE);
  try {
    const key = createPrivateKey(readFileSync(path, "utf8"));
    if (key.asymmetricKeyType !== "ed25519") throw new Error("not Ed25519");
    return keyOf(key);
  } catch {
    throw new KeyFileError(
      path,
      "is not an Ed25519 private key (PEM): restore it from a backup; archives signed since cannot be checked with the key head office holds",
    );
  }
}
