/**
 * Head office's webhooks: added (`POST /webhooks`, as a store's), listed without their secret
 * and with the deliveries waiting for each, deleted, and resumed after being parked. Each change
 * is logged, and the dispatcher told to start or stop senders.
 */
import { count, eq } from "drizzle-orm";
import { hqWebhookDeliveries, hqWebhookEndpoints } from "../../../schema/hq.ts";
import type { Webhook, WebhookRequest } from "../../api/store/webhooks.ts";
import { uuidv7 } from "../../core/ids.ts";
import { endpointsChanged, type WebhookTables } from "../../shared/webhook-endpoints.ts";
import type { HqContext } from "../context.ts";
import { HqWebhookError } from "./errors.ts";

export const HQ_WEBHOOK_TABLES: WebhookTables = {
  endpoints: "hq_webhook_endpoints",
  deliveries: "hq_webhook_deliveries",
};

type Endpoint = typeof hqWebhookEndpoints.$inferSelect;

export class HqWebhookService {
  constructor(private readonly ctx: HqContext) {}

  list(): Webhook[] {
    const waiting = new Map(
      this.ctx.db
        .select({ id: hqWebhookDeliveries.endpointId, n: count() })
        .from(hqWebhookDeliveries)
        .groupBy(hqWebhookDeliveries.endpointId)
        .all()
        .map((r) => [r.id, r.n]),
    );
    return this.ctx.db
      .select()
      .from(hqWebhookEndpoints)
      .orderBy(hqWebhookEndpoints.createdAt)
      .all()
      .map(({ secret: _secret, events, ...rest }) => ({
        ...rest,
        events: JSON.parse(events) as string[],
        pending: waiting.get(rest.id) ?? 0,
      }));
  }

  add(request: WebhookRequest): Webhook {
    const url = new URL(request.url);
    if (`${url.username}${url.password}${url.hash}` !== "") {
      throw new HqWebhookError(
        "WEBHOOK_URL_REFUSED",
        "url: a user name, password or #fragment is not allowed (deliveries are signed instead)",
      );
    }
    const events = JSON.stringify([...new Set(request.events)].sort());
    const same = this.ctx.db
      .select({ id: hqWebhookEndpoints.id })
      .from(hqWebhookEndpoints)
      .where(eq(hqWebhookEndpoints.url, url.href))
      .all()
      .find((r) => this.endpoint(r.id).events === events);
    if (same) {
      throw new HqWebhookError("WEBHOOK_EXISTS", `webhook ${same.id} posts the same events to ${url.href}`, {
        id: same.id,
      });
    }
    const row: Endpoint = {
      id: uuidv7(),
      url: url.href,
      events,
      secret: request.secret,
      status: "active",
      parkedReason: null,
      parkedAt: null,
      createdAt: this.ctx.now().toISOString(),
    };
    this.ctx.db.insert(hqWebhookEndpoints).values(row).run();
    this.changed(`hq: webhook ${row.id} added for ${url.origin} (${events})`);
    return this.one(row.id);
  }

  delete(id: string): { id: string; deleted: true } {
    this.endpoint(id);
    this.ctx.db.transaction((tx) => {
      tx.delete(hqWebhookDeliveries).where(eq(hqWebhookDeliveries.endpointId, id)).run();
      tx.delete(hqWebhookEndpoints).where(eq(hqWebhookEndpoints.id, id)).run();
    });
    this.changed(`hq: webhook ${id} deleted`);
    return { id, deleted: true };
  }

  /** A parked endpoint takes deliveries again: those it missed first. */
  resume(id: string): Webhook {
    this.endpoint(id);
    const at = this.ctx.now().toISOString();
    this.ctx.db.transaction((tx) => {
      tx.update(hqWebhookEndpoints)
        .set({ status: "active", parkedReason: null, parkedAt: null })
        .where(eq(hqWebhookEndpoints.id, id))
        .run();
      tx.update(hqWebhookDeliveries)
        .set({ attempts: 0, nextAt: at })
        .where(eq(hqWebhookDeliveries.endpointId, id))
        .run();
    });
    this.changed(`hq: webhook ${id} resumed`);
    return this.one(id);
  }

  private one(id: string): Webhook {
    const found = this.list().find((w) => w.id === id);
    if (!found) throw new HqWebhookError("WEBHOOK_NOT_FOUND", `head office has no webhook ${id}`, { id });
    return found;
  }

  private endpoint(id: string): Endpoint {
    const row = this.ctx.db.select().from(hqWebhookEndpoints).where(eq(hqWebhookEndpoints.id, id)).get();
    if (!row) throw new HqWebhookError("WEBHOOK_NOT_FOUND", `head office has no webhook ${id}`, { id });
    return row;
  }

  private changed(line: string): void {
    this.ctx.log(line);
    endpointsChanged(this.ctx.sqlite, HQ_WEBHOOK_TABLES);
    this.ctx.webhooks?.sync();
  }
}
