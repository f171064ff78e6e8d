/**
 * The stock ledger: every change of on-hand stock is a movement row, and `stock_levels` keeps
 * the running sum per product in the same transaction, so on hand always equals the sum of
 * the product's movements. Selling below zero is allowed; callers flag it. Each movement is
 * costed by the store's method as it is written (costing-ledger.ts): its value change is on its row.
 */

import type { MovementKind } from "../../api/store/stock.ts";
import type { CostingConfig } from "../../core/costing.ts";
import type { StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { costMovement } from "./costing-ledger.ts";

export interface MovementInput {
  code: string;
  /** Signed: negative takes stock out, positive puts it back. */
  qtyMilli: number;
  kind: MovementKind;
  refId: string | null;
  reason?: string | null;
  userId: string | null;
  at: string;
  /** The cost of one unit of goods received; other movements are costed by the method. */
  unitCostMinor?: number;
  /** "saleId:lineNo": the sale line a sale takes goods for, or a return or void brings back. */
  saleLine?: string | null;
}

/** Records one movement, costed by `costing`, and answers the product's on-hand quantity after it. */
export function moveStock(
  tx: StoreTx,
  movement: MovementInput,
  costing: CostingConfig,
): { movementId: number; onHandMilli: number; valueMinor: number } {
  const stmts = statementsOf(tx);
  const level = stmts.addToLevel.get(movement.code, movement.qtyMilli);
  const cost = costMovement(tx, costing, movement);
  if (!level) throw new Error(`stock level of ${movement.code} was not kept`);
  const row = stmts.insertMovement.get(
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
  );
  if (!row) throw new Error(`stock movement of ${movement.code} was not recorded`);
  return { movementId: row.id, onHandMilli: level.onHandMilli, valueMinor: cost.valueMinor };
}

/** The store's costing configuration from its settings. */
export function costingOf(settings: {
  costing: CostingConfig["method"];
  roundingMode: CostingConfig["mode"];
}): CostingConfig {
  return { method: settings.costing, mode: settings.roundingMode };
}
