/**
 * Closures (Z, month, year) of the store and of each till: inserted once, never updated or
 * deleted (the service has no path that does), numbered per type and scope and chained by
 * hash in the order they were made (`number`).
 */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const closures = sqliteTable(
  "closures",
  {
    /** Order of the chain over every closure of the store: 1, 2, 3, … */
    number: integer("number").primaryKey(),
    type: text("type", { enum: ["day", "month", "year"] }).notNull(),
    /** "store", or the till's id for a till's own closure. */
    scope: text("scope").notNull(),
    /** Number within its type and scope (Z number for a day). */
    typeNumber: integer("type_number").notNull(),
    /** YYYY-MM-DD, YYYY-MM or YYYY. */
    period: text("period").notNull(),
    /** The closure as recorded (canonical JSON of `closureRecordSchema`), hash included. */
    body: text("body").notNull(),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("closures_period").on(t.scope, t.type, t.period),
    uniqueIndex("closures_type_number").on(t.scope, t.type, t.typeNumber),
  ],
);

export const storeClosuresSchema = { closures };
