/**
 * The kitchen's progress on an order's rounds, for the waiter: each round sent or course fired
 * is `sent` until a station starts or bumps its ticket (`in_progress`), and `done` once every
 * station's ticket is bumped. Without kitchen stations a round stays `sent`. Reads only.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { kitchenTickets, tableRounds } from "../../../schema/store.ts";
import type { OrderRoundAnswer } from "../../api/store/restaurant.ts";
import type { StoreTx } from "../context.ts";

type Reader = Pick<StoreTx, "select">;

export function roundsOf(db: Reader, orderId: string): OrderRoundAnswer[] {
  const rounds = db
    .select({ id: tableRounds.id, kind: tableRounds.kind, course: tableRounds.course, at: tableRounds.at })
    .from(tableRounds)
    .where(eq(tableRounds.orderId, orderId))
    .orderBy(asc(tableRounds.at), asc(tableRounds.id))
    .all();
  if (rounds.length === 0) return [];
  const tickets = db
    .select({ roundId: kitchenTickets.roundId, status: kitchenTickets.status })
    .from(kitchenTickets)
    .where(
      inArray(
        kitchenTickets.roundId,
        rounds.map((r) => r.id),
      ),
    )
    .all();
  return rounds.map((round) => {
    const statuses = tickets.filter((t) => t.roundId === round.id).map((t) => t.status);
    const status =
      statuses.length > 0 && statuses.every((s) => s === "bumped")
        ? "done"
        : statuses.some((s) => s !== "new")
          ? "in_progress"
          : "sent";
    return { ...round, status };
  });
}
