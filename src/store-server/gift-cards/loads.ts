/**
 * Gift cards sold at the till (docs/customers.md "Gift cards sold at the till"). A sale's
 * `giftCard` lines are checked against the store's copy of the cards (known, a gift card, not
 * blocked) and their loads queued in the sale's transaction; they are sent to head office at
 * once and again by the card reconciler until head office has them (`load:<saleId>:<lineNo>`).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { giftCardLoads, saleLines } from "../../../schema/store.ts";
import type { LineKind } from "../../core/deposits.ts";
import { CardTenderError } from "../card-tenders/errors.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { usableCard } from "../customers/sale-customer.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";

interface SoldLine {
  kind?: LineKind | undefined;
  card?: string | undefined;
  totalMinor: number;
}

/** Each gift card line's card is in this store's copy, a gift card and not blocked. */
export function requireGiftCards(ctx: StoreContext, lines: readonly SoldLine[]): void {
  lines.forEach((line, i) => {
    if (line.kind !== "giftCard" || line.card === undefined) return;
    const card = usableCard(ctx, line.card);
    if (card.kind !== "gift") {
      throw new CardTenderError(
        "CARD_KIND_MISMATCH",
        `line ${i + 1}: card ${line.card} is a ${card.kind} card; only a gift card is sold as a line`,
        { line: i + 1, number: line.card, kind: card.kind },
      );
    }
  });
}

/** Queues the loads of a sale's gift card lines (in the sale's transaction). */
export function queueGiftCardLoads(
  tx: StoreTx,
  saleId: string,
  lines: readonly SoldLine[],
  at: string,
): void {
  lines.forEach((line, i) => {
    if (line.kind !== "giftCard" || line.card === undefined) return;
    tx.insert(giftCardLoads)
      .values({
        id: `${saleId}:${i + 1}`,
        saleId,
        lineNo: i + 1,
        card: line.card,
        amountMinor: line.totalMinor,
        status: "pending",
        at,
      })
      .onConflictDoNothing()
      .run();
  });
}

/** Which of `lineNos` (of the sale) are gift card lines. */
export function giftCardLineNos(ctx: StoreContext, saleId: string, lineNos: readonly number[]): Set<number> {
  if (lineNos.length === 0) return new Set();
  const rows = ctx.db
    .select({ lineNo: saleLines.lineNo })
    .from(saleLines)
    .where(
      and(
        eq(saleLines.saleId, saleId),
        inArray(saleLines.lineNo, [...lineNos]),
        eq(saleLines.kind, "giftCard"),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.lineNo));
}

export function loadsOfSale(ctx: StoreContext, saleId: string) {
  return ctx.db.select().from(giftCardLoads).where(eq(giftCardLoads.saleId, saleId)).all();
}

/** Sends queued loads to head office (those of `saleIds`, or all); answers how many it took. */
export async function postGiftCardLoads(ctx: StoreContext, saleIds?: readonly string[]): Promise<number> {
  const link = ctx.accounts;
  if (!link) return 0;
  const pending = ctx.db
    .select()
    .from(giftCardLoads)
    .where(
      and(
        eq(giftCardLoads.status, "pending"),
        saleIds ? inArray(giftCardLoads.saleId, [...saleIds]) : undefined,
      ),
    )
    .orderBy(asc(giftCardLoads.at), asc(giftCardLoads.id))
    .all();
  let loaded = 0;
  for (const r of pending) {
    try {
      await link.loadGiftCard({
        id: r.id,
        card: r.card,
        storeId: ctx.storeId,
        saleId: r.saleId,
        amountMinor: r.amountMinor,
      });
      ctx.db
        .update(giftCardLoads)
        .set({ status: "loaded", lastError: null })
        .where(and(eq(giftCardLoads.id, r.id), eq(giftCardLoads.status, "pending")))
        .run();
      loaded++;
    } catch (error) {
      const unreachable = error instanceof HqUnreachableError;
      ctx.db
        .update(giftCardLoads)
        .set({
          ...(unreachable ? {} : { status: "refused" as const }),
          lastError: error instanceof Error ? error.message : String(error),
        })
        .where(eq(giftCardLoads.id, r.id))
        .run();
      if (unreachable) break;
    }
  }
  return loaded;
}
