/**
 * Links to receipts' copies: `<publicUrl>/r/<token>`, where the token is the sale id (16 bytes)
 * and an HMAC-SHA256 tag of it (12 bytes) under the store's receipt-link key, base64url: 38
 * characters. The token is the capability: whoever holds the receipt can open its copy, nobody
 * can list or guess another. The store keeps the key in its data dir and gives it to its tills,
 * which print the link even while the store is out of reach.
 */
import crypto from "node:crypto";

const ID_BYTES = 16;
const TAG_BYTES = 12;
/** 16 bytes of sale id → 22 base64url characters, 12 bytes of tag → 16. */
export const RECEIPT_LINK_TOKEN_LENGTH = 38;
const ID_CHARS = 22;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{38}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function tag(key: Uint8Array, saleId: string): Buffer {
  return crypto
    .createHmac("sha256", key)
    .update(`ringup receipt link\n${saleId}`)
    .digest()
    .subarray(0, TAG_BYTES);
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The token of a sale's link, or null for a sale whose id is not a UUID (it gets no link). */
export function receiptLinkToken(key: Uint8Array, saleId: string): string | null {
  const id = saleId.toLowerCase();
  if (!UUID_PATTERN.test(id)) return null;
  const idBytes = Buffer.from(id.replaceAll("-", ""), "hex");
  return `${idBytes.toString("base64url")}${tag(key, id).toString("base64url")}`;
}

/**
 * The sale id a token opens, or null. A well-formed token's tag is compared with the expected
 * one in constant time, so the answer's timing tells nothing of how close a guess came.
 */
export function receiptLinkSaleId(key: Uint8Array, token: string): string | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const idBytes = Buffer.from(token.slice(0, ID_CHARS), "base64url");
  const given = Buffer.from(token.slice(ID_CHARS), "base64url");
  if (idBytes.length !== ID_BYTES || given.length !== TAG_BYTES) return null;
  const saleId = uuidOf(idBytes);
  // Canonical base64url only: one token per sale.
  if (`${idBytes.toString("base64url")}${given.toString("base64url")}` !== token) return null;
  return crypto.timingSafeEqual(tag(key, saleId), given) ? saleId : null;
}

/** The link printed on the receipt: the store's public base URL, `/r/`, the token. */
export function receiptLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/r/${token}`;
}
