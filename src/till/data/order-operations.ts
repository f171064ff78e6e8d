/**
 * Customer orders at the pick-up point, through the store (with the till's session): today's
 * orders to collect, one order, its lines changed with the customer at the counter, and the
 * order collected with the balance paid. They need the store: unreachable, the cashier is told
 * so and nothing changes. The store keeps each change in the order's history with the session's
 * cashier and till.
 */
import type { AnswerOf } from "../../api/route.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type {
  TillOrder,
  TillOrderCollected,
  TillOrderLine,
  TillOrderPlaced,
  TillOrderRequest,
} from "../services.ts";
import { OnlineOperations } from "./online-operations.ts";

type OrderAnswer = AnswerOf<(typeof tillStoreRoutes)["GET /api/v1/orders/:id"]>;

/** The statuses of an order still to hand over. */
const TO_COLLECT: ReadonlySet<string> = new Set(["placed", "confirmed", "picked", "ready"]);

export function tillOrder(order: Omit<OrderAnswer, "history">): TillOrder {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customer: order.customerId,
    slot: order.slot === null ? null : `${order.slot.from}-${order.slot.to}`,
    lines: order.lines.map(({ code, name, qtyMilli, unitPriceMinor, totalMinor }) => ({
      code,
      name,
      qtyMilli,
      unitPriceMinor,
      totalMinor,
    })),
    totalMinor: order.totalMinor,
    prepaid: order.prepaid.map((p) => ({ type: p.type, amountMinor: p.amountMinor })),
    prepaidMinor: order.prepaidMinor,
    balanceDueMinor: order.balanceDueMinor,
  };
}

export class OrderOperations extends OnlineOperations {
  /** The open orders of a pick-up day (`YYYY-MM-DD`), by number. */
  async ordersToCollect(date: string): Promise<TillOrder[]> {
    const answer = await this.call("the orders to collect", (token) =>
      this.storeClient().request(tillStoreRoutes["GET /api/v1/orders"], {
        query: { date, limit: 1000 },
        token,
      }),
    );
    return answer.orders
      .filter((o) => TO_COLLECT.has(o.status))
      .map(tillOrder)
      .sort((a, b) => a.number - b.number);
  }

  async order(id: string): Promise<TillOrder> {
    const answer = await this.call("an order", (token) =>
      this.storeClient().request(tillStoreRoutes["GET /api/v1/orders/:id"], { params: { id }, token }),
    );
    return tillOrder(answer);
  }

  /** Sets the order's lines (all of them; a line keeps the price it was sold at). */
  async changeOrder(id: string, lines: readonly TillOrderLine[]): Promise<TillOrder> {
    const body = {
      lines: lines.map((l) => ({
        code: l.code,
        qty: milliToDecimalString(l.qtyMilli),
        ...(l.unitPriceMinor === undefined ? {} : { unitPriceMinor: l.unitPriceMinor }),
      })),
    };
    await this.call("changing an order", (token) =>
      this.storeClient().request(tillStoreRoutes["PATCH /api/v1/orders/:id"], {
        params: { id },
        body,
        token,
      }),
    );
    return this.order(id);
  }

  /** Places an order (`POST /orders`) with the till's session; answers it with what was prepaid. */
  async placeOrder(id: string, request: TillOrderRequest): Promise<TillOrderPlaced> {
    const body = {
      id,
      pickupStore: request.pickupStore,
      ...(request.customerId === undefined ? {} : { customerId: request.customerId }),
      slot: request.slot,
      lines: request.lines.map((l) => ({
        code: l.code,
        qty: milliToDecimalString(l.qtyMilli),
        ...(l.unitPriceMinor === undefined ? {} : { unitPriceMinor: l.unitPriceMinor }),
      })),
      ...(request.prepaid.length === 0 ? {} : { prepaid: request.prepaid.map((p) => ({ ...p })) }),
    };
    const answer = await this.call("placing an order", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/orders"], { body, token }),
    );
    const { number, totalMinor, balanceDueMinor } = answer;
    const prepaidMinor = request.prepaid.reduce((sum, p) => sum + p.amountMinor, 0);
    return { id, number, totalMinor, balanceDueMinor, prepaidMinor };
  }

  /** Cancels an open order (`POST /orders/:id/status {status: "cancelled"}`). */
  async cancelOrder(id: string): Promise<void> {
    await this.call("cancelling an order", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/orders/:id/status"], {
        params: { id },
        body: { status: "cancelled" },
        token,
      }),
    );
  }

  async collectOrder(
    id: string,
    tenders: readonly { type: string; amountMinor: number; ref?: string }[],
  ): Promise<TillOrderCollected> {
    const answer = await this.call("collecting an order", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/orders/:id/collect"], {
        params: { id },
        body: {
          tenders: tenders.map((t) => ({
            type: t.type,
            amountMinor: t.amountMinor,
            ...(t.ref === undefined ? {} : { ref: t.ref }),
          })),
        },
        token,
      }),
    );
    return {
      saleId: answer.saleId,
      receiptNo: answer.receiptNo,
      totalMinor: answer.totalMinor,
      refundedMinor: answer.refundedMinor,
      changeMinor: answer.changeMinor,
    };
  }
}
