/**
 * The web shop's webhooks: added, listed (never with their secret), deleted and resumed after
 * being parked. Every change is audited; the dispatcher is told to start or stop senders.
 */
import { count, eq } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "../../../schema/store.ts";
import type { Webhook, WebhookRequest } from "../../api/store/webhooks.ts";
import { uuidv7 } from "../../core/ids.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { WebhookError } from "./errors.ts";
import { endpointsChanged } from "./registry.ts";

type EndpointRow = typeof webhookEndpoints.$inferSelect;

export class WebhookService {
  constructor(private readonly ctx: StoreContext) {}

  private toWebhook(row: EndpointRow): Webhook {
    const pending =
      this.ctx.db
        .select({ n: count() })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, row.id))
        .get()?.n ?? 0;
    return {
      id: row.id,
      url: row.url,
      events: JSON.parse(row.events) as string[],
      status: row.status,
      parkedReason: row.parkedReason,
      parkedAt: row.parkedAt,
      pending,
      createdAt: row.createdAt,
    };
  }

  private row(id: string): EndpointRow {
    const row = this.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
    if (!row) throw new WebhookError("WEBHOOK_NOT_FOUND", `the store has no webhook ${id}`, { id });
    return row;
  }

  list(): Webhook[] {
    return this.ctx.db
      .select()
      .from(webhookEndpoints)
      .orderBy(webhookEndpoints.createdAt)
      .all()
      .map((r) => this.toWebhook(r));
  }

  add(request: WebhookRequest, principal: Principal): Webhook {
    const url = new URL(request.url);
    if (url.username !== "" || url.password !== "" || url.hash !== "") {
      throw new WebhookError(
        "WEBHOOK_URL_REFUSED",
        "url: must carry no user name, password or #fragment (the signature authenticates the store)",
      );
    }
    const events = [...new Set(request.events)].sort();
    const taken = this.ctx.db
      .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.url, url.href))
      .all()
      .find((r) => r.events === JSON.stringify(events));
    if (taken) {
      throw new WebhookError(
        "WEBHOOK_EXISTS",
        `webhook ${taken.id} already posts these events to ${url.href}; delete it first to change its secret`,
        { id: taken.id },
      );
    }
    const at = this.ctx.now();
    const row: EndpointRow = {
      id: uuidv7(),
      url: url.href,
      events: JSON.stringify(events),
      secret: request.secret,
      status: "active",
      parkedReason: null,
      parkedAt: null,
      createdAt: at.toISOString(),
    };
    this.ctx.db.transaction((tx) => {
      tx.insert(webhookEndpoints).values(row).run();
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.webhookAdded,
        at,
        userId: principal.userId,
        refId: row.id,
        detail: { url: url.origin, events: events.join(",") },
      });
    });
    this.changed();
    return this.toWebhook(row);
  }

  delete(id: string, principal: Principal): { id: string; deleted: true } {
    this.row(id);
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id)).run();
      tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).run();
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.webhookDeleted,
        at,
        userId: principal.userId,
        refId: id,
      });
    });
    this.changed();
    return { id, deleted: true };
  }

  /** A parked endpoint takes deliveries again: those it missed first. */
  resume(id: string, principal: Principal): Webhook {
    const row = this.row(id);
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      tx.update(webhookEndpoints)
        .set({ status: "active", parkedReason: null, parkedAt: null })
        .where(eq(webhookEndpoints.id, id))
        .run();
      tx.update(webhookDeliveries)
        .set({ attempts: 0, nextAt: at.toISOString() })
        .where(eq(webhookDeliveries.endpointId, id))
        .run();
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.webhookResumed,
        at,
        userId: principal.userId,
        refId: id,
        detail: { wasParked: row.status === "parked" },
      });
    });
    this.changed();
    return this.toWebhook(this.row(id));
  }

  private changed(): void {
    endpointsChanged(this.ctx.sqlite);
    this.ctx.webhooks?.sync();
  }
}
