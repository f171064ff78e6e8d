/**
 * Bearer tokens. Only their SHA-256 hashes are stored; a token is shown once when made.
 * Kinds: `admin` (the bootstrap token and any made by an admin), `session` (a cashier logged in
 * at a till with a PIN; carries the user's role; expires when idle and at a maximum age, see
 * `sessionIdleMinutes` and `sessionMaxHours`), `till` (a paired till's device token, for its
 * background work). A token is named in lists by its id: the first 12 hex digits of its hash.
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { apiTokens } from "../../../schema/store.ts";
import { BUILT_IN_ROLES, levelOf, type Rights, rightsOf } from "../../core/permissions.ts";
import { sha256Hex } from "../../core/sha256.ts";
import type { StoreContext, StoreDb } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { isStorageFailure } from "../db/storage.ts";
import { rightsOfRole } from "../users/rights.ts";
import { AuthError } from "./errors.ts";

export type Role = "cashier" | "supervisor" | "manager" | "admin";
export const ROLE_RANK: Record<Role, number> = { cashier: 1, supervisor: 2, manager: 3, admin: 4 };

export interface Principal {
  kind: "admin" | "session" | "till";
  userId: string | null;
  /** The built-in level the role counts as (a custom role counts as cashier), for rank checks. */
  role: Role;
  tillId: string | null;
  /** What the role may do (src/core/permissions.ts); an admin token may do everything. */
  rights: Rights;
}

/** What an admin token (and head office acting on the store) may do: everything. */
export const ADMIN_RIGHTS: Rights = rightsOf(BUILT_IN_ROLES.admin);

export function newToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `rgp_${Buffer.from(bytes).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}

/** A token's public id: the start of its hash (never the token). */
export function tokenIdOf(tokenHash: string): string {
  return tokenHash.slice(0, TOKEN_ID_LENGTH);
}
export const TOKEN_ID_LENGTH = 12;

export function saveToken(
  db: StoreDb,
  token: string,
  kind: Principal["kind"],
  at: Date,
  userId: string | null = null,
  tillId: string | null = null,
  label: string | null = null,
): void {
  db.insert(apiTokens)
    .values({ tokenHash: hashToken(token), kind, userId, tillId, label, createdAt: at.toISOString() })
    .onConflictDoNothing()
    .run();
}

export const BOOTSTRAP_LABEL = "bootstrap";

export class RevokedAdminTokenError extends Error {}

/**
 * Makes `token` the bootstrap admin token: the previous bootstrap token (and admin tokens made
 * before tokens had labels, which were all bootstrap tokens) stop working. Giving the current
 * one again changes nothing; giving one that was revoked is refused, so a leaked old token
 * cannot be brought back by a restart with it.
 */
export function setBootstrapToken(db: StoreDb, token: string, at: Date): "kept" | "replaced" {
  const hash = hashToken(token);
  return db.transaction((tx) => {
    const existing = tx.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash)).get();
    if (existing) {
      if (existing.revokedAt !== null || existing.kind !== "admin") {
        throw new RevokedAdminTokenError(
          "this admin token was revoked (or is not an admin token) and cannot be used again: give a new one (--admin-token-file FILE with a fresh random token), or leave it out to have one generated",
        );
      }
      return "kept";
    }
    tx.update(apiTokens)
      .set({ revokedAt: at.toISOString() })
      .where(
        and(
          eq(apiTokens.kind, "admin"),
          isNull(apiTokens.revokedAt),
          or(eq(apiTokens.label, BOOTSTRAP_LABEL), isNull(apiTokens.label)),
        ),
      )
      .run();
    tx.insert(apiTokens)
      .values({ tokenHash: hash, kind: "admin", label: BOOTSTRAP_LABEL, createdAt: at.toISOString() })
      .run();
    return "replaced";
  });
}

/** Whether a live admin token exists (one is generated at first start otherwise). */
export function hasAdminToken(db: StoreDb): boolean {
  return (
    db
      .select({ h: apiTokens.tokenHash })
      .from(apiTokens)
      .where(and(eq(apiTokens.kind, "admin"), isNull(apiTokens.revokedAt)))
      .get() !== undefined
  );
}

export function revokeToken(db: StoreDb, token: string, at: Date): void {
  db.update(apiTokens)
    .set({ revokedAt: at.toISOString() })
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .run();
}

/** How often `lastUsedAt` is written at most (idle expiry is counted to this). */
const TOUCH_EVERY_MS = 60_000;

/** Resolves an Authorization header to who is calling, or throws 401. */
export function authenticate(
  ctx: Pick<StoreContext, "db" | "now" | "settings">,
  header: string | undefined | null,
): Principal {
  const { db } = ctx;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new AuthError(
      "UNAUTHORIZED",
      "missing bearer token: send 'Authorization: Bearer <token>' (the admin token, or a session token from POST /api/v1/sessions)",
    );
  }
  // Every request comes here: one statement, prepared once per connection.
  const row = statementsOf(db).principalByToken.get(hashToken(match[1]));
  if (!row) {
    throw new AuthError("UNAUTHORIZED", "the bearer token is not valid (wrong, revoked or logged out)");
  }
  const nowMs = ctx.now().getTime();
  const lastUsedMs = Date.parse(row.lastUsedAt ?? row.createdAt);
  if (row.kind === "session") {
    const { sessionIdleMinutes, sessionMaxHours } = ctx.settings;
    const idle = nowMs - lastUsedMs > sessionIdleMinutes * 60_000;
    const old = nowMs - Date.parse(row.createdAt) > sessionMaxHours * 3_600_000;
    if (idle || old) {
      throw new AuthError(
        "SESSION_EXPIRED",
        idle
          ? `the session expired after ${sessionIdleMinutes} minutes without use: log in again with your PIN`
          : `the session expired ${sessionMaxHours} hours after its log-in: log in again with your PIN`,
        { tillId: row.tillId },
      );
    }
  }
  // Idle expiry must see use within its window even when it is shorter than a minute.
  const touchEveryMs = Math.min(TOUCH_EVERY_MS, (ctx.settings.sessionIdleMinutes * 60_000) / 4);
  if (row.lastUsedAt === null || nowMs - lastUsedMs >= touchEveryMs) {
    try {
      statementsOf(db).touchToken.run(hashToken(match[1]), new Date(nowMs).toISOString());
    } catch (err) {
      // A full disk: the note of use waits for space, and reads go on being answered.
      if (!isStorageFailure(err)) throw err;
    }
  }
  const roleId = row.kind === "admin" ? "admin" : (row.role ?? "cashier");
  return {
    kind: row.kind,
    userId: row.userId,
    role: levelOf(roleId),
    tillId: row.tillId,
    rights: rightsOfRole(db, roleId),
  };
}

/** Throws 403 unless the caller has at least the given role. */
export function requireRole(principal: Principal, role: Role, action: string): void {
  if (ROLE_RANK[principal.role] < ROLE_RANK[role]) {
    throw new AuthError(
      "FORBIDDEN",
      `${action} needs the ${role} role; you are logged in as ${principal.role}`,
    );
  }
}
