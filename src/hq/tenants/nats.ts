/**
 * `nats-tenants.conf`: one NATS account per tenant, each with JetStream and the users of that
 * tenant only (head office's own and its stores'), included from the `nats-users.conf` each
 * tenant's data directory keeps current. Accounts share nothing: a tenant's streams, subjects
 * and consumers are invisible to every other tenant, and within an account each store may
 * publish only its own subjects. nats-server includes this file instead of nats-accounts.conf
 * once a head office has tenants (see docs/tenants.md); rewritten when a tenant is created.
 */
import { chmodSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { NATS_USERS_FILE } from "../stores/nats-config.ts";
import { DEFAULT_TENANT } from "./ids.ts";
import { tenantDataDir } from "./locate.ts";
import type { TenantEntry } from "./registry.ts";

export const TENANTS_NATS_CONF = "nats-tenants.conf";

/** The NATS account of a tenant. */
export function tenantNatsAccount(tenant: string): string {
  return `RINGUP_${tenant.toUpperCase().replaceAll("-", "_")}`;
}

export function renderTenantsNatsConf(baseDir: string, tenants: readonly TenantEntry[]): string {
  const ids = [DEFAULT_TENANT, ...tenants.map((t) => t.id)];
  const accounts = ids.map((id) => {
    const users = relative(baseDir, join(tenantDataDir(baseDir, id), NATS_USERS_FILE));
    return `  ${tenantNatsAccount(id)}: {\n    jetstream: enabled\n    include ${JSON.stringify(users)}\n  }`;
  });
  return `# Written by ringup hq tenant create: one account per tenant. Include it from nats-server.conf
# (instead of nats-accounts.conf) and run 'nats-server --signal reload' after a change.
accounts {
${accounts.join("\n")}
}
`;
}

export function writeTenantsNatsConf(baseDir: string, tenants: readonly TenantEntry[]): string {
  const path = join(baseDir, TENANTS_NATS_CONF);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, renderTenantsNatsConf(baseDir, tenants), { mode: 0o640 });
  chmodSync(tmp, 0o640);
  renameSync(tmp, path);
  return path;
}
