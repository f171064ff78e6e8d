/**
 * Rounds to the kitchen: sending the order's new lines (a round), and firing a course (its lines
 * again, marked fired). Each is recorded with its lines through `sendRoundToKitchen`.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { tableOrderLines, tableRounds } from "../../../schema/store.ts";
import type { TableRound } from "../../api/store/restaurant.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { RestaurantError } from "./errors.ts";
import { roundSent, sendRoundToKitchen } from "./kitchen-link.ts";
import { type LineRow, linesOf, openOrderRow, recordAction, tableName, toLine, waiterOf } from "./model.ts";
import { requireRestaurantMode } from "./orders.ts";

function kitchenLines(rows: readonly LineRow[]): TableRound["lines"] {
  return rows.map((row) => {
    const line = toLine(row);
    return {
      lineId: line.id,
      name: line.name,
      qtyMilli: line.qtyMilli,
      categoryId: line.categoryId,
      modifiers: line.modifiers.map((m) => m.name),
      note: line.note,
      seat: line.seat,
      course: line.course,
    };
  });
}

function roundAnswer(ctx: StoreContext, id: string): TableRound | null {
  const row = ctx.db.select().from(tableRounds).where(eq(tableRounds.id, id)).get();
  return row ? { ...row, lines: JSON.parse(row.lines) as TableRound["lines"] } : null;
}

/**
 * Sends the lines not yet sent as one round (a repeat of the round's id answers it again).
 * `course`: fire that course instead (its lines, sent or not, go as "fire").
 */
export function sendRound(
  ctx: StoreContext,
  orderId: string,
  roundId: string,
  principal: Principal,
  course: number | null = null,
): TableRound {
  requireRestaurantMode(ctx);
  const waiterId = waiterOf(principal);
  const again = roundAnswer(ctx, roundId);
  if (again?.orderId === orderId) return again;
  if (again)
    throw new RestaurantError("TABLE_ORDER_ID_REUSED", `the round id ${roundId} was sent for another order`, {
      roundId,
    });
  const at = ctx.now();
  const atIso = at.toISOString();
  ctx.db.transaction((tx) => {
    const order = openOrderRow(tx, orderId);
    const lines = linesOf(tx, orderId).filter((l) =>
      course === null ? l.roundId === null : l.course === course && l.firedAt === null,
    );
    if (lines.length === 0)
      throw new RestaurantError(
        "NOTHING_TO_SEND",
        course === null
          ? `the order ${orderId} has no new lines to send`
          : `course ${course} of the order ${orderId} has no lines left to fire`,
        { orderId, course },
      );
    const ids = lines.map((l) => l.id);
    // Firing a course sends its lines not yet sent along with it.
    tx.update(tableOrderLines)
      .set({ roundId })
      .where(and(inArray(tableOrderLines.id, ids), isNull(tableOrderLines.roundId)))
      .run();
    if (course !== null)
      tx.update(tableOrderLines).set({ firedAt: atIso }).where(inArray(tableOrderLines.id, ids)).run();
    const round: TableRound = {
      id: roundId,
      orderId,
      kind: course === null ? "round" : "fire",
      course,
      tableName: tableName(tx, order.tableId),
      waiterId,
      at: atIso,
      lines: kitchenLines(lines),
    };
    sendRoundToKitchen(ctx, tx, round, at);
    recordAction(
      ctx,
      tx,
      course === null ? "table_order.round_sent" : "table_order.course_fired",
      principal,
      orderId,
      at,
      {
        roundId,
        course,
        lines: lines.length,
      },
    );
  });
  roundSent(ctx);
  return roundAnswer(ctx, roundId) as TableRound;
}
