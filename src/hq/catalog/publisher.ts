/**
 * Head office → stores. The catalog, price, user and settings services record every change in
 * the change log (`catalog_changes`, see change-log.ts) inside the transaction that makes it,
 * and after the commit hand the new entries to the `CatalogPublisher`, in seq order.
 *
 * The change log is the source of truth, the publisher only a conveyor: `published` must not
 * throw or block (queue and return), and whoever implements it must catch up from
 * `changesAfter(db, lastPublishedSeq)` after a restart or a lost link, because an entry handed
 * over while the link was down is not handed over again.
 */
import type { CatalogChange } from "../../core/catalog-changes.ts";

export type { CatalogChange } from "../../core/catalog-changes.ts";

export interface CatalogPublisher {
  /** Entries that just committed, in ascending seq order. */
  published(changes: readonly CatalogChange[]): void;
}

/** Publishes nothing: head office without NATS (stores can still read the log over HTTP). */
export const noPublisher: CatalogPublisher = {
  published() {},
};

/** Keeps what it was given: for tests, and for a NATS side that drains it. */
export class RecordingPublisher implements CatalogPublisher {
  readonly changes: CatalogChange[] = [];
  published(changes: readonly CatalogChange[]): void {
    this.changes.push(...changes);
  }
}
