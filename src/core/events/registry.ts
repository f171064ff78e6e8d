/** Every event type of the store journal and its versioned zod payload schemas. */
import type { z } from "zod";
import { auditRecordedV1, productUpsertedV1, stockAdjustedV1, userChangedV1 } from "./back-office-events.ts";
import { closureRecordedV1 } from "./closure-events.ts";
import { cashBookRecordedV1, deliveryChangedV1 } from "./delivery-events.ts";
import { orderChangedV1 } from "./order-events.ts";
import {
  purchaseGoodsReceivedV1,
  purchaseOrderChangedV1,
  vendorChangedV1,
  vendorCreditChangedV1,
  vendorItemsChangedV1,
} from "./purchasing-events.ts";
import {
  lineVoidedV1,
  priceExceptionV1,
  priceOverriddenV1,
  returnRecordedV1,
  saleCompletedV1,
  saleVoidedV1,
} from "./sale-events.ts";
import { scaleHealthReportedV1 } from "./scale-events.ts";
import { cashMovedV1, drawerOpenedV1, shiftClosedV1, shiftOpenedV1 } from "./shift-events.ts";
import { stockDocumentPostedV1, stockLimitsChangedV1 } from "./stock-events.ts";

export const EVENT_TYPES = [
  "sale.completed",
  "sale.voided",
  "line.voided",
  "price.overridden",
  "return.recorded",
  "shift.opened",
  "shift.closed",
  "cash.moved",
  "drawer.opened",
  "stock.adjusted",
  "product.upserted",
  "user.changed",
  "audit.recorded",
  "exception.recorded",
  "stock.document_posted",
  "vendor.changed",
  "vendor.items_changed",
  "purchase.order_changed",
  "purchase.goods_received",
  "vendor.credit_changed",
  "stock.limits_changed",
  "order.changed",
  "delivery.changed",
  "cash.book_recorded",
  "closure.recorded",
  "scale.health_reported",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The current (version 1) payload schema of each event type. */
export const eventPayloadSchemas = {
  "sale.completed": saleCompletedV1,
  "sale.voided": saleVoidedV1,
  "line.voided": lineVoidedV1,
  "price.overridden": priceOverriddenV1,
  "return.recorded": returnRecordedV1,
  "shift.opened": shiftOpenedV1,
  "shift.closed": shiftClosedV1,
  "cash.moved": cashMovedV1,
  "drawer.opened": drawerOpenedV1,
  "stock.adjusted": stockAdjustedV1,
  "product.upserted": productUpsertedV1,
  "user.changed": userChangedV1,
  "audit.recorded": auditRecordedV1,
  "exception.recorded": priceExceptionV1,
  "stock.document_posted": stockDocumentPostedV1,
  "vendor.changed": vendorChangedV1,
  "vendor.items_changed": vendorItemsChangedV1,
  "purchase.order_changed": purchaseOrderChangedV1,
  "purchase.goods_received": purchaseGoodsReceivedV1,
  "vendor.credit_changed": vendorCreditChangedV1,
  "stock.limits_changed": stockLimitsChangedV1,
  "order.changed": orderChangedV1,
  "delivery.changed": deliveryChangedV1,
  "cash.book_recorded": cashBookRecordedV1,
  "closure.recorded": closureRecordedV1,
  "scale.health_reported": scaleHealthReportedV1,
} as const satisfies { [K in EventType]: z.ZodType };

/** The version new events of each type are written with. */
export const EVENT_VERSION = 1;

/**
 * Every payload schema by type and version. A later version adds an entry here and keeps the
 * old one, so a journal written by an older store still parses.
 */
const PAYLOAD_SCHEMAS: { readonly [K in EventType]: Readonly<Record<number, z.ZodType>> } = versionOneOnly();

function versionOneOnly(): Record<EventType, Record<number, z.ZodType>> {
  const byType: Partial<Record<EventType, Record<number, z.ZodType>>> = {};
  for (const type of EVENT_TYPES) byType[type] = { 1: eventPayloadSchemas[type] };
  return byType as Record<EventType, Record<number, z.ZodType>>;
}

export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

/** The payload schema of a type at a version, or undefined when this build does not know it. */
export function payloadSchemaFor(type: EventType, version: number): z.ZodType | undefined {
  return PAYLOAD_SCHEMAS[type][version];
}

/** The versions of a type this build reads, e.g. "1" or "1, 2". */
export function knownVersions(type: EventType): string {
  return Object.keys(PAYLOAD_SCHEMAS[type]).join(", ");
}
