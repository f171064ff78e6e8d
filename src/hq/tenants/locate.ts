/**
 * Where a tenant's data lives: the one place that decides it. The default tenant is the data
 * directory itself (hq.db, pin.key, nats-hq.creds…, as a single-tenant head office has always
 * kept them); every other tenant has the same pieces in `tenants/<id>/` beneath it.
 */
import { join } from "node:path";
import { DEFAULT_TENANT } from "./ids.ts";

export const TENANTS_DIR = "tenants";

export function tenantDataDir(baseDir: string, tenant: string): string {
  return tenant === DEFAULT_TENANT ? baseDir : join(baseDir, TENANTS_DIR, tenant);
}
