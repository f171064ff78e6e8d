/**
 * Customer orders at their pick-up store: placed (idempotently by the web shop's id), their
 * lines changed, moved through their statuses, and the stock they reserve kept in step. Each
 * change is one transaction with its trace (record.ts).
 */
import { and, desc, eq, type SQL } from "drizzle-orm";
import { customerOrders } from "../../../schema/store.ts";
import type { Order, OrderPatch, OrderRequest, OrderStatus } from "../../api/store/orders.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { DEFAULT_TENDER_TYPES } from "../../core/tenders.ts";
import type { Principal } from "../auth/tokens.ts";
import { nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { SalesService } from "../sales/service.ts";
import { OrderError } from "./errors.ts";
import { type LineInput, lineInputsOf, priceOrder } from "./pricing.ts";
import { historyOf, orderRow, requireOpen, summaryOf, toOrder, traceChange } from "./record.ts";
import { needsOf, release, reserve } from "./reservations.ts";

/** The statuses an order may move to from each (collecting is its own call). */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ["confirmed", "cancelled"],
  confirmed: ["picked", "cancelled"],
  picked: ["ready", "cancelled"],
  ready: ["cancelled"],
  collected: [],
  cancelled: [],
};

export class OrderService {
  readonly sales: SalesService;
  constructor(private readonly ctx: StoreContext) {
    this.sales = new SalesService(ctx);
  }

  get(id: string) {
    const row = orderRow(this.ctx.db, id);
    return { ...toOrder(this.ctx.storeId, row), history: historyOf(this.ctx.db, id) };
  }

  list(query: {
    store?: string | undefined;
    status?: OrderStatus | undefined;
    date?: string | undefined;
    limit: number;
  }): Order[] {
    if (query.store !== undefined && query.store !== this.ctx.storeId) return [];
    const where: SQL[] = [];
    if (query.status !== undefined) where.push(eq(customerOrders.status, query.status));
    if (query.date !== undefined) where.push(eq(customerOrders.slotDate, query.date));
    return this.ctx.db
      .select()
      .from(customerOrders)
      .where(and(...where))
      .orderBy(desc(customerOrders.number))
      .limit(query.limit)
      .all()
      .map((r) => toOrder(this.ctx.storeId, r));
  }

  place(request: OrderRequest, principal: Principal) {
    return this.ctx.db.transaction((tx) => this.placeInTx(tx, request, principal));
  }

  /** Places an order in the caller's transaction (head office's orders arrive in one). */
  placeInTx(tx: StoreTx, request: OrderRequest, principal: Principal) {
    if (request.pickupStore !== this.ctx.storeId) {
      throw new OrderError(
        "UNKNOWN_SITE",
        `pickupStore: this is store ${this.ctx.storeId}; an order for store ${request.pickupStore} is placed there or at head office`,
        { pickupStore: request.pickupStore },
      );
    }
    const requestHash = sha256Hex(JSON.stringify(request));
    const existing = tx.select().from(customerOrders).where(eq(customerOrders.id, request.id)).get();
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new OrderError(
          "ORDER_ID_REUSED",
          `order ${request.id} was placed with other content; change it with PATCH /orders/${request.id}`,
          { id: request.id, number: existing.number },
        );
      }
      return { order: summaryOf(existing), created: false };
    }
    const prepaid = request.prepaid ?? [];
    for (const [i, tender] of prepaid.entries()) {
      const known = DEFAULT_TENDER_TYPES.find((t) => t.type === tender.type);
      if (!known || known.isCash) {
        throw new OrderError(
          "UNKNOWN_TENDER",
          `prepaid ${i + 1}: "${tender.type}" is not a tender an order can be prepaid with (${DEFAULT_TENDER_TYPES.filter(
            (t) => !t.isCash,
          )
            .map((t) => t.type)
            .join(", ")})`,
          { index: i, type: tender.type },
        );
      }
    }
    const customerId = request.customerId ?? null;
    const priced = priceOrder(this.sales, lineInputsOf(request.lines), customerId);
    const prepaidMinor = prepaid.reduce((sum, t) => sum + t.amountMinor, 0);
    const at = this.ctx.now();
    const atIso = at.toISOString();
    const order = (() => {
      const number = nextCounter(tx, "order");
      const row = {
        id: request.id,
        number,
        status: "placed" as const,
        customerId,
        slotDate: request.slot?.date ?? null,
        slotFrom: request.slot?.from ?? null,
        slotTo: request.slot?.to ?? null,
        delivery: request.delivery ? JSON.stringify(request.delivery) : null,
        lines: JSON.stringify(priced.lines),
        prepaid: JSON.stringify(prepaid),
        totalMinor: priced.totalMinor,
        prepaidMinor,
        balanceDueMinor: priced.totalMinor - prepaidMinor,
        saleId: null,
        refundedMinor: 0,
        requestHash,
        createdAt: atIso,
        updatedAt: atIso,
      };
      tx.insert(customerOrders).values(row).run();
      reserve(this.ctx, tx, row.id, needsOf(priced.lines), atIso);
      const order = toOrder(this.ctx.storeId, row);
      traceChange(this.ctx, tx, order, {
        action: "placed",
        detail: { totalMinor: order.totalMinor, prepaidMinor, lines: order.lines.length },
        principal,
        at,
      });
      return order;
    })();
    return { order: summaryOf(order), created: true };
  }

  /** Replaces the order's lines (with the customer at the counter, or the web shop): re-reserved, re-priced. */
  update(id: string, patch: OrderPatch, principal: Principal, outer?: StoreTx) {
    const row = orderRow(this.ctx.db, id);
    requireOpen(row, "changed");
    const before = toOrder(this.ctx.storeId, row);
    return this.rewrite(row, lineInputsOf(patch.lines, before.lines), principal, "lines_changed", {}, outer);
  }

  /** Writes new lines of an order: priced, reserved, traced. */
  rewrite(
    row: typeof customerOrders.$inferSelect,
    inputs: LineInput[],
    principal: Principal,
    action: string,
    extra: { status?: OrderStatus },
    /** The transaction this runs in (a change from head office), else its own. */
    outer?: StoreTx,
  ) {
    const before = toOrder(this.ctx.storeId, row);
    const priced = priceOrder(this.sales, inputs, row.customerId);
    const at = this.ctx.now();
    const atIso = at.toISOString();
    const order = (outer ?? this.ctx.db).transaction((tx) => {
      reserve(this.ctx, tx, row.id, needsOf(priced.lines), atIso);
      const changed = {
        lines: JSON.stringify(priced.lines),
        totalMinor: priced.totalMinor,
        balanceDueMinor: priced.totalMinor - row.prepaidMinor,
        updatedAt: atIso,
        ...(extra.status === undefined ? {} : { status: extra.status }),
      };
      tx.update(customerOrders).set(changed).where(eq(customerOrders.id, row.id)).run();
      const order = toOrder(this.ctx.storeId, { ...row, ...changed });
      traceChange(this.ctx, tx, order, {
        action,
        detail: {
          before: before.lines.map((l) => `${l.code}×${l.qty}`).join(" "),
          after: order.lines.map((l) => `${l.code}×${l.qty}`).join(" "),
          totalMinor: order.totalMinor,
          balanceDueMinor: order.balanceDueMinor,
        },
        principal,
        at,
      });
      return order;
    });
    return summaryOf(order);
  }

  setStatus(id: string, status: OrderStatus, principal: Principal, outer?: StoreTx) {
    const row = orderRow(this.ctx.db, id);
    if (row.status === status) return summaryOf(row);
    if (row.status === "collected" || row.status === "cancelled") requireOpen(row, `made ${status}`);
    if (!NEXT[row.status].includes(status)) {
      throw new OrderError(
        "BAD_TRANSITION",
        `order ${row.number} is ${row.status}: it can become ${NEXT[row.status].join(" or ")}, not ${status}`,
        { from: row.status, to: status, allowed: NEXT[row.status] },
      );
    }
    const at = this.ctx.now();
    const atIso = at.toISOString();
    const order = (outer ?? this.ctx.db).transaction((tx) => {
      if (status === "cancelled") release(this.ctx, tx, id, atIso);
      tx.update(customerOrders).set({ status, updatedAt: atIso }).where(eq(customerOrders.id, id)).run();
      const order = toOrder(this.ctx.storeId, { ...row, status, updatedAt: atIso });
      traceChange(this.ctx, tx, order, {
        action: "status",
        detail: { from: row.status, to: status },
        principal,
        at,
      });
      return order;
    });
    return summaryOf(order);
  }
}
