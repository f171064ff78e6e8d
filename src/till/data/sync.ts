/**
 * Catalog and settings sync from the store, by the store's catalog sequence number:
 * `GET /health` (the store id, and whether the store is there at all), then with the session
 * token `GET /settings` and `GET /products/changes?since=<seq>` page by page until a short page,
 * each page applied in one transaction together with the new seq. Lookups read the tables
 * between pages, so a sync never holds scanning up for longer than one page takes to write.
 *
 * Before any cashier has logged in at this till the sync uses the session token kept from the
 * last log-in, if any; a till that never had one only learns the store id, and syncs the
 * catalog right after the first log-in.
 */
import type { Database } from "bun:sqlite";
import { type StoreSettings, storeSettingsSchema } from "../../core/settings.ts";
import type { TillAuth } from "./auth.ts";
import type { LocalCatalog } from "./catalog.ts";
import type { MetaStore } from "./db.ts";
import { StoreUnreachableError, TillAuthError } from "./errors.ts";
import type { LinkState } from "./link.ts";
import { lastReceiptSeqAtStore } from "./recent-sales.ts";
import { catalogChangesAnswerSchema, healthAnswerSchema } from "./store-answers.ts";
import type { StoreClient } from "./store-client.ts";

/** Products per page: small enough that writing one page holds scanning up for a few ms at most. */
export const SYNC_PAGE_SIZE = 250;

/**
 * Runs a write of re-fetchable data (catalog pages, settings, sync times) without waiting for
 * fsync: with WAL and synchronous=NORMAL a power cut may lose the last such writes, never
 * corrupt the file, and the next sync fetches them again (the seq is written with its page).
 * Sales are written with synchronous=FULL: the next FULL commit syncs these along with it.
 */
export function relaxed<T>(sqlite: Database, write: () => T): T {
  sqlite.exec("PRAGMA synchronous = NORMAL");
  try {
    return write();
  } finally {
    sqlite.exec("PRAGMA synchronous = FULL");
  }
}

export interface SyncDeps {
  sqlite: Database;
  meta: MetaStore;
  catalog: LocalCatalog;
  client: StoreClient;
  auth: TillAuth;
  link: LinkState;
  tillId: string;
  now: () => Date;
  /** New settings arrived (or the catalog changed): screens redraw. */
  onSettings: (settings: StoreSettings) => void;
  onCatalog: () => void;
  /** The store answered: the outbox may drain. */
  onReachable: () => void;
  isClosed: () => boolean;
}

export class CatalogSync {
  constructor(private readonly deps: SyncDeps) {}

  /** One sync pass. Failures are reported on the link status, never thrown. */
  async run(): Promise<void> {
    const { deps } = this;
    try {
      const health = await deps.client.request("GET", "/health", healthAnswerSchema);
      if (deps.isClosed()) return;
      deps.link.reachable();
      if (deps.meta.get("storeId") !== health.storeId)
        relaxed(deps.sqlite, () => deps.meta.set("storeId", health.storeId));
      deps.onReachable();
      if (!deps.auth.token()) return;
      await deps.auth.withSession(async (token) => {
        const raw = await deps.client.request("GET", "/api/v1/settings", storeSettingsSchema, { token });
        if (deps.isClosed()) return;
        const json = JSON.stringify(raw);
        if (json !== deps.meta.get("settings")) {
          relaxed(deps.sqlite, () => deps.meta.set("settings", json));
          deps.onSettings(raw);
        }
        await this.pullCatalog(token);
        if (!deps.isClosed() && deps.meta.get("receiptSeqChecked") === null)
          await this.catchUpReceipts(token);
      });
      if (deps.isClosed()) return;
      const at = deps.now().toISOString();
      relaxed(deps.sqlite, () => deps.meta.set("lastSyncAt", at));
      deps.link.synced(at);
    } catch (err) {
      if (deps.isClosed()) return;
      if (err instanceof StoreUnreachableError) deps.link.unreachable(err);
      else if (err instanceof TillAuthError) deps.link.sessionTrouble(err.message);
      else
        deps.link.sessionTrouble(`catalog sync failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Once per data dir: continue the receipt numbers after the last one the store has from this till. */
  private async catchUpReceipts(token: string): Promise<void> {
    const { deps } = this;
    const last = await lastReceiptSeqAtStore(deps.client, token, deps.tillId);
    if (deps.isClosed()) return;
    deps.sqlite.transaction(() => {
      if (last > deps.meta.getInt("receiptSeq")) deps.meta.set("receiptSeq", String(last));
      deps.meta.set("receiptSeqChecked", deps.now().toISOString());
    })();
  }

  private async pullCatalog(token: string): Promise<void> {
    const { deps } = this;
    for (;;) {
      const since = deps.meta.getInt("catalogSeq");
      const page = await deps.client.request(
        "GET",
        `/api/v1/products/changes?since=${since}&limit=${SYNC_PAGE_SIZE}`,
        catalogChangesAnswerSchema,
        { token },
      );
      if (deps.isClosed()) return;
      if (page.products.length > 0) {
        relaxed(deps.sqlite, () =>
          deps.sqlite.transaction(() => {
            deps.catalog.applyChanges(page.products);
            deps.meta.set("catalogSeq", String(Math.max(since, page.lastSeq)));
          })(),
        );
        deps.onCatalog();
      }
      if (page.products.length < SYNC_PAGE_SIZE) return;
    }
  }
}
