/**
 * Tenant ids: lowercase letters, digits and dashes, 1 to 32 characters, starting and ending
 * with a letter or digit. They name a directory and a NATS account, and sit inside tokens
 * (`rgh_<tenant>.<secret>`), so nothing else is allowed. `default` is the tenant of the data
 * directory itself (a single-tenant head office) and cannot be created.
 */
import { z } from "zod";
import { TenantError } from "./errors.ts";

export const DEFAULT_TENANT = "default";
export const TENANT_ID_MAX = 32;
const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const tenantIdSchema = z
  .string()
  .min(1)
  .max(TENANT_ID_MAX)
  .regex(TENANT_ID)
  .refine((id) => id !== DEFAULT_TENANT);

/** The id, checked; TENANT_ID_INVALID says what is allowed. */
export function parseTenantId(id: string): string {
  const parsed = tenantIdSchema.safeParse(id);
  if (parsed.success) return parsed.data;
  const shown = JSON.stringify(id.length > TENANT_ID_MAX + 8 ? `${id.slice(0, TENANT_ID_MAX)}…` : id);
  throw new TenantError(
    "TENANT_ID_INVALID",
    `${shown} is not a tenant id: use 1 to ${TENANT_ID_MAX} lowercase letters, digits and dashes, starting and ending with a letter or digit (and not "${DEFAULT_TENANT}")`,
  );
}

const TENANT_TOKEN = /^rgh_([a-z0-9-]{1,32})\.[A-Za-z0-9_-]+$/;

/** A new bearer token of a tenant: its id, then 24 random bytes. */
export function newTenantToken(tenant: string): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `rgh_${tenant}.${Buffer.from(bytes).toString("base64url")}`;
}

/**
 * The tenant a token says it belongs to, or null (a token of the default tenant). Only routes
 * the request: the tenant's own database still has to know the token.
 */
export function tenantOfToken(token: string): string | null {
  const id = TENANT_TOKEN.exec(token)?.[1];
  return id !== undefined && tenantIdSchema.safeParse(id).success ? id : null;
}
