/**
 * The one door from the restaurant's orders to the kitchen: every round sent and every course
 * fired passes here, inside the transaction that records it. For now the round is only kept
 * (`kitchen_rounds`); the kitchen's tickets and printers take it from here.
 */
import { kitchenRounds } from "../../../schema/store.ts";
import type { KitchenRound } from "../../api/store/restaurant.ts";
import type { StoreTx } from "../context.ts";

export function sendRoundToKitchen(tx: StoreTx, round: KitchenRound): void {
  tx.insert(kitchenRounds)
    .values({
      id: round.id,
      orderId: round.orderId,
      kind: round.kind,
      course: round.course,
      tableName: round.tableName,
      waiterId: round.waiterId,
      at: round.at,
      lines: JSON.stringify(round.lines),
    })
    .run();
}
