/**
 * Points taken back on a return: a return of a sale that earned with a loyalty card queues, in
 * its own transaction, the reversal of its share of the points (by return id), sent to head
 * office at once and from the reconciler until head office has it (after the sale's earning).
 */
import { and, asc, eq, inArray, sum } from "drizzle-orm";
import { cardEarnings, earningReversals, sales } from "../../../schema/store.ts";
import type { ReturnResponse } from "../../api/store/returns.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";

/** Queues the return's reversal when its sale earned here (inside the return's transaction). */
export function queueEarningReversal(tx: StoreTx, ret: ReturnResponse): void {
  if (ret.originalSaleId === null) return;
  queueReversal(tx, { id: ret.id, saleId: ret.originalSaleId, refundMinor: ret.totalMinor, at: ret.at });
}

/** A voided sale (it has no returns) gives back all it earned: id `void:<saleId>`. */
export function queueVoidReversal(tx: StoreTx, saleId: string, at: string): void {
  const sale = tx.select({ totalMinor: sales.totalMinor }).from(sales).where(eq(sales.id, saleId)).get();
  if (sale) queueReversal(tx, { id: `void:${saleId}`, saleId, refundMinor: sale.totalMinor, at });
}

function queueReversal(
  tx: StoreTx,
  doc: { id: string; saleId: string; refundMinor: number; at: string },
): void {
  const { saleId } = doc;
  if (doc.refundMinor <= 0) return;
  const earning = tx.select().from(cardEarnings).where(eq(cardEarnings.saleId, saleId)).get();
  if (!earning || earning.status === "refused") return;
  const sale = tx.select({ totalMinor: sales.totalMinor }).from(sales).where(eq(sales.id, saleId)).get();
  if (!sale || sale.totalMinor <= 0) return;
  const before = tx
    .select({ refunded: sum(earningReversals.refundMinor) })
    .from(earningReversals)
    .where(eq(earningReversals.saleId, saleId))
    .get();
  tx.insert(earningReversals)
    .values({
      returnId: doc.id,
      saleId,
      card: earning.card,
      saleTotalMinor: sale.totalMinor,
      refundedBeforeMinor: Number(before?.refunded ?? 0),
      refundMinor: doc.refundMinor,
      status: "pending",
      at: doc.at,
    })
    .onConflictDoNothing()
    .run();
}

/**
 * Sends pending reversals (of `returnIds`, or all) whose sale's earning head office has; answers
 * how many it took. One refused for good (the card unknown there…) is kept as refused.
 */
export async function postEarningReversals(
  ctx: StoreContext,
  returnIds?: readonly string[],
): Promise<number> {
  const link = ctx.accounts;
  if (!link) return 0;
  const pending = ctx.db
    .select({ r: earningReversals, earning: cardEarnings.status })
    .from(earningReversals)
    .innerJoin(cardEarnings, eq(cardEarnings.saleId, earningReversals.saleId))
    .where(
      and(
        eq(earningReversals.status, "pending"),
        returnIds ? inArray(earningReversals.returnId, [...returnIds]) : undefined,
      ),
    )
    .orderBy(asc(earningReversals.at))
    .all();
  let reversed = 0;
  for (const { r, earning } of pending) {
    const mark = (set: Partial<typeof earningReversals.$inferInsert>) =>
      ctx.db.update(earningReversals).set(set).where(eq(earningReversals.returnId, r.returnId)).run();
    if (earning === "refused") {
      mark({ status: "refused", lastError: "the sale earned nothing at head office" });
      continue;
    }
    // Its sale's earning goes first (the reconciler posts it); until then, wait.
    if (earning !== "earned") continue;
    try {
      const answer = await link.reverseEarning({
        returnId: r.returnId,
        storeId: ctx.storeId,
        saleId: r.saleId,
        saleTotalMinor: r.saleTotalMinor,
        refundedBeforeMinor: r.refundedBeforeMinor,
        refundMinor: r.refundMinor,
      });
      mark({ status: "reversed", points: answer.points, shortfall: answer.shortfallPoints, lastError: null });
      reversed++;
    } catch (error) {
      const unreachable = error instanceof HqUnreachableError;
      mark({
        ...(unreachable ? {} : { status: "refused" as const }),
        lastError: error instanceof Error ? error.message : String(error),
      });
      if (unreachable) break;
    }
  }
  return reversed;
}
