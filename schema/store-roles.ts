/** Head office's custom roles as last sent (replicated with the users), for sessions and tills. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const roles = sqliteTable("roles", {
  id: text("id").primaryKey(),
  /** The role as defined (JSON, src/core/permissions.ts `roleSchema`). */
  body: text("body").notNull(),
  /** False once head office deleted it: a user still holding it may do nothing. */
  active: integer("active", { mode: "boolean" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});
