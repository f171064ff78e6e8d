/**
 * Pairing a till: a manager asks for a one-time code (`POST /tills/pairings`), types it at the
 * till, and the till exchanges it (`POST /tills/pair`, no token) for its own device token, which
 * it keeps for its background work (catalog sync, outbox). Codes are single use, expire after
 * PAIRING_TTL_MINUTES and only their hashes are kept. Wrong codes are counted store-wide: after
 * PAIRING_MAX_FAILURES in PAIRING_WINDOW_MS, pairing is refused until the window passes.
 * Revoking a till ends its device token and its cashiers' sessions at once.
 */
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, tillPairings } from "../../../schema/store.ts";
import { hashToken, newToken, type Principal, tokenIdOf } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { actorId } from "../users/access.ts";
import { TillError } from "./errors.ts";

export const PAIRING_TTL_MINUTES = 10;
/** Unused, unexpired codes at once (each is a door; keep few open). */
export const PAIRING_MAX_OPEN = 20;
export const PAIRING_MAX_FAILURES = 10;
export const PAIRING_WINDOW_MS = 10 * 60_000;

/** Crockford's base32 without I, L, O, U: easy to read aloud and type. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_CHARS = 10;

const tillId = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,16}$/, "must be a till id: 1 to 16 letters, digits or underscores");

export const pairingRequestSchema = z.strictObject({ tillId: tillId.optional() });
export const pairRequestSchema = z.strictObject({
  code: z.string().min(1).max(40),
  tillId,
});

/** A code as typed: case, spaces and dashes do not matter. */
export function normalizePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

function newCode(): string {
  const bytes = new Uint8Array(CODE_CHARS);
  crypto.getRandomValues(bytes);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export interface PairingCode {
  code: string;
  tillId: string | null;
  expiresAt: string;
  /** SHA-256 of the store's TLS certificate, for the till to compare (null: plain HTTP). */
  certificateSha256: string | null;
}

export interface PairedTill {
  token: string;
  tillId: string;
  storeId: string;
  certificateSha256: string | null;
}

export class TillPairing {
  private failures: number[] = [];

  constructor(private readonly ctx: StoreContext) {}

  create(principal: Principal, tillId: string | undefined): PairingCode {
    const now = this.ctx.now();
    const at = now.toISOString();
    const open = this.ctx.db
      .select({ h: tillPairings.codeHash })
      .from(tillPairings)
      .where(and(isNull(tillPairings.usedAt), gt(tillPairings.expiresAt, at)))
      .all().length;
    if (open >= PAIRING_MAX_OPEN) {
      throw new TillError(
        "TOO_MANY_PAIRINGS",
        `${open} pairing codes are still open; use them or wait up to ${PAIRING_TTL_MINUTES} minutes for them to expire`,
      );
    }
    const code = newCode();
    const expiresAt = new Date(now.getTime() + PAIRING_TTL_MINUTES * 60_000).toISOString();
    this.ctx.db
      .insert(tillPairings)
      .values({
        codeHash: hashToken(normalizePairingCode(code)),
        tillId: tillId ?? null,
        createdBy: actorId(principal),
        createdAt: at,
        expiresAt,
      })
      .run();
    return { code, tillId: tillId ?? null, expiresAt, certificateSha256: this.ctx.tls?.sha256 ?? null };
  }

  /** Exchanges a code for the till's device token; any earlier device token of the till stops working. */
  pair(code: string, tillId: string): PairedTill {
    const now = this.ctx.now();
    const nowMs = now.getTime();
    this.failures = this.failures.filter((t) => nowMs - t < PAIRING_WINDOW_MS);
    if (this.failures.length >= PAIRING_MAX_FAILURES) {
      const oldest = this.failures[0] ?? nowMs;
      const secondsLeft = Math.ceil((oldest + PAIRING_WINDOW_MS - nowMs) / 1000);
      throw new TillError(
        "PAIRING_LOCKED",
        `too many wrong pairing codes; pairing is closed for ${secondsLeft} seconds, then ask a manager for a new code`,
        { secondsLeft },
      );
    }
    const at = now.toISOString();
    const hash = hashToken(normalizePairingCode(code));
    const outcome = this.ctx.db.transaction((tx) => {
      const row = tx.select().from(tillPairings).where(eq(tillPairings.codeHash, hash)).get();
      if (!row || row.usedAt !== null || row.expiresAt <= at) return { ok: false as const, row };
      if (row.tillId !== null && row.tillId !== tillId) return { ok: false as const, row };
      tx.update(tillPairings)
        .set({ usedAt: at, usedByTill: tillId })
        .where(eq(tillPairings.codeHash, hash))
        .run();
      tx.update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.kind, "till"), eq(apiTokens.tillId, tillId), isNull(apiTokens.revokedAt)))
        .run();
      const token = newToken();
      tx.insert(apiTokens)
        .values({
          tokenHash: hashToken(token),
          kind: "till",
          tillId,
          createdAt: at,
          label: `paired by ${row.createdBy}`,
        })
        .run();
      return { ok: true as const, token };
    });
    if (!outcome.ok) {
      this.failures.push(nowMs);
      const row = outcome.row;
      const why = !row
        ? "is not a pairing code of this store"
        : row.usedAt !== null
          ? "was already used"
          : row.expiresAt <= at
            ? "has expired"
            : `is for till ${row.tillId}, not ${tillId}`;
      throw new TillError(
        "PAIRING_REFUSED",
        `the pairing code ${why}: ask a manager for a new one (ringup admin till pair --till ${tillId})`,
      );
    }
    return {
      token: outcome.token,
      tillId,
      storeId: this.ctx.storeId,
      certificateSha256: this.ctx.tls?.sha256 ?? null,
    };
  }
}

export interface PairedTillView {
  tillId: string;
  tokenId: string;
  pairedAt: string;
  /** The last request of its device token or of a cashier's session there (to the minute). */
  lastSeenAt: string | null;
}

export function listPairedTills(ctx: StoreContext): PairedTillView[] {
  const rows = ctx.db
    .select()
    .from(apiTokens)
    .where(and(inArray(apiTokens.kind, ["till", "session"]), isNull(apiTokens.revokedAt)))
    .all();
  const seen = new Map<string, string>();
  for (const r of rows) {
    if (r.tillId === null || r.lastUsedAt === null) continue;
    const before = seen.get(r.tillId);
    if (before === undefined || r.lastUsedAt > before) seen.set(r.tillId, r.lastUsedAt);
  }
  return rows
    .filter((r) => r.kind === "till" && r.tillId !== null)
    .map((r) => ({
      tillId: r.tillId ?? "",
      tokenId: tokenIdOf(r.tokenHash),
      pairedAt: r.createdAt,
      lastSeenAt: seen.get(r.tillId ?? "") ?? null,
    }))
    .sort((a, b) => a.tillId.localeCompare(b.tillId));
}

/** Ends a till's device token and every session at it, at once. */
export function revokeTill(ctx: StoreContext, tillId: string): { tillId: string; revokedTokens: number } {
  const at = ctx.now().toISOString();
  const revoked = ctx.db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(
      and(
        inArray(apiTokens.kind, ["till", "session"]),
        eq(apiTokens.tillId, tillId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ h: apiTokens.tokenHash })
    .all();
  if (revoked.length === 0) {
    throw new TillError(
      "TILL_NOT_PAIRED",
      `till ${tillId} has no device token or session to revoke; see ringup admin till list`,
    );
  }
  return { tillId, revokedTokens: revoked.length };
}
