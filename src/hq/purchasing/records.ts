/**
 * Head office's copy of a store's (or every store's) purchasing, read into the records the pure
 * supplier-performance reports take, with instants turned into each store's local days: the
 * same records the store reads from its own tables, so the figures are the store's.
 */
import type { Database } from "bun:sqlite";
import { businessDay } from "../../core/business-day.ts";
import type { EventPayload } from "../../core/events.ts";
import {
  type PerfCostChange,
  type PerfOrder,
  type PerfReceipt,
  type PerfRecords,
  perfOrder,
} from "../../core/supplier-performance.ts";

type OrderLines = EventPayload<"purchase.order_changed">["lines"];
type ReceiptLines = EventPayload<"purchase.goods_received">["lines"];

/** `AND store_id = ?1` when a store is named: every query takes the store (or null) as ?1. */
const OF_STORE = "(CAST(?1 AS TEXT) IS NULL OR store_id = ?1)";

export function purchasingRecords(sqlite: Database, storeId: string | null): PerfRecords {
  const zones = new Map(
    sqlite
      .query<{ storeId: string; timeZone: string }, []>(
        "SELECT store_id AS storeId, time_zone AS timeZone FROM stores",
      )
      .all()
      .map((r) => [r.storeId, r.timeZone]),
  );
  const day = (store: string, iso: string) => businessDay(new Date(iso), zones.get(store) ?? "UTC");
  const all = <T>(sql: string) => sqlite.query<T, [string | null]>(sql).all(storeId);

  // One name per vendor id: stores share their vendors' ids; the first store's name stands.
  const names = new Map<string, string>();
  for (const v of all<{ id: string; name: string }>(
    `SELECT id, name FROM hq_vendors WHERE ${OF_STORE} ORDER BY store_id, id`,
  )) {
    if (!names.has(v.id)) names.set(v.id, v.name);
  }
  const orders = all<{
    storeId: string;
    id: string;
    number: number;
    vendorId: string;
    status: PerfOrder["status"];
    sentAt: string | null;
    expectedAt: string | null;
    lines: string;
  }>(
    `SELECT store_id AS storeId, id, number, vendor_id AS vendorId, status, sent_at AS sentAt,
       expected_at AS expectedAt, lines FROM hq_purchase_orders WHERE ${OF_STORE} ORDER BY store_id, number`,
  ).map((o) => perfOrder(o, JSON.parse(o.lines) as OrderLines, (iso) => day(o.storeId, iso)));
  const receipts = all<{
    storeId: string;
    id: string;
    orderId: string | null;
    vendorId: string;
    receivedAt: string;
    lines: string;
  }>(
    `SELECT store_id AS storeId, id, order_id AS orderId, vendor_id AS vendorId, received_at AS receivedAt, lines
     FROM hq_purchase_receipts WHERE ${OF_STORE} ORDER BY received_at, id`,
  ).map(
    (r): PerfReceipt => ({
      id: r.id,
      orderId: r.orderId,
      vendorId: r.vendorId,
      receivedAt: r.receivedAt,
      receivedDay: day(r.storeId, r.receivedAt),
      lines: (JSON.parse(r.lines) as ReceiptLines).map((l) => ({
        code: l.code,
        receivedMilli: l.receivedMilli,
        costMinor: l.costMinor,
        landedMinor: l.landedMinor,
      })),
    }),
  );
  const costChanges = all<Omit<PerfCostChange, "day"> & { storeId: string }>(
    `SELECT store_id AS storeId, vendor_id AS vendorId, code, cost_minor AS costMinor,
       previous_cost_minor AS previousCostMinor, source, ref_id AS refId, at
     FROM hq_vendor_item_costs WHERE ${OF_STORE} ORDER BY at, event_id, item_no`,
  ).map(({ storeId: store, ...c }) => ({ ...c, day: day(store, c.at) }));
  const credits = all<{
    storeId: string;
    id: string;
    vendorId: string;
    status: "open" | "settled";
    totalMinor: number;
    createdAt: string;
  }>(
    `SELECT store_id AS storeId, id, vendor_id AS vendorId, status, total_minor AS totalMinor, created_at AS createdAt
     FROM hq_vendor_credits WHERE ${OF_STORE} ORDER BY store_id, number`,
  ).map((c) => ({
    id: c.id,
    vendorId: c.vendorId,
    status: c.status,
    totalMinor: c.totalMinor,
    createdDay: day(c.storeId, c.createdAt),
  }));
  const items = all<{ vendorId: string; code: string; costMinor: number; leadTimeDays: number | null }>(
    `SELECT vendor_id AS vendorId, code, cost_minor AS costMinor, lead_time_days AS leadTimeDays
     FROM hq_vendor_items WHERE ${OF_STORE} ORDER BY store_id`,
  );
  return {
    vendors: [...names].map(([id, name]) => ({ id, name })),
    orders,
    receipts,
    costChanges,
    credits,
    items,
  };
}
