/**
 * Purchasing rebuilt from the store's own journal, as `--recover-from-hq` replays it: vendors
 * and their catalog items with every cost change, purchase orders as their last snapshot left
 * them, goods receipts with their lines and vendor credits, and the counters that number orders
 * and credits. Stock moved by a receipt comes back with its `stock.document_posted` event.
 * What the events do not carry stays empty: a vendor's contacts, e-mail, phone and note, and an
 * order's or credit's note. The requests as first received are not journaled either, so an id
 * recovered this way answers a repeat of its request as reused (`…_ID_REUSED`).
 */
import type { EventPayload, StoreEvent } from "../../core/events.ts";
import type { StoreTx } from "../context.ts";
import { connectionOf, statementsOf } from "../db/statements.ts";

/** Kept in place of the request a recovered document was made from. */
const RECOVERED = JSON.stringify({ recoveredFromJournal: true });

/** Applies a purchasing event to the purchasing tables; answers whether it was one. */
export function replayPurchasing(tx: StoreTx, event: StoreEvent): boolean {
  const db = connectionOf(tx);
  switch (event.type) {
    case "vendor.changed": {
      const p = event.payload as EventPayload<"vendor.changed">;
      db.query(
        `INSERT INTO vendors (id, name, contacts, payment_terms, payment_types, active, created_at, updated_at)
         VALUES (?1, ?2, '[]', ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, payment_terms = excluded.payment_terms,
           payment_types = excluded.payment_types, active = excluded.active, updated_at = excluded.updated_at`,
      ).run(p.id, p.name, p.paymentTerms, JSON.stringify(p.paymentTypes), p.active ? 1 : 0, p.at);
      return true;
    }
    case "vendor.items_changed": {
      const p = event.payload as EventPayload<"vendor.items_changed">;
      const item = db.query(
        `INSERT INTO vendor_items (vendor_id, product_code, vendor_code, case_size_milli, cost_minor, lead_time_days,
           min_order_milli, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (vendor_id, product_code) DO UPDATE SET vendor_code = excluded.vendor_code,
           case_size_milli = excluded.case_size_milli, cost_minor = excluded.cost_minor,
           lead_time_days = excluded.lead_time_days, min_order_milli = excluded.min_order_milli,
           updated_at = excluded.updated_at`,
      );
      const cost = db.query(
        `INSERT INTO vendor_item_costs (vendor_id, product_code, cost_minor, previous_cost_minor, source, ref_id, at, user_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      );
      for (const i of p.items) {
        item.run(
          p.vendorId,
          i.code,
          i.vendorCode,
          i.caseSizeMilli,
          i.costMinor,
          i.leadTimeDays,
          i.minOrderMilli,
          p.at,
        );
        if (i.previousCostMinor !== i.costMinor) {
          cost.run(p.vendorId, i.code, i.costMinor, i.previousCostMinor, p.source, p.refId, p.at, p.userId);
        }
      }
      return true;
    }
    case "purchase.order_changed": {
      const p = event.payload as EventPayload<"purchase.order_changed">;
      const existing = db
        .query<{ userId: string | null }, [string]>(
          "SELECT user_id AS userId FROM purchase_orders WHERE id = ?1",
        )
        .get(p.id);
      db.query(
        `INSERT INTO purchase_orders (id, number, vendor_id, status, expected_at, user_id, created_at, sent_at, closed_at, request)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, expected_at = excluded.expected_at,
           sent_at = excluded.sent_at, closed_at = excluded.closed_at`,
      ).run(
        p.id,
        p.number,
        p.vendorId,
        p.status,
        p.expectedAt,
        existing ? existing.userId : p.userId,
        p.createdAt,
        p.sentAt,
        p.closedAt,
        RECOVERED,
      );
      db.query("DELETE FROM purchase_order_lines WHERE order_id = ?1").run(p.id);
      const line = db.query(
        `INSERT INTO purchase_order_lines (order_id, line_no, product_code, ordered_milli, cost_minor, received_milli)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      );
      p.lines.forEach((l, i) => {
        line.run(p.id, i + 1, l.code, l.orderedMilli, l.costMinor, l.receivedMilli);
      });
      statementsOf(tx).raiseCounter.run("purchase_order", p.number);
      return true;
    }
    case "purchase.goods_received": {
      const p = event.payload as EventPayload<"purchase.goods_received">;
      db.query(
        `INSERT OR IGNORE INTO purchase_receipts (id, order_id, vendor_id, invoice_number, invoice_date,
           landed_cost_minor, received_at, user_id, request) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
      ).run(
        p.id,
        p.orderId,
        p.vendorId,
        p.invoiceNumber,
        p.invoiceDate,
        p.landedCostMinor,
        p.at,
        p.userId,
        RECOVERED,
      );
      const line = db.query(
        `INSERT OR IGNORE INTO purchase_receipt_lines (receipt_id, line_no, product_code, open_milli, received_milli,
           cost_minor, landed_minor, unit_cost_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      );
      p.lines.forEach((l, i) => {
        line.run(
          p.id,
          i + 1,
          l.code,
          l.openMilli,
          l.receivedMilli,
          l.costMinor,
          l.landedMinor,
          l.unitCostMinor,
        );
      });
      return true;
    }
    case "vendor.credit_changed": {
      const p = event.payload as EventPayload<"vendor.credit_changed">;
      const settled = p.status === "settled";
      db.query(
        `INSERT INTO vendor_credits (id, number, vendor_id, receipt_id, status, total_minor, user_id, created_at,
           settled_at, settled_by, settlement_ref, request) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, total_minor = excluded.total_minor,
           settled_at = excluded.settled_at, settled_by = excluded.settled_by, settlement_ref = excluded.settlement_ref`,
      ).run(
        p.id,
        p.number,
        p.vendorId,
        p.receiptId,
        p.status,
        p.totalMinor,
        p.userId,
        p.at,
        settled ? p.at : null,
        settled ? p.userId : null,
        p.settlementRef,
        RECOVERED,
      );
      db.query("DELETE FROM vendor_credit_lines WHERE credit_id = ?1").run(p.id);
      const line = db.query(
        `INSERT INTO vendor_credit_lines (credit_id, line_no, product_code, qty_milli, reason, amount_minor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      );
      p.lines.forEach((l, i) => {
        line.run(p.id, i + 1, l.code, l.qtyMilli, l.reason, l.amountMinor);
      });
      statementsOf(tx).raiseCounter.run("vendor_credit", p.number);
      return true;
    }
    default:
      return false;
  }
}
