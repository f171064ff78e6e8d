/**
 * The restaurant mode's calls to the store, with the waiter's session: the floor, orders at the
 * tables, rounds and fired courses, checks split and paid. They need the store: unreachable,
 * the waiter is told so and nothing changes (the store records each action with the session's
 * user and till).
 */
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { DomainError } from "../../core/errors.ts";
import type { RestaurantAnswer, RestaurantCall } from "../restaurant/types.ts";
import { OnlineOperations } from "./online-operations.ts";

const r = tillStoreRoutes;

/** A table the waiter named that the floor does not have, or that has nothing to merge. */
export class RestaurantTillError extends DomainError {
  readonly code: string;
  constructor(code: "UNKNOWN_TABLE" | "TABLE_NOT_OCCUPIED", message: string) {
    super(message);
    this.code = code;
  }
}

export class RestaurantOperations extends OnlineOperations {
  async restaurant(call: RestaurantCall): Promise<RestaurantAnswer> {
    return this.call("the restaurant's tables", async (token) => {
      const client = this.storeClient();
      const params = "id" in call ? { id: call.id } : {};
      /** The table the waiter named (by its name on the map, or its id). */
      const tableNamed = async (name: string) => {
        const floor = (await client.request(r["GET /api/v1/tables"], { token })).tables;
        const wanted = name.trim().toLowerCase();
        const table = floor.find((t) => t.name.toLowerCase() === wanted || t.id.toLowerCase() === wanted);
        if (table === undefined) throw new RestaurantTillError("UNKNOWN_TABLE", `no table is named ${name}`);
        return table;
      };
      switch (call.op) {
        case "floor":
          return { floor: (await client.request(r["GET /api/v1/tables"], { token })).tables };
        case "open":
          return {
            order: await client.request(r["POST /api/v1/table-orders"], {
              body: { id: call.id, tableId: call.tableId },
              token,
            }),
          };
        case "order":
          break;
        case "lines":
          return {
            order: await client.request(r["POST /api/v1/table-orders/:id/lines"], {
              params,
              body: { lines: call.lines },
              token,
            }),
          };
        case "round":
          await client.request(r["POST /api/v1/table-orders/:id/rounds"], {
            params,
            body: { id: call.roundId },
            token,
          });
          break;
        case "fire":
          await client.request(r["POST /api/v1/table-orders/:id/fire"], {
            params,
            body: { id: call.roundId, course: call.course },
            token,
          });
          break;
        case "bill":
          return { order: await client.request(r["POST /api/v1/table-orders/:id/bill"], { params, token }) };
        case "split":
          return {
            order: await client.request(r["POST /api/v1/table-orders/:id/split"], {
              params,
              body: call.split,
              token,
            }),
          };
        case "transfer":
          return {
            order: await client.request(r["POST /api/v1/table-orders/:id/transfer"], {
              params,
              body: { toTableId: (await tableNamed(call.table)).id },
              token,
            }),
          };
        case "merge": {
          const from = await tableNamed(call.table);
          if (from.orderId === null || from.status === "paid")
            throw new RestaurantTillError(
              "TABLE_NOT_OCCUPIED",
              `table ${from.name} has no open order to merge`,
            );
          return {
            order: await client.request(r["POST /api/v1/table-orders/:id/merge"], {
              params,
              body: { fromOrderId: from.orderId },
              token,
            }),
          };
        }
        case "pay": {
          const paid = await client.request(r["POST /api/v1/table-orders/:id/checks/:checkId/pay"], {
            params: { id: call.id, checkId: call.checkId },
            body: {
              saleId: call.saleId,
              tenders: call.tenders,
              tipMinor: call.tipMinor,
              ...(call.receiptNo === undefined ? {} : { receiptNo: call.receiptNo }),
            },
            token,
          });
          return { order: paid.order, receiptNo: paid.receiptNo };
        }
      }
      return { order: await client.request(r["GET /api/v1/table-orders/:id"], { params, token }) };
    });
  }
}
