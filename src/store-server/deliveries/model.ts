/** Deliveries as stored and as answered, and the forward order of their statuses. */
import { asc, eq } from "drizzle-orm";
import { deliveries, deliveryStatuses } from "../../../schema/store.ts";
import type { Delivery, DeliveryStatus } from "../../api/store/deliveries.ts";
import type { StoreDb, StoreTx } from "../context.ts";
import { DeliveryError } from "./errors.ts";

export type DeliveryRow = typeof deliveries.$inferSelect;

/** Each status's place: a delivery only moves to a later one; delivered and failed are final. */
export const STATUS_RANK: Readonly<Record<DeliveryStatus, number>> = {
  accepted: 0,
  preparing: 1,
  on_the_way: 2,
  delivered: 3,
  failed: 3,
};

export function isFinal(status: DeliveryStatus): boolean {
  return STATUS_RANK[status] === 3;
}

/** The statuses a delivery at `status` may move to. */
export function nextStatuses(status: DeliveryStatus): DeliveryStatus[] {
  if (isFinal(status)) return [];
  return (Object.keys(STATUS_RANK) as DeliveryStatus[]).filter((s) => STATUS_RANK[s] > STATUS_RANK[status]);
}

export function deliveryRow(db: StoreDb | StoreTx, id: string): DeliveryRow {
  const row = db.select().from(deliveries).where(eq(deliveries.id, id)).get();
  if (!row) throw new DeliveryError("DELIVERY_NOT_FOUND", `no delivery has the id ${id}`, { id });
  return row;
}

export function deliveryView(db: StoreDb | StoreTx, row: DeliveryRow): Delivery {
  const history = db
    .select({ status: deliveryStatuses.status, at: deliveryStatuses.at, userId: deliveryStatuses.userId })
    .from(deliveryStatuses)
    .where(eq(deliveryStatuses.deliveryId, row.id))
    .orderBy(asc(deliveryStatuses.at))
    .all()
    .sort((a, b) => STATUS_RANK[a.status as DeliveryStatus] - STATUS_RANK[b.status as DeliveryStatus]);
  return {
    id: row.id,
    orderId: row.orderId,
    saleId: row.saleId,
    address: row.address,
    phone: row.phone,
    feeMinor: row.feeMinor,
    collectMinor: row.collectMinor,
    promisedAt: row.promisedAt,
    status: row.status,
    courierId: row.courierId,
    collectedMinor: row.collectedMinor,
    handInId: row.handInId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    history,
  };
}
