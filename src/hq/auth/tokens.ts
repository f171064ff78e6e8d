/**
 * Head office bearer tokens. Only their SHA-256 hashes are stored; a token is shown once when
 * made. Each token carries scopes (see scopes.ts).
 */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { hqApiTokens } from "../../../schema/hq.ts";
import { HttpError } from "../../shared/http-errors.ts";
import type { HqDb, HqTx } from "../context.ts";
import { holds, type Needed, type Principal, type Scope, scopeSchema } from "./scopes.ts";

export function newToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `rgh_${Buffer.from(bytes).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return new Bun.CryptoHasher("sha256").update(token).digest("hex");
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

/** Resolves an Authorization header to who is calling, or throws 401. */
export function authenticate(db: HqDb, header: string | undefined | null): Principal {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new HttpError(
      "unauthorized",
      "UNAUTHORIZED",
      "missing bearer token: send 'Authorization: Bearer <token>' (the admin token, or a token from POST /api/v1/tokens)",
    );
  }
  const row = db
    .select({ name: hqApiTokens.name, scopes: hqApiTokens.scopes })
    .from(hqApiTokens)
    .where(and(eq(hqApiTokens.tokenHash, hashToken(match[1])), isNull(hqApiTokens.revokedAt)))
    .get();
  if (!row) {
    throw new HttpError("unauthorized", "UNAUTHORIZED", "the bearer token is not valid (wrong or revoked)");
  }
  return { name: row.name, scopes: storedScopes(row.scopes) };
}

/** Throws 403 unless the caller holds one of the scopes. */
export function requireScope(principal: Principal, needed: readonly Needed[], action: string): void {
  if (needed.some((n) => holds(principal, n))) return;
  const names = needed.map((n) => (n === "store:*" ? "store:<id>" : n)).join(" or ");
  throw new HttpError(
    "forbidden",
    "FORBIDDEN",
    `${action} needs the ${names} scope; this token has ${principal.scopes.join(", ") || "no scopes"}`,
  );
}
