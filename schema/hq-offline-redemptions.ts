/**
 * Redemptions a store took while head office was out of reach (within the card's offline
 * allowance), as they reached head office: what was asked, what the card still had (debited
 * by a `redeem` entry of the ledger) and the rest, the overdraft, reported for follow-up.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const offlineRedemptions = sqliteTable(
  "offline_redemptions",
  {
    /** The store's redemption id (`<saleId>:<tender index>`). */
    id: text("id").primaryKey(),
    card: text("card").notNull(),
    unit: text("unit", { enum: ["points", "money"] }).notNull(),
    asked: integer("asked").notNull(),
    /** What was asked, in money (minor units). */
    askedMinor: integer("asked_minor").notNull(),
    debited: integer("debited").notNull(),
    /** asked − debited: what the card did not have when the redemption arrived. */
    overdraft: integer("overdraft").notNull(),
    /** The overdraft in money, minor units. */
    overdraftMinor: integer("overdraft_minor").notNull(),
    storeId: text("store_id").notNull(),
    saleId: text("sale_id").notNull(),
    /** When the store took it (its clock). */
    at: text("at").notNull(),
    receivedAt: text("received_at").notNull(),
    /** The request as first received, to tell a retry from a reused id. */
    request: text("request").notNull(),
  },
  (t) => [index("offline_redemptions_at").on(t.at)],
);

export const hqOfflineRedemptionsSchema = { offlineRedemptions };
