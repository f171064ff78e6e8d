/**
 * Sends the outbox to the store in order, one sale at a time, oldest first.
 *
 * - 2xx: the store recorded the sale (or had it already: it is idempotent by sale id, so a
 *   till killed between sending and marking only sends it again, harmlessly) → `sent`.
 * - store unreachable, timeout, 5xx, no usable session: stop, keep the sale pending, and try
 *   again after a back-off that doubles from 1 s to 30 s (sooner when the store answers a sync).
 *   507 STORAGE_FULL (the store's disk is full) is one of these: the status bar says so.
 * - any other 4xx: the store refused this sale → `rejected` with its error, counted on the
 *   status bar and never resent automatically; the sales after it go on.
 *
 * Each row goes where its kind says: a completed sale to `POST /sales`, a sale cancelled before
 * payment to `POST /sales/cancellations`, a cashier action to `POST /audit/till-entries`, a
 * customer created while the store was out of reach to `POST /customers`.
 */

import type { RungSaleRequest } from "../../api/store/sales.ts";
import type { TillCustomerInput } from "../../api/store/till-customers.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { log } from "../../shared/log.ts";
import type { TillAuth } from "./auth.ts";
import { isSessionRefusal, StoreRefusedError, StoreUnreachableError, TillAuthError } from "./errors.ts";
import type { LinkState } from "./link.ts";
import type { Outbox, OutboxRow } from "./outbox.ts";
import type { StoreClient } from "./store-client.ts";

export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;

/**
 * Refusals that are about the moment, not about the sale: kept pending and tried later (503:
 * the store cannot record anything now, e.g. its database file is damaged and being restored).
 */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 503]);

/** The store's answer when its disk is full: nothing recorded, send again when it has room. */
const STORAGE_FULL = "STORAGE_FULL";

export interface DrainerDeps {
  outbox: Outbox;
  client: StoreClient;
  auth: TillAuth;
  link: LinkState;
  tillId: string;
  now: () => Date;
  isClosed: () => boolean;
}

type Verdict = "sent" | "rejected" | "stop";

export class Drainer {
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private backoffMs = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: DrainerDeps) {}

  /** Drains now, whatever the back-off; resolves when this pass is over. */
  drainNow(): Promise<void> {
    this.clearRetry();
    return this.enqueue(() => this.pass());
  }

  /** Asks for a drain soon: now unless a back-off is running (its timer will drain). */
  kick(): void {
    if (this.retryTimer !== null || this.queued || this.deps.isClosed()) return;
    this.queued = true;
    void this.enqueue(() => {
      this.queued = false;
      return this.pass();
    });
  }

  /** Runs drain passes one after another; a pass that fails unexpectedly is logged, not fatal. */
  private enqueue(run: () => Promise<void>): Promise<void> {
    const next = this.chain.then(run).catch((err: unknown) => {
      log().error({ err }, "sending the outbox failed");
    });
    this.chain = next;
    return next;
  }

  /** The store answered something else (a sync): stop waiting out the back-off. */
  storeIsBack(): void {
    if (this.retryTimer === null) return;
    this.clearRetry();
    this.backoffMs = 0;
    this.kick();
  }

  /** Stops the timer; resolves when a pass in flight is over. */
  async close(): Promise<void> {
    this.clearRetry();
    await this.chain;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async pass(): Promise<void> {
    const { deps } = this;
    for (;;) {
      if (deps.isClosed()) return;
      const row = deps.outbox.oldestPending();
      if (!row) {
        this.backoffMs = 0;
        await this.reportRefused();
        return;
      }
      const verdict = await this.send(row);
      if (deps.isClosed()) return;
      deps.link.refresh();
      if (verdict === "stop") {
        this.scheduleRetry();
        return;
      }
      this.backoffMs = 0;
    }
  }

  /** Posts a row where its kind goes; answers the id the store acknowledged. */
  private async post(row: OutboxRow, body: unknown, token: string): Promise<string> {
    const { client } = this.deps;
    switch (row.kind) {
      case "sale":
        return (
          await client.request(tillStoreRoutes["POST /api/v1/sales"], {
            body: body as RungSaleRequest,
            token,
          })
        ).id;
      case "cancellation":
        return (
          await client.request(tillStoreRoutes["POST /api/v1/sales/cancellations"], {
            body,
            token,
          })
        ).id;
      case "customer":
        return (
          await client.request(tillStoreRoutes["POST /api/v1/customers"], {
            body: body as TillCustomerInput,
            token,
          })
        ).customer.id;
      case "audit": {
        const answer = await client.request(tillStoreRoutes["POST /api/v1/audit/till-entries"], {
          body: { entries: [body] },
          token,
        });
        return [...answer.recorded, ...answer.already].includes(row.saleId)
          ? row.saleId
          : (answer.recorded[0] ?? answer.already[0] ?? "nothing");
      }
    }
  }

  private async send(row: OutboxRow): Promise<Verdict> {
    const { deps } = this;
    const body: unknown = JSON.parse(row.body);
    try {
      const id = await deps.auth.withBackground((token) => this.post(row, body, token));
      if (deps.isClosed()) return "stop";
      if (id !== row.saleId) {
        throw new StoreUnreachableError(
          `the store answered ${row.kind} ${id} for ${row.kind} ${row.saleId}`,
          "a mismatched answer",
        );
      }
      deps.outbox.markSent(row.seq, deps.now());
      deps.link.reachable();
      return "sent";
    } catch (err) {
      if (deps.isClosed()) return "stop";
      if (err instanceof StoreRefusedError && !isSessionRefusal(err) && !TRANSIENT_STATUSES.has(err.status)) {
        deps.link.reachable();
        deps.outbox.markRejected(row.seq, `${err.code}: ${err.message}`);
        await this.reportRefused();
        return "rejected";
      }
      const message = err instanceof Error ? err.message : String(err);
      deps.outbox.noteAttempt(row.seq, message);
      if (err instanceof StoreUnreachableError) {
        if (err.storeCode === STORAGE_FULL) deps.link.storeDiskFull(err);
        else deps.link.unreachable(err);
      } else if (err instanceof TillAuthError || err instanceof StoreRefusedError) {
        deps.link.sessionTrouble(`sales wait to be sent: ${message}`);
      } else throw err;
      return "stop";
    }
  }

  /**
   * Tells the store about refused sales it has not heard of from this till, so that they show
   * at the store too (nothing paid goes unseen). Tried again at every pass until it goes.
   */
  private async reportRefused(): Promise<void> {
    const { deps } = this;
    const unreported = deps.outbox.unreportedRejections();
    if (unreported.length === 0) return;
    try {
      await deps.auth.withBackground((token) =>
        deps.client.request(tillStoreRoutes["POST /api/v1/tills/:tillId/refused-sales"], {
          params: { tillId: deps.tillId },
          body: {
            sales: unreported.map((r) => ({
              saleId: r.saleId,
              receiptNo: r.receiptNo,
              error: r.error ?? "refused",
              totalMinor: r.totalMinor,
              body: r.body,
            })),
          },
          token,
        }),
      );
      deps.outbox.markReported(
        unreported.map((r) => r.seq),
        deps.now(),
      );
    } catch {
      // Reported at a later pass.
    }
  }

  private scheduleRetry(): void {
    this.backoffMs = Math.min(BACKOFF_MAX_MS, this.backoffMs === 0 ? BACKOFF_MIN_MS : this.backoffMs * 2);
    this.clearRetry();
    const timer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, this.backoffMs);
    timer.unref?.();
    this.retryTimer = timer;
  }
}
