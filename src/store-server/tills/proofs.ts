/**
 * Proofs a till carries with what it sends, so that identity and approvals come from something
 * the store can check rather than from names in a request body.
 *
 * - **Session proof** (`kind: "session"`): given by the store at every PIN log-in, signed with
 *   the store's own secret (HMAC-SHA256). A sale made in that session carries it, so a sale sent
 *   later under another cashier's session is still the first cashier's.
 * - **Offline log-in** (`kind: "offline"`) and **offline approval** (`kind: "approval"`): signed
 *   by the till with its own Ed25519 key, whose public half the till registered at the store
 *   while online (`PUT /tills/:tillId/key`). The till checks the PIN against the hashes it keeps.
 *
 * A proof is `base64url(JSON payload) + "." + base64url(signature)`.
 */
import { createHmac, createPublicKey, type KeyObject, timingSafeEqual, verify } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { meta } from "../../../schema/store.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";

type Db = StoreDb | StoreTx;

import { TillError, type TillErrorCode } from "./errors.ts";

const SECRET_KEY = "sessionProofSecret";
const tillKeyName = (tillId: string) => `tillKey:${tillId}`;

const payloadSchema = z.discriminatedUnion("k", [
  z.object({ v: z.literal(1), k: z.literal("session"), till: z.string(), user: z.string(), at: z.string() }),
  z.object({ v: z.literal(1), k: z.literal("offline"), till: z.string(), user: z.string(), at: z.string() }),
  z.object({
    v: z.literal(1),
    k: z.literal("approval"),
    till: z.string(),
    approver: z.string(),
    action: z.string(),
    at: z.string(),
  }),
]);
export type ProofPayload = z.infer<typeof payloadSchema>;

const secrets = new WeakMap<Db, Buffer>();
const keys = new WeakMap<Db, Map<string, KeyObject | null>>();

/** The store's secret for session proofs: made once, kept in the database. */
function secretOf(db: Db): Buffer {
  const cached = secrets.get(db);
  if (cached) return cached;
  let row = db.select({ value: meta.value }).from(meta).where(eq(meta.key, SECRET_KEY)).get();
  if (!row) {
    const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    db.insert(meta).values({ key: SECRET_KEY, value: fresh }).onConflictDoNothing().run();
    row = db.select({ value: meta.value }).from(meta).where(eq(meta.key, SECRET_KEY)).get();
  }
  const secret = Buffer.from(row?.value ?? "", "base64url");
  secrets.set(db, secret);
  return secret;
}

function hmac(db: Db, text: string): Buffer {
  return createHmac("sha256", secretOf(db)).update(text).digest();
}

/** The proof a log-in answers: this user logged in at this till, at this time. */
export function issueSessionProof(db: Db, tillId: string, userId: string, at: Date): string {
  const payload: ProofPayload = { v: 1, k: "session", till: tillId, user: userId, at: at.toISOString() };
  const text = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${text}.${hmac(db, text).toString("base64url")}`;
}

function refused(code: TillErrorCode, message: string): TillError {
  return new TillError(code, message);
}

/** The till's registered public key, or null. */
export function tillKey(db: Db, tillId: string): KeyObject | null {
  let byTill = keys.get(db);
  if (!byTill) {
    byTill = new Map();
    keys.set(db, byTill);
  }
  if (byTill.has(tillId)) return byTill.get(tillId) ?? null;
  const row = db
    .select({ value: meta.value })
    .from(meta)
    .where(eq(meta.key, tillKeyName(tillId)))
    .get();
  const key = row
    ? createPublicKey({ key: Buffer.from(row.value, "base64url"), format: "der", type: "spki" })
    : null;
  byTill.set(tillId, key);
  return key;
}

/** The till's public key as registered (base64url SPKI), or null. */
export function registeredTillKey(db: Db, tillId: string): string | null {
  return (
    db
      .select({ value: meta.value })
      .from(meta)
      .where(eq(meta.key, tillKeyName(tillId)))
      .get()?.value ?? null
  );
}

/** Registers (or, for a manager, replaces) a till's Ed25519 public key. */
export function registerTillKey(
  ctx: StoreContext,
  tillId: string,
  publicKey: string,
  mayReplace: boolean,
): { tillId: string; registered: "new" | "same" | "replaced" } {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(publicKey, "base64url"), format: "der", type: "spki" });
  } catch {
    throw new TillError("INVALID_KEY", "publicKey must be an Ed25519 public key (SPKI DER, base64url)");
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new TillError("INVALID_KEY", `publicKey is an ${key.asymmetricKeyType} key, not Ed25519`);
  }
  const existing = registeredTillKey(ctx.db, tillId);
  if (existing === publicKey) return { tillId, registered: "same" };
  if (existing !== null && !mayReplace) {
    throw new TillError(
      "TILL_KEY_REGISTERED",
      `till ${tillId} already has a key; a manager must replace it (a till reinstalled, or its key lost)`,
    );
  }
  ctx.db
    .insert(meta)
    .values({ key: tillKeyName(tillId), value: publicKey })
    .onConflictDoUpdate({ target: meta.key, set: { value: publicKey } })
    .run();
  keys.get(ctx.db)?.delete(tillId);
  return { tillId, registered: existing === null ? "new" : "replaced" };
}

/** Checks a proof's signature and answers its payload; throws a 403 naming what is wrong. */
export function verifyProof(db: Db, proof: string, what: string): ProofPayload {
  const [text, signature] = proof.split(".");
  if (!text || !signature) throw refused("PROOF_INVALID", `${what}: the proof is malformed`);
  let payload: ProofPayload;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success) throw new Error("shape");
    payload = parsed.data;
  } catch {
    throw refused("PROOF_INVALID", `${what}: the proof is malformed`);
  }
  const sig = Buffer.from(signature, "base64url");
  if (payload.k === "session") {
    const expected = hmac(db, text);
    if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) {
      throw refused("PROOF_INVALID", `${what}: the session proof was not issued by this store`);
    }
    return payload;
  }
  const key = tillKey(db, payload.till);
  if (!key) {
    throw refused(
      "TILL_KEY_UNKNOWN",
      `${what}: till ${payload.till} has no key registered at this store, so its offline signature cannot be checked`,
    );
  }
  if (!verify(null, Buffer.from(text), key, sig)) {
    throw refused("PROOF_INVALID", `${what}: the till's signature does not match its registered key`);
  }
  return payload;
}
