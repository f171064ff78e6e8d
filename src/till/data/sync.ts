/**
 * Catalog and settings sync from the store, by the store's catalog sequence number:
 * `GET /health` (the store id, and whether the store is there at all), then with the session
 * token `GET /settings`, `GET /products/changes?since=<seq>` page by page until a short page,
 * and `GET /departments` (a short list, kept whole).
 *
 * A page is written in short transactions (at most SYNC_CHUNK_ROWS rows or SYNC_CHUNK_MS of
 * writing each), and the sync gives the event loop back between them, so a key press or a scan
 * waits for one short transaction at most, not for a page, even during a first sync of a large
 * catalog (what is left is the commit's WAL checkpoint now and then, and the name index's
 * segment merges: see the till-lookup benchmark). Each transaction moves the catalog seq to the
 * last row it wrote (pages come in seq order), so a till killed in the middle of a page resumes
 * after the last row it has, neither missing nor fetching again what it already wrote.
 *
 * Before any cashier has logged in at this till the sync uses the session token kept from the
 * last log-in, if any; a till that never had one only learns the store id, and syncs the
 * catalog right after the first log-in; until then it shows the store's name from `/health`.
 * A till with no settings yet asks for them once at start (`settingsAtStart`, a short
 * deadline) so its first screen shows the store's own.
 */
import type { Database } from "bun:sqlite";
import type { CatalogProduct, HealthAnswer } from "../../api/store/answers.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { type StoreSettings, storeSettingsSchema } from "../../core/settings.ts";
import type { TillAuth } from "./auth.ts";
import type { LocalCatalog } from "./catalog.ts";
import type { LocalCustomTenders } from "./custom-tenders.ts";
import { type MetaStore, relaxed } from "./db.ts";
import type { LocalDepartments } from "./departments.ts";
import { StoreUnreachableError, TillAuthError } from "./errors.ts";
import type { LinkState } from "./link.ts";
import type { LocalPromotions } from "./promotions.ts";
import { lastReceiptSeqAtStore } from "./recent-sales.ts";
import type { StoreClient } from "./store-client.ts";

/** Products per page asked of the store: parsing a page (JSON and zod, on the till's thread) stays short. */
/** Where the till keeps the key of receipts' links (hex). */
export const RECEIPT_LINK_KEY = "receiptLinkKey";

export const SYNC_PAGE_SIZE = 250;
/** Most rows written in one transaction before the sync yields to the event loop. */
export const SYNC_CHUNK_ROWS = 200;
/** Most time spent writing in one transaction before the sync yields (checked every 16 rows). */
export const SYNC_CHUNK_MS = 1;

const CATALOG_NOTIFY_MS = 500;

/** Lets timers, key presses and scans waiting on the event loop run. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface SyncDeps {
  sqlite: Database;
  meta: MetaStore;
  catalog: LocalCatalog;
  /** The store's departments (open rings, ages): the whole short list, every pass. */
  departments?: LocalDepartments;
  /** The store's promotions in force and its categories: the whole list, every pass. */
  promotions?: LocalPromotions;
  /** The shop's own tenders (ended ones too, to name them on receipts): the whole list, every pass. */
  customTenders?: LocalCustomTenders;
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
  /** A pass with the store's catalog ended well: the till waits for the next change. */
  onSynced: () => void;
  isClosed: () => boolean;
}

export class CatalogSync {
  private shownStoreName: string | undefined;

  constructor(private readonly deps: SyncDeps) {}

  /** One sync pass. Failures are reported on the link status, never thrown. */
  async run(): Promise<void> {
    const { deps } = this;
    try {
      const health = healthy(await deps.client.request(tillStoreRoutes["GET /health"]));
      if (deps.isClosed()) return;
      deps.link.reachable();
      if (deps.meta.get("storeId") !== health.storeId)
        relaxed(deps.sqlite, () => deps.meta.set("storeId", health.storeId));
      this.showStoreName(health);
      deps.onReachable();
      if (!deps.auth.backgroundToken()) return;
      await deps.auth.withBackground(async (token) => {
        const raw = await deps.client.request(tillStoreRoutes["GET /api/v1/settings"], { token });
        if (deps.isClosed()) return;
        this.keepSettings(raw);
        if (raw.publicUrl !== undefined && deps.meta.get(RECEIPT_LINK_KEY) === null)
          await this.fetchReceiptLinkKey(token);
        await this.pullCatalog(token);
        if (!deps.isClosed()) await this.pullDepartments(token);
        if (!deps.isClosed()) await this.pullPromotions(token);
        if (!deps.isClosed()) await this.pullCustomTenders(token);
        if (!deps.isClosed() && deps.meta.get("receiptSeqChecked") === null)
          await this.catchUpReceipts(token);
      });
      if (deps.isClosed()) return;
      const at = deps.now().toISOString();
      relaxed(deps.sqlite, () => deps.meta.set("lastSyncAt", at));
      deps.link.synced(at);
      deps.onSynced();
    } catch (err) {
      if (deps.isClosed()) return;
      if (err instanceof StoreUnreachableError) deps.link.unreachable(err);
      else if (err instanceof TillAuthError) deps.link.sessionTrouble(err.message);
      else
        deps.link.sessionTrouble(`catalog sync failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * For a till with no settings yet, before its screens come up: asks the store for them once,
   * with the session token kept from the last log-in if any, within `timeoutMs`. Any failure
   * (store down or slow, no session yet) leaves the defaults until a sync brings the settings.
   */
  async settingsAtStart(timeoutMs: number): Promise<void> {
    const { deps } = this;
    try {
      const token = deps.auth.backgroundToken();
      if (token === null) {
        // Never logged in: the store's name from its open /health is enough for the log-in screen.
        const health = healthy(await deps.client.request(tillStoreRoutes["GET /health"], { timeoutMs }));
        if (!deps.isClosed()) this.showStoreName(health);
        return;
      }
      const raw = await deps.client.request(tillStoreRoutes["GET /api/v1/settings"], {
        token,
        timeoutMs,
      });
      if (!deps.isClosed()) this.keepSettings(raw);
    } catch {
      // The sync in the background reports on the link and fetches them again.
    }
  }

  /**
   * A till that has never had the store's settings shows the store's name from its open
   * `/health` (the log-in screen's title) until the first sync after a log-in brings them all;
   * nothing is kept until then.
   */
  private showStoreName(health: HealthAnswer): void {
    const name = health.storeName;
    if (name === undefined || name === this.shownStoreName || this.deps.meta.get("settings") !== null) return;
    this.shownStoreName = name;
    this.deps.onSettings(storeSettingsSchema.parse({ storeName: name }));
  }

  /** Stores settings that changed and tells the screens. */
  private keepSettings(settings: StoreSettings): void {
    const { deps } = this;
    const json = JSON.stringify(settings);
    if (json === deps.meta.get("settings")) return;
    relaxed(deps.sqlite, () => deps.meta.set("settings", json));
    deps.onSettings(settings);
  }

  /** The key receipts' links are made with, once: a receipt printed offline carries its link too. */
  private async fetchReceiptLinkKey(token: string): Promise<void> {
    const { deps } = this;
    try {
      const answer = await deps.client.request(tillStoreRoutes["GET /api/v1/receipt-links/key"], {
        token,
      });
      if (!deps.isClosed()) relaxed(deps.sqlite, () => deps.meta.set(RECEIPT_LINK_KEY, answer.key));
    } catch (err) {
      // A store without links answers 404: receipts print without the QR code of their copy.
      if (err instanceof StoreUnreachableError || err instanceof TillAuthError) throw err;
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

  private async pullDepartments(token: string): Promise<void> {
    const { deps } = this;
    const local = deps.departments;
    if (local === undefined) return;
    const answer = await deps.client.request(tillStoreRoutes["GET /api/v1/departments"], {
      token,
    });
    if (deps.isClosed()) return;
    if (relaxed(deps.sqlite, () => local.keep(answer.departments))) deps.onCatalog();
  }

  private async pullPromotions(token: string): Promise<void> {
    const { deps } = this;
    const local = deps.promotions;
    if (local === undefined) return;
    // Asked since the version kept, the store answers "unchanged" without the list when it is:
    // thousands of promotions are then neither sent nor read again every pass.
    const since = local.version();
    let promotions = await deps.client.request(tillStoreRoutes["GET /api/v1/promotions"], {
      token,
      query: since === null ? {} : { since },
    });
    const categories = await deps.client.request(tillStoreRoutes["GET /api/v1/categories"], { token });
    const messages = await deps.client.request(tillStoreRoutes["GET /api/v1/messages"], { token, query: {} });
    if (deps.isClosed()) return;
    const tree = categories.categories.map((c) => ({ id: c.id, parent: c.parent ?? null }));
    if (promotions.unchanged === true) {
      if (local.sameRest(tree, messages.messages)) return;
      // The categories or messages changed: they are kept with the whole list, asked for again.
      promotions = await deps.client.request(tillStoreRoutes["GET /api/v1/promotions"], { token, query: {} });
      if (deps.isClosed()) return;
    }
    const list = promotions.promotions;
    const version = promotions.version;
    if (relaxed(deps.sqlite, () => local.keep(list, tree, messages.messages, version))) deps.onCatalog();
  }

  private async pullCustomTenders(token: string): Promise<void> {
    const { deps } = this;
    const local = deps.customTenders;
    if (local === undefined) return;
    const answer = await deps.client.request(tillStoreRoutes["GET /api/v1/tenders"], {
      token,
      query: { all: "true" },
    });
    if (deps.isClosed()) return;
    if (relaxed(deps.sqlite, () => local.keep(answer.tenders))) deps.onCatalog();
  }

  private async pullCatalog(token: string): Promise<void> {
    const { deps } = this;
    // Screens redraw on a catalog change: at most every CATALOG_NOTIFY_MS during a long sync.
    let notifiedAt = performance.now();
    let unnotified = false;
    try {
      for (;;) {
        const since = deps.meta.getInt("catalogSeq");
        const page = await deps.client.request(tillStoreRoutes["GET /api/v1/products/changes"], {
          query: { since, limit: SYNC_PAGE_SIZE },
          token,
        });
        if (deps.isClosed()) return;
        if (page.products.length > 0) {
          await this.applyPage(page.products);
          if (deps.isClosed()) return;
          unnotified = true;
          if (performance.now() - notifiedAt >= CATALOG_NOTIFY_MS) {
            unnotified = false;
            notifiedAt = performance.now();
            deps.onCatalog();
          }
        }
        if (page.lastSeq > deps.meta.getInt("catalogSeq"))
          relaxed(deps.sqlite, () => deps.meta.set("catalogSeq", String(page.lastSeq)));
        if (page.products.length < SYNC_PAGE_SIZE) return;
      }
    } finally {
      if (unnotified && !deps.isClosed()) deps.onCatalog();
    }
  }

  /**
   * Writes one page in short transactions, each moving the catalog seq to its last row, and
   * yields between them. Stops between two transactions when the till closes.
   */
  private async applyPage(products: readonly CatalogProduct[]): Promise<void> {
    const { deps } = this;
    const rows = [...products].sort((a, b) => a.changeSeq - b.changeSeq);
    let at = 0;
    while (at < rows.length) {
      if (deps.isClosed()) return;
      const from = at;
      at = relaxed(deps.sqlite, () =>
        deps.sqlite.transaction(() => {
          const next = deps.catalog.applySome(rows, from, SYNC_CHUNK_ROWS, SYNC_CHUNK_MS);
          const seq = rows[next - 1]?.changeSeq ?? 0;
          if (seq > deps.meta.getInt("catalogSeq")) deps.meta.set("catalogSeq", String(seq));
          return next;
        })(),
      );
      if (at < rows.length) await yieldToEventLoop();
    }
  }
}

/** A degraded store (its journal or database damaged) is no store to sync with: as unreachable. */
function healthy(health: HealthAnswer): HealthAnswer {
  if (health.status === "ok") return health;
  const reason = "the store reports itself degraded (see its log)";
  throw new StoreUnreachableError(`store unreachable: ${reason}`, reason);
}
