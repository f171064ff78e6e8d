/**
 * A hub's DFC order document at this pick-up store: read into the orders it would become (every
 * product one this store sells), and placed as real orders, stock reserved, in one transaction
 * (a document the store cannot take whole places none). Each order's id here is derived from
 * the DFC order's `@id` and the store, so a hub posting the same document again places nothing
 * more; the same `@id` with other lines or another slot is `409 ORDER_ID_REUSED`.
 */
import type { DfcOrdersAnswer, DfcPlacedAnswer } from "../../api/store/dfc.ts";
import type { OrderRequest } from "../../api/store/orders.ts";
import { uuidOfName } from "../../core/chain-orders.ts";
import { DfcError } from "../../core/dfc/errors.ts";
import { importDfcOrders } from "../../core/dfc/order-import.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { OrderService } from "../orders/service.ts";
import { codeOfIri, type DfcCatalog } from "./catalog.ts";

type ReadOrder = DfcOrdersAnswer["orders"][number];

/** The document's orders as this store would place them; refused whole for a product it does not sell. */
export function readDfcOrders(ctx: StoreContext, catalog: DfcCatalog, body: unknown): ReadOrder[] {
  const orders = importDfcOrders(body, { codeOf: codeOfIri, currency: ctx.settings.currency });
  const names = catalog.names(orders.flatMap((o) => o.lines.map((l) => l.code)));
  for (const o of orders) {
    for (const l of o.lines) {
      if (!names.has(l.code)) {
        throw new DfcError(
          "DFC_PRODUCT_NOT_FOUND",
          `order ${o.externalId} orders product ${l.code}, which this store does not sell`,
          { order: o.externalId, code: l.code },
        );
      }
    }
  }
  return orders.map((o) => ({
    ...o,
    lines: o.lines.map((l) => ({
      ...l,
      name: names.get(l.code) ?? "",
      qty: milliToDecimalString(l.qtyMilli),
    })),
  }));
}

/** The id a DFC order gets at a store: the same for the same `@id`. */
export function dfcOrderId(externalId: string, storeId: string): string {
  return uuidOfName(`ringup.dfc-order:${externalId}:${storeId}`);
}

export function placeDfcOrders(
  ctx: StoreContext,
  catalog: DfcCatalog,
  body: unknown,
  slot: NonNullable<OrderRequest["slot"]>,
  principal: Principal,
): DfcPlacedAnswer {
  const read = readDfcOrders(ctx, catalog, body);
  const service = new OrderService(ctx);
  const placed = ctx.db.transaction((tx) =>
    read.map((o) => {
      const request: OrderRequest = {
        id: dfcOrderId(o.externalId, ctx.storeId),
        pickupStore: ctx.storeId,
        slot,
        lines: o.lines.map((l) => ({
          code: l.code,
          qty: l.qty,
          ...(l.unitPriceMinor === undefined ? {} : { unitPriceMinor: l.unitPriceMinor }),
        })),
      };
      const { order, created } = service.placeInTx(tx, request, principal);
      return { externalId: o.externalId, ...order, created };
    }),
  );
  return { created: placed.some((o) => o.created), pickupStore: ctx.storeId, orders: placed };
}
