/**
 * Tills waiting for catalog changes (`GET /products/changes?since=&wait=`): each waiting request
 * is a callback here, woken when a product changes or the settings do, or when its wait runs
 * out. Bounded: at most MAX_CATALOG_WAITERS wait at once per store, each for at most
 * MAX_CATALOG_WAIT_MS, and a woken or expired waiter leaves nothing behind.
 *
 * A change is announced from inside its transaction (bun:sqlite transactions are synchronous),
 * so waiters are woken on a later turn of the event loop, once it has committed or rolled back;
 * a woken request reads the catalog again and waits on when nothing new is there.
 */
import type { Database } from "bun:sqlite";
import { DomainError } from "../../core/errors.ts";

/** The longest a request may wait (ms): well under a proxy's or a till's patience. */
export const MAX_CATALOG_WAIT_MS = 25_000;
/** The most requests waiting at once per store (each till keeps one). */
export const MAX_CATALOG_WAITERS = 256;

export class TooManyWaitingError extends DomainError {
  readonly code = "TOO_MANY_WAITING";
  override readonly kind = "too_many";
}

/** Why a wait ended. */
export type WakeReason = "catalog" | "settings" | "timeout" | "closed";

type Waiter = (reason: WakeReason) => void;

export class CatalogWatch {
  private readonly waiters = new Set<Waiter>();
  private pending: WakeReason | null = null;
  private closed = false;

  /** How many requests wait now. */
  get waiting(): number {
    return this.waiters.size;
  }

  /** A product changed (perhaps in a transaction still open): waiters wake once it is over. */
  catalogChanged(): void {
    this.schedule("catalog");
  }

  /** The store's settings changed: waiting tills come for them. */
  settingsChanged(): void {
    this.schedule("settings");
  }

  /**
   * Waits at most `ms` for the next change; answers why it ended. Refuses with
   * TOO_MANY_WAITING when MAX_CATALOG_WAITERS already wait.
   */
  wait(ms: number, signal?: AbortSignal): Promise<WakeReason> {
    if (this.closed) return Promise.resolve("closed");
    if (this.waiters.size >= MAX_CATALOG_WAITERS) {
      throw new TooManyWaitingError(
        `${MAX_CATALOG_WAITERS} requests already wait for catalog changes at this store: ask again without "wait", or later`,
      );
    }
    return new Promise((resolve) => {
      const end: Waiter = (reason) => {
        clearTimeout(timer);
        this.waiters.delete(end);
        signal?.removeEventListener("abort", aborted);
        resolve(reason);
      };
      const aborted = () => end("closed");
      const timer = setTimeout(() => end("timeout"), Math.max(0, Math.min(ms, MAX_CATALOG_WAIT_MS)));
      this.waiters.add(end);
      signal?.addEventListener("abort", aborted, { once: true });
    });
  }

  /** The store is stopping: every waiting request answers now, and none waits any more. */
  close(): void {
    this.closed = true;
    this.wakeAll("closed");
  }

  private schedule(reason: WakeReason): void {
    if (this.waiters.size === 0) return;
    // Settings win over a catalog change: either wakes every waiter, settings answer even when empty.
    const first = this.pending === null;
    if (this.pending !== "settings") this.pending = reason;
    if (!first) return;
    setTimeout(() => {
      const why = this.pending ?? "catalog";
      this.pending = null;
      this.wakeAll(why);
    }, 0);
  }

  private wakeAll(reason: WakeReason): void {
    for (const waiter of [...this.waiters]) waiter(reason);
  }
}

/** A store's own watch for one kind of change: `of(ctx)` makes it when first asked. */
export function perStoreWatch(): (ctx: { sqlite: Database }) => CatalogWatch {
  const watches = new WeakMap<Database, CatalogWatch>();
  return (ctx) => {
    let watch = watches.get(ctx.sqlite);
    if (watch === undefined) {
      watch = new CatalogWatch();
      watches.set(ctx.sqlite, watch);
    }
    return watch;
  };
}

/** The watch of the store whose database this is (one per store, made when first asked). */
export const catalogWatchOf = perStoreWatch();
