/**
 * Changes of a customer order made at head office, forwarded to its pick-up store: its new lines
 * (`PATCH /orders/:id`), its status, its collection. Each is checked against what head office
 * knows (the order exists, is still open as far as its store has said, every product exists) and
 * recorded as a change-log entry of kind `order_action` for that store alone, keyed by its own id;
 * the store applies it as the same call made there (in the name of head office) and its
 * `order.changed` events bring the result back. A change the store no longer allows (the order
 * moved on meanwhile) is skipped there with its reason, as any change from head office.
 */
import { eq, inArray } from "drizzle-orm";
import { hqOrders, hqProducts } from "../../../schema/hq.ts";
import type { HqOrder } from "../../api/hq/orders.ts";
import type { OrderCollectRequest, OrderPatch } from "../../api/store/orders.ts";
import { uuidv7 } from "../../core/ids.ts";
import type { OrderActionValue } from "../../core/order-change.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { HqOrderError } from "./errors.ts";
import type { HqOrderService } from "./service.ts";

type ForwardedStatus = Extract<OrderActionValue, { action: "status" }>["status"];

export class HqOrderForwarder {
  constructor(
    private readonly ctx: HqContext,
    private readonly orders: HqOrderService,
  ) {}

  patch(id: string, patch: OrderPatch): HqOrder {
    const order = this.openOrder(id, "changed");
    const codes = [...new Set(patch.lines.map((l) => l.code))];
    const known = new Set(
      this.ctx.db
        .select({ code: hqProducts.code })
        .from(hqProducts)
        .where(inArray(hqProducts.code, codes))
        .all()
        .map((p) => p.code),
    );
    const lines = patch.lines.map((line, i) => {
      if (!known.has(line.code)) {
        throw new HqOrderError(
          "UNKNOWN_CODE",
          `line ${i + 1}: the chain's catalog has no product ${line.code}`,
          {
            line: i + 1,
            code: line.code,
          },
        );
      }
      return {
        code: line.code,
        qtyMilli: parseQuantityMilli(line.qty),
        ...(line.unitPriceMinor === undefined ? {} : { unitPriceMinor: line.unitPriceMinor }),
      };
    });
    return this.forward(order, { action: "lines", orderId: id, lines });
  }

  setStatus(id: string, status: ForwardedStatus): HqOrder {
    const order = this.openOrder(id, `made ${status}`);
    return this.forward(order, { action: "status", orderId: id, status });
  }

  collect(id: string, request: OrderCollectRequest & { tillId: string }): HqOrder {
    const order = this.openOrder(id, "collected");
    return this.forward(order, {
      action: "collect",
      orderId: id,
      tenders: request.tenders,
      tillId: request.tillId,
    });
  }

  /** The order as head office knows it, refused when its store said it was collected or cancelled. */
  private openOrder(id: string, doing: string): HqOrder {
    const order = this.orders.get(id);
    if (order.status === "collected") {
      const saleId = this.saleIdOf(id);
      throw new HqOrderError("ORDER_COLLECTED", `order ${id} was collected: it cannot be ${doing}`, {
        id,
        saleId,
      });
    }
    if (order.status === "cancelled") {
      throw new HqOrderError("ORDER_CANCELLED", `order ${id} was cancelled: it cannot be ${doing}`, { id });
    }
    return order;
  }

  private saleIdOf(id: string): string | null {
    const row = this.ctx.db
      .select({ snapshot: hqOrders.snapshot })
      .from(hqOrders)
      .where(eq(hqOrders.id, id))
      .get();
    const snapshot = row ? (JSON.parse(row.snapshot) as { saleId?: unknown }) : {};
    return typeof snapshot.saleId === "string" ? snapshot.saleId : null;
  }

  private forward(order: HqOrder, value: OrderActionValue): HqOrder {
    const at = this.ctx.now();
    const change = this.ctx.db.transaction((tx) =>
      recordChange(tx, { storeId: order.storeId, kind: "order_action", key: uuidv7(), value }, at),
    );
    publishCommitted(this.ctx, [change]);
    return order;
  }
}
