/**
 * `ringup hq`: opens head office's database, makes sure an admin token exists, writes the
 * nats-server configuration for head office and every store, serves the API, applies scheduled
 * prices when due, and shuts down gracefully on SIGTERM/SIGINT (in-flight requests finish, the
 * database closes).
 */

import { readBackupConfig, startScheduledBackups } from "../shared/backup.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError, readTomlFile } from "../shared/config.ts";
import { log } from "../shared/log.ts";
import { notificationsConfigOf } from "../shared/notifications-config.ts";
import { requestLimitsOf, serverBodyCap } from "../shared/request-limits.ts";
import { handleWithRequestLog } from "../shared/request-log.ts";
import { readSecretFile } from "../shared/secrets.ts";
import { announceGeneratedToken } from "../shared/server-log.ts";
import { isLoopback, loadTls } from "../shared/tls.ts";
import { readWebhookDeliveryConfig } from "../shared/webhook-delivery-config.ts";
import type { HqServices } from "./app.ts";
import {
  BOOTSTRAP_NAME,
  hasAdminToken,
  newToken,
  RevokedAdminTokenError,
  saveToken,
  setBootstrapToken,
} from "./auth/tokens.ts";
import type { HqContext } from "./context.ts";
import { postgresDialect } from "./db/dialect.ts";
import { hqMetrics, type TenantContext } from "./metrics.ts";
import { openHq } from "./open.ts";
import type { HqOptions } from "./options.ts";
import { type StartHqReplication, startHqParts } from "./parts.ts";
import { startHqReplication } from "./replication/index.ts";
import { ensureHqNatsCredentials, writeNatsConf } from "./stores/nats-config.ts";
import { DEFAULT_TENANT } from "./tenants/ids.ts";
import { TenantRouter } from "./tenants/router.ts";
import { tenantOpener } from "./tenants/runtime.ts";

export type { HqReplication, StartHqReplication } from "./parts.ts";

export interface StartHqOptions {
  now?: () => Date;
  /** Starts replication when `--nats` is given. */
  startReplication?: StartHqReplication;
}

export interface RunningHq {
  ctx: HqContext;
  services: HqServices;
  url: string;
  /** Stops the scheduler and replication, finishes in-flight requests, closes the database. */
  stop(): Promise<void>;
}

export async function startHqServer(
  options: HqOptions,
  io: CliIo,
  start: StartHqOptions = {},
): Promise<RunningHq> {
  const adminToken =
    options.adminToken ??
    (options.adminTokenFile
      ? readSecretFile(options.adminTokenFile, "adminTokenFile", (l) => io.err(l))
      : undefined);
  const tls =
    options.tlsCert !== undefined && options.tlsKey !== undefined
      ? loadTls(options.tlsCert, options.tlsKey)
      : null;
  const backupConfig = await readBackupConfig(options.config);
  const webhookConfig = await readWebhookDeliveryConfig(options.config);
  const notifications = options.config
    ? notificationsConfigOf((await readTomlFile(options.config)).notifications, options.config, (l) =>
        io.err(l),
      )
    : undefined;
  const ctx = openHq(options.data, {
    database: options.database,
    log: (line) => io.out(line),
    onUpgrade: (message) => io.out(`hq: ${message}`),
    ...(start.now ? { now: start.now } : {}),
  });
  const now = ctx.now();
  if (adminToken) {
    try {
      if (setBootstrapToken(ctx.db, adminToken, now) === "replaced") {
        io.out("hq: the admin token given replaces the previous one, which no longer works");
      }
    } catch (err) {
      ctx.sqlite.close();
      if (err instanceof RevokedAdminTokenError) throw new ConfigError(err.message);
      throw err;
    }
  } else if (!hasAdminToken(ctx.db)) {
    const token = newToken();
    saveToken(ctx.db, token, BOOTSTRAP_NAME, ["admin"], now);
    announceGeneratedToken(io, "hq", options.data, token);
  }
  const hqCreds = ensureHqNatsCredentials(ctx);
  const natsConf = writeNatsConf(ctx);
  io.out(`hq: nats-server authorization for head office and every store: ${natsConf}`);

  const limits = requestLimitsOf(options);
  // The process's scrape covers the default tenant and every tenant open beside it.
  const openTenants = new Map<string, TenantContext>();
  const metrics = hqMetrics(ctx, () => [{ tenant: DEFAULT_TENANT, ctx }, ...openTenants.values()]);
  const common = {
    notifications,
    webhooks: webhookConfig,
    limits,
    log: (line: string) => io.out(`hq: ${line}`),
  };
  const replicate = options.nats
    ? { url: options.nats, replicas: options.natsReplicas, start: start.startReplication }
    : undefined;
  const parts = await startHqParts(ctx, {
    ...common,
    metrics,
    ...(replicate ? { nats: { ...replicate, credsPath: options.natsCreds ?? hqCreds } } : {}),
  });
  const services = parts.services;
  const app = parts.app;
  const tenants = await new TenantRouter(
    options.data,
    tenantOpener(options.data, {
      ...common,
      ...(start.now ? { now: start.now } : {}),
      ...(replicate ? { nats: replicate } : {}),
      backup: backupConfig,
      database: options.database,
      open: openTenants,
    }),
    (line) => io.out(line),
  ).start();
  const logger = log();
  const server = Bun.serve({
    port: options.port,
    hostname: options.host,
    maxRequestBodySize: serverBodyCap(limits),
    ...(tls ? { tls: { cert: tls.cert, key: tls.key } } : {}),
    fetch: (request) =>
      handleWithRequestLog(logger, request, (r) => tenants.handle(r, (d) => app.handle(d)), metrics),
  });
  const onPostgres = ctx.dialect === postgresDialect;
  if (onPostgres && backupConfig !== undefined) {
    io.out(
      "hq: [backup] is not used on PostgreSQL: back head office's databases (and each tenant's) up with PostgreSQL's own tools, pg_dump or base backups (see docs/hq-postgres.md)",
    );
  }
  const backups = onPostgres
    ? undefined
    : startScheduledBackups({
        db: ctx.sqlite,
        config: backupConfig,
        dataDir: options.data,
        name: "hq",
        log: (line) => io.out(`hq: ${line}`),
      });
  if (tls) {
    io.out(`hq: HTTPS with ${tls.certPath} (SHA-256 ${tls.sha256})`);
  } else if (!isLoopback(options.host)) {
    io.err(
      `hq: warning: serving plain HTTP on ${options.host}: tokens cross the network readable; give --tls-cert FILE --tls-key FILE, or --host 127.0.0.1 behind a TLS proxy`,
    );
  }
  return {
    ctx,
    services,
    url: `${tls ? "https" : "http"}://${server.hostname}:${server.port}`,
    async stop() {
      backups?.stop();
      await server.stop(false);
      await tenants.stop();
      await parts.stop();
    },
  };
}

/** Runs the server until SIGTERM/SIGINT; `io` writes to its log (see `serverIo` of the CLI). */
export async function runHq(options: HqOptions, io: CliIo): Promise<void> {
  const hq = await startHqServer(options, io, { startReplication: startHqReplication });
  io.out(`hq listening on ${hq.url} (data: ${options.data})`);
  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      io.out(`hq: ${signal}: finishing in-flight requests and closing`);
      await hq.stop();
      resolve();
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  });
}
