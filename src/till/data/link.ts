/**
 * The till's link to its store as the status bar shows it: online when the last contact
 * succeeded, the outbox backlog, and the last problem in plain words. `status()` answers the
 * same object until something changes, so screens can subscribe to it directly.
 */
import { log } from "../../shared/log.ts";
import type { LinkStatus } from "../services.ts";
import type { StoreUnreachableError } from "./errors.ts";

export interface OutboxCounts {
  pending: number;
  rejected: number;
}

export class LinkState {
  private online = false;
  private networkError: string | null = null;
  private sessionProblem: string | null = null;
  private storeFull = false;
  private lastSyncAt: string | null;
  private snapshot: LinkStatus;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly counts: () => OutboxCounts,
    lastSyncAt: string | null,
  ) {
    this.lastSyncAt = lastSyncAt;
    this.snapshot = this.compute();
  }

  private compute(): LinkStatus {
    const { pending, rejected } = this.counts();
    return {
      online: this.online,
      pending,
      rejected,
      lastSyncAt: this.lastSyncAt,
      lastError: this.networkError ?? this.sessionProblem,
      storeFull: this.storeFull,
    };
  }

  /** Recomputes the status and tells the listeners when it changed (or always, when `force`). */
  refresh(force = false): void {
    const next = this.compute();
    const prev = this.snapshot;
    const same =
      prev.online === next.online &&
      prev.pending === next.pending &&
      prev.rejected === next.rejected &&
      prev.lastSyncAt === next.lastSyncAt &&
      prev.lastError === next.lastError &&
      prev.storeFull === next.storeFull;
    if (!same) this.snapshot = next;
    if (!same || force) this.notify();
  }

  /** The last contact with the store succeeded. */
  reachable(): void {
    this.online = true;
    this.networkError = null;
    this.storeFull = false;
    this.refresh();
  }

  /** The last contact failed: the store is down, unreachable, or answered nonsense. */
  unreachable(err: StoreUnreachableError): void {
    this.online = false;
    this.storeFull = false;
    this.networkError = `${err.message} — sales are kept and sent when it is back`;
    this.refresh();
  }

  /** The store answered that its disk is full: it is there, but sales wait in the outbox until it has room. */
  storeDiskFull(err: StoreUnreachableError): void {
    this.online = true;
    this.storeFull = true;
    this.networkError = `${err.message} — sales are kept and sent when it has room`;
    this.refresh();
  }

  /** The store is there but this till has no session with it (or a problem that needs a person). */
  sessionTrouble(message: string | null): void {
    this.sessionProblem = message;
    this.refresh();
  }

  synced(at: string): void {
    this.lastSyncAt = at;
    this.refresh();
  }

  status(): LinkStatus {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (err) {
        log().error({ err }, "a status listener failed");
      }
    }
  }
}
