/**
 * The working parts head office runs on one context (one tenant's database): the services and
 * their price scheduler, customer jobs, webhook senders, replication over NATS when asked, and
 * the HTTP app. `ringup hq` starts them for the default tenant and for each tenant it serves.
 */

import type { ServerMetrics } from "../shared/metrics.ts";
import type { RequestLimits } from "../shared/request-limits.ts";
import type { WebhookDeliveryConfig } from "../shared/webhook-delivery-config.ts";
import { ensureSummaries } from "./analytics/rebuild.ts";
import { createHqApp, type HqServices, hqServices } from "./app.ts";
import type { HqContext } from "./context.ts";
import { CustomerJobs } from "./customers/jobs.ts";
import type { DeadLetterDesk } from "./ingest/index.ts";
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

export interface HqPartsOptions {
  notifications: ConstructorParameters<typeof CustomerJobs>[1];
  webhooks: WebhookDeliveryConfig;
  limits: RequestLimits;
  metrics: ServerMetrics;
  /** Replication over NATS: where, and how it is started. */
  nats?: {
    url: string;
    credsPath: string;
    replicas?: number | undefined;
    start?: StartHqReplication | undefined;
  };
  /** One line for the operator's log. */
  log: (line: string) => void;
}

export interface HqParts {
  services: HqServices;
  app: ReturnType<typeof createHqApp>;
  /** Stops what runs in the background and closes the database (requests are finished first). */
  stop(): Promise<void>;
}

export async function startHqParts(ctx: HqContext, o: HqPartsOptions): Promise<HqParts> {
  ensureSummaries(ctx.sqlite, ctx.now(), o.log);
  const services = hqServices(ctx);
  services.scheduler.start();
  const customerJobs = new CustomerJobs(ctx, o.notifications).start();
  const webhooks = startHqWebhooks(ctx, o.webhooks);
  const stopBackground = async () => {
    services.scheduler.stop();
    await customerJobs.stop();
    await webhooks.stop();
  };
  let replication: HqReplication | null = null;
  if (o.nats) {
    try {
      if (!o.nats.start) throw new Error("replication over NATS is not available here");
      replication = await o.nats.start(ctx, {
        url: o.nats.url,
        credsPath: o.nats.credsPath,
        ...(o.nats.replicas !== undefined ? { replicas: o.nats.replicas } : {}),
      });
    } catch (err) {
      // Nothing is served: leave the database closed and the scheduler stopped.
      await stopBackground();
      ctx.sqlite.close();
      throw err;
    }
  }
  const app = createHqApp(
    ctx,
    services,
    replication
      ? {
          metrics: o.metrics,
          nats: () => replication.state(),
          ...(replication.deadLetters ? { deadLetters: replication.deadLetters } : {}),
        }
      : { metrics: o.metrics },
    o.limits,
  );
  return {
    services,
    app,
    async stop() {
      await stopBackground();
      await replication?.stop();
      ctx.sqlite.close();
    },
  };
}
