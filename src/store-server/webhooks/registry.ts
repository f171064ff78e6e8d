/**
 * The store's web shop webhooks in its tables `webhook_endpoints` and `webhook_deliveries`
 * (src/shared/webhook-endpoints.ts does the work): whether an endpoint takes an event, and the
 * queueing of a delivery in the caller's transaction, its body naming this store. The endpoints
 * are read once and again after each change of them, so a store without webhooks pays one map
 * look-up per stock movement or journal event.
 */
import { Database } from "bun:sqlite";
import type { WebhookEvent } from "../../api/store/webhooks.ts";
import * as endpoints from "../../shared/webhook-endpoints.ts";
import type { StoreDb, StoreTx } from "../context.ts";
import { connectionOf } from "../db/statements.ts";

export const STORE_WEBHOOK_TABLES: endpoints.WebhookTables = {
  endpoints: "webhook_endpoints",
  deliveries: "webhook_deliveries",
};

const storeIds = new WeakMap<Database, string>();
/** The `meta` key of the store's id (backup/verify.ts's STORE_ID_META_KEY, not imported: the journal imports this file). */
const STORE_ID_KEY = "storeId";

function storeIdOf(sqlite: Database): string {
  let storeId = storeIds.get(sqlite);
  if (storeId === undefined) {
    storeId =
      sqlite.query<{ value: string }, [string]>("SELECT value FROM meta WHERE key = ?1").get(STORE_ID_KEY)
        ?.value ?? "";
    storeIds.set(sqlite, storeId);
  }
  return storeId;
}

/** The endpoints changed: read them again at the next event. */
export function endpointsChanged(sqlite: Database): void {
  endpoints.endpointsChanged(sqlite, STORE_WEBHOOK_TABLES);
}

/** True when some active endpoint takes `event` (so its data is worth computing). */
export function anyoneTakes(handle: StoreDb | StoreTx | Database, event: WebhookEvent): boolean {
  const sqlite = handle instanceof Database ? handle : connectionOf(handle);
  return endpoints.anyoneTakes(sqlite, STORE_WEBHOOK_TABLES, event);
}

/** Queues `event` for every active endpoint that takes it, in the caller's transaction. */
export function queueWebhook(
  tx: StoreDb | StoreTx,
  event: WebhookEvent,
  data: Record<string, unknown>,
  at: string,
): void {
  const sqlite = connectionOf(tx);
  endpoints.queueWebhook(sqlite, STORE_WEBHOOK_TABLES, { event, storeId: storeIdOf(sqlite), at, data });
}
