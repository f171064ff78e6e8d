/**
 * Customer orders at head office. An order placed here for any store is checked (the store and
 * every product exist), kept, and routed to its pick-up store as a change-log entry of kind
 * `order` meant for that store alone: the store places it once by id, prices it with its own
 * rules and reserves its stock. The store's `order.changed` events then bring the order back
 * (number, status, totals), kept by the ingest (ingest/apply-orders.ts).
 */
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { hqOrders, hqProducts, stores } from "../../../schema/hq.ts";
import type { HqOrder } from "../../api/hq/orders.ts";
import type { OrderRequest, OrderStatus } from "../../api/store/orders.ts";
import { priceForStore } from "../../core/catalog-changes.ts";
import type { OrderChangeValue } from "../../core/order-change.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted, storePricesOf } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { HqOrderError } from "./errors.ts";

type Row = typeof hqOrders.$inferSelect;

function toOrder(row: Row): HqOrder {
  return {
    id: row.id,
    storeId: row.storeId,
    number: row.number,
    status: row.status as OrderStatus,
    customerId: row.customerId,
    slotDate: row.slotDate,
    totalMinor: row.totalMinor,
    balanceDueMinor: row.balanceDueMinor,
    atStore: row.number !== null,
    updatedAt: row.updatedAt,
  };
}

export class HqOrderService {
  constructor(private readonly ctx: HqContext) {}

  list(query: {
    store?: string | undefined;
    status?: OrderStatus | undefined;
    date?: string | undefined;
    limit: number;
  }) {
    const where: SQL[] = [];
    if (query.store !== undefined) where.push(eq(hqOrders.storeId, query.store));
    if (query.status !== undefined) where.push(eq(hqOrders.status, query.status));
    if (query.date !== undefined) where.push(eq(hqOrders.slotDate, query.date));
    return this.ctx.db
      .select()
      .from(hqOrders)
      .where(and(...where))
      .orderBy(desc(hqOrders.updatedAt))
      .limit(query.limit)
      .all()
      .map(toOrder);
  }

  get(id: string): HqOrder {
    const row = this.ctx.db.select().from(hqOrders).where(eq(hqOrders.id, id)).get();
    if (!row) throw new HqOrderError("ORDER_NOT_FOUND", `head office has no order ${id}`, { id });
    return toOrder(row);
  }

  place(request: OrderRequest): { order: HqOrder; created: boolean } {
    const storeId = request.pickupStore;
    const store = this.ctx.db
      .select({ id: stores.storeId })
      .from(stores)
      .where(eq(stores.storeId, storeId))
      .get();
    if (!store) {
      throw new HqOrderError("UNKNOWN_SITE", `pickupStore: the chain has no store ${storeId}`, {
        pickupStore: storeId,
      });
    }
    const requestHash = sha256Hex(JSON.stringify(request));
    const existing = this.ctx.db.select().from(hqOrders).where(eq(hqOrders.id, request.id)).get();
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new HqOrderError("ORDER_ID_REUSED", `order ${request.id} was placed with other content`, {
          id: request.id,
        });
      }
      return { order: toOrder(existing), created: false };
    }
    const codes = [...new Set(request.lines.map((l) => l.code))];
    const products = new Map(
      this.ctx.db
        .select({ code: hqProducts.code, priceMinor: hqProducts.priceMinor })
        .from(hqProducts)
        .where(inArray(hqProducts.code, codes))
        .all()
        .map((p) => [p.code, p]),
    );
    const lines = request.lines.map((line, i) => {
      const product = products.get(line.code);
      if (!product) {
        throw new HqOrderError(
          "UNKNOWN_CODE",
          `line ${i + 1}: the chain's catalog has no product ${line.code}`,
          {
            line: i + 1,
            code: line.code,
          },
        );
      }
      const qtyMilli = parseQuantityMilli(line.qty);
      const unitPriceMinor =
        line.unitPriceMinor ??
        priceForStore(
          { priceMinor: product.priceMinor, storePrices: storePricesOf(this.ctx.db, line.code) },
          storeId,
        );
      return { code: line.code, qtyMilli, unitPriceMinor, given: line.unitPriceMinor };
    });
    const totalMinor = lines.reduce((sum, l) => sum + Math.round((l.unitPriceMinor * l.qtyMilli) / 1000), 0);
    const prepaid = request.prepaid ?? [];
    const prepaidMinor = prepaid.reduce((sum, t) => sum + t.amountMinor, 0);
    const value: OrderChangeValue = {
      id: request.id,
      customerId: request.customerId ?? null,
      slot: request.slot ?? null,
      delivery: request.delivery ?? null,
      lines: lines.map((l) => ({
        code: l.code,
        qtyMilli: l.qtyMilli,
        ...(l.given === undefined ? {} : { unitPriceMinor: l.given }),
      })),
      prepaid,
    };
    const at = this.ctx.now();
    const row: Row = {
      id: request.id,
      storeId,
      number: null,
      status: "placed",
      customerId: value.customerId,
      slotDate: request.slot?.date ?? null,
      totalMinor,
      balanceDueMinor: totalMinor - prepaidMinor,
      requestHash,
      snapshot: JSON.stringify(value),
      updatedAt: at.toISOString(),
    };
    const change = this.ctx.db.transaction((tx) => {
      tx.insert(hqOrders).values(row).run();
      return recordChange(tx, { storeId, kind: "order", key: request.id, value }, at);
    });
    publishCommitted(this.ctx, [change]);
    return { order: toOrder(row), created: true };
  }
}
