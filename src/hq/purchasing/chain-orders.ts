/**
 * Head office orders for stores: one purchase order per store, or a central order delivered to
 * a warehouse site with its distribution to stores. The request is checked against head
 * office's copy of each store's vendors and catalog, recorded once by its id, and each store's
 * order goes down the change log as a `purchase_order` entry for that store alone (in the same
 * transaction; published after the commit). A store that is down reads it when it comes back;
 * the store makes its order under the id derived from the chain order's and its own, once.
 */
import type { ChainOrder, ChainOrderRequest } from "../../api/hq/purchasing.ts";
import { distributionProblem, type PurchaseOrderChangeValue, storeOrderId } from "../../core/chain-orders.ts";
import { canonicalJson } from "../../core/events/canonical-json.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { UnknownStoreError } from "../errors.ts";
import { HqPurchasingError } from "./errors.ts";

interface Line {
  code: string;
  qtyMilli: number;
  costMinor: number | null;
}

export class ChainOrderService {
  constructor(private readonly ctx: HqContext) {}

  private one<T>(sql: string, ...params: string[]): T | null {
    return this.ctx.sqlite.query<T, string[]>(sql).get(...params);
  }

  private registered(storeId: string): void {
    if (!this.one("SELECT 1 FROM stores WHERE store_id = ?1", storeId)) throw new UnknownStoreError(storeId);
  }

  /** The product a line names, known to head office's catalog or to some store's vendor; its quantity checked. */
  private lineOf(code: string, qty: string | number, costMinor: number | undefined, where: string): Line {
    const product = this.one<{ soldByWeight: number }>(
      "SELECT sold_by_weight AS soldByWeight FROM hq_products WHERE code = ?1",
      code,
    );
    if (!product && !this.one("SELECT 1 FROM hq_vendor_items WHERE code = ?1 LIMIT 1", code)) {
      throw new HqPurchasingError(
        "UNKNOWN_PRODUCT",
        `${where}.code: no product ${code} in head office's catalog or any store's vendor catalog`,
        { code },
      );
    }
    const qtyMilli = parseQuantityMilli(qty);
    if (product && product.soldByWeight === 0 && qtyMilli % 1000 !== 0) {
      throw new HqPurchasingError(
        "FRACTIONAL_QUANTITY",
        `${where}.qty: ${code} is counted by the unit; give a whole quantity`,
        { code, qty },
      );
    }
    return { code, qtyMilli, costMinor: costMinor ?? null };
  }

  private checkedLines(request: ChainOrderRequest, stores: readonly string[]): Line[] {
    const seen = new Set<string>();
    return request.lines.map((l, i) => {
      const where = `lines.${i}`;
      if (seen.has(l.code)) {
        throw new HqPurchasingError(
          "DUPLICATE_LINE",
          `${where}.code: ${l.code} is listed twice; add the quantities into one line`,
          { code: l.code },
        );
      }
      seen.add(l.code);
      const line = this.lineOf(l.code, l.qty, l.costMinor, where);
      for (const storeId of stores) {
        const listed = this.one(
          "SELECT 1 FROM hq_vendor_items WHERE store_id = ?1 AND vendor_id = ?2 AND code = ?3",
          storeId,
          request.vendorId,
          l.code,
        );
        if (line.costMinor === null && !listed) {
          throw new HqPurchasingError(
            "COST_REQUIRED",
            `${where}.costMinor: ${l.code} is not in vendor ${request.vendorId}'s catalog at store ${storeId}; give its cost`,
            { code: l.code, storeId },
          );
        }
      }
      return line;
    });
  }

  /** Places the order (a repeat of its id with the same content answers it as it is). */
  place(request: ChainOrderRequest): { order: ChainOrder; created: boolean } {
    const fingerprint = canonicalJson(request);
    const existing = this.one<{ request: string }>(
      "SELECT request FROM hq_chain_orders WHERE id = ?1",
      request.id,
    );
    if (existing) {
      if (existing.request !== fingerprint) {
        throw new HqPurchasingError(
          "PURCHASE_ORDER_ID_REUSED",
          `order ${request.id} was already placed with other content; use a new id`,
          { id: request.id },
        );
      }
      return { order: this.get(request.id), created: false };
    }
    const stores = request.storeIds ?? (request.deliverTo !== undefined ? [request.deliverTo] : []);
    stores.forEach((storeId, i) => {
      this.registered(storeId);
      if (!this.one("SELECT 1 FROM hq_vendors WHERE store_id = ?1 AND id = ?2", storeId, request.vendorId)) {
        throw new HqPurchasingError(
          "VENDOR_NOT_FOUND",
          `${request.storeIds ? `storeIds.${i}` : "deliverTo"}: store ${storeId} has no vendor ${request.vendorId} (a store's vendors reach head office from its events)`,
          { storeId, vendorId: request.vendorId },
        );
      }
    });
    const lines = this.checkedLines(request, stores);
    const distribution = (request.distribution ?? []).map((part, i) => {
      this.registered(part.storeId);
      return {
        storeId: part.storeId,
        lines: part.lines.map((l, j) => ({
          code: l.code,
          qtyMilli: this.lineOf(l.code, l.qty, undefined, `distribution.${i}.lines.${j}`).qtyMilli,
        })),
      };
    });
    const problem = distributionProblem(lines, distribution);
    if (problem)
      throw new HqPurchasingError("DISTRIBUTION_INVALID", `${problem.path}: ${problem.message}`, {});
    const at = this.ctx.now();
    const changes = this.ctx.db.transaction((tx) => {
      this.ctx.sqlite
        .query(
          "INSERT INTO hq_chain_orders (id, vendor_id, deliver_to, request, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .run(request.id, request.vendorId, request.deliverTo ?? null, fingerprint, at.toISOString());
      return stores.map((storeId) => {
        const value: PurchaseOrderChangeValue = {
          id: storeOrderId(request.id, storeId),
          chainOrderId: request.id,
          vendorId: request.vendorId,
          lines,
          expectedAt: request.expectedAt ?? null,
          note: request.note ?? null,
          send: request.send === true,
        };
        return recordChange(tx, { storeId, kind: "purchase_order", key: value.id, value }, at);
      });
    });
    publishCommitted(this.ctx, changes);
    return { order: this.get(request.id), created: true };
  }

  /** The chain order with each store's order as the store last reported it, and the distribution's transfers. */
  get(id: string): ChainOrder {
    const row = this.one<{ vendorId: string; deliverTo: string | null; request: string; createdAt: string }>(
      "SELECT vendor_id AS vendorId, deliver_to AS deliverTo, request, created_at AS createdAt FROM hq_chain_orders WHERE id = ?1",
      id,
    );
    if (!row) {
      throw new HqPurchasingError("PURCHASE_ORDER_NOT_FOUND", `head office placed no order ${id}`, { id });
    }
    const request = JSON.parse(row.request) as ChainOrderRequest;
    const stores = request.storeIds ?? (row.deliverTo !== null ? [row.deliverTo] : []);
    const orders = stores.map((storeId) => {
      const orderId = storeOrderId(id, storeId);
      const reported = this.one<{
        status: ChainOrder["orders"][number]["status"];
        number: number;
        lines: string;
      }>(
        "SELECT status, number, lines FROM hq_purchase_orders WHERE store_id = ?1 AND id = ?2",
        storeId,
        orderId,
      );
      const lines = reported
        ? (JSON.parse(reported.lines) as { code: string; orderedMilli: number; receivedMilli: number }[])
        : [];
      return {
        storeId,
        orderId,
        status: reported?.status ?? null,
        number: reported?.number ?? null,
        lines: lines.map((l) => ({
          code: l.code,
          orderedMilli: l.orderedMilli,
          receivedMilli: l.receivedMilli,
        })),
      };
    });
    const distribution = (request.distribution ?? []).map((part) => {
      const transferred = this.transferred(row.deliverTo ?? "", part.storeId, row.createdAt);
      return {
        storeId: part.storeId,
        lines: part.lines.map((l) => ({
          code: l.code,
          qtyMilli: parseQuantityMilli(l.qty),
          transferredMilli: transferred.get(l.code) ?? 0,
        })),
      };
    });
    return {
      id,
      vendorId: row.vendorId,
      deliverTo: row.deliverTo,
      createdAt: row.createdAt,
      orders,
      distribution,
    };
  }

  /** What the warehouse transferred out to a store since a moment, per product. */
  private transferred(warehouse: string, storeId: string, since: string): Map<string, number> {
    const docs = this.ctx.sqlite
      .query<{ payload: string }, [string, string, string]>(
        `SELECT payload FROM hq_stock_documents
         WHERE store_id = ?1 AND type = 'transfer_out' AND to_store = ?2 AND posted_at >= ?3`,
      )
      .all(warehouse, storeId, since);
    const sums = new Map<string, number>();
    for (const doc of docs) {
      for (const l of (JSON.parse(doc.payload) as { lines: { code: string; qtyMilli: number }[] }).lines) {
        sums.set(l.code, (sums.get(l.code) ?? 0) + Math.abs(l.qtyMilli));
      }
    }
    return sums;
  }
}
