/**
 * The stock ledger: every change of on-hand stock is a movement row, and `stock_levels` keeps
 * the running sum per product in the same transaction, so on hand always equals the sum of
 * the product's movements. Selling below zero is allowed; callers flag it.
 */

import { stockMovements } from "../../../schema/store.ts";
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
  /** Where in the store (default: the shop floor), the lot and its expiry, a receipt's unit cost. */
  location?: string;
  lot?: string | null;
  expiry?: string | null;
  unitCostMinor?: number | null;
}

function hasPlace(m: MovementInput): boolean {
  return (
    (m.location !== undefined && m.location !== "floor") ||
    (m.lot ?? null) !== null ||
    (m.expiry ?? null) !== null ||
    (m.unitCostMinor ?? null) !== null
  );
}

/** Records one movement and answers the product's on-hand quantity after it. */
export function moveStock(tx: StoreTx, movement: MovementInput): { movementId: number; onHandMilli: number } {
  const stmts = statementsOf(tx);
  if (hasPlace(movement)) {
    const placed = tx
      .insert(stockMovements)
      .values({
        productCode: movement.code,
        qtyMilli: movement.qtyMilli,
        kind: movement.kind,
        refId: movement.refId,
        reason: movement.reason ?? null,
        userId: movement.userId,
        at: movement.at,
        location: movement.location ?? "floor",
        lot: movement.lot ?? null,
        expiry: movement.expiry ?? null,
        unitCostMinor: movement.unitCostMinor ?? null,
      })
      .returning({ id: stockMovements.id })
      .get();
    const placedLevel = stmts.addToLevel.get(movement.code, movement.qtyMilli);
    if (!placedLevel) throw new Error(`stock movement of ${movement.code} was not recorded`);
    return { movementId: placed.id, onHandMilli: placedLevel.onHandMilli };
  }
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
