/**
 * Supplier performance at the store: the purchasing tables read into the records the pure
 * reports take (src/core/supplier-performance.ts), with instants turned into the store's local
 * days. Head office reads its own copies of the same records and gets the same figures.
 */
import { asc } from "drizzle-orm";
import {
  purchaseOrderLines,
  purchaseOrders,
  purchaseReceiptLines,
  purchaseReceipts,
  vendorCredits,
  vendorItemCosts,
  vendorItems,
  vendors,
} from "../../../schema/store.ts";
import { businessDay } from "../../core/business-day.ts";
import {
  type PerfReceipt,
  type PerfRecords,
  type Period,
  perfOrder,
} from "../../core/supplier-performance.ts";
import { cheapestVendorReport, vendorReport, vendorsReport } from "../../core/supplier-reports.ts";
import type { StoreContext } from "../context.ts";
import { catalogOf, productOf, vendorOf } from "./common.ts";

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export class SupplierPerformanceService {
  constructor(private readonly ctx: StoreContext) {}

  private day(iso: string): string {
    return businessDay(new Date(iso), this.ctx.settings.timeZone);
  }

  /** Every purchasing record the reports read. */
  records(): PerfRecords {
    const db = this.ctx.db;
    const orderLines = groupBy(
      db.select().from(purchaseOrderLines).orderBy(asc(purchaseOrderLines.lineNo)).all(),
      (l) => l.orderId,
    );
    const receiptLines = groupBy(
      db.select().from(purchaseReceiptLines).orderBy(asc(purchaseReceiptLines.lineNo)).all(),
      (l) => l.receiptId,
    );
    const orders = db
      .select()
      .from(purchaseOrders)
      .orderBy(asc(purchaseOrders.number))
      .all()
      .map((o) =>
        perfOrder(
          o,
          (orderLines.get(o.id) ?? []).map((l) => ({
            code: l.productCode,
            orderedMilli: l.orderedMilli,
            costMinor: l.costMinor,
            receivedMilli: l.receivedMilli,
          })),
          (iso) => this.day(iso),
        ),
      );
    const receipts = db
      .select()
      .from(purchaseReceipts)
      .orderBy(asc(purchaseReceipts.receivedAt))
      .all()
      .map(
        (r): PerfReceipt => ({
          id: r.id,
          orderId: r.orderId,
          vendorId: r.vendorId,
          receivedAt: r.receivedAt,
          receivedDay: this.day(r.receivedAt),
          lines: (receiptLines.get(r.id) ?? []).map((l) => ({
            code: l.productCode,
            receivedMilli: l.receivedMilli,
            costMinor: l.costMinor,
            landedMinor: l.landedMinor,
          })),
        }),
      );
    return {
      vendors: db.select({ id: vendors.id, name: vendors.name }).from(vendors).all(),
      orders,
      receipts,
      costChanges: db
        .select()
        .from(vendorItemCosts)
        .orderBy(asc(vendorItemCosts.id))
        .all()
        .map((c) => ({
          vendorId: c.vendorId,
          code: c.productCode,
          costMinor: c.costMinor,
          previousCostMinor: c.previousCostMinor,
          source: c.source,
          refId: c.refId,
          at: c.at,
          day: this.day(c.at),
        })),
      credits: db
        .select()
        .from(vendorCredits)
        .orderBy(asc(vendorCredits.number))
        .all()
        .map((c) => ({
          id: c.id,
          vendorId: c.vendorId,
          status: c.status,
          totalMinor: c.totalMinor,
          createdDay: this.day(c.createdAt),
        })),
      items: db
        .select({
          vendorId: vendorItems.vendorId,
          code: vendorItems.productCode,
          costMinor: vendorItems.costMinor,
          leadTimeDays: vendorItems.leadTimeDays,
        })
        .from(vendorItems)
        .all(),
    };
  }

  vendors(period: Period) {
    return vendorsReport(this.records(), period);
  }

  vendor(id: string, period: Period) {
    vendorOf(this.ctx.db, id, "id");
    const report = vendorReport(this.records(), period, id);
    if (!report) throw new Error(`vendor ${id} vanished while its report was read`);
    return report;
  }

  cheapest(code: string, period: Period) {
    const product = productOf(catalogOf(this.ctx), code, "code");
    return cheapestVendorReport(this.records(), product.code, period);
  }
}
