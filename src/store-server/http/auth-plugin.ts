/**
 * Bearer-token authentication for the store API. Routes registered after `.use(requireAuth(ctx))`
 * get `principal`; a missing or bad token answers 401 before the body is even read: the request
 * limits call `authenticateRequest` for every request with a body before reading it, and the
 * route reuses that answer.
 */
import { Elysia } from "elysia";
import { authenticate, type Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";

const known = new WeakMap<Request, Principal>();

/** Who sends this request (401 without a valid token), worked out once per request. */
export function authenticateRequest(ctx: StoreContext, request: Request): Principal {
  const cached = known.get(request);
  if (cached) return cached;
  const principal = authenticate(ctx, request.headers.get("authorization"));
  known.set(request, principal);
  return principal;
}

export function requireAuth(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.auth" }).derive(
    { as: "scoped" },
    ({ request }): { principal: Principal } => ({ principal: authenticateRequest(ctx, request) }),
  );
}
