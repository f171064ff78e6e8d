/**
 * Deliveries of an order or a sale: created "accepted", given a courier (a user whose role
 * holds `deliver`), and moved forward only through preparing, on the way, to delivered or
 * failed, by the till's staff or by the courier it is assigned to. A delivery paid at the door
 * leaves its cash with the courier when delivered, until handed in (`hand-in.ts`).
 */
import { and, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { customerOrders, deliveries, deliveryStatuses, sales, users } from "../../../schema/store.ts";
import type {
  DeliveriesQuery,
  Delivery,
  DeliveryRequest,
  DeliveryStatus,
} from "../../api/store/deliveries.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { collectionTotal } from "../orders/collect.ts";
import { orderRow, toOrder } from "../orders/record.ts";
import { OrderService } from "../orders/service.ts";
import { actorId } from "../users/access.ts";
import { rightsOfRole } from "../users/rights.ts";
import { DeliveryError } from "./errors.ts";
import { feeLines } from "./fee.ts";
import { type DeliveryRow, deliveryRow, deliveryView, isFinal, nextStatuses, STATUS_RANK } from "./model.ts";
import { notifyStatus, recordDeliveryChange } from "./record.ts";

/** Whether the principal works at the till (may dispatch any delivery) rather than only deliver. */
export function isDispatcher(principal: Principal): boolean {
  return principal.rights.permissions.has("sell");
}

function requireCourier(tx: StoreTx, courierId: string): void {
  const user = tx
    .select({ role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, courierId))
    .get();
  if (!user) throw new DeliveryError("COURIER_NOT_FOUND", `no user has the id ${courierId}`, { courierId });
  if (!user.active || !rightsOfRole(tx, user.role).permissions.has("deliver")) {
    throw new DeliveryError(
      "NOT_A_COURIER",
      `user ${courierId} is not an active courier: a courier's role holds the deliver permission`,
      { courierId, role: user.role },
    );
  }
}

export class DeliveriesService {
  constructor(private readonly ctx: StoreContext) {}

  get(id: string, principal: Principal): Delivery {
    const row = deliveryRow(this.ctx.db, id);
    this.requireMayAct(principal, row);
    return deliveryView(this.ctx.db, row);
  }

  list(q: DeliveriesQuery, principal: Principal): Delivery[] {
    const where: SQL[] = [];
    if (q.status === "open") where.push(inArray(deliveries.status, ["accepted", "preparing", "on_the_way"]));
    else if (q.status !== undefined) where.push(eq(deliveries.status, q.status));
    const courier = isDispatcher(principal) ? q.courierId : (principal.userId ?? "");
    if (courier !== undefined) where.push(eq(deliveries.courierId, courier));
    return this.ctx.db
      .select()
      .from(deliveries)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
      .limit(q.limit)
      .all()
      .map((row) => deliveryView(this.ctx.db, row));
  }

  create(input: DeliveryRequest, principal: Principal): Delivery {
    const by = actorId(principal);
    const requestHash = sha256Hex(JSON.stringify(input));
    const at = this.ctx.now();
    const created = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(deliveries).where(eq(deliveries.id, input.id)).get();
      if (existing) {
        if (existing.requestHash !== requestHash) {
          throw new DeliveryError(
            "DELIVERY_ID_REUSED",
            `delivery ${input.id} was already created with other details; give a new id`,
            { id: input.id },
          );
        }
        return { row: existing, queued: false };
      }
      const due = this.dueOf(tx, input);
      const collectMinor =
        input.collectMinor ?? (input.orderId === undefined ? 0 : this.toCollect(input, due));
      if (input.courierId !== undefined) requireCourier(tx, input.courierId);
      const iso = at.toISOString();
      const row: DeliveryRow = {
        id: input.id,
        orderId: input.orderId ?? null,
        saleId: input.saleId ?? null,
        address: input.address,
        phone: input.phone,
        feeMinor: input.feeMinor,
        collectMinor,
        promisedAt: input.promisedAt === undefined ? null : new Date(input.promisedAt).toISOString(),
        status: "accepted",
        courierId: input.courierId ?? null,
        collectedMinor: 0,
        handInId: null,
        createdBy: by,
        createdAt: iso,
        updatedAt: iso,
        requestHash,
      };
      tx.insert(deliveries).values(row).run();
      tx.insert(deliveryStatuses)
        .values({ deliveryId: row.id, status: row.status, at: iso, userId: by })
        .run();
      recordDeliveryChange(this.ctx, tx, row, {
        action: "created",
        audit: AUDIT_ACTIONS.deliveryCreated,
        userId: by,
        tillId: principal.tillId,
        at,
      });
      return { row, queued: notifyStatus(this.ctx, tx, row, at) };
    });
    if (created.queued) this.ctx.wakeNotifications?.();
    return deliveryView(this.ctx.db, created.row);
  }

  /**
   * What the courier collects for an order: what is still due for the sale it becomes at the
   * door, its fee rung on the delivery fee product (`fee.ts`).
   */
  private toCollect(input: DeliveryRequest, due: number): number {
    const orders = new OrderService(this.ctx);
    const fee = feeLines(this.ctx, orders, input.feeMinor);
    if (fee.length === 0 || input.orderId === undefined) return due;
    const order = toOrder(this.ctx.storeId, orderRow(this.ctx.db, input.orderId));
    return Math.max(collectionTotal(orders, order, fee) - order.prepaidMinor, 0);
  }

  /** What the customer still owes for the order or sale delivered (checked to exist and be open). */
  private dueOf(tx: StoreTx, input: DeliveryRequest): number {
    const active = ne(deliveries.status, "failed");
    if (input.orderId !== undefined) {
      const order = tx.select().from(customerOrders).where(eq(customerOrders.id, input.orderId)).get();
      if (!order)
        throw new DeliveryError("ORDER_NOT_FOUND", `no order has the id ${input.orderId}`, {
          orderId: input.orderId,
        });
      if (order.status === "cancelled") {
        throw new DeliveryError(
          "ORDER_CANCELLED",
          `order ${order.number} was cancelled: it cannot be delivered`,
          {
            orderId: order.id,
          },
        );
      }
      this.requireNotDelivering(tx, and(active, eq(deliveries.orderId, order.id)), `order ${order.number}`);
      return Math.max(order.balanceDueMinor, 0);
    }
    const saleId = input.saleId ?? "";
    const sale = tx
      .select({ status: sales.status, receiptNo: sales.receiptNo })
      .from(sales)
      .where(eq(sales.id, saleId))
      .get();
    if (!sale) throw new DeliveryError("SALE_NOT_FOUND", `the store has no sale ${saleId}`, { saleId });
    if (sale.status === "voided") {
      throw new DeliveryError("SALE_VOIDED", `sale ${sale.receiptNo} was voided: it cannot be delivered`, {
        saleId,
      });
    }
    this.requireNotDelivering(tx, and(active, eq(deliveries.saleId, saleId)), `sale ${sale.receiptNo}`);
    return 0;
  }

  private requireNotDelivering(tx: StoreTx, where: SQL | undefined, what: string): void {
    const other = tx
      .select({ id: deliveries.id, status: deliveries.status })
      .from(deliveries)
      .where(where)
      .get();
    if (other) {
      throw new DeliveryError(
        "ALREADY_DELIVERING",
        `${what} already has delivery ${other.id} (${other.status}); a new one only after it failed`,
        { deliveryId: other.id, status: other.status },
      );
    }
  }

  assignCourier(id: string, courierId: string, principal: Principal): Delivery {
    const by = actorId(principal);
    const at = this.ctx.now();
    const row = this.ctx.db.transaction((tx) => {
      const current = deliveryRow(tx, id);
      if (current.courierId === courierId) return current;
      if (STATUS_RANK[current.status] >= STATUS_RANK.on_the_way) {
        throw new DeliveryError(
          "DELIVERY_UNDER_WAY",
          `delivery ${id} is ${current.status}: its courier can no longer change`,
          { id, status: current.status, courierId: current.courierId },
        );
      }
      requireCourier(tx, courierId);
      const updated: DeliveryRow = { ...current, courierId, updatedAt: at.toISOString() };
      tx.update(deliveries)
        .set({ courierId, updatedAt: updated.updatedAt })
        .where(eq(deliveries.id, id))
        .run();
      recordDeliveryChange(this.ctx, tx, updated, {
        action: "courier_assigned",
        audit: AUDIT_ACTIONS.deliveryCourierAssigned,
        userId: by,
        tillId: principal.tillId,
        at,
      });
      return updated;
    });
    return deliveryView(this.ctx.db, row);
  }

  setStatus(id: string, status: DeliveryStatus, principal: Principal): Delivery {
    const by = actorId(principal);
    const at = this.ctx.now();
    const result = this.ctx.db.transaction((tx) => {
      const current = deliveryRow(tx, id);
      this.requireMayAct(principal, current);
      // The same status again changes nothing (a retry): the customer was told once.
      if (current.status === status) return { row: current, queued: false };
      if (isFinal(current.status) || STATUS_RANK[status] <= STATUS_RANK[current.status]) {
        const next = nextStatuses(current.status);
        throw new DeliveryError(
          "STATUS_BACKWARDS",
          `delivery ${id} is ${current.status}: it cannot go back to ${status}${next.length > 0 ? ` (next: ${next.join(", ")})` : " (it is final)"}`,
          { id, status: current.status, requested: status, next },
        );
      }
      if (current.courierId === null && (status === "on_the_way" || status === "delivered")) {
        throw new DeliveryError(
          "NO_COURIER",
          `delivery ${id} has no courier: assign one before it goes out`,
          { id },
        );
      }
      const updated: DeliveryRow = {
        ...current,
        status,
        collectedMinor: status === "delivered" ? current.collectMinor : current.collectedMinor,
        updatedAt: at.toISOString(),
      };
      tx.update(deliveries)
        .set({ status, collectedMinor: updated.collectedMinor, updatedAt: updated.updatedAt })
        .where(and(eq(deliveries.id, id), eq(deliveries.status, current.status)))
        .run();
      tx.insert(deliveryStatuses).values({ deliveryId: id, status, at: updated.updatedAt, userId: by }).run();
      recordDeliveryChange(this.ctx, tx, updated, {
        action: "status",
        audit: AUDIT_ACTIONS.deliveryStatus,
        userId: by,
        tillId: principal.tillId,
        at,
      });
      return { row: updated, queued: notifyStatus(this.ctx, tx, updated, at) };
    });
    if (result.queued) this.ctx.wakeNotifications?.();
    return deliveryView(this.ctx.db, result.row);
  }

  /** The till's staff act on any delivery; a courier only on those assigned to him. */
  private requireMayAct(principal: Principal, row: DeliveryRow): void {
    if (isDispatcher(principal)) return;
    if (!principal.rights.permissions.has("deliver")) {
      throw new DeliveryError("NOT_ALLOWED", "only the till's staff and couriers act on deliveries");
    }
    if (row.courierId === null || row.courierId !== principal.userId) {
      throw new DeliveryError("NOT_YOUR_DELIVERY", `delivery ${row.id} is not assigned to you`, {
        id: row.id,
      });
    }
  }
}
