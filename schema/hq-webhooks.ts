/**
 * Head office's webhooks (the chain's `sale.completed`, `order.changed` and `stock.changed` from
 * the stores' replicated events): the endpoints, and the deliveries waiting for each (an outbox
 * written in the ingest's transaction, deleted once taken). The same columns as the store's
 * `webhook_endpoints` and `webhook_deliveries` (src/shared/webhook-endpoints.ts works on both).
 */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { webhookEndpointColumns, webhookOutboxColumns } from "./columns.ts";

export const hqWebhookEndpoints = sqliteTable("hq_webhook_endpoints", webhookEndpointColumns());

export const hqWebhookDeliveries = sqliteTable(
  "hq_webhook_deliveries",
  { ...webhookOutboxColumns(), endpointId: text("endpoint_id").notNull() },
  (t) => [index("hq_webhook_deliveries_due").on(t.endpointId, t.nextAt)],
);

export const hqWebhooksSchema = { hqWebhookEndpoints, hqWebhookDeliveries };
