/**
 * The store's bearer tokens, for an admin: list them (never the tokens themselves, only their
 * ids: the first 12 hex digits of their hashes), revoke one by its id or a unique prefix of it,
 * and rotate the caller's own admin token (the old one stops working at once).
 */

import { and, desc, eq, isNull, like } from "drizzle-orm";
import { Elysia } from "elysia";
import { z } from "zod";
import { apiTokens } from "../../../schema/store.ts";
import { theOnlyTokenMatch } from "../../shared/token-ids.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { bearerToken } from "../users/sessions.ts";
import { AuthError } from "./errors.ts";
import { hashToken, newToken, type Principal, requireRole, tokenIdOf } from "./tokens.ts";

export const tokenIdParamsSchema = z.object({
  id: z
    .string()
    .regex(
      /^[0-9a-f]{6,64}$/,
      "must be a token id (at least 6 hex digits, as `ringup admin token list` shows)",
    ),
});

export interface TokenView {
  id: string;
  kind: "admin" | "session" | "till";
  label: string | null;
  userId: string | null;
  tillId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function requireAdminToken(principal: Principal, action: string): void {
  requireRole(principal, "admin", action);
}

export function listTokens(ctx: StoreContext, all: boolean): TokenView[] {
  return ctx.db
    .select()
    .from(apiTokens)
    .where(all ? undefined : isNull(apiTokens.revokedAt))
    .orderBy(desc(apiTokens.createdAt))
    .all()
    .map((r) => ({
      id: tokenIdOf(r.tokenHash),
      kind: r.kind,
      label: r.label,
      userId: r.userId,
      tillId: r.tillId,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      revokedAt: r.revokedAt,
    }));
}

export function revokeTokenById(ctx: StoreContext, id: string): TokenView {
  const matches = ctx.db
    .select()
    .from(apiTokens)
    .where(and(like(apiTokens.tokenHash, `${id}%`), isNull(apiTokens.revokedAt)))
    .all();
  const only = theOnlyTokenMatch(matches, id);
  const at = ctx.now().toISOString();
  ctx.db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.tokenHash, only.tokenHash), isNull(apiTokens.revokedAt)))
    .run();
  return {
    id: tokenIdOf(only.tokenHash),
    kind: only.kind,
    label: only.label,
    userId: only.userId,
    tillId: only.tillId,
    createdAt: only.createdAt,
    lastUsedAt: only.lastUsedAt,
    revokedAt: at,
  };
}

/** A new admin token in place of the caller's: same label, the old one revoked in the same transaction. */
export function rotateAdminToken(
  ctx: StoreContext,
  token: string,
): { token: string; id: string; revokedId: string } {
  const oldHash = hashToken(token);
  const at = ctx.now().toISOString();
  const fresh = newToken();
  ctx.db.transaction((tx) => {
    const old = tx
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.tokenHash, oldHash), isNull(apiTokens.revokedAt)))
      .returning({ label: apiTokens.label })
      .get();
    tx.insert(apiTokens)
      .values({ tokenHash: hashToken(fresh), kind: "admin", label: old?.label ?? null, createdAt: at })
      .run();
  });
  return { token: fresh, id: tokenIdOf(hashToken(fresh)), revokedId: tokenIdOf(oldHash) };
}

export function tokensRoutes(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.tokens" })
    .use(requireAuth(ctx))
    .get(
      "/tokens",
      ({ principal, query }) => {
        requireAdminToken(principal, "listing tokens");
        return { tokens: listTokens(ctx, query.all === "true") };
      },
      {
        query: z.object({ all: z.enum(["true", "false"]).optional() }),
        detail: { summary: "Live bearer tokens (all=true: revoked ones too), by id; never the tokens" },
      },
    )
    .post(
      "/tokens/:id/revoke",
      ({ params, principal }) => {
        requireAdminToken(principal, "revoking a token");
        return revokeTokenById(ctx, params.id);
      },
      { params: tokenIdParamsSchema, detail: { summary: "Revoke a token by its id (or a unique prefix)" } },
    )
    .post(
      "/tokens/rotate",
      ({ headers, principal, set }) => {
        if (principal.kind !== "admin") {
          throw new AuthError(
            "NOT_AN_ADMIN_TOKEN",
            "only an admin token is rotated; a cashier's session ends by logging out, a till's by revoking it",
          );
        }
        set.status = 201;
        return rotateAdminToken(ctx, bearerToken(headers.authorization));
      },
      {
        detail: {
          summary:
            "Replace the caller's admin token with a new one (shown only here); the old one stops working",
        },
      },
    );
}
