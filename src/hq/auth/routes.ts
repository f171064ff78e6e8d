/**
 * Tokens (admin): `POST /tokens` makes a bearer token with the given scopes, shown once;
 * `GET /tokens` lists them by id (never the tokens); `POST /tokens/:id/revoke` revokes one.
 */
import { Elysia } from "elysia";
import { z } from "zod";
import type { HqContext } from "../context.ts";
import { authorize } from "./plugin.ts";
import { scopeSchema } from "./scopes.ts";
import { BOOTSTRAP_NAME, listTokens, newToken, revokeTokenById, saveToken } from "./tokens.ts";

export const tokenInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(80, "must be at most 80 characters")
    .refine((n) => n !== BOOTSTRAP_NAME, {
      error: `"${BOOTSTRAP_NAME}" is the bootstrap token's name; choose another`,
    }),
  scopes: z
    .array(scopeSchema, {
      error: "must be a list of scopes: admin, catalog:write, reports:read or store:<storeId>",
    })
    .min(1, "give at least one scope")
    .max(20),
});

export function tokensRoutes(ctx: HqContext) {
  return new Elysia({ name: "ringup.hq.tokens" })
    .use(authorize(ctx, ["admin"], "managing tokens"))
    .post(
      "/tokens",
      ({ body, set }) => {
        const token = newToken(ctx.tenant);
        const scopes = [...new Set(body.scopes)];
        saveToken(ctx.db, token, body.name, scopes, ctx.now());
        set.status = 201;
        return { token, name: body.name, scopes };
      },
      {
        body: tokenInputSchema,
        detail: { summary: "Make a bearer token with scopes (shown only in this answer)" },
      },
    )
    .get("/tokens", ({ query }) => ({ tokens: listTokens(ctx.db, query.all === "true") }), {
      query: z.object({ all: z.enum(["true", "false"]).optional() }),
      detail: {
        summary: "Live tokens (all=true: revoked ones too) by id, name and scopes; never the tokens",
      },
    })
    .post("/tokens/:id/revoke", ({ params }) => revokeTokenById(ctx.db, params.id, ctx.now()), {
      params: z.object({
        id: z.string().regex(/^[0-9a-f]{6,64}$/, "must be a token id (at least 6 hex digits, as listed)"),
      }),
      detail: { summary: "Revoke a token by its id (or a unique prefix); it stops working at once" },
    });
}
