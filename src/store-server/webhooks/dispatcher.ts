/**
 * The web shop's webhooks at work: one signed sender per active endpoint
 * (src/shared/webhook-endpoints.ts); an endpoint parked after its last attempt is logged and
 * audited.
 */
import pkg from "../../../package.json" with { type: "json" };
import { type DeliveryRow, WebhookDispatcher as Senders } from "../../shared/webhook-endpoints.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext } from "../context.ts";
import { STORE_WEBHOOK_TABLES } from "./registry.ts";
import type { WebhookDeliveryConfig } from "./settings.ts";

export class WebhookDispatcher {
  private readonly senders: Senders;

  constructor(
    private readonly ctx: StoreContext,
    config: WebhookDeliveryConfig,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.senders = new Senders(ctx.sqlite, STORE_WEBHOOK_TABLES, config, {
      now: () => ctx.now(),
      userAgent: `ringup-store/${pkg.version}`,
      onParked: (row, error) => this.parked(row, error),
    });
  }

  /** Starts a sender per active endpoint; the store calls it again whenever endpoints change. */
  sync(): void {
    this.senders.sync();
  }

  stop(): Promise<void> {
    return this.senders.stop();
  }

  private parked(row: DeliveryRow, error: string): void {
    this.log(
      `store: webhook ${row.endpointId} parked after ${row.attempts + 1} attempts of ${row.deliveryId}: ${error}`,
    );
    this.ctx.db.transaction((tx) =>
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.webhookParked,
        at: this.ctx.now(),
        refId: row.endpointId,
        detail: { deliveryId: row.deliveryId, event: row.event, attempts: row.attempts + 1, error },
      }),
    );
  }
}
