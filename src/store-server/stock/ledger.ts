/**
 * The stock ledger: every change of on-hand stock is a movement row, and `stock_levels` keeps
 * the running sum per product in the same transaction, so on hand always equals the sum of
 * the product's movements. Selling below zero is allowed; callers flag it. Each movement is
 * costed by the store's method as it is written (costing-ledger.ts): its value change is on its row.
 */

import type { MovementKind } from "../../api/store/stock.ts";
import type { CostingConfig } from "../../core/costing.ts";
import type { StoreTx } from "../context.ts";
import { connectionOf, statementsOf } from "../db/statements.ts";
import { stockChanged } from "../webhooks/stock-changes.ts";
import { addToLevel, costMovement } from "./costing-ledger.ts";

export interface MovementInput {
  code: string;
  /** Signed: negative takes stock out, positive puts it back. */
  qtyMilli: number;
  kind: MovementKind;
  refId: string | null;
  reason?: string | null;
  userId: string | null;
  at: string;
  /** Where in the store (default: the shop floor), the lot and its expiry. */
  location?: string;
  lot?: string | null;
  expiry?: string | null;
  /** The cost of one unit of goods received; other movements are costed by the method. */
  unitCostMinor?: number | null;
  /** "saleId:lineNo": the sale line a sale takes goods for, or a return or void brings back. */
  saleLine?: string | null;
}

/** A movement somewhere other than the floor without a lot (documents): its place is kept on its row. */
function hasPlace(m: MovementInput): boolean {
  return (
    (m.location !== undefined && m.location !== "floor") ||
    (m.lot ?? null) !== null ||
    (m.expiry ?? null) !== null ||
    (m.unitCostMinor ?? null) !== null
  );
}

/** Records one movement, costed by `costing`, and answers the product's on-hand quantity after it. */
export function moveStock(
  tx: StoreTx,
  movement: MovementInput,
  costing: CostingConfig,
): { movementId: number; onHandMilli: number; valueMinor: number } {
  const stmts = statementsOf(tx);
  const level = addToLevel(tx, movement.code, movement.qtyMilli);
  const { unitCostMinor, ...rest } = movement;
  const cost = costMovement(tx, costing, unitCostMinor == null ? rest : { ...rest, unitCostMinor }, level);
  const values = [
    movement.code,
    movement.qtyMilli,
    movement.kind,
    movement.refId,
    movement.reason ?? null,
    movement.userId,
    movement.at,
    cost.valueMinor,
    cost.settledMinor === 0 ? null : cost.settledMinor,
    movement.saleLine ?? null,
    level.onHandMilli,
    cost.onHandValueMinor,
  ] as const;
  // A movement with a place is written with it at once: no second write of its indexed columns.
  const row = hasPlace(movement)
    ? connectionOf(tx)
        .query<{ id: number }, [...typeof values, string, string | null, string | null, number | null]>(
          `INSERT INTO stock_movements (product_code, qty_milli, kind, ref_id, reason, user_id, at, value_minor,
             settled_minor, sale_line, on_hand_after_milli, value_after_minor, location, lot, expiry, unit_cost_minor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(
          ...values,
          movement.location ?? "floor",
          movement.lot ?? null,
          movement.expiry ?? null,
          movement.unitCostMinor ?? null,
        )
    : stmts.insertMovement.get(...values);
  if (!row) throw new Error(`stock movement of ${movement.code} was not recorded`);
  stockChanged(tx, { code: movement.code, cause: movement.kind, refId: movement.refId, at: movement.at });
  return { movementId: row.id, onHandMilli: level.onHandMilli, valueMinor: cost.valueMinor };
}

/** The store's costing configuration from its settings. */
export function costingOf(settings: {
  costing: CostingConfig["method"];
  roundingMode: CostingConfig["mode"];
}): CostingConfig {
  return { method: settings.costing, mode: settings.roundingMode };
}
