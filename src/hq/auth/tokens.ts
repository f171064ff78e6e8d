/**
 * Head office bearer tokens. Only their SHA-256 hashes are stored; a token is shown once when
 * made. Each token carries scopes (see scopes.ts).
 */

import { and, desc, eq, isNull, like, sql } from "drizzle-orm";
import { z } from "zod";
import { hqApiTokens } from "../../../schema/hq.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { theOnlyTokenMatch } from "../../shared/token-ids.ts";
import type { HqDb, HqTx } from "../context.ts";
import { newTenantToken } from "../tenants/ids.ts";
import { HqAuthError } from "./errors.ts";
import { holds, type Needed, type Principal, type Scope, scopeSchema } from "./scopes.ts";

/** A new bearer token; a tenant's carries its id (see src/hq/tenants/ids.ts). */
export function newToken(tenant?: string): string {
  if (tenant !== undefined) return newTenantToken(tenant);
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `rgh_${Buffer.from(bytes).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}

export function saveToken(
  db: HqDb | HqTx,
  token: string,
  name: string,
  scopes: readonly Scope[],
  at: Date,
): void {
  db.insert(hqApiTokens)
    .values({
      tokenHash: hashToken(token),
      name,
      scopes: JSON.stringify(scopes),
      createdAt: at.toISOString(),
    })
    .onConflictDoNothing()
    .run();
}

/** Revokes every live token of a name (e.g. a store's when its credentials are renewed). */
export function revokeTokensNamed(db: HqDb | HqTx, name: string, at: Date): void {
  db.update(hqApiTokens)
    .set({ revokedAt: at.toISOString() })
    .where(and(eq(hqApiTokens.name, name), isNull(hqApiTokens.revokedAt)))
    .run();
}

/** The name of the bootstrap admin token (given with --admin-token or generated at first start). */
export const BOOTSTRAP_NAME = "admin";

export class RevokedAdminTokenError extends Error {}

/**
 * Makes `token` the bootstrap admin token: the previous one stops working. The current one
 * again changes nothing; one that was revoked is refused (a leaked old token stays dead).
 */
export function setBootstrapToken(db: HqDb, token: string, at: Date): "kept" | "replaced" {
  const hash = hashToken(token);
  return db.transaction((tx) => {
    const existing = tx.select().from(hqApiTokens).where(eq(hqApiTokens.tokenHash, hash)).get();
    if (existing) {
      if (existing.revokedAt !== null || !storedScopes(existing.scopes).includes("admin")) {
        throw new RevokedAdminTokenError(
          "this admin token was revoked (or is not an admin token) and cannot be used again: give a new one (--admin-token-file FILE with a fresh random token), or leave it out to have one generated",
        );
      }
      return "kept";
    }
    revokeTokensNamed(tx, BOOTSTRAP_NAME, at);
    saveToken(tx, token, BOOTSTRAP_NAME, ["admin"], at);
    return "replaced";
  });
}

export const TOKEN_ID_LENGTH = 12;

export interface HqTokenView {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function viewOf(row: typeof hqApiTokens.$inferSelect): HqTokenView {
  return {
    id: row.tokenHash.slice(0, TOKEN_ID_LENGTH),
    name: row.name,
    scopes: storedScopes(row.scopes),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export function listTokens(db: HqDb, all: boolean): HqTokenView[] {
  return db
    .select()
    .from(hqApiTokens)
    .where(all ? undefined : isNull(hqApiTokens.revokedAt))
    .orderBy(desc(hqApiTokens.createdAt))
    .all()
    .map(viewOf);
}

/** Revokes the one live token whose id starts with `id`; 404 when none, 409 when several. */
export function revokeTokenById(db: HqDb, id: string, at: Date): HqTokenView {
  const matches = db
    .select()
    .from(hqApiTokens)
    .where(and(like(hqApiTokens.tokenHash, `${id}%`), isNull(hqApiTokens.revokedAt)))
    .all();
  const only = theOnlyTokenMatch(matches, id);
  db.update(hqApiTokens)
    .set({ revokedAt: at.toISOString() })
    .where(eq(hqApiTokens.tokenHash, only.tokenHash))
    .run();
  return viewOf({ ...only, revokedAt: at.toISOString() });
}

/** Whether any admin token exists (the bootstrap token is made only once). */
export function hasAdminToken(db: HqDb): boolean {
  return db
    .select({ scopes: hqApiTokens.scopes })
    .from(hqApiTokens)
    .where(isNull(hqApiTokens.revokedAt))
    .all()
    .some((row) => storedScopes(row.scopes).includes("admin"));
}

const storedScopesSchema = z.array(scopeSchema);

function storedScopes(text: string): Scope[] {
  const parsed = storedScopesSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}

/** A live token by its hash, prepared once per database. */
function tokenQuery(db: HqDb) {
  return db
    .select({ name: hqApiTokens.name, scopes: hqApiTokens.scopes, lastUsedAt: hqApiTokens.lastUsedAt })
    .from(hqApiTokens)
    .where(and(eq(hqApiTokens.tokenHash, sql.placeholder("hash")), isNull(hqApiTokens.revokedAt)))
    .prepare();
}
const tokenByHash = new WeakMap<HqDb, ReturnType<typeof tokenQuery>>();

/** Resolves an Authorization header to who is calling, or throws 401. */
/** How often `lastUsedAt` is written at most. */
const TOUCH_EVERY_MS = 60_000;

export function authenticate(db: HqDb, header: string | undefined | null, now: Date = new Date()): Principal {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new HqAuthError(
      "UNAUTHORIZED",
      "missing bearer token: send 'Authorization: Bearer <token>' (the admin token, or a token from POST /api/v1/tokens)",
    );
  }
  const hash = hashToken(match[1]);
  // Every request comes here (each card tender a store authorises): prepared once per database.
  let byHash = tokenByHash.get(db);
  if (!byHash) {
    byHash = tokenQuery(db);
    tokenByHash.set(db, byHash);
  }
  const row = byHash.get({ hash });
  if (!row) {
    throw new HqAuthError("UNAUTHORIZED", "the bearer token is not valid (wrong or revoked)");
  }
  if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= TOUCH_EVERY_MS) {
    db.update(hqApiTokens)
      .set({ lastUsedAt: now.toISOString() })
      .where(eq(hqApiTokens.tokenHash, hash))
      .run();
  }
  return { name: row.name, scopes: storedScopes(row.scopes), tokenId: hash.slice(0, TOKEN_ID_LENGTH) };
}

/** Throws 403 unless the caller holds one of the scopes. */
export function requireScope(principal: Principal, needed: readonly Needed[], action: string): void {
  if (needed.some((n) => holds(principal, n))) return;
  const names = needed.map((n) => (n === "store:*" ? "store:<id>" : n)).join(" or ");
  throw new HqAuthError(
    "FORBIDDEN",
    `${action} needs the ${names} scope; this token has ${principal.scopes.join(", ") || "no scopes"}`,
  );
}
