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
import { ensureSummaries } from "./analytics/rebuild.ts";
import { createHqApp, type HqServices, hqServices } from "./app.ts";
import {
  BOOTSTRAP_NAME,
  hasAdminToken,
  newToken,
  RevokedAdminTokenError,
  saveToken,
  setBootstrapToken,
} from "./auth/tokens.ts";
import type { HqContext } from "./context.ts";
import { CustomerJobs } from "./customers/jobs.ts";
import type { DeadLetterDesk } from "./ingest/index.ts";
import { hqMetrics } from "./metrics.ts";
import { openHq } from "./open.ts";
import type { HqOptions } from "./options.ts";
import { startHqReplication } from "./replication/index.ts";
import { ensureHqNatsCredentials, writeNatsConf } from "./stores/nats-config.ts";
import { startHqWebhooks } from "./webhooks/dispatcher.ts";

/** The NATS side of head office (ingest and downstream publishing), when started. */
export interface HqReplication {
  /** The link's state for /health. */
  state(): string;
  /** Retries and discards dead letters through the running ingest. */
  deadLetters?: DeadLetterDesk;
  stop(): Promise<void>;
}

export type StartHqReplication = (
  ctx: HqContext,
  nats: { url: string; credsPath: string; replicas?: number },
) => Promise<HqReplication>;

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
  ensureSummaries(ctx.sqlite, now, (line) => io.out(`hq: ${line}`));
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

  const services = hqServices(ctx);
  services.scheduler.start();
  const customerJobs = new CustomerJobs(ctx, notifications).start();
  const webhooks = startHqWebhooks(ctx, webhookConfig);
  let replication: HqReplication | null = null;
  if (options.nats) {
    try {
      if (!start.startReplication) throw new Error("replication over NATS is not available here");
      replication = await start.startReplication(ctx, {
        url: options.nats,
        credsPath: options.natsCreds ?? hqCreds,
        replicas: options.natsReplicas,
      });
    } catch (err) {
      // Nothing is served: leave the database closed and the scheduler stopped.
      services.scheduler.stop();
      await customerJobs.stop();
      await webhooks.stop();
      ctx.sqlite.close();
      throw err;
    }
  }
  const limits = requestLimitsOf(options);
  const logger = log();
  const metrics = hqMetrics(ctx);
  const app = createHqApp(
    ctx,
    services,
    replication
      ? {
          metrics,
          nats: () => replication.state(),
          ...(replication.deadLetters ? { deadLetters: replication.deadLetters } : {}),
        }
      : { metrics },
    limits,
  );
  const server = Bun.serve({
    port: options.port,
    hostname: options.host,
    maxRequestBodySize: serverBodyCap(limits),
    ...(tls ? { tls: { cert: tls.cert, key: tls.key } } : {}),
    fetch: (request) => handleWithRequestLog(logger, request, (r) => app.handle(r), metrics),
  });
  const backups = startScheduledBackups({
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
      services.scheduler.stop();
      await customerJobs.stop();
      await webhooks.stop();
      backups?.stop();
      await server.stop(false);
      await replication?.stop();
      ctx.sqlite.close();
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
