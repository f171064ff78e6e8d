/**
 * Head office's own records (drizzle, SQLite): the stores registry, the chain catalog and its
 * prices (chain-wide, per store, and scheduled), users and roles, API tokens with scopes, and
 * the change log every store replicates from. Money in integer minor units.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHANGE_KINDS } from "../src/core/change-kinds.ts";
import { productStockColumns } from "./columns.ts";

/** Key/value settings owned by head office (e.g. the secret PIN tags are keyed with). */
export const hqMeta = sqliteTable("hq_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** The chain's stores. A store exists here before it may replicate. */
export const stores = sqliteTable("stores", {
  storeId: text("store_id").primaryKey(),
  name: text("name").notNull(),
  /** IANA time zone of the shop. */
  timeZone: text("time_zone").notNull(),
  /** ISO 4217 currency of the shop. */
  currency: text("currency").notNull(),
  /** The NATS user the store connects as, and the bcrypt hash of its password. */
  natsUser: text("nats_user").notNull(),
  natsPasswordHash: text("nats_password_hash").notNull(),
  /** Settings pushed to the store (JSON of the store settings schema), null until set. */
  settings: text("settings"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** The chain catalog. `priceMinor` is the chain-wide price in force now. */
export const hqProducts = sqliteTable(
  "hq_products",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    /** JSON array of barcodes as given. */
    barcodes: text("barcodes").notNull(),
    priceMinor: integer("price_minor").notNull(),
    taxClass: text("tax_class"),
    department: text("department"),
    soldByWeight: integer("sold_by_weight", { mode: "boolean" }).notNull(),
    openPrice: integer("open_price", { mode: "boolean" }).notNull(),
    costMinor: integer("cost_minor"),
    unit: text("unit").notNull(),
    active: integer("active", { mode: "boolean" }).notNull(),
    /** The customer's age the product needs (0: none); null: its department's at the store. */
    minAge: integer("min_age"),
    /** Each unit sold needs its serial number (the till asks for it). */
    serialised: integer("serialised", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** Category id (the stores' categories), variant, packs and the stock each store keeps. */
    ...productStockColumns(),
  },
  (t) => [index("hq_products_updated").on(t.updatedAt), index("hq_products_variant_of").on(t.variantOf)],
);

/** A store's own price for a product, in force now; it wins over the chain price. */
export const storePrices = sqliteTable(
  "store_prices",
  {
    code: text("code").notNull(),
    storeId: text("store_id").notNull(),
    priceMinor: integer("price_minor").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.storeId] }), index("store_prices_store").on(t.storeId)],
);

/**
 * Every price change asked for: applied at once (appliedAt = createdAt) or scheduled for
 * `effectiveAt` and applied by the scheduler when due. `storeId` null is the chain price;
 * `priceMinor` null on a store's change removes its own price (the chain price applies again).
 */
export const priceChanges = sqliteTable(
  "price_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    storeId: text("store_id"),
    priceMinor: integer("price_minor"),
    effectiveAt: text("effective_at").notNull(),
    createdAt: text("created_at").notNull(),
    appliedAt: text("applied_at"),
  },
  (t) => [index("price_changes_due").on(t.appliedAt, t.effectiveAt), index("price_changes_code").on(t.code)],
);

/** Users and their roles, pushed to the stores they work at (all stores when storeIds is null). */
export const hqUsers = sqliteTable(
  "hq_users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** A built-in role (cashier, supervisor, manager, admin) or a custom one (`hq_roles`). */
    role: text("role").notNull(),
    /** argon2id hash of the PIN (Bun.password); the PIN itself is never stored. */
    pinHash: text("pin_hash").notNull(),
    /** HMAC of the PIN keyed with head office's secret: finds a PIN already taken without hashing. */
    pinTag: text("pin_tag").notNull().default(""),
    /** JSON array of store ids, or null for every store. */
    storeIds: text("store_ids"),
    active: integer("active", { mode: "boolean" }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("hq_users_pin_tag").on(t.pinTag)],
);

/** Bearer tokens, stored as SHA-256 hashes, each with its scopes (JSON array). */
export const hqApiTokens = sqliteTable("hq_api_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  name: text("name").notNull(),
  scopes: text("scopes").notNull(),
  createdAt: text("created_at").notNull(),
  /** Kept to the minute. */
  lastUsedAt: text("last_used_at"),
  revokedAt: text("revoked_at"),
});

/**
 * The change log stores replicate from, compacted like a key/value bucket: one row per
 * (storeId, kind, key) holding its latest value under a chain-wide, ever-increasing `seq`.
 * "Everything after seq N" is what a store missed; everything for `*` and the store is a
 * snapshot of what it needs. `storeId` is `*` (every store) or the one store it is meant for.
 */
export const catalogChanges = sqliteTable(
  "catalog_changes",
  {
    /** AUTOINCREMENT: a seq is never reused, even after its row is superseded. */
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    storeId: text("store_id").notNull(),
    kind: text("kind", { enum: CHANGE_KINDS }).notNull(),
    key: text("key").notNull(),
    /** JSON of the value (see src/core/catalog-changes.ts). */
    value: text("value").notNull(),
    at: text("at").notNull(),
  },
  (t) => [
    index("catalog_changes_store_seq").on(t.storeId, t.seq),
    uniqueIndex("catalog_changes_key").on(t.storeId, t.kind, t.key),
  ],
);

export const hqCatalogSchema = {
  hqMeta,
  stores,
  hqProducts,
  storePrices,
  priceChanges,
  hqUsers,
  hqApiTokens,
  catalogChanges,
};
