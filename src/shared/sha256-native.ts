/**
 * SHA-256 of a string's UTF-8 bytes, as 64 lower-case hex digits, by the runtime's native
 * implementation: the same answer as the core's own `sha256Hex` (src/core/sha256.ts), several
 * times faster on the texts of events. The core keeps its own so that it stays pure; the servers
 * may hand this one to the core's functions that take a hash.
 */
import { createHash } from "node:crypto";

export function nativeSha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
