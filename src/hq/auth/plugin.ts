/**
 * Bearer-token authentication for the head office API. Routes registered after
 * `.use(authorize(ctx, scopes, action))` get `principal`, and a caller without one of the
 * scopes is refused (401 without a valid token, 403 without the scope) before the body or
 * query is even validated. Every request under `/api/v1` that carries a body is authenticated
 * (401) before any of it is read: the request limits call `authenticateRequest` first, and the
 * route reuses that answer.
 */
import { Elysia } from "elysia";
import type { HqContext } from "../context.ts";
import type { Needed, Principal } from "./scopes.ts";
import { authenticate, requireScope } from "./tokens.ts";

const known = new WeakMap<Request, Principal>();

/** Who sends this request (401 without a valid token), worked out once per request. */
export function authenticateRequest(ctx: HqContext, request: Request): Principal {
  const cached = known.get(request);
  if (cached) return cached;
  const principal = authenticate(ctx.db, request.headers.get("authorization"), ctx.now());
  known.set(request, principal);
  return principal;
}

export function authorize(ctx: HqContext, needed: readonly Needed[], action: string) {
  return new Elysia().derive({ as: "scoped" }, ({ request }): { principal: Principal } => {
    const principal = authenticateRequest(ctx, request);
    requireScope(principal, needed, action);
    return { principal };
  });
}
