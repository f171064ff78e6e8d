/**
 * The stock ledger: every change of on-hand stock is a movement row, and `stock_levels` keeps
 * the running sum per product in the same transaction, so on hand always equals the sum of
 * the product's movements. Selling below zero is allowed; callers flag it.
 */
import { sql } from "drizzle-orm";
import { stockLevels, stockMovements } from "../../../schema/store.ts";
import type { StoreTx } from "../context.ts";
import type { MovementKind } from "./model.ts";

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
  const row = tx
    .insert(stockMovements)
    .values({
      productCode: movement.code,
      qtyMilli: movement.qtyMilli,
      kind: movement.kind,
      refId: movement.refId,
      reason: movement.reason ?? null,
      userId: movement.userId,
      at: movement.at,
    })
    .returning({ id: stockMovements.id })
    .get();
  const level = tx
    .insert(stockLevels)
    .values({ productCode: movement.code, onHandMilli: movement.qtyMilli })
    .onConflictDoUpdate({
      target: stockLevels.productCode,
      set: { onHandMilli: sql`${stockLevels.onHandMilli} + ${movement.qtyMilli}` },
    })
    .returning({ onHandMilli: stockLevels.onHandMilli })
    .get();
  return { movementId: row.id, onHandMilli: level.onHandMilli };
}
