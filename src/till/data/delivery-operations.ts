/**
 * Expenses from the drawer and the dispatch list through the store (with the till's session): the open deliveries, a
 * courier given to one, and each moved forward. They need the store: unreachable, the cashier
 * is told so and nothing changes.
 */
import type { AnswerOf } from "../../api/route.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import type { TillDelivery } from "../services.ts";
import { OnlineOperations } from "./online-operations.ts";

type DeliveryAnswer = AnswerOf<(typeof tillStoreRoutes)["GET /api/v1/deliveries/:id"]>;

function tillDelivery(d: DeliveryAnswer): TillDelivery {
  return {
    id: d.id,
    status: d.status,
    address: d.address,
    phone: d.phone,
    courierId: d.courierId,
    collectMinor: d.collectMinor,
    promisedAt: d.promisedAt,
  };
}

export class DeliveryOperations extends OnlineOperations {
  /** An expense from the drawer of the session's till (`POST /cash/expenses`), idempotent by id. */
  async recordExpense(expense: {
    id: string;
    amountMinor: number;
    category: string;
    note: string | null;
  }): Promise<{ expectedCashMinor: number }> {
    const { note, ...rest } = expense;
    const answer = await this.call("an expense", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/cash/expenses"], {
        body: { ...rest, ...(note === null ? {} : { note }) },
        token,
      }),
    );
    return { expectedCashMinor: answer.expectedCashMinor ?? 0 };
  }

  /** Open deliveries, the earliest promise (then the oldest) first. */
  async deliveries(): Promise<TillDelivery[]> {
    const answer = await this.call("the deliveries", (token) =>
      this.storeClient().request(tillStoreRoutes["GET /api/v1/deliveries"], {
        query: { status: "open", limit: 500 },
        token,
      }),
    );
    return answer.deliveries
      .map(tillDelivery)
      .sort((a, b) => (a.promisedAt ?? "~").localeCompare(b.promisedAt ?? "~") || a.id.localeCompare(b.id));
  }

  async setDeliveryStatus(id: string, status: TillDelivery["status"]): Promise<TillDelivery> {
    const answer = await this.call("a delivery's status", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/deliveries/:id/status"], {
        params: { id },
        body: { status },
        token,
      }),
    );
    return tillDelivery(answer);
  }

  async createDelivery(delivery: {
    id: string;
    saleId: string;
    address: string;
    phone: string;
  }): Promise<TillDelivery> {
    const answer = await this.call("a delivery", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/deliveries"], { body: delivery, token }),
    );
    return tillDelivery(answer);
  }

  async assignCourier(id: string, courierId: string): Promise<TillDelivery> {
    const answer = await this.call("a delivery's courier", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/deliveries/:id/courier"], {
        params: { id },
        body: { courierId },
        token,
      }),
    );
    return tillDelivery(answer);
  }
}
