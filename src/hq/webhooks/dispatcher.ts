/**
 * Head office's webhooks at work: one signed sender per active endpoint over its part of the
 * outbox (src/shared/webhook-endpoints.ts), retried as the config's `[webhooks]` table says; an
 * endpoint parked after its last attempt is logged with the reason (and listed so).
 */
import pkg from "../../../package.json" with { type: "json" };
import type { WebhookDeliveryConfig } from "../../shared/webhook-delivery-config.ts";
import { WebhookDispatcher } from "../../shared/webhook-endpoints.ts";
import type { HqContext } from "../context.ts";
import { HQ_WEBHOOK_TABLES } from "./service.ts";

export function startHqWebhooks(ctx: HqContext, config: WebhookDeliveryConfig): WebhookDispatcher {
  const dispatcher = new WebhookDispatcher(ctx.sqlite, HQ_WEBHOOK_TABLES, config, {
    now: () => ctx.now(),
    userAgent: `ringup-hq/${pkg.version}`,
    onParked: (row, error) =>
      ctx.log(
        `hq: webhook ${row.endpointId} parked after ${row.attempts + 1} attempts of ${row.deliveryId}: ${error}`,
      ),
  });
  ctx.webhooks = dispatcher;
  dispatcher.sync();
  return dispatcher;
}
