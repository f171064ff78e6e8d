/** Opens (creating or migrating) a store's database and builds its context. */

import { join } from "node:path";
import { drizzle } from "drizzle-orm/bun-sqlite";
import pkg from "../../package.json" with { type: "json" };
import { migrations } from "../../schema/migrations/store/index.ts";
import { storeSchema } from "../../schema/store.ts";
import type { StoreSettings } from "../core/settings.ts";
import { loadOrCreateKeyFile } from "../shared/key-file.ts";
import { type OpenOptions, openDatabase } from "../shared/sqlite.ts";
import { loadOrCreateSigningKey } from "./archive/signing-key.ts";
import { journalChainCheck, STORE_ID_META_KEY } from "./backup/verify.ts";
import { pricingSettingsOf, type StoreContext } from "./context.ts";
import { guardTransactions } from "./db/storage.ts";
import { loadPinKey, retireLegacyPinSecret } from "./users/pins.ts";

/** The store's journal is read once, in order, by the outbox relay: mapped, not read page by page. */
const STORE_MMAP_BYTES = 256 * 1024 * 1024;

/** The key of receipts' links, beside the database (a backup of the data dir keeps the links working). */
export const RECEIPT_LINK_KEY_FILE = "receipt-link.key";

export function openStore(
  dataDir: string,
  storeId: string,
  settings: StoreSettings,
  options: OpenOptions & { now?: () => Date } = {},
): StoreContext {
  const sqlite = openDatabase(join(dataDir, "store.db"), migrations, {
    mmapBytes: STORE_MMAP_BYTES,
    appVersion: pkg.version,
    verifyBackup: journalChainCheck(storeId),
    ...options,
  });
  const db = guardTransactions(drizzle({ client: sqlite, schema: storeSchema }));
  const now = options.now ?? (() => new Date());
  // When the store opened: no till's sale is dated before it (a store opened before this was
  // recorded counts from its first journal event).
  if (!sqlite.query("SELECT 1 FROM meta WHERE key = 'openedAt'").get()) {
    sqlite
      .query(
        `INSERT OR IGNORE INTO meta (key, value)
         VALUES ('openedAt', coalesce((SELECT at FROM events ORDER BY seq LIMIT 1), ?1))`,
      )
      .run(now().toISOString());
  }
  // Which store the file is: a copy's journal is verified with it.
  if (!options.readonly) {
    sqlite
      .query(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(STORE_ID_META_KEY, storeId);
  }
  const pinKey = loadPinKey(dataDir);
  const receiptLinkKey = loadOrCreateKeyFile(
    join(dataDir, RECEIPT_LINK_KEY_FILE),
    "links printed on earlier receipts then open nothing",
  );
  retireLegacyPinSecret(db);
  return {
    sqlite,
    db,
    storeId,
    settings,
    pricing: pricingSettingsOf(settings),
    pinKey,
    receiptLinkKey,
    signingKey: loadOrCreateSigningKey(dataDir),
    now,
  };
}
