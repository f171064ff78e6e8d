/**
 * The till's SQLite file (`<dataDir>/till.sqlite`): WAL with synchronous=FULL, so a sale the
 * cashier saw completed is on disk before the till says so, and the embedded migrations.
 * Small typed helpers for the key/value `meta` table.
 */
import type { Database } from "bun:sqlite";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { type BunSQLiteDatabase, drizzle } from "drizzle-orm/bun-sqlite";
import pkg from "../../../package.json" with { type: "json" };
import { migrations } from "../../../schema/migrations/till/index.ts";
import * as tillSchema from "../../../schema/till.ts";
import { tillMeta } from "../../../schema/till.ts";
import { openDatabase } from "../../shared/sqlite.ts";

export const TILL_DB_FILE = "till.sqlite";

export type TillDb = BunSQLiteDatabase<typeof tillSchema> & { $client: Database };

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
  const sqlite = openDatabase(path, migrations, { appVersion: pkg.version });
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
  | "lastSyncAt"
  /** The key of receipts' links (hex), from the store: receipts printed offline carry their link. */
  | "receiptLinkKey"
  /** The till's Ed25519 key pair (PKCS#8 and SPKI DER, base64url): signs offline log-ins and approvals. */
  | "tillPrivateKey"
  | "tillPublicKey"
  /** The public key the store acknowledged for this till. */
  | "tillKeyRegistered"
  /** The store's proof of the current session's log-in (who and where), carried by its sales. */
  | "sessionProof"
  /** The till's own device token from pairing (`ringup till --pair`): its background work uses it. */
  | "deviceToken"
  /** The store's HTTPS certificate (PEM) pinned when the till paired, and its SHA-256. */
  | "storeCertificate"
  | "storeCertificateSha256"
  /** The store's departments as last synced (JSON): open rings and their ages. */
  | "departments"
  /** The store's promotions in force and its categories as last synced (JSON). */
  | "promotions"
  /** The version of the store's promotions list kept under "promotions" (its answer's). */
  | "promotionsVersion"
  /** The shop's own tenders as last synced (JSON), ended ones too. */
  | "customTenders";

export class MetaStore {
  /** Values read through `cached`, dropped whenever this store writes their key. */
  private readonly memo = new Map<MetaKey, string | null>();

  constructor(private readonly db: TillDb) {}

  /**
   * The value as `get` reads it, kept until this store writes the key again: for a value the
   * screen reads with every frame (the store's id) and that changes rarely.
   */
  cached(key: MetaKey): string | null {
    if (this.memo.has(key)) return this.memo.get(key) ?? null;
    const value = this.get(key);
    this.memo.set(key, value);
    return value;
  }

  get(key: MetaKey): string | null {
    return (
      this.db.select({ value: tillMeta.value }).from(tillMeta).where(eq(tillMeta.key, key)).get()?.value ??
      null
    );
  }

  set(key: MetaKey, value: string): void {
    this.memo.delete(key);
    this.db
      .insert(tillMeta)
      .values({ key, value })
      .onConflictDoUpdate({ target: tillMeta.key, set: { value } })
      .run();
  }

  delete(key: MetaKey): void {
    this.memo.delete(key);
    this.db.delete(tillMeta).where(eq(tillMeta.key, key)).run();
  }

  getInt(key: MetaKey): number {
    const value = Number(this.get(key) ?? "0");
    return Number.isSafeInteger(value) ? value : 0;
  }
}

/**
 * Runs a write that may be lost without harm, without waiting for fsync: re-fetchable data
 * (catalog pages, settings, sync times: the next sync fetches them again, the seq is written
 * with its page) and the outbox's marks of what the store answered (a sale whose mark is lost
 * is sent again, and the store keeps it once). With WAL and synchronous=NORMAL a power cut may
 * lose the last such writes, never corrupt the file. Sales are written with synchronous=FULL:
 * the next FULL commit syncs these along with it. An fsync takes a millisecond or more (far
 * more on a kiosk's flash), and these writes run while the cashier scans.
 */
export function relaxed<T>(sqlite: Database, write: () => T): T {
  sqlite.exec("PRAGMA synchronous = NORMAL");
  try {
    return write();
  } finally {
    sqlite.exec("PRAGMA synchronous = FULL");
  }
}
