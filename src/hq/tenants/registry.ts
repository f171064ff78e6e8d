/**
 * The registry of tenants: `tenants.json` in head office's data directory, one entry per tenant
 * (id, status, when created and suspended). Written whole by `ringup hq tenant …` (a reader never
 * sees half of it); the running head office reads it again whenever it changes.
 */
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { tenantStatusSchema } from "../../api/hq/tenants.ts";
import { TenantError } from "./errors.ts";
import { tenantIdSchema } from "./ids.ts";

export const REGISTRY_FILE = "tenants.json";

export type TenantStatus = z.infer<typeof tenantStatusSchema>;

export const tenantEntrySchema = z.object({
  id: tenantIdSchema,
  status: tenantStatusSchema,
  createdAt: z.iso.datetime(),
  suspendedAt: z.iso.datetime().nullable(),
});
export type TenantEntry = z.infer<typeof tenantEntrySchema>;

const registrySchema = z.object({ tenants: z.array(tenantEntrySchema) });

export function registryPath(baseDir: string): string {
  return join(baseDir, REGISTRY_FILE);
}

/** Every tenant, by id; none when the file does not exist (a single-tenant head office). */
export function readRegistry(baseDir: string): TenantEntry[] {
  const path = registryPath(baseDir);
  if (!existsSync(path)) return [];
  const parsed = registrySchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path} is not a registry of tenants: ${parsed.error.message}`);
  return parsed.data.tenants;
}

export function writeRegistry(baseDir: string, tenants: readonly TenantEntry[]): void {
  const path = registryPath(baseDir);
  const sorted = [...tenants].sort((a, b) => a.id.localeCompare(b.id));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify({ tenants: sorted }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

export function findTenant(tenants: readonly TenantEntry[], id: string): TenantEntry {
  const found = tenants.find((t) => t.id === id);
  if (!found) {
    throw new TenantError(
      "TENANT_NOT_FOUND",
      `no tenant "${id}": 'ringup hq tenant list' shows them, 'ringup hq tenant create ID' adds one`,
    );
  }
  return found;
}

/** The registry as last read, read again only when the file changed. */
export class RegistryView {
  #stamp = "";
  #tenants: TenantEntry[] = [];

  constructor(private readonly baseDir: string) {}

  current(): TenantEntry[] {
    const path = registryPath(this.baseDir);
    const stat = existsSync(path) ? statSync(path) : null;
    const stamp = stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : "";
    if (stamp !== this.#stamp) {
      this.#tenants = readRegistry(this.baseDir);
      this.#stamp = stamp;
    }
    return this.#tenants;
  }

  get(id: string): TenantEntry | undefined {
    return this.current().find((t) => t.id === id);
  }
}
