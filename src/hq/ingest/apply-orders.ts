/**
 * Keeps each store's customer orders at head office from their `order.changed` events: the
 * latest snapshot per order (an event older than the one kept is not applied again). Runs
 * inside the ingest transaction.
 */
import type { Database, Statement } from "bun:sqlite";
import type { EventPayload, StoreEvent } from "../../core/events.ts";

export class OrdersWriter {
  readonly #upsert: Statement<unknown, [Record<string, string | number | null>]>;

  constructor(sqlite: Database) {
    this.#upsert = sqlite.query(
      `INSERT INTO hq_orders (id, store_id, number, status, customer_id, slot_date, total_minor, balance_due_minor,
         snapshot, updated_at)
       VALUES ($id, $storeId, $number, $status, $customerId, $slotDate, $totalMinor, $balanceDueMinor, $snapshot, $at)
       ON CONFLICT (id) DO UPDATE SET number = excluded.number, status = excluded.status,
         customer_id = excluded.customer_id, slot_date = excluded.slot_date, total_minor = excluded.total_minor,
         balance_due_minor = excluded.balance_due_minor, snapshot = excluded.snapshot, updated_at = excluded.updated_at
       WHERE hq_orders.store_id = excluded.store_id`,
    );
  }

  apply(event: StoreEvent): void {
    if (event.type !== "order.changed") return;
    const order = event.payload as EventPayload<"order.changed">;
    this.#upsert.run({
      id: order.id,
      storeId: event.storeId,
      number: order.number,
      status: order.status,
      customerId: order.customerId,
      slotDate: order.slot?.date ?? null,
      totalMinor: order.totalMinor,
      balanceDueMinor: order.balanceDueMinor,
      snapshot: JSON.stringify(order),
      at: order.at,
    });
  }
}
