/**
 * Webhook endpoints a server keeps in its own SQLite tables (the store's web shop hooks, head
 * office's chain hooks): which endpoints take which events, the queueing of a delivery in the
 * caller's transaction (a transactional outbox: a change rolled back queues nothing), and one
 * signed sender (webhook-sender.ts) per active endpoint over its own part of the outbox, so an
 * endpoint that fails waits alone and is parked after its last attempt, never holding up the
 * others. Both servers' tables have the same columns (schema/columns.ts's webhookOutboxColumns
 * plus `endpoint_id`, and the endpoints' id, url, events, secret, status, parked_reason,
 * parked_at, created_at); only their names differ.
 *
 * Deliveries taken are deleted together, in one commit before the outbox is next read, not one
 * commit each: a server that stops in between sends those again, with the same delivery id,
 * which the receiver already took (delivery is at least once, exactly once by id).
 */
import type { Database } from "bun:sqlite";
import { uuidv7 } from "../core/ids.ts";
import { type WebhookConfig, type WebhookOutbox, WebhookSender } from "./webhook-sender.ts";

export interface WebhookTables {
  endpoints: string;
  deliveries: string;
}

export interface DeliveryRow {
  deliveryId: string;
  endpointId: string;
  event: string;
  body: string;
  attempts: number;
  nextAt: string;
  createdAt: string;
  lastError: string | null;
}

interface Subscriber {
  id: string;
  events: ReadonlySet<string>;
}

interface Registry {
  subscribers: Subscriber[] | null;
  /** Tells an endpoint's sender a delivery was queued (set while the dispatcher runs). */
  wakers: Map<string, () => void>;
}

const registries = new WeakMap<Database, Map<string, Registry>>();

function registryOf(sqlite: Database, tables: WebhookTables): Registry {
  let byTable = registries.get(sqlite);
  if (!byTable) {
    byTable = new Map();
    registries.set(sqlite, byTable);
  }
  let registry = byTable.get(tables.endpoints);
  if (!registry) {
    registry = { subscribers: null, wakers: new Map() };
    byTable.set(tables.endpoints, registry);
  }
  return registry;
}

function subscribersOf(sqlite: Database, tables: WebhookTables): Subscriber[] {
  const registry = registryOf(sqlite, tables);
  if (registry.subscribers === null) {
    registry.subscribers = sqlite
      .query<{ id: string; events: string }, []>(
        `SELECT id, events FROM ${tables.endpoints} WHERE status = 'active' ORDER BY id`,
      )
      .all()
      .map((r) => ({ id: r.id, events: new Set(JSON.parse(r.events) as string[]) }));
  }
  return registry.subscribers;
}

/** The endpoints changed: read them again at the next event. */
export function endpointsChanged(sqlite: Database, tables: WebhookTables): void {
  registryOf(sqlite, tables).subscribers = null;
}

const takes = (s: Subscriber, event: string) => s.events.has(event) || s.events.has("*");

/** True when some active endpoint takes `event` (so its data is worth computing). */
export function anyoneTakes(sqlite: Database, tables: WebhookTables, event: string): boolean {
  return subscribersOf(sqlite, tables).some((s) => takes(s, event));
}

/**
 * Queues `event` for every active endpoint that takes it, in the caller's transaction; each
 * delivery has its own id, and its body is `{id, event, storeId, at, data}`. The senders look
 * at the outbox once the transaction has ended.
 */
export function queueWebhook(
  sqlite: Database,
  tables: WebhookTables,
  delivery: { event: string; storeId: string; at: string; data: Record<string, unknown> },
): void {
  const registry = registryOf(sqlite, tables);
  const targets = subscribersOf(sqlite, tables).filter((s) => takes(s, delivery.event));
  if (targets.length === 0) return;
  const insert = sqlite.query<unknown, [string, string, string, string, string, string]>(
    `INSERT INTO ${tables.deliveries} (delivery_id, endpoint_id, event, body, next_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
  );
  const now = new Date().toISOString();
  for (const target of targets) {
    const id = uuidv7();
    const body = JSON.stringify({
      id,
      event: delivery.event,
      storeId: delivery.storeId,
      at: delivery.at,
      data: delivery.data,
    });
    insert.run(id, target.id, delivery.event, body, now, now);
    // The sender looks on a timer: after the transaction that queued the delivery has ended.
    registry.wakers.get(target.id)?.();
  }
}

const DELIVERY_COLUMNS = `delivery_id AS deliveryId, endpoint_id AS endpointId, event, body, attempts,
  next_at AS nextAt, created_at AS createdAt, last_error AS lastError`;

/** One endpoint's view of the outbox: its due deliveries, oldest first, deleted once taken. */
function endpointOutbox(
  sqlite: Database,
  tables: WebhookTables,
  endpointId: string,
  onGivenUp: (row: DeliveryRow, error: string) => void,
): WebhookOutbox<DeliveryRow> {
  let taken: string[] = [];
  const forgetTaken = () => {
    if (taken.length === 0) return;
    const ids = taken;
    taken = [];
    sqlite
      .query(`DELETE FROM ${tables.deliveries} WHERE delivery_id IN (SELECT value FROM json_each(?1))`)
      .run(JSON.stringify(ids));
  };
  return {
    due: (now) => {
      forgetTaken();
      return sqlite
        .query<DeliveryRow, [string, string]>(
          `SELECT ${DELIVERY_COLUMNS} FROM ${tables.deliveries} WHERE endpoint_id = ?1 AND next_at <= ?2
           ORDER BY next_at, delivery_id LIMIT 50`,
        )
        .all(endpointId, now.toISOString());
    },
    nextDueAt: () => {
      forgetTaken();
      const row = sqlite
        .query<{ nextAt: string }, [string]>(
          `SELECT next_at AS nextAt FROM ${tables.deliveries} WHERE endpoint_id = ?1 ORDER BY next_at LIMIT 1`,
        )
        .get(endpointId);
      return row ? new Date(row.nextAt) : null;
    },
    delivered: (row) => {
      taken.push(row.deliveryId);
    },
    postpone: (row, nextAt, error) => {
      sqlite
        .query(
          `UPDATE ${tables.deliveries} SET attempts = ?1, next_at = ?2, last_error = ?3 WHERE delivery_id = ?4`,
        )
        .run(row.attempts + 1, nextAt.toISOString(), error.slice(0, 500), row.deliveryId);
    },
    givenUp: onGivenUp,
  };
}

/** Parks an endpoint with why: it gets no new deliveries until resumed. */
function parkEndpoint(sqlite: Database, tables: WebhookTables, row: DeliveryRow, reason: string, at: string) {
  const why = reason.slice(0, 500);
  sqlite.transaction(() => {
    sqlite
      .query(
        `UPDATE ${tables.endpoints} SET status = 'parked', parked_reason = ?1, parked_at = ?2 WHERE id = ?3`,
      )
      .run(why, at, row.endpointId);
    sqlite
      .query(`UPDATE ${tables.deliveries} SET attempts = ?1, last_error = ?2 WHERE delivery_id = ?3`)
      .run(row.attempts + 1, why, row.deliveryId);
  })();
}

export type EndpointDeliveryConfig = Omit<WebhookConfig, "webhookUrl" | "secret"> & { concurrency: number };

/** The senders of a server's active endpoints; `sync()` again whenever the endpoints change. */
export class WebhookDispatcher {
  private readonly senders = new Map<string, WebhookSender<DeliveryRow>>();
  private stopped = false;

  constructor(
    private readonly sqlite: Database,
    private readonly tables: WebhookTables,
    private readonly config: EndpointDeliveryConfig,
    private readonly options: {
      now: () => Date;
      userAgent: string;
      /** An endpoint was parked (after its last attempt of `row`): record it where the server records such things. */
      onParked: (row: DeliveryRow, error: string) => void;
    },
  ) {}

  sync(): void {
    if (this.stopped) return;
    endpointsChanged(this.sqlite, this.tables);
    const active = this.sqlite
      .query<{ id: string; url: string; secret: string }, []>(
        `SELECT id, url, secret FROM ${this.tables.endpoints} WHERE status = 'active'`,
      )
      .all();
    const wanted = new Set(active.map((e) => e.id));
    for (const [id, sender] of this.senders) {
      if (!wanted.has(id)) this.retire(id, sender);
    }
    const { wakers } = registryOf(this.sqlite, this.tables);
    for (const endpoint of active) {
      if (this.senders.has(endpoint.id)) continue;
      const sender: WebhookSender<DeliveryRow> = new WebhookSender(
        endpointOutbox(this.sqlite, this.tables, endpoint.id, (row, error) => this.park(row, error)),
        { ...this.config, webhookUrl: endpoint.url, secret: endpoint.secret },
        { now: this.options.now, userAgent: this.options.userAgent, concurrency: this.config.concurrency },
      );
      this.senders.set(endpoint.id, sender);
      wakers.set(endpoint.id, () => sender.wake());
      sender.start();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const senders = [...this.senders.entries()];
    this.senders.clear();
    const { wakers } = registryOf(this.sqlite, this.tables);
    for (const [id] of senders) wakers.delete(id);
    await Promise.all(senders.map(([, s]) => s.stop()));
  }

  private retire(id: string, sender: WebhookSender<DeliveryRow>): void {
    this.senders.delete(id);
    registryOf(this.sqlite, this.tables).wakers.delete(id);
    void sender.stop();
  }

  /** Out of attempts: the endpoint is parked with the reason; the server records it. */
  private park(row: DeliveryRow, error: string): void {
    parkEndpoint(this.sqlite, this.tables, row, error, this.options.now().toISOString());
    this.options.onParked(row, error);
    const sender = this.senders.get(row.endpointId);
    if (sender) this.retire(row.endpointId, sender);
    endpointsChanged(this.sqlite, this.tables);
  }
}
