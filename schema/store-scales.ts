/** What the store's label scales need of a weighed product beyond the catalog: its tare and shelf life. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const scaleProductDetails = sqliteTable("scale_product_details", {
  productCode: text("product_code").primaryKey(),
  tareGrams: integer("tare_grams").notNull().default(0),
  shelfLifeDays: integer("shelf_life_days").notNull().default(0),
  updatedAt: text("updated_at").notNull(),
});
