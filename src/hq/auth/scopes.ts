/**
 * Scopes of head office API tokens. `admin` may do everything; `catalog:write` manages the
 * catalog and prices; `reports:read` reads chain reports, stores and sales; `customers:write`
 * manages customers, groups, cards and accounts; `store:<id>` is a store's own token (its
 * catalog feed, any store's sale for a return, customers, cards and redemptions).
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";

export const FIXED_SCOPES = ["admin", "catalog:write", "reports:read", "customers:write"] as const;
export type FixedScope = (typeof FIXED_SCOPES)[number];
export type StoreScope = `store:${string}`;
export type Scope = FixedScope | StoreScope;

export const scopeSchema = z.union([z.enum(FIXED_SCOPES), z.templateLiteral(["store:", storeIdSchema])]);

export function storeScope(storeId: string): StoreScope {
  return `store:${storeId}`;
}

export interface Principal {
  /** The token's name, for logs. */
  name: string;
  scopes: readonly Scope[];
  /** The token's id (the start of its hash), e.g. to count a token's look-ups. */
  tokenId?: string;
}

/** A scope the caller must hold: a fixed one, a given store, or any store. */
export type Needed = FixedScope | StoreScope | "store:*";

export function holds(principal: Principal, needed: Needed): boolean {
  if (principal.scopes.includes("admin")) return true;
  if (needed === "store:*") return principal.scopes.some((s) => s.startsWith("store:"));
  return principal.scopes.includes(needed);
}

/** The stores a principal acts for through `store:<id>` scopes. */
export function storesOf(principal: Principal): string[] {
  return principal.scopes.filter((s) => s.startsWith("store:")).map((s) => s.slice("store:".length));
}
