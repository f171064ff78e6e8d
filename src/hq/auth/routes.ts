/** `POST /tokens` (admin): makes a bearer token with the given scopes, shown once. */
import { Elysia } from "elysia";
import { z } from "zod";
import type { HqContext } from "../context.ts";
import { authorize } from "./plugin.ts";
import { scopeSchema } from "./scopes.ts";
import { newToken, saveToken } from "./tokens.ts";

export const tokenInputSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
  scopes: z
    .array(scopeSchema, {
      error: "must be a list of scopes: admin, catalog:write, reports:read or store:<storeId>",
    })
    .min(1, "give at least one scope")
    .max(20),
});

export function tokensRoutes(ctx: HqContext) {
  return new Elysia({ name: "ringup.hq.tokens" }).use(authorize(ctx, ["admin"], "making tokens")).post(
    "/tokens",
    ({ body, set }) => {
      const token = newToken();
      const scopes = [...new Set(body.scopes)];
      saveToken(ctx.db, token, body.name, scopes, ctx.now());
      set.status = 201;
      return { token, name: body.name, scopes };
    },
    {
      body: tokenInputSchema,
      detail: { summary: "Make a bearer token with scopes (shown only in this answer)" },
    },
  );
}
