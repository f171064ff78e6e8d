/**
 * Points taken back on a return: a return of a sale that earned takes back the share of its
 * points the refund is of the sale's total (`reverse` entry, key `reverse:<returnId>`), once per
 * return. The shares of successive returns add up to all the points when the whole sale comes
 * back (each return takes the whole points of everything refunded so far, less the earlier
 * returns' share). A balance never goes below zero: points already spent are not taken, and what
 * could not be taken is the shortfall, recorded on the entry (and answered).
 */
import { eq } from "drizzle-orm";
import { accountEntries } from "../../../schema/hq.ts";
import type { EarningReversalAnswer, EarningReversalInput } from "../../api/hq/earning-reversals.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { recordCard } from "./changes.ts";
import { AccountError } from "./errors.ts";
import { balanceOf, heldOf, postEntry } from "./ledger.ts";

const SHORTFALL = /shortfall (\d+)/;

/** Whole points of `points` for `refundedMinor` of `totalMinor` (rounded down). */
function share(points: number, refundedMinor: number, totalMinor: number): number {
  return Number((BigInt(points) * BigInt(Math.min(refundedMinor, totalMinor))) / BigInt(totalMinor));
}

export function reverseEarning(ctx: HqContext, input: EarningReversalInput): EarningReversalAnswer {
  const now = ctx.now();
  const { answer, changes } = ctx.db.transaction((tx) => {
    const earned = tx
      .select()
      .from(accountEntries)
      .where(eq(accountEntries.key, `sale:${input.saleId}`))
      .get();
    if (!earned) {
      throw new AccountError("EARNING_NOT_FOUND", `sale ${input.saleId} earned nothing here (yet)`, {
        saleId: input.saleId,
      });
    }
    const key = `reverse:${input.returnId}`;
    const done = tx.select().from(accountEntries).where(eq(accountEntries.key, key)).get();
    const after = input.refundedBeforeMinor + input.refundMinor;
    const due =
      share(earned.amount, after, input.saleTotalMinor) -
      share(earned.amount, input.refundedBeforeMinor, input.saleTotalMinor);
    if (done) {
      const shortfall = Number(SHORTFALL.exec(done.note ?? "")?.[1] ?? 0);
      return {
        answer: {
          returnId: input.returnId,
          card: done.card,
          duePoints: -done.amount + shortfall,
          points: -done.amount,
          shortfallPoints: shortfall,
          balance: balanceOf(tx, done.card, "points"),
          duplicate: true,
        },
        changes: [],
      };
    }
    const available = Math.max(0, balanceOf(tx, earned.card, "points") - heldOf(tx, earned.card, "points"));
    const taken = Math.min(due, available);
    const shortfall = due - taken;
    const posted = postEntry(
      tx,
      {
        key,
        card: earned.card,
        unit: "points",
        type: "reverse",
        amount: -taken,
        storeId: input.storeId,
        saleId: input.saleId,
        note: `return ${input.returnId}${shortfall > 0 ? `; shortfall ${shortfall}` : ""}`,
      },
      now,
    );
    return {
      answer: {
        returnId: input.returnId,
        card: earned.card,
        duePoints: due,
        points: taken,
        shortfallPoints: shortfall,
        balance: posted.balance,
        duplicate: false,
      },
      changes: taken > 0 ? [recordCard(tx, earned.card, now)] : [],
    };
  });
  publishCommitted(ctx, changes);
  return answer;
}
