/**
 * Opens one tenant's head office in this process: its database (created or migrated) from the
 * tenant's data directory, its NATS credentials and users, and its working parts, which ingest
 * over the tenant's own NATS account when head office replicates.
 */
import { type BackupConfig, startScheduledBackups } from "../../shared/backup.ts";
import { postgresDialect } from "../db/dialect.ts";
import { hqMetrics, type TenantContext } from "../metrics.ts";
import { openHq } from "../open.ts";
import { type HqPartsOptions, startHqParts } from "../parts.ts";
import { ensureHqNatsCredentials, writeNatsConf } from "../stores/nats-config.ts";
import { tenantDataDir } from "./locate.ts";
import { natsIsolation } from "./nats-check.ts";
import { openableTenantDatabase } from "./postgres.ts";
import type { OpenTenant } from "./router.ts";

export interface TenantOpenOptions extends Omit<HqPartsOptions, "metrics" | "nats"> {
  now?: () => Date;
  nats?: Omit<NonNullable<HqPartsOptions["nats"]>, "credsPath">;
  /** Head office's `[backup]` schedule: each tenant is backed up into its own directory as `hq-<id>`. */
  backup?: BackupConfig | undefined;
  /** The operator's `--database`: on PostgreSQL each tenant opens its own database there. */
  database?: string | undefined;
  /** Each open tenant's database, kept here while it is open (for the process's metrics). */
  open?: Map<string, TenantContext> | undefined;
}

export function tenantOpener(baseDir: string, o: TenantOpenOptions): OpenTenant {
  const { nats, now, backup, database, open, ...common } = o;
  return async (tenant) => {
    const log = (line: string) => o.log(`[${tenant}] ${line}`);
    const dataDir = tenantDataDir(baseDir, tenant);
    const own = openableTenantDatabase(database, tenant);
    const ctx = openHq(dataDir, {
      database: own,
      tenant,
      log,
      onUpgrade: log,
      ...(now ? { now } : {}),
    });
    try {
      const credsPath = ensureHqNatsCredentials(ctx);
      writeNatsConf(ctx);
      let replicate = nats;
      if (nats && (await natsIsolation(nats.url, credsPath)) === "shared") {
        o.log(
          `tenant ${tenant}: nats-server at ${nats.url} requires no authentication, so tenants would share its streams: not replicating this tenant; give nats-server nats-tenants.conf (see docs/tenants.md) and restart head office`,
        );
        replicate = undefined;
      }
      const parts = await startHqParts(ctx, {
        ...common,
        log,
        metrics: hqMetrics(ctx),
        ...(replicate ? { nats: { ...replicate, credsPath } } : {}),
      });
      // On PostgreSQL the database is backed up by PostgreSQL's own tools (head office says so once).
      const backups =
        ctx.dialect === postgresDialect
          ? undefined
          : startScheduledBackups({
              db: ctx.sqlite,
              config: backup,
              dataDir,
              name: `hq-${tenant}`,
              log,
            });
      open?.set(tenant, { tenant, ctx });
      return {
        ...parts,
        async stop() {
          open?.delete(tenant);
          backups?.stop();
          await parts.stop();
        },
      };
    } catch (err) {
      ctx.sqlite.close();
      throw err;
    }
  };
}
