/**
 * Bearer tokens. Only their SHA-256 hashes are stored; a token is shown once when made.
 * Kinds: `admin` (the bootstrap token and any made by an admin), `session` (a cashier logged in
 * at a till with a PIN; carries the user's role).
 */
import { eq } from "drizzle-orm";
import { apiTokens } from "../../../schema/store.ts";
import type { StoreDb } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { HttpError } from "../http/errors.ts";
import { sha256Hex } from "../journal/journal.ts";

export type Role = "cashier" | "supervisor" | "manager" | "admin";
export const ROLE_RANK: Record<Role, number> = { cashier: 1, supervisor: 2, manager: 3, admin: 4 };

export interface Principal {
  kind: "admin" | "session" | "till";
  userId: string | null;
  role: Role;
  tillId: string | null;
}

export function newToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `rgp_${Buffer.from(bytes).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}

export function saveToken(
  db: StoreDb,
  token: string,
  kind: Principal["kind"],
  at: Date,
  userId: string | null = null,
  tillId: string | null = null,
): void {
  db.insert(apiTokens)
    .values({ tokenHash: hashToken(token), kind, userId, tillId, createdAt: at.toISOString() })
    .onConflictDoNothing()
    .run();
}

export function revokeToken(db: StoreDb, token: string, at: Date): void {
  db.update(apiTokens)
    .set({ revokedAt: at.toISOString() })
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .run();
}

/** Resolves an Authorization header to who is calling, or throws 401. */
export function authenticate(db: StoreDb, header: string | undefined | null): Principal {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new HttpError(
      "unauthorized",
      "UNAUTHORIZED",
      "missing bearer token: send 'Authorization: Bearer <token>' (the admin token, or a session token from POST /api/v1/sessions)",
    );
  }
  // Every request comes here: one statement, prepared once per connection.
  const row = statementsOf(db).principalByToken.get(hashToken(match[1]));
  if (!row) {
    throw new HttpError(
      "unauthorized",
      "UNAUTHORIZED",
      "the bearer token is not valid (wrong, revoked or logged out)",
    );
  }
  const role: Role = row.kind === "admin" ? "admin" : (row.role ?? "cashier");
  return { kind: row.kind, userId: row.userId, role, tillId: row.tillId };
}

/** Throws 403 unless the caller has at least the given role. */
export function requireRole(principal: Principal, role: Role, action: string): void {
  if (ROLE_RANK[principal.role] < ROLE_RANK[role]) {
    throw new HttpError(
      "forbidden",
      "FORBIDDEN",
      `${action} needs the ${role} role; you are logged in as ${principal.role}`,
    );
  }
}
