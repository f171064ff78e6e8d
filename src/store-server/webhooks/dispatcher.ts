/**
 * The web shop's webhooks at work: one signed sender (src/shared/webhook-sender.ts) per active
 * endpoint, each over its own part of the outbox, so an endpoint that fails waits alone and is
 * parked after its last attempt, never holding up the others.
 */
import pkg from "../../../package.json" with { type: "json" };
import { webhookEndpoints } from "../../../schema/store.ts";
import { WebhookSender } from "../../shared/webhook-sender.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext } from "../context.ts";
import { type DeliveryRow, endpointOutbox, parkEndpoint } from "./outbox.ts";
import { endpointsChanged, setWaker } from "./registry.ts";
import type { WebhookDeliveryConfig } from "./settings.ts";

export class WebhookDispatcher {
  private readonly senders = new Map<string, WebhookSender<DeliveryRow>>();
  private stopped = false;

  constructor(
    private readonly ctx: StoreContext,
    private readonly config: WebhookDeliveryConfig,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Starts a sender per active endpoint; the store calls it again whenever endpoints change. */
  sync(): void {
    if (this.stopped) return;
    endpointsChanged(this.ctx.sqlite);
    const active = this.ctx.db
      .select({
        id: webhookEndpoints.id,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        status: webhookEndpoints.status,
      })
      .from(webhookEndpoints)
      .all()
      .filter((e) => e.status === "active");
    const wanted = new Set(active.map((e) => e.id));
    for (const [id, sender] of this.senders) {
      if (!wanted.has(id)) this.retire(id, sender);
    }
    for (const endpoint of active) {
      if (this.senders.has(endpoint.id)) continue;
      const sender: WebhookSender<DeliveryRow> = new WebhookSender(
        endpointOutbox(this.ctx, endpoint.id, (row, error) => this.park(row, error)),
        { ...this.config, webhookUrl: endpoint.url, secret: endpoint.secret },
        {
          now: () => this.ctx.now(),
          userAgent: `ringup-store/${pkg.version}`,
          concurrency: this.config.concurrency,
        },
      );
      this.senders.set(endpoint.id, sender);
      setWaker(this.ctx.sqlite, endpoint.id, () => sender.wake());
      sender.start();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const senders = [...this.senders.entries()];
    this.senders.clear();
    for (const [id] of senders) setWaker(this.ctx.sqlite, id, null);
    await Promise.all(senders.map(([, s]) => s.stop()));
  }

  private retire(id: string, sender: WebhookSender<DeliveryRow>): void {
    this.senders.delete(id);
    setWaker(this.ctx.sqlite, id, null);
    void sender.stop();
  }

  /** Out of attempts: the endpoint is parked with the reason, and audited. */
  private park(row: DeliveryRow, error: string): void {
    this.log(
      `store: webhook ${row.endpointId} parked after ${row.attempts + 1} attempts of ${row.deliveryId}: ${error}`,
    );
    parkEndpoint(this.ctx, row, error);
    this.ctx.db.transaction((tx) =>
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.webhookParked,
        at: this.ctx.now(),
        refId: row.endpointId,
        detail: { deliveryId: row.deliveryId, event: row.event, attempts: row.attempts + 1, error },
      }),
    );
    const sender = this.senders.get(row.endpointId);
    if (sender) this.retire(row.endpointId, sender);
    endpointsChanged(this.ctx.sqlite);
  }
}
