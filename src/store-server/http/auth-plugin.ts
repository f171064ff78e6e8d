/**
 * Bearer-token authentication for the store API. Routes registered after `.use(requireAuth(ctx))`
 * get `principal`; a missing or bad token answers 401 before the body is even validated.
 */
import { Elysia } from "elysia";
import { authenticate, type Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";

export function requireAuth(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.auth" }).derive(
    { as: "scoped" },
    ({ headers }): { principal: Principal } => ({
      principal: authenticate(ctx, headers.authorization),
    }),
  );
}
