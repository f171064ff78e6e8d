/**
 * `stock.changed`: every change of a product's available stock (a movement of on-hand stock, or
 * an order's reservation) queues the product's stock after it for the webhooks that take it.
 */
import type { Database } from "bun:sqlite";
import type { StoreDb, StoreTx } from "../context.ts";
import { connectionOf } from "../db/statements.ts";
import { anyoneTakes, queueWebhook } from "./registry.ts";

export interface StockFigures {
  onHandMilli: number;
  reservedMilli: number;
  availableMilli: number;
}

/** On hand, reserved by open orders, and available (on hand − reserved) of one product. */
export function stockFiguresOf(sqlite: Database, code: string): StockFigures {
  const row = sqlite
    .query<{ onHand: number | null; reserved: number | null }, [string]>(
      `SELECT (SELECT on_hand_milli FROM stock_levels WHERE product_code = ?1) AS onHand,
              (SELECT sum(qty_milli) FROM order_reservations WHERE product_code = ?1) AS reserved`,
    )
    .get(code);
  const onHandMilli = row?.onHand ?? 0;
  const reservedMilli = row?.reserved ?? 0;
  return { onHandMilli, reservedMilli, availableMilli: onHandMilli - reservedMilli };
}

/** Queues `stock.changed` for `code` when some webhook takes it (else does nothing). */
export function stockChanged(
  tx: StoreDb | StoreTx,
  change: { code: string; cause: string; refId: string | null; at: string },
): void {
  if (!anyoneTakes(tx, "stock.changed")) return;
  const figures = stockFiguresOf(connectionOf(tx), change.code);
  queueWebhook(
    tx,
    "stock.changed",
    {
      code: change.code,
      ...figures,
      available: figures.availableMilli / 1000,
      cause: change.cause,
      refId: change.refId,
    },
    change.at,
  );
}
