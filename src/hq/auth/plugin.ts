/**
 * Bearer-token authentication for the head office API. Routes registered after
 * `.use(authorize(ctx, scopes, action))` get `principal`, and a caller without one of the
 * scopes is refused (401 without a valid token, 403 without the scope) before the body or
 * query is even validated.
 */
import { Elysia } from "elysia";
import type { HqContext } from "../context.ts";
import type { Needed, Principal } from "./scopes.ts";
import { authenticate, requireScope } from "./tokens.ts";

export function authorize(ctx: HqContext, needed: readonly Needed[], action: string) {
  return new Elysia().derive({ as: "scoped" }, ({ headers }): { principal: Principal } => {
    const principal = authenticate(ctx.db, headers.authorization, ctx.now());
    requireScope(principal, needed, action);
    return { principal };
  });
}
