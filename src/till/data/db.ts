/**
 * The till's SQLite file (`<dataDir>/till.sqlite`): WAL with synchronous=FULL, so a sale the
 * cashier saw completed is on disk before the till says so, and the embedded migrations.
 * Small typed helpers for the key/value `meta` table.
 */
import type { Database } from "bun:sqlite";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { type BunSQLiteDatabase, drizzle } from "drizzle-orm/bun-sqlite";
import { migrations } from "../../../schema/migrations/till/index.ts";
import * as tillSchema from "../../../schema/till.ts";
import { tillMeta } from "../../../schema/till.ts";
import { openDatabase } from "../../shared/sqlite.ts";

export const TILL_DB_FILE = "till.sqlite";

export type TillDb = BunSQLiteDatabase<typeof tillSchema>;

export interface TillDatabase {
  sqlite: Database;
  db: TillDb;
  path: string;
}

export function tillDbPath(dataDir: string): string {
  return join(dataDir, TILL_DB_FILE);
}

export function openTillDatabase(dataDir: string): TillDatabase {
  const path = tillDbPath(dataDir);
  const sqlite = openDatabase(path, migrations);
  return { sqlite, db: drizzle({ client: sqlite, schema: tillSchema }), path };
}

/** Keys of the `meta` table. */
export type MetaKey =
  | "settings"
  | "catalogSeq"
  | "storeId"
  | "sessionToken"
  | "receiptSeq"
  | "receiptSeqChecked"
  | "lastSyncAt";

export class MetaStore {
  constructor(private readonly db: TillDb) {}

  get(key: MetaKey): string | null {
    return (
      this.db.select({ value: tillMeta.value }).from(tillMeta).where(eq(tillMeta.key, key)).get()?.value ??
      null
    );
  }

  set(key: MetaKey, value: string): void {
    this.db
      .insert(tillMeta)
      .values({ key, value })
      .onConflictDoUpdate({ target: tillMeta.key, set: { value } })
      .run();
  }

  delete(key: MetaKey): void {
    this.db.delete(tillMeta).where(eq(tillMeta.key, key)).run();
  }

  getInt(key: MetaKey): number {
    const value = Number(this.get(key) ?? "0");
    return Number.isSafeInteger(value) ? value : 0;
  }
}
