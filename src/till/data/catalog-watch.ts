/**
 * Catalog changes within a second: while the store is reachable and the till has a token, it
 * keeps one `GET /products/changes?since=<catalogSeq>&limit=1&wait=<ms>` open. The store answers
 * it as soon as its catalog moves past `since` (or its settings change), or empty when the wait
 * runs out; either way the till runs a sync pass (`syncNow`: settings, then the changes page by
 * page, exactly as the periodic sync does), and the pass opens the next wait when it ends.
 *
 * The waiting request only signals: it asks for one row and writes nothing, so every write to
 * the catalog still goes through the one sync chain, in seq order. When the store cannot be
 * reached the till waits again once it can (a sync pass, a sale sent, a log-in); when it refuses
 * (too many tills waiting, a session problem) the till pauses before it asks again. The
 * periodic sync goes on regardless.
 */

import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { StoreUnreachableError } from "./errors.ts";
import type { SyncDeps } from "./sync.ts";

/** How long each waiting request asks the store to hold it (the store allows up to 25 s). */
export const DEFAULT_CATALOG_WAIT_MS = 20_000;
/** Beyond the wait, how long the till gives the store to answer before it gives up. */
const ANSWER_MARGIN_MS = 5_000;
/** After a failed wait, the first pause before asking again (doubling up to RETRY_MAX_MS). */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export type CatalogWatchDeps = Pick<SyncDeps, "client" | "auth" | "link" | "meta" | "isClosed"> & {
  /** ms each waiting request asks the store to hold it; 0 turns waiting off (periodic sync only). */
  waitMs: number;
  /** One sync pass after any pass in flight. */
  syncNow: () => Promise<void>;
};

export class CatalogWatch {
  private open = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: CatalogWatchDeps) {}

  /**
   * Opens the waiting request unless one is open or waiting is not possible now (no token yet,
   * store unreachable, waiting off, a pause after a failure). Cheap to call often.
   */
  ensure(): void {
    const { deps } = this;
    if (this.open || this.retryTimer !== undefined || deps.waitMs <= 0 || deps.isClosed()) return;
    if (!deps.link.status().online || deps.auth.backgroundToken() === null) return;
    this.open = true;
    void this.waitOnce();
  }

  /** Stops asking again after a failure (the request in flight ends with the client's signal). */
  close(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async waitOnce(): Promise<void> {
    const { deps } = this;
    const since = deps.meta.getInt("catalogSeq");
    const started = performance.now();
    let changed: boolean;
    try {
      const page = await deps.auth.withBackground((token) =>
        deps.client.request(tillStoreRoutes["GET /api/v1/products/changes"], {
          query: { since, limit: 1, wait: deps.waitMs },
          token,
          timeoutMs: deps.waitMs + ANSWER_MARGIN_MS,
        }),
      );
      changed = page.products.length > 0;
    } catch (err) {
      this.open = false;
      if (deps.isClosed()) return;
      // Unreachable: the till waits again as soon as the store answers anything (the link
      // comes back). Refused (too many waiting, a token problem): after a pause.
      if (err instanceof StoreUnreachableError) deps.link.unreachable(err);
      else this.retryLater();
      return;
    }
    this.open = false;
    if (deps.isClosed()) return;
    // An empty answer long before the wait ran out: new settings, or a store that does not wait
    // (an older one), which must not be asked again and again at once.
    if (!changed && performance.now() - started < deps.waitMs / 2) this.retryLater();
    else this.retryMs = RETRY_MIN_MS;
    // A change, new settings, or the wait ran out: a sync pass, which opens the next wait.
    await deps.syncNow();
  }

  private retryLater(): void {
    const pause = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.ensure();
    }, pause);
    this.retryTimer.unref?.();
  }
}
