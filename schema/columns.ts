/**
 * Columns several databases share. A priced document line (of a sale or a return) has the same
 * shape at the store and at head office, as in the `sale.completed` / `return.recorded` events.
 * Drizzle column builders belong to one table, so each call makes new ones.
 */
import { integer, text } from "drizzle-orm/sqlite-core";

export function documentLineColumns() {
  return {
    code: text("code").notNull(),
    name: text("name").notNull(),
    department: text("department"),
    taxClass: text("tax_class"),
    qtyMilli: integer("qty_milli").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    extendedMinor: integer("extended_minor").notNull(),
    discountMinor: integer("discount_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
  };
}
