/**
 * Which webhooks take which events, per database connection, and the queueing of a delivery in
 * the caller's transaction (a transactional outbox: a change rolled back queues nothing). The
 * endpoints are read once and again after each change of them, so a store without webhooks
 * pays one map look-up per stock movement or journal event.
 */
import { Database } from "bun:sqlite";
import type { WebhookEvent } from "../../api/store/webhooks.ts";
import { uuidv7 } from "../../core/ids.ts";
import type { StoreDb, StoreTx } from "../context.ts";
import { connectionOf } from "../db/statements.ts";

interface Subscriber {
  id: string;
  events: ReadonlySet<string>;
}

interface Registry {
  storeId: string;
  subscribers: Subscriber[] | null;
  /** Tells an endpoint's sender a delivery was queued (set while the store's dispatcher runs). */
  wakers: Map<string, () => void>;
}

const registries = new WeakMap<Database, Registry>();
/** The `meta` key of the store's id (backup/verify.ts's STORE_ID_META_KEY, not imported: the journal imports this file). */
const STORE_ID_KEY = "storeId";

function registryOf(sqlite: Database): Registry {
  let registry = registries.get(sqlite);
  if (!registry) {
    const row = sqlite
      .query<{ value: string }, [string]>("SELECT value FROM meta WHERE key = ?1")
      .get(STORE_ID_KEY);
    registry = { storeId: row?.value ?? "", subscribers: null, wakers: new Map() };
    registries.set(sqlite, registry);
  }
  return registry;
}

function subscribersOf(sqlite: Database): Subscriber[] {
  const registry = registryOf(sqlite);
  if (registry.subscribers === null) {
    registry.subscribers = sqlite
      .query<{ id: string; events: string }, []>(
        "SELECT id, events FROM webhook_endpoints WHERE status = 'active' ORDER BY id",
      )
      .all()
      .map((r) => ({ id: r.id, events: new Set(JSON.parse(r.events) as string[]) }));
  }
  return registry.subscribers;
}

/** The endpoints changed: read them again at the next event. */
export function endpointsChanged(sqlite: Database): void {
  registryOf(sqlite).subscribers = null;
}

export function setWaker(sqlite: Database, endpointId: string, wake: (() => void) | null): void {
  const { wakers } = registryOf(sqlite);
  if (wake === null) wakers.delete(endpointId);
  else wakers.set(endpointId, wake);
}

/** True when some active endpoint takes `event` (so its data is worth computing). */
export function anyoneTakes(handle: StoreDb | StoreTx | Database, event: WebhookEvent): boolean {
  const sqlite = handle instanceof Database ? handle : connectionOf(handle);
  return subscribersOf(sqlite).some((s) => s.events.has(event) || s.events.has("*"));
}

/**
 * Queues `event` for every active endpoint that takes it, in the caller's transaction; each
 * delivery has its own id. The senders look at the outbox once the transaction has ended.
 */
export function queueWebhook(
  tx: StoreDb | StoreTx,
  event: WebhookEvent,
  data: Record<string, unknown>,
  at: string,
): void {
  const sqlite = connectionOf(tx);
  const registry = registryOf(sqlite);
  const targets = subscribersOf(sqlite).filter((s) => s.events.has(event) || s.events.has("*"));
  if (targets.length === 0) return;
  const insert = sqlite.query<unknown, [string, string, string, string, string, string]>(
    "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, event, body, next_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  );
  const now = new Date().toISOString();
  for (const target of targets) {
    const id = uuidv7();
    const body = JSON.stringify({ id, event, storeId: registry.storeId, at, data });
    insert.run(id, target.id, event, body, now, now);
    // The sender looks on a timer: after the transaction that queued the delivery has ended.
    registry.wakers.get(target.id)?.();
  }
}
