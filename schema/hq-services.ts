/** Services and staff commission rules head office defines, replicated to every store. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const hqServices = sqliteTable("hq_services", {
  /** The product's code (`hq_products.code`). */
  code: text("code").primaryKey(),
  /** The definition as sent down (JSON, src/core/services/definitions.ts). */
  body: text("body").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const hqCommissionRules = sqliteTable("hq_commission_rules", {
  id: text("id").primaryKey(),
  /** The rule as sent down (JSON, src/core/services/definitions.ts). */
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const hqServicesSchema = { hqServices, hqCommissionRules };
