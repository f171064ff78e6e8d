/**
 * Deliveries of a customer order or a sale: the address, the courier, the status (forward
 * only), and the cash a courier collected until it is handed in to a drawer.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const deliveries = sqliteTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id"),
    saleId: text("sale_id"),
    address: text("address").notNull(),
    phone: text("phone").notNull(),
    feeMinor: integer("fee_minor").notNull(),
    /** Cash the courier collects at the door (0: paid before). */
    collectMinor: integer("collect_minor").notNull(),
    promisedAt: text("promised_at"),
    status: text("status", {
      enum: ["accepted", "preparing", "on_the_way", "delivered", "failed"],
    }).notNull(),
    courierId: text("courier_id"),
    /** Cash the courier holds for it, from delivery until handed in. */
    collectedMinor: integer("collected_minor").notNull().default(0),
    /** The cash book entry the collected cash was handed in with. */
    handInId: text("hand_in_id"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** SHA-256 of the creating request: a repeat of the id with the same body answers the delivery. */
    requestHash: text("request_hash").notNull(),
  },
  (t) => [index("deliveries_status").on(t.status), index("deliveries_courier").on(t.courierId, t.handInId)],
);

/** Each status a delivery reached, once: who set it and when. */
export const deliveryStatuses = sqliteTable(
  "delivery_statuses",
  {
    deliveryId: text("delivery_id").notNull(),
    status: text("status").notNull(),
    at: text("at").notNull(),
    userId: text("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.status] })],
);
