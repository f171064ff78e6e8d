/**
 * Purchase orders: a draft is made from scratch, from a suggested order or from the vendor's
 * worksheet; it is sent, then received in one or more goods receipts (partly received, then
 * received), or cancelled. Each change journals the order as it then is
 * (`purchase.order_changed`), with its dates and its quantities ordered and received.
 */
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import {
  products,
  purchaseOrderLines,
  purchaseOrders,
  purchaseReceipts,
  vendorItems,
} from "../../../schema/store.ts";
import type {
  PurchaseOrder,
  PurchaseOrderRequest,
  PurchaseOrderStatus,
  Worksheet,
} from "../../api/store/purchasing.ts";
import { canonicalJson } from "../../core/events.ts";
import { extendPrice } from "../../core/quantity.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import { nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { catalogOf, lineCost, onceEach, productOf, qtyOf, trace, vendorOf } from "./common.ts";
import { PurchasingError } from "./errors.ts";

type OrderRow = typeof purchaseOrders.$inferSelect;

/** Orders still waiting for goods. */
export const OPEN_STATUSES: readonly PurchaseOrderStatus[] = ["sent", "partly_received"];

export function orderRowOf(db: StoreDb | StoreTx, id: string): OrderRow {
  const row = db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).get();
  if (!row) throw new PurchasingError("PURCHASE_ORDER_NOT_FOUND", `there is no purchase order ${id}`, { id });
  return row;
}

/** Journals the order as it is now (after a change in the same transaction). */
export function journalOrder(
  ctx: StoreContext,
  tx: StoreTx,
  id: string,
  principal: Principal,
  at: Date,
  what: string,
): void {
  const order = orderRowOf(tx, id);
  const lines = tx
    .select()
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.orderId, id))
    .orderBy(asc(purchaseOrderLines.lineNo))
    .all();
  trace(
    ctx,
    tx,
    principal,
    at,
    AUDIT_ACTIONS.purchaseOrderChanged,
    id,
    { number: order.number, vendorId: order.vendorId, status: order.status, change: what },
    {
      id,
      number: order.number,
      vendorId: order.vendorId,
      status: order.status,
      expectedAt: order.expectedAt,
      createdAt: order.createdAt,
      sentAt: order.sentAt,
      closedAt: order.closedAt,
      userId: principal.userId,
      at: at.toISOString(),
      lines: lines.map((l) => ({
        code: l.productCode,
        orderedMilli: l.orderedMilli,
        costMinor: l.costMinor,
        receivedMilli: l.receivedMilli,
      })),
    },
  );
}

export class PurchaseOrderService {
  constructor(private readonly ctx: StoreContext) {}

  get(id: string): PurchaseOrder {
    const order = orderRowOf(this.ctx.db, id);
    const vendor = vendorOf(this.ctx.db, order.vendorId);
    const rows = this.ctx.db
      .select({ line: purchaseOrderLines, name: products.name, vendorCode: vendorItems.vendorCode })
      .from(purchaseOrderLines)
      .leftJoin(products, eq(products.code, purchaseOrderLines.productCode))
      .leftJoin(
        vendorItems,
        and(
          eq(vendorItems.vendorId, order.vendorId),
          eq(vendorItems.productCode, purchaseOrderLines.productCode),
        ),
      )
      .where(eq(purchaseOrderLines.orderId, id))
      .orderBy(asc(purchaseOrderLines.lineNo))
      .all();
    const { roundingMode } = this.ctx.settings;
    const lines = rows.map(({ line, name, vendorCode }) => ({
      lineNo: line.lineNo,
      code: line.productCode,
      name,
      vendorCode,
      orderedMilli: line.orderedMilli,
      costMinor: line.costMinor,
      receivedMilli: line.receivedMilli,
      openMilli: line.orderedMilli - line.receivedMilli,
      totalMinor: extendPrice(line.costMinor, line.orderedMilli, roundingMode),
    }));
    const receipts = this.ctx.db
      .select({
        id: purchaseReceipts.id,
        receivedAt: purchaseReceipts.receivedAt,
        invoiceNumber: purchaseReceipts.invoiceNumber,
      })
      .from(purchaseReceipts)
      .where(eq(purchaseReceipts.orderId, id))
      .orderBy(asc(purchaseReceipts.receivedAt))
      .all();
    return {
      id,
      number: order.number,
      vendorId: order.vendorId,
      vendorName: vendor.name,
      status: order.status,
      expectedAt: order.expectedAt,
      note: order.note,
      userId: order.userId,
      createdAt: order.createdAt,
      sentAt: order.sentAt,
      closedAt: order.closedAt,
      totalMinor: lines.reduce((sum, l) => sum + l.totalMinor, 0),
      lines,
      receipts,
    };
  }

  list(filter: { vendorId?: string | undefined; status?: PurchaseOrderStatus | undefined; limit: number }) {
    const where: SQL[] = [];
    if (filter.vendorId) where.push(eq(purchaseOrders.vendorId, filter.vendorId));
    if (filter.status) where.push(eq(purchaseOrders.status, filter.status));
    const rows = this.ctx.db
      .select()
      .from(purchaseOrders)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(purchaseOrders.number))
      .limit(filter.limit)
      .all();
    const { roundingMode } = this.ctx.settings;
    return rows.map((o) => {
      const lines = this.ctx.db
        .select()
        .from(purchaseOrderLines)
        .where(eq(purchaseOrderLines.orderId, o.id))
        .all();
      return {
        id: o.id,
        number: o.number,
        vendorId: o.vendorId,
        status: o.status,
        createdAt: o.createdAt,
        expectedAt: o.expectedAt,
        lineCount: lines.length,
        totalMinor: lines.reduce((sum, l) => sum + extendPrice(l.costMinor, l.orderedMilli, roundingMode), 0),
      };
    });
  }

  /** A draft order (sent at once with `send`); a repeat of the id with the same content answers it. */
  create(request: PurchaseOrderRequest, principal: Principal): { order: PurchaseOrder; created: boolean } {
    const { send, ...identity } = request;
    const fingerprint = canonicalJson(identity);
    const existing = this.ctx.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, request.id)).get();
    if (existing) {
      if (existing.request !== fingerprint) {
        throw new PurchasingError(
          "PURCHASE_ORDER_ID_REUSED",
          `purchase order ${request.id} was already recorded with other content; use a new id`,
          { id: request.id, number: existing.number },
        );
      }
      if (send === true && existing.status === "draft")
        return { order: this.setStatus(request.id, "sent", principal), created: false };
      return { order: this.get(request.id), created: false };
    }
    const lines = this.checkedLines(request);
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) =>
      this.insert(
        tx,
        request,
        fingerprint,
        lines,
        principal,
        at,
        send === true ? "created and sent" : "created",
      ),
    );
    return { order: this.get(request.id), created: true };
  }

  /**
   * An order head office placed for this store, made inside the caller's transaction (the
   * change-log subscriber's); answers false for a repeat of its id, which changes nothing.
   */
  createInTx(
    tx: StoreTx,
    request: PurchaseOrderRequest,
    principal: Principal,
    at: Date,
    what: string,
  ): boolean {
    const { send: _send, ...identity } = request;
    const fingerprint = canonicalJson(identity);
    const existing = tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, request.id)).get();
    if (existing) {
      if (existing.request !== fingerprint) {
        throw new PurchasingError(
          "PURCHASE_ORDER_ID_REUSED",
          `purchase order ${request.id} was already recorded with other content`,
          { id: request.id, number: existing.number },
        );
      }
      return false;
    }
    this.insert(tx, request, fingerprint, this.checkedLines(request), principal, at, what);
    return true;
  }

  /** The order's lines checked: an active vendor, known products once each, quantities and costs. */
  private checkedLines(
    request: PurchaseOrderRequest,
  ): { code: string; orderedMilli: number; costMinor: number }[] {
    const vendor = vendorOf(this.ctx.db, request.vendorId);
    if (!vendor.active) {
      throw new PurchasingError(
        "VENDOR_INACTIVE",
        `vendorId: vendor ${vendor.id} is retired; reactivate it first`,
        {
          vendorId: vendor.id,
        },
      );
    }
    const catalog = catalogOf(this.ctx);
    const seen = new Set<string>();
    return request.lines.map((line, i) => {
      const where = `lines.${i}`;
      const product = productOf(catalog, line.code, `${where}.code`);
      onceEach(seen, product.code, where);
      const orderedMilli = qtyOf(product, line.qty, `${where}.qty`);
      return {
        code: product.code,
        orderedMilli,
        costMinor: lineCost(this.ctx, vendor.id, product.code, line.costMinor, where),
      };
    });
  }

  private insert(
    tx: StoreTx,
    request: PurchaseOrderRequest,
    fingerprint: string,
    lines: readonly { code: string; orderedMilli: number; costMinor: number }[],
    principal: Principal,
    at: Date,
    what: string,
  ): void {
    const send = request.send === true;
    const atIso = at.toISOString();
    tx.insert(purchaseOrders)
      .values({
        id: request.id,
        number: nextCounter(tx, "purchase_order"),
        vendorId: request.vendorId,
        status: send ? "sent" : "draft",
        expectedAt: request.expectedAt ?? null,
        note: request.note ?? null,
        userId: principal.userId,
        createdAt: atIso,
        sentAt: send ? atIso : null,
        closedAt: null,
        request: fingerprint,
      })
      .run();
    for (let i = 0; i < lines.length; i += 500) {
      tx.insert(purchaseOrderLines)
        .values(
          lines.slice(i, i + 500).map((l, j) => ({
            orderId: request.id,
            lineNo: i + j + 1,
            productCode: l.code,
            orderedMilli: l.orderedMilli,
            costMinor: l.costMinor,
            receivedMilli: 0,
          })),
        )
        .run();
    }
    journalOrder(this.ctx, tx, request.id, principal, at, what);
  }

  /**
   * Sends a draft, cancels an order nothing was received on, or closes a partly received order
   * as received (what is still open will not come). Asking for the status it has changes nothing.
   */
  setStatus(
    id: string,
    status: "sent" | "cancelled" | "received",
    principal: Principal,
    expectedAt?: string,
  ): PurchaseOrder {
    const order = orderRowOf(this.ctx.db, id);
    if (order.status === status) return this.get(id);
    const allowed: Record<typeof status, readonly PurchaseOrderStatus[]> = {
      sent: ["draft"],
      cancelled: ["draft", "sent"],
      received: ["partly_received"],
    };
    if (!allowed[status].includes(order.status)) {
      throw new PurchasingError(
        "STATUS_CHANGE_REFUSED",
        `purchase order ${order.number} is ${order.status.replace("_", " ")}: it cannot become ${status}${status === "cancelled" && order.status === "partly_received" ? " (goods were received; close it as received)" : ""}`,
        { id, status: order.status, requested: status },
      );
    }
    const at = this.ctx.now();
    const atIso = at.toISOString();
    this.ctx.db.transaction((tx) => {
      tx.update(purchaseOrders)
        .set({
          status,
          ...(status === "sent" ? { sentAt: atIso } : { closedAt: atIso }),
          ...(expectedAt !== undefined ? { expectedAt } : {}),
        })
        .where(eq(purchaseOrders.id, id))
        .run();
      journalOrder(this.ctx, tx, id, principal, at, status);
    });
    return this.get(id);
  }

  /**
   * The vendor's whole catalog with, beside each item, stock on hand, what is on open orders and
   * what sold in the 28 days before today (net of returns and voids).
   */
  worksheet(vendorId: string): Worksheet {
    vendorOf(this.ctx.db, vendorId);
    const now = this.ctx.now();
    const from = new Date(now.getTime() - 28 * 86_400_000);
    const rows = this.ctx.sqlite
      .query<
        {
          code: string;
          name: string | null;
          vendorCode: string | null;
          caseSizeMilli: number | null;
          costMinor: number;
          leadTimeDays: number | null;
          minOrderMilli: number | null;
          onHandMilli: number;
          onOrderMilli: number;
          soldMilli: number;
        },
        [string, string, string]
      >(
        `SELECT vi.product_code AS code, p.name AS name, vi.vendor_code AS vendorCode,
                vi.case_size_milli AS caseSizeMilli, vi.cost_minor AS costMinor,
                vi.lead_time_days AS leadTimeDays, vi.min_order_milli AS minOrderMilli,
                COALESCE(sl.on_hand_milli, 0) AS onHandMilli,
                COALESCE((SELECT SUM(MAX(l.ordered_milli - l.received_milli, 0))
                   FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
                   WHERE l.product_code = vi.product_code AND o.status IN ('sent', 'partly_received')), 0) AS onOrderMilli,
                COALESCE((SELECT -SUM(m.qty_milli) FROM stock_movements m
                   WHERE m.product_code = vi.product_code AND m.kind IN ('sale', 'return', 'void')
                     AND m.at >= ?2 AND m.at <= ?3), 0) AS soldMilli
         FROM vendor_items vi
         LEFT JOIN products p ON p.code = vi.product_code
         LEFT JOIN stock_levels sl ON sl.product_code = vi.product_code
         WHERE vi.vendor_id = ?1
         ORDER BY vi.product_code`,
      )
      .all(vendorId, from.toISOString(), now.toISOString());
    return { vendorId, salesFrom: from.toISOString(), salesTo: now.toISOString(), lines: rows };
  }
}
