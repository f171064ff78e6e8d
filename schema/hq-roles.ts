/** Custom roles head office defines (`POST /roles`), replicated to every store with the users. */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const hqRoles = sqliteTable("hq_roles", {
  id: text("id").primaryKey(),
  /** The role as defined (JSON, src/core/permissions.ts `roleSchema`). */
  body: text("body").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const hqRolesSchema = { hqRoles };
