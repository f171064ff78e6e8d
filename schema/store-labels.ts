/** Shelf labels: the price each product's label last showed, per template ("print what changed"). */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const labelPrints = sqliteTable(
  "label_prints",
  {
    template: text("template").notNull(),
    productCode: text("product_code").notNull(),
    priceMinor: integer("price_minor").notNull(),
    printedAt: text("printed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.template, t.productCode] })],
);

export const storeLabelsSchema = { labelPrints };
