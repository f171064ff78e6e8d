/**
 * `ringup store`: opens the database, makes sure an admin token exists, serves the API, and
 * shuts down gracefully on SIGTERM/SIGINT (in-flight requests finish, the database closes).
 */

import type { OpenLabelPrinter } from "../core/labels/index.ts";
import type { OpenLabelScale } from "../core/scales/scale-port.ts";
import { type StoreSettings, storeSettingsSchema } from "../core/settings.ts";
import { readBackupConfig, startScheduledBackups } from "../shared/backup.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError, readTomlFile } from "../shared/config.ts";
import { log } from "../shared/log.ts";
import { requestLimitsOf, serverBodyCap } from "../shared/request-limits.ts";
import { handleWithRequestLog } from "../shared/request-log.ts";
import { readSecretFile } from "../shared/secrets.ts";
import { announceGeneratedToken } from "../shared/server-log.ts";
import { isLoopback, loadTls, selfSignedTls, type TlsFiles } from "../shared/tls.ts";
import { createStoreApp } from "./app.ts";
import {
  BOOTSTRAP_LABEL,
  hasAdminToken,
  newToken,
  RevokedAdminTokenError,
  saveToken,
  setBootstrapToken,
} from "./auth/tokens.ts";
import { journalChainCheck } from "./backup/verify.ts";
import { accountsLink } from "./card-tenders/accounts-link.ts";
import { startCardReconciler } from "./card-tenders/reconciler.ts";
import { applyBundleDepartments } from "./catalog/bundle-departments.ts";
import { catalogWatchOf, MAX_CATALOG_WAIT_MS } from "./catalog/watch.ts";
import type { StoreContext } from "./context.ts";
import { createHqLink, HqRefusedError, HqUnreachableError } from "./hq-link/hq-link.ts";
import { createJournalLink, type JournalLink } from "./hq-link/journal-link.ts";
import { damagedAtStart, IntegrityMonitor, isDamagedFile } from "./integrity.ts";
import { KitchenPrinters, kitchenWatchOf, type OpenKitchenPrinter } from "./kitchen/index.ts";
import { storeMetrics } from "./metrics.ts";
import { NotificationSender, notificationsConfigOf } from "./notifications/index.ts";
import { openStore } from "./open.ts";
import type { StoreOptions } from "./options.ts";
import { reconcileWithHq } from "./recovery/recover.ts";
import { type ReplicationHealth, startStoreReplication } from "./replication/index.ts";
import { ScaleHealthWatch } from "./scales/health-watch.ts";
import { scaleServiceOf } from "./scales/service.ts";
import { WebhookDispatcher } from "./webhooks/dispatcher.ts";
import { readShopConfig } from "./webhooks/settings.ts";

const OPTION_KEYS = new Set([
  "data",
  "port",
  "host",
  "storeId",
  "adminToken",
  "adminTokenFile",
  "nats",
  "natsCreds",
  "hqUrl",
  "hqToken",
  "hqTokenFile",
  "recoverFromHq",
  "tlsCert",
  "tlsKey",
  "tlsSelfSigned",
  "config",
  "logLevel",
  // Read apart (it holds a secret the settings tills fetch must not carry).
  "notifications",
  // Read by the backup schedule.
  "backup",
  // Read by the web shop's webhooks and orders (webhooks/settings.ts).
  "webhooks",
  "orders",
]);

/** Store settings from the TOML file's keys that are not command-line options. */
export async function loadStoreSettings(configPath: string | undefined): Promise<StoreSettings> {
  const table = configPath ? await readTomlFile(configPath) : {};
  const settingsInput = Object.fromEntries(Object.entries(table).filter(([k]) => !OPTION_KEYS.has(k)));
  const parsed = storeSettingsSchema.safeParse(settingsInput);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `key "${i.path.join(".")}" in ${configPath}: ${i.message}`,
    );
    throw new ConfigError(`invalid store settings:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export interface RunningStore {
  ctx: StoreContext;
  url: string;
  /** Finishes in-flight requests, then closes the database. */
  stop(): Promise<void>;
}

/** Opens the store's database, makes sure an admin token exists, and starts serving. */
/** A request that may wait for catalog changes (`GET …/products/changes?…wait=…`). */
const LONG_POLL = /\/(?:products\/changes|kitchen\/tickets)\?(?:.*&)?wait=/;
const LONG_POLL_IDLE_S = Math.ceil(MAX_CATALOG_WAIT_MS / 1000) + 10;

/** What the store drives but does not open itself (the CLI hands in the device drivers). */
export interface StoreDevices {
  openKitchenPrinter?: OpenKitchenPrinter;
  labelPrinters?: OpenLabelPrinter;
  labelScales?: OpenLabelScale;
}

export async function startStoreServer(
  options: StoreOptions,
  io: CliIo,
  settings?: StoreSettings,
  devices: StoreDevices = {},
): Promise<RunningStore> {
  const warn = (line: string) => io.err(line);
  const adminToken =
    options.adminToken ??
    (options.adminTokenFile ? readSecretFile(options.adminTokenFile, "adminTokenFile", warn) : undefined);
  const hqToken =
    options.hqToken ??
    (options.hqTokenFile ? readSecretFile(options.hqTokenFile, "hqTokenFile", warn) : undefined);
  const tls: TlsFiles | null =
    options.tlsCert !== undefined && options.tlsKey !== undefined
      ? loadTls(options.tlsCert, options.tlsKey)
      : options.tlsSelfSigned
        ? selfSignedTls(options.data, `ringup-store-${options.storeId}`)
        : null;
  const notifications = options.config
    ? notificationsConfigOf((await readTomlFile(options.config)).notifications, options.config, warn)
    : undefined;
  const backupConfig = await readBackupConfig(options.config);
  const shopConfig = await readShopConfig(options.config);
  const storeSettings = settings ?? (await loadStoreSettings(options.config));
  let ctx: StoreContext;
  try {
    ctx = openStore(options.data, options.storeId, storeSettings, {
      onUpgrade: (message) => io.out(`store: ${message}`),
    });
  } catch (err) {
    if (isDamagedFile(err))
      throw damagedAtStart(options.data, err instanceof Error ? err.message : String(err));
    throw err;
  }
  if (tls) ctx.tls = { sha256: tls.sha256 };
  if (devices.labelPrinters) ctx.labelPrinters = devices.labelPrinters;
  if (devices.labelScales) ctx.labelScales = devices.labelScales;
  ctx.orders = shopConfig.orders;
  const webhooks = new WebhookDispatcher(ctx, shopConfig.webhooks, (line) => io.err(line));
  ctx.webhooks = webhooks;
  if (ctx.settings.taxClasses.length === 0) {
    warn(
      "store: no tax classes are configured, so products naming one are refused and nothing is taxed; add [[taxClasses]] to the store's configuration (see docs/configuration.md)",
    );
  }
  let sender: NotificationSender | null = null;
  if (notifications) {
    ctx.notifications = notifications;
    sender = new NotificationSender(ctx, notifications, (line) => io.err(line));
    const started = sender;
    ctx.wakeNotifications = () => started.wake();
  }
  let journalLink: JournalLink | null = null;
  if (options.hqUrl !== undefined && hqToken !== undefined) {
    ctx.hq = createHqLink({ url: options.hqUrl, token: hqToken });
    ctx.accounts = accountsLink({ url: options.hqUrl, token: hqToken, timeoutMs: 3_000 });
    journalLink = createJournalLink({ url: options.hqUrl, token: hqToken, storeId: ctx.storeId });
    try {
      // Never issue a sequence number head office applied: recover, or refuse to start.
      await reconcileWithHq(ctx, journalLink, {
        recover: options.recoverFromHq === true,
        log: (line) => io.out(line),
      });
    } catch (err) {
      const unreachable = err instanceof HqUnreachableError || err instanceof HqRefusedError;
      if (!unreachable || options.recoverFromHq) {
        ctx.sqlite.close();
        throw err;
      }
      io.err(
        `store: warning: could not compare the journal with head office's copy (${err.message}); it is compared again with every pointer head office sends over NATS`,
      );
    }
  }
  // Damage found at start stops the start (exit code 1); found later, writes are refused.
  const integrity = new IntegrityMonitor(ctx, (message) => io.err(message));
  const atStart = integrity.checkAtStart();
  if (!atStart.ok) {
    ctx.sqlite.close();
    throw damagedAtStart(options.data, atStart.problem ?? "the integrity check fails");
  }
  integrity.schedule(ctx.settings.integrityCheckMinutes);
  const scaleWatch = new ScaleHealthWatch(scaleServiceOf(ctx));
  scaleWatch.schedule(ctx.settings.scaleHealthMinutes, warn);
  const now = ctx.now();
  if (adminToken) {
    try {
      if (setBootstrapToken(ctx.db, adminToken, now) === "replaced") {
        io.out("store: the admin token given replaces the previous one, which no longer works");
      }
    } catch (err) {
      ctx.sqlite.close();
      if (err instanceof RevokedAdminTokenError) throw new ConfigError(err.message);
      throw err;
    }
  } else if (!hasAdminToken(ctx.db)) {
    const token = newToken();
    saveToken(ctx.db, token, "admin", now, null, null, BOOTSTRAP_LABEL);
    announceGeneratedToken(io, "store", options.data, token);
  }
  const replication = options.nats
    ? startStoreReplication(ctx, {
        url: options.nats,
        credsPath: options.natsCreds,
        log: (l) => io.out(l),
        onDivergence: (diverged) => {
          journalLink?.reportDivergence(diverged).catch((err: unknown) => {
            io.err(
              `store: could not tell head office about the journal (${err instanceof Error ? err.message : String(err)})`,
            );
          });
        },
      })
    : null;
  sender?.start();
  const kitchenPrinters =
    ctx.settings.kitchen && devices.openKitchenPrinter
      ? new KitchenPrinters(ctx, devices.openKitchenPrinter, { log: warn })
      : null;
  kitchenPrinters?.start();
  webhooks.sync();
  const cardReconciler = ctx.accounts ? startCardReconciler(ctx) : null;
  const limits = requestLimitsOf(options);
  const logger = log();
  const metrics = storeMetrics(ctx.sqlite, replication ? () => replication.health() : undefined);
  const app = createStoreApp(
    ctx,
    replication
      ? { integrity, metrics, health: () => replicationHealth(replication.health()) }
      : { integrity, metrics },
    limits,
  );
  const server = Bun.serve({
    port: options.port,
    hostname: options.host,
    maxRequestBodySize: serverBodyCap(limits),
    ...(tls ? { tls: { cert: tls.cert, key: tls.key } } : {}),
    fetch: (request, bunServer) => {
      // A till waiting for catalog changes is quiet for up to MAX_CATALOG_WAIT_MS: longer than the idle timeout.
      if (LONG_POLL.test(request.url)) bunServer.timeout(request, LONG_POLL_IDLE_S);
      return handleWithRequestLog(logger, request, (r) => app.handle(r), metrics);
    },
  });
  const backups = startScheduledBackups({
    db: ctx.sqlite,
    config: backupConfig,
    dataDir: options.data,
    name: ctx.storeId,
    log: (line) => io.out(`store: ${line}`),
    extra: journalChainCheck(ctx.storeId),
  });
  if (tls) {
    io.out(`store: HTTPS with ${tls.certPath} (SHA-256 ${tls.sha256})`);
  } else if (!isLoopback(options.host)) {
    io.err(
      `store: warning: serving plain HTTP on ${options.host}: tokens and PINs cross the network readable; use --tls-self-signed (or --tls-cert/--tls-key), or --host 127.0.0.1`,
    );
  }
  return {
    ctx,
    url: `${tls ? "https" : "http"}://${server.hostname}:${server.port}`,
    async stop() {
      // Waiting tills are answered now, so the requests in flight finish at once.
      catalogWatchOf(ctx).close();
      kitchenWatchOf(ctx).close();
      await server.stop(false);
      await kitchenPrinters?.stop();
      await sender?.stop();
      await webhooks.stop();
      await cardReconciler?.stop();
      integrity.stop();
      scaleWatch.stop();
      backups?.stop();
      await replication?.stop();
      ctx.sqlite.close();
    },
  };
}

/** `/health`'s replication fields; a journal that diverged from head office's copy is never "ok". */
function replicationHealth(replication: ReplicationHealth): Record<string, unknown> {
  return replication.diverged === null
    ? { replication }
    : { status: "degraded", diverged: replication.diverged, replication };
}

/** Runs the server until SIGTERM/SIGINT; `io` writes to its log (see `serverIo` of the CLI). */
export async function runStore(options: StoreOptions, io: CliIo, devices: StoreDevices = {}): Promise<void> {
  const store = await startStoreServer(options, io, undefined, devices);
  const departments = await applyBundleDepartments(store.ctx, options.data).catch(async (err: unknown) => {
    await store.stop();
    throw err;
  });
  if (departments > 0) io.out(`store: imported ${departments} department(s) from the pairing bundle`);
  io.out(`store ${store.ctx.storeId} listening on ${store.url} (data: ${options.data})`);
  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      io.out(`store: ${signal}: finishing in-flight requests and closing`);
      await store.stop();
      resolve();
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  });
}
