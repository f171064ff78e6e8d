/**
 * The stock ledger: every change of on-hand stock is a movement row, and `stock_levels` keeps
 * the running sum per product in the same transaction, so on hand always equals the sum of
 * the product's movements. Selling below zero is allowed; callers flag it.
 */

import type { MovementKind } from "../../api/store/stock.ts";
import type { StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";

export interface MovementInput {
  code: string;
  /** Signed: negative takes stock out, positive puts it back. */
  qtyMilli: number;
  kind: MovementKind;
  refId: string | null;
  reason?: string | null;
  userId: string | null;
  at: string;
}

/** Records one movement and answers the product's on-hand quantity after it. */
export function moveStock(tx: StoreTx, movement: MovementInput): { movementId: number; onHandMilli: number } {
  const stmts = statementsOf(tx);
  const row = stmts.insertMovement.get(
    movement.code,
    movement.qtyMilli,
    movement.kind,
    movement.refId,
    movement.reason ?? null,
    movement.userId,
    movement.at,
  );
  const level = stmts.addToLevel.get(movement.code, movement.qtyMilli);
  if (!row || !level) throw new Error(`stock movement of ${movement.code} was not recorded`);
  return { movementId: row.id, onHandMilli: level.onHandMilli };
}
