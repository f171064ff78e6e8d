/**
 * Keeps each store's purchasing at head office from its events: vendors and their catalog
 * items, every cost change, purchase orders as their last snapshot left them, goods receipts and
 * vendor credits. Each write is idempotent and replay-safe: a snapshot replaces the row only if
 * it is not older than the one kept, a receipt is written once, and cost changes are keyed by
 * their event and item, so applying an event again changes nothing.
 */
import type { Database, Statement } from "bun:sqlite";
import type { EventPayload, StoreEvent } from "../../core/events.ts";

type Params = Record<string, string | number | null>;

export class PurchasingWriter {
  readonly #vendor: Statement<unknown, [Params]>;
  readonly #item: Statement<unknown, [Params]>;
  readonly #cost: Statement<unknown, [Params]>;
  readonly #order: Statement<unknown, [Params]>;
  readonly #receipt: Statement<unknown, [Params]>;
  readonly #credit: Statement<unknown, [Params]>;

  constructor(sqlite: Database) {
    this.#vendor = sqlite.query(
      `INSERT INTO hq_vendors (store_id, id, name, payment_terms, payment_types, active, updated_at)
       VALUES ($storeId, $id, $name, $paymentTerms, $paymentTypes, $active, $at)
       ON CONFLICT (store_id, id) DO UPDATE SET name = excluded.name, payment_terms = excluded.payment_terms,
         payment_types = excluded.payment_types, active = excluded.active, updated_at = excluded.updated_at
       WHERE excluded.updated_at >= hq_vendors.updated_at`,
    );
    this.#item = sqlite.query(
      `INSERT INTO hq_vendor_items (store_id, vendor_id, code, vendor_code, case_size_milli, cost_minor,
         lead_time_days, min_order_milli, updated_at)
       VALUES ($storeId, $vendorId, $code, $vendorCode, $caseSizeMilli, $costMinor, $leadTimeDays, $minOrderMilli, $at)
       ON CONFLICT (store_id, vendor_id, code) DO UPDATE SET vendor_code = excluded.vendor_code,
         case_size_milli = excluded.case_size_milli, cost_minor = excluded.cost_minor,
         lead_time_days = excluded.lead_time_days, min_order_milli = excluded.min_order_milli,
         updated_at = excluded.updated_at
       WHERE excluded.updated_at >= hq_vendor_items.updated_at`,
    );
    this.#cost = sqlite.query(
      `INSERT INTO hq_vendor_item_costs (event_id, item_no, store_id, vendor_id, code, cost_minor,
         previous_cost_minor, source, ref_id, at)
       VALUES ($eventId, $itemNo, $storeId, $vendorId, $code, $costMinor, $previousCostMinor, $source, $refId, $at) ON CONFLICT DO NOTHING`,
    );
    this.#order = sqlite.query(
      `INSERT INTO hq_purchase_orders (store_id, id, number, vendor_id, status, expected_at, created_at, sent_at,
         closed_at, updated_at, lines)
       VALUES ($storeId, $id, $number, $vendorId, $status, $expectedAt, $createdAt, $sentAt, $closedAt, $at, $lines)
       ON CONFLICT (store_id, id) DO UPDATE SET status = excluded.status, expected_at = excluded.expected_at,
         sent_at = excluded.sent_at, closed_at = excluded.closed_at, updated_at = excluded.updated_at,
         lines = excluded.lines
       WHERE excluded.updated_at >= hq_purchase_orders.updated_at`,
    );
    this.#receipt = sqlite.query(
      `INSERT INTO hq_purchase_receipts (store_id, id, order_id, vendor_id, invoice_number, invoice_date,
         landed_cost_minor, received_at, lines)
       VALUES ($storeId, $id, $orderId, $vendorId, $invoiceNumber, $invoiceDate, $landedCostMinor, $at, $lines) ON CONFLICT DO NOTHING`,
    );
    this.#credit = sqlite.query(
      `INSERT INTO hq_vendor_credits (store_id, id, number, vendor_id, receipt_id, status, total_minor, created_at,
         settled_at, settlement_ref, updated_at, lines)
       VALUES ($storeId, $id, $number, $vendorId, $receiptId, $status, $totalMinor, $at, $settledAt,
         $settlementRef, $at, $lines)
       ON CONFLICT (store_id, id) DO UPDATE SET status = excluded.status, total_minor = excluded.total_minor,
         settled_at = excluded.settled_at, settlement_ref = excluded.settlement_ref,
         updated_at = excluded.updated_at, lines = excluded.lines
       WHERE excluded.updated_at >= hq_vendor_credits.updated_at`,
    );
  }

  /** Applies a purchasing event to the store's records; other events pass by. */
  apply(event: StoreEvent): void {
    const storeId = event.storeId;
    switch (event.type) {
      case "vendor.changed": {
        const p = event.payload as EventPayload<"vendor.changed">;
        this.#vendor.run({
          storeId,
          id: p.id,
          name: p.name,
          paymentTerms: p.paymentTerms,
          paymentTypes: JSON.stringify(p.paymentTypes),
          active: p.active ? 1 : 0,
          at: p.at,
        });
        return;
      }
      case "vendor.items_changed": {
        const p = event.payload as EventPayload<"vendor.items_changed">;
        p.items.forEach((item, i) => {
          const row = { storeId, vendorId: p.vendorId, code: item.code, costMinor: item.costMinor, at: p.at };
          this.#item.run({
            ...row,
            vendorCode: item.vendorCode,
            caseSizeMilli: item.caseSizeMilli,
            leadTimeDays: item.leadTimeDays,
            minOrderMilli: item.minOrderMilli,
          });
          if (item.previousCostMinor === item.costMinor) return;
          this.#cost.run({
            ...row,
            eventId: event.id,
            itemNo: i + 1,
            previousCostMinor: item.previousCostMinor,
            source: p.source,
            refId: p.refId,
          });
        });
        return;
      }
      case "purchase.order_changed": {
        const p = event.payload as EventPayload<"purchase.order_changed">;
        this.#order.run({
          storeId,
          id: p.id,
          number: p.number,
          vendorId: p.vendorId,
          status: p.status,
          expectedAt: p.expectedAt,
          createdAt: p.createdAt,
          sentAt: p.sentAt,
          closedAt: p.closedAt,
          at: p.at,
          lines: JSON.stringify(p.lines),
        });
        return;
      }
      case "purchase.goods_received": {
        const p = event.payload as EventPayload<"purchase.goods_received">;
        this.#receipt.run({
          storeId,
          id: p.id,
          orderId: p.orderId,
          vendorId: p.vendorId,
          invoiceNumber: p.invoiceNumber,
          invoiceDate: p.invoiceDate,
          landedCostMinor: p.landedCostMinor,
          at: p.at,
          lines: JSON.stringify(p.lines),
        });
        return;
      }
      case "vendor.credit_changed": {
        const p = event.payload as EventPayload<"vendor.credit_changed">;
        this.#credit.run({
          storeId,
          id: p.id,
          number: p.number,
          vendorId: p.vendorId,
          receiptId: p.receiptId,
          status: p.status,
          totalMinor: p.totalMinor,
          settledAt: p.status === "settled" ? p.at : null,
          settlementRef: p.settlementRef,
          at: p.at,
          lines: JSON.stringify(p.lines),
        });
        return;
      }
      default:
        return;
    }
  }
}
