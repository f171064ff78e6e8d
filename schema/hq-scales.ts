/** Each store's label scales as their stores last reported them (`scale.health_reported`). */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const hqScaleHealth = sqliteTable(
  "hq_scale_health",
  {
    storeId: text("store_id").notNull(),
    scaleId: text("scale_id").notNull(),
    protocol: text("protocol").notNull(),
    reachable: integer("reachable", { mode: "boolean" }).notNull(),
    state: text("state"),
    lastSyncAt: text("last_sync_at"),
    plusSent: integer("plus_sent").notNull(),
    plusTotal: integer("plus_total").notNull(),
    /** none, partial (a sync stopped halfway) or complete. */
    programming: text("programming").notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    /** When the store saw it so. */
    reportedAt: text("reported_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.scaleId] })],
);

export const hqScalesSchema = { hqScaleHealth };
