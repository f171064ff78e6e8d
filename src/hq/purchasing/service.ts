/**
 * Purchasing at head office, read from its copy of each store's records (kept by the ingest's
 * purchasing writer): vendors with their catalogs and cost history, purchase orders with their
 * receipts, vendor credits, and supplier performance for one store or the whole chain.
 */
import type { z } from "zod";
import type {
  HqPurchaseOrder,
  HqVendorCredit,
  HqVendorDetail,
  hqPurchaseOrdersQuerySchema,
  hqVendorCreditsQuerySchema,
} from "../../api/hq/purchasing.ts";
import { extendPrice } from "../../core/quantity.ts";
import type { Period } from "../../core/supplier-performance.ts";
import { cheapestVendorReport, vendorReport, vendorsReport } from "../../core/supplier-reports.ts";
import type { HqContext } from "../context.ts";
import { UnknownProductError, UnknownStoreError } from "../errors.ts";
import { HqPurchasingError } from "./errors.ts";
import { purchasingRecords } from "./records.ts";

type VendorRow = {
  storeId: string;
  id: string;
  name: string;
  paymentTerms: string | null;
  paymentTypes: string;
  active: number;
  updatedAt: string;
  itemCount: number;
};

type OrderRow = {
  storeId: string;
  id: string;
  number: number;
  vendorId: string;
  status: HqPurchaseOrder["status"];
  expectedAt: string | null;
  createdAt: string;
  sentAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  lines: string;
};

type ItemRow = {
  code: string;
  vendorCode: string | null;
  caseSizeMilli: number | null;
  costMinor: number;
  leadTimeDays: number | null;
  minOrderMilli: number | null;
  updatedAt: string;
};

type CostRow = {
  costMinor: number;
  previousCostMinor: number | null;
  source: "manual" | "import" | "invoice";
  refId: string | null;
  at: string;
};

type CreditRow = {
  storeId: string;
  id: string;
  number: number;
  vendorId: string;
  receiptId: string | null;
  status: "open" | "settled";
  totalMinor: number;
  createdAt: string;
  settledAt: string | null;
  settlementRef: string | null;
  lines: string;
};

const VENDOR_SQL = `SELECT v.store_id AS storeId, v.id, v.name, v.payment_terms AS paymentTerms,
  v.payment_types AS paymentTypes, v.active, v.updated_at AS updatedAt,
  (SELECT COUNT(*) FROM hq_vendor_items i WHERE i.store_id = v.store_id AND i.vendor_id = v.id) AS itemCount
  FROM hq_vendors v`;

const ORDER_SQL = `SELECT store_id AS storeId, id, number, vendor_id AS vendorId, status, expected_at AS expectedAt,
  created_at AS createdAt, sent_at AS sentAt, closed_at AS closedAt, updated_at AS updatedAt, lines
  FROM hq_purchase_orders`;

export class HqPurchasingService {
  constructor(private readonly ctx: HqContext) {}

  private knownStore(storeId: string | undefined): string | null {
    if (storeId === undefined) return null;
    const row = this.ctx.sqlite.query("SELECT 1 FROM stores WHERE store_id = ?1").get(storeId);
    if (!row) throw new UnknownStoreError(storeId);
    return storeId;
  }

  private vendorOf(row: VendorRow) {
    return {
      storeId: row.storeId,
      id: row.id,
      name: row.name,
      paymentTerms: row.paymentTerms,
      paymentTypes: JSON.parse(row.paymentTypes) as string[],
      active: row.active === 1,
      updatedAt: row.updatedAt,
      itemCount: row.itemCount,
    };
  }

  vendors(storeId: string | undefined) {
    const store = this.knownStore(storeId);
    const rows = this.ctx.sqlite
      .query<VendorRow, [string | null]>(
        `${VENDOR_SQL} WHERE (CAST(?1 AS TEXT) IS NULL OR v.store_id = ?1) ORDER BY v.store_id, v.name, v.id`,
      )
      .all(store);
    return { vendors: rows.map((r) => this.vendorOf(r)) };
  }

  /** One store's vendor with its catalog, each item with its cost history (newest first). */
  vendor(storeId: string, id: string): HqVendorDetail {
    this.knownStore(storeId);
    const row = this.ctx.sqlite
      .query<VendorRow, [string, string]>(`${VENDOR_SQL} WHERE v.store_id = ?1 AND v.id = ?2`)
      .get(storeId, id);
    if (!row) {
      throw new HqPurchasingError("VENDOR_NOT_FOUND", `store ${storeId} has no vendor ${id}`, {
        storeId,
        id,
      });
    }
    const items = this.ctx.sqlite
      .query<ItemRow, [string, string]>(
        `SELECT code, vendor_code AS vendorCode, case_size_milli AS caseSizeMilli, cost_minor AS costMinor,
           lead_time_days AS leadTimeDays, min_order_milli AS minOrderMilli, updated_at AS updatedAt
         FROM hq_vendor_items WHERE store_id = ?1 AND vendor_id = ?2 ORDER BY code`,
      )
      .all(storeId, id);
    const history = this.ctx.sqlite.query<CostRow, [string, string, string]>(
      `SELECT cost_minor AS costMinor, previous_cost_minor AS previousCostMinor, source, ref_id AS refId, at
       FROM hq_vendor_item_costs WHERE store_id = ?1 AND vendor_id = ?2 AND code = ?3
       ORDER BY at DESC, event_id DESC, item_no DESC`,
    );
    return {
      ...this.vendorOf(row),
      items: items.map((item) => ({ ...item, costHistory: history.all(storeId, id, item.code) })),
    };
  }

  private receiptsOf(storeId: string, orderId: string) {
    return this.ctx.sqlite
      .query<
        { id: string; receivedAt: string; invoiceNumber: string | null; landedCostMinor: number },
        [string, string]
      >(
        `SELECT id, received_at AS receivedAt, invoice_number AS invoiceNumber, landed_cost_minor AS landedCostMinor
         FROM hq_purchase_receipts WHERE store_id = ?1 AND order_id = ?2 ORDER BY received_at, id`,
      )
      .all(storeId, orderId);
  }

  private orderOf(row: OrderRow): HqPurchaseOrder {
    const lines = JSON.parse(row.lines) as HqPurchaseOrder["lines"];
    const { lines: _lines, ...order } = row;
    return {
      ...order,
      totalMinor: lines.reduce((s, l) => s + extendPrice(l.costMinor, l.orderedMilli, "half-up"), 0),
      lines: lines.map((l) => ({
        code: l.code,
        orderedMilli: l.orderedMilli,
        costMinor: l.costMinor,
        receivedMilli: l.receivedMilli,
      })),
      receipts: this.receiptsOf(row.storeId, row.id),
    };
  }

  orders(query: z.infer<typeof hqPurchaseOrdersQuerySchema>): { orders: HqPurchaseOrder[] } {
    const store = this.knownStore(query.storeId);
    const rows = this.ctx.sqlite
      .query<OrderRow, [string | null, string | null, string | null]>(
        `${ORDER_SQL} WHERE (CAST(?1 AS TEXT) IS NULL OR store_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR vendor_id = ?2)
           AND (CAST(?3 AS TEXT) IS NULL OR status = ?3) ORDER BY created_at DESC, store_id, number DESC`,
      )
      .all(store, query.vendorId ?? null, query.status ?? null);
    return { orders: rows.map((r) => this.orderOf(r)) };
  }

  order(id: string): HqPurchaseOrder {
    const row = this.ctx.sqlite.query<OrderRow, [string]>(`${ORDER_SQL} WHERE id = ?1`).get(id);
    if (!row) {
      throw new HqPurchasingError(
        "PURCHASE_ORDER_NOT_FOUND",
        `no store has reported purchase order ${id} (yet)`,
        { id },
      );
    }
    return this.orderOf(row);
  }

  credits(query: z.infer<typeof hqVendorCreditsQuerySchema>): { credits: HqVendorCredit[] } {
    const store = this.knownStore(query.storeId);
    const rows = this.ctx.sqlite
      .query<CreditRow, [string | null, string | null, string | null]>(
        `SELECT store_id AS storeId, id, number, vendor_id AS vendorId, receipt_id AS receiptId, status,
           total_minor AS totalMinor, created_at AS createdAt, settled_at AS settledAt,
           settlement_ref AS settlementRef, lines
         FROM hq_vendor_credits WHERE (CAST(?1 AS TEXT) IS NULL OR store_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR vendor_id = ?2)
           AND (CAST(?3 AS TEXT) IS NULL OR status = ?3) ORDER BY created_at DESC, store_id, number DESC`,
      )
      .all(store, query.vendorId ?? null, query.status ?? null);
    return {
      credits: rows.map((r) => ({ ...r, lines: JSON.parse(r.lines) as HqVendorCredit["lines"] })),
    };
  }

  vendorsReport(storeId: string | undefined, period: Period) {
    const store = this.knownStore(storeId);
    return { storeId: store, ...vendorsReport(purchasingRecords(this.ctx.sqlite, store), period) };
  }

  vendorReport(storeId: string | undefined, id: string, period: Period) {
    const store = this.knownStore(storeId);
    const report = vendorReport(purchasingRecords(this.ctx.sqlite, store), period, id);
    if (!report) {
      throw new HqPurchasingError(
        "VENDOR_NOT_FOUND",
        `${store === null ? "no store has" : `store ${store} has no`} vendor ${id}`,
        { storeId: store, id },
      );
    }
    return { storeId: store, ...report };
  }

  cheapest(storeId: string | undefined, code: string, period: Period) {
    const store = this.knownStore(storeId);
    // A product of the chain's catalog, or one a store's vendor lists (a store's own product).
    const known = this.ctx.sqlite
      .query(
        `SELECT 1 FROM hq_products WHERE code = ?1
         UNION ALL SELECT 1 FROM hq_vendor_items WHERE code = ?1 LIMIT 1`,
      )
      .get(code);
    if (!known) throw new UnknownProductError(code);
    return {
      storeId: store,
      ...cheapestVendorReport(purchasingRecords(this.ctx.sqlite, store), code, period),
    };
  }
}
