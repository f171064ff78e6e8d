/**
 * The one door from the restaurant's orders to the kitchen: every round sent and every course
 * fired passes here, inside the transaction that records it. The round is kept with the order
 * (`table_rounds`) and, when the store has kitchen stations, handed to the kitchen as tickets in
 * the same transaction, so a round is never recorded without its tickets nor the other way round.
 */
import { tableRounds } from "../../../schema/store.ts";
import type { KitchenRound } from "../../api/store/kitchen.ts";
import type { TableRound } from "../../api/store/restaurant.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { enqueueKitchenRound, kitchenChanged } from "../kitchen/rounds.ts";

/** The kitchen's view of a table's round: a fired course is a ticket of its own, "fire 2". */
export function kitchenRoundOf(round: TableRound): KitchenRound {
  return {
    id: round.id,
    ...(round.tableName === null ? { orderLabel: round.orderId.slice(-8) } : { tableLabel: round.tableName }),
    waiterId: round.waiterId,
    ...(round.kind === "fire" && round.course !== null ? { course: `fire ${round.course}` } : {}),
    fired: true,
    lines: round.lines.map((line) => ({
      lineId: line.lineId,
      name: line.name,
      quantityMilli: line.qtyMilli,
      ...(line.categoryId === null ? {} : { categoryId: line.categoryId }),
      modifiers: line.modifiers,
      ...(line.note === null ? {} : { notes: line.note }),
      ...(line.seat > 0 ? { seat: line.seat } : {}),
    })),
  };
}

export function sendRoundToKitchen(ctx: StoreContext, tx: StoreTx, round: TableRound, now: Date): void {
  tx.insert(tableRounds)
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
  if (ctx.settings.kitchen === undefined) return;
  enqueueKitchenRound(ctx, tx, kitchenRoundOf(round), now, { userId: round.waiterId });
}

/** Wakes the kitchen displays and printers once the round's transaction is over. */
export function roundSent(ctx: StoreContext): void {
  if (ctx.settings.kitchen !== undefined) kitchenChanged(ctx);
}
