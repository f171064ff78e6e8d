/** What every head office feature needs: the database, its data directory, a clock, a log. */
import type { Database } from "bun:sqlite";
import type { BunSQLiteDatabase } from "drizzle-orm/bun-sqlite";
import type { hqSchema } from "../../schema/hq.ts";
import type { CatalogPublisher } from "./catalog/publisher.ts";
import type { HqDialect } from "./db/dialect.ts";

export type HqDb = BunSQLiteDatabase<typeof hqSchema>;
/** A drizzle transaction on the head office database (same query API as HqDb). */
export type HqTx = Parameters<Parameters<HqDb["transaction"]>[0]>[0];

export interface HqContext {
  sqlite: Database;
  db: HqDb;
  /** The SQL forms that differ between SQLite and PostgreSQL (`--database`). */
  dialect: HqDialect;
  /** The `--data` directory (hq.db, nats-accounts.conf, …). */
  dataDir: string;
  now: () => Date;
  /** The key of the PINs' lookup tags, read from `pin.key` beside hq.db (never kept in it). */
  pinKey: Buffer;
  /**
   * Told about every committed catalog change. Replaceable: the NATS side installs its own when
   * it starts; until then changes wait in the change log.
   */
  publisher: CatalogPublisher;
  /** One line for the operator's log. */
  log: (line: string) => void;
  /** The operator's `--database` (unset: hq.db under the data directory); tenants derive theirs from it. */
  database?: string;
  /** The tenant this context serves (see src/hq/tenants); unset for the default tenant. */
  tenant?: string;
  /** Wakes the customer notification sender (a customer event was queued); unset without one. */
  wakeCustomerNotifications?: () => void;
  /** Head office's webhook senders (started by the server): told when the endpoints change. */
  webhooks?: { sync(): void };
}
