/**
 * Refunds back to the cards a sale was paid from. A return's `points` and `giftcard` refund
 * tenders are shared over the sale's redemptions of that kind, in order, each up to what it
 * paid less what earlier returns gave back: money back for a gift card, and for points the
 * share of the points the redemption took (rounded down, so every point is back once the whole
 * of it is). They are queued in the return's transaction and credited at head office once each
 * (key `refund:<id>`): at once, else by the reconciler when head office answers. Voiding a
 * completed sale gives every card tender back in full the same way.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { cardRedemptions, cardRefunds, tenders } from "../../../schema/store.ts";
import type { ReturnResponse } from "../../api/store/returns.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { usableCard } from "../customers/sale-customer.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";
import { CardTenderError } from "./errors.ts";

/** The refund tenders that go back to a card, with the unit of the card's account. */
const REFUND_UNITS: Readonly<Record<string, "points" | "money" | "account">> = {
  points: "points",
  giftcard: "money",
  store_credit: "money",
  account: "account",
};

/** The tender that pays a refund as store credit: money on the customer's loyalty card. */
export const STORE_CREDIT = "store_credit";

/**
 * Refund tenders given as store credit name a loyalty card this store knows and that is not
 * blocked (CARD_REQUIRED, CARD_NOT_FOUND, CARD_BLOCKED, CARD_KIND_MISMATCH).
 */
export function checkStoreCredit(
  ctx: StoreContext,
  tenders: readonly { type: string; card?: string | undefined }[],
): void {
  tenders.forEach((t, i) => {
    if (t.type !== STORE_CREDIT) return;
    if (t.card === undefined) {
      throw new CardTenderError(
        "CARD_REQUIRED",
        `refund tender ${i + 1} (store_credit) needs the customer's card`,
        {
          tender: i + 1,
        },
      );
    }
    const card = usableCard(ctx, t.card);
    if (card.kind !== "loyalty") {
      throw new CardTenderError(
        "CARD_KIND_MISMATCH",
        `card ${t.card} is a ${card.kind} card: store credit goes on a customer's loyalty card`,
        { number: t.card, kind: card.kind },
      );
    }
  });
}

/**
 * What a sale can still refund per tender, as this store can pay it back: the card tenders of
 * another store's sale are not known here (their redemptions are that store's), so they are
 * paid back in cash.
 */
export function refundableHere<T extends { type: string; amountMinor: number }>(
  foreign: boolean,
  refundable: readonly T[],
): T[] {
  return refundable.map((t) =>
    foreign && REFUND_UNITS[t.type] !== undefined ? { ...t, amountMinor: 0 } : t,
  );
}

/** A document that pays a sale back (a return, or `void:<saleId>`), and when. */
interface RefundDoc {
  id: string;
  saleId: string;
  at: string;
}

/**
 * Shares one refund tender over the sale's redemptions by tenders of its type, each up to what
 * it paid less what was given back before, and queues the credits.
 */
function queueTender(
  tx: StoreTx,
  doc: RefundDoc,
  index: number,
  tender: { type: string; amountMinor: number },
) {
  const unit = REFUND_UNITS[tender.type];
  if (unit === undefined) return;
  // The sale's tenders of this type (a gift card and store credit are both money).
  const sameType = new Set(
    tx
      .select({ idx: tenders.idx })
      .from(tenders)
      .where(and(eq(tenders.docId, doc.saleId), eq(tenders.docKind, "sale"), eq(tenders.type, tender.type)))
      .all()
      .map((t) => `${doc.saleId}:${t.idx}`),
  );
  const redeemed = tx
    .select()
    .from(cardRedemptions)
    .where(
      and(
        eq(cardRedemptions.saleId, doc.saleId),
        eq(cardRedemptions.unit, unit),
        inArray(cardRedemptions.status, ["held", "committed", "offline", "reconciled"]),
      ),
    )
    .orderBy(asc(cardRedemptions.id))
    .all()
    .filter((r) => sameType.has(r.id));
  let rest = tender.amountMinor;
  for (const r of redeemed) {
    if (rest <= 0) break;
    const before = tx
      .select({
        value: sql<number>`coalesce(sum(${cardRefunds.valueMinor}), 0)`,
        amount: sql<number>`coalesce(sum(${cardRefunds.amount}), 0)`,
      })
      .from(cardRefunds)
      .where(eq(cardRefunds.redemptionId, r.id))
      .get() ?? { value: 0, amount: 0 };
    const take = Math.min(rest, r.valueMinor - Number(before.value));
    if (take <= 0) continue;
    rest -= take;
    const amount =
      unit === "points"
        ? Math.floor((r.amount * (Number(before.value) + take)) / r.valueMinor) - Number(before.amount)
        : take;
    tx.insert(cardRefunds)
      .values({
        id: `${doc.id}:${index}:${r.id}`,
        returnId: doc.id,
        redemptionId: r.id,
        saleId: doc.saleId,
        card: r.card,
        unit,
        amount,
        valueMinor: take,
        status: amount > 0 ? "pending" : "credited",
        at: doc.at,
      })
      .run();
  }
}

/** Queues the credits of a return's card refund tenders (inside the return's transaction). */
export function queueCardRefunds(tx: StoreTx, ret: ReturnResponse): void {
  const saleId = ret.originalSaleId;
  if (saleId === null) return;
  ret.tenders.forEach((tender, index) => {
    if (tender.type === STORE_CREDIT && tender.card !== undefined) {
      // Store credit given as the refund: credited to the customer's card.
      tx.insert(cardRefunds)
        .values({
          id: `${ret.id}:${index}`,
          returnId: ret.id,
          redemptionId: `store-credit:${ret.id}:${index}`,
          saleId,
          card: tender.card,
          unit: "money",
          amount: tender.amountMinor,
          valueMinor: tender.amountMinor,
          status: "pending",
          at: ret.at,
        })
        .run();
      return;
    }
    queueTender(tx, { id: ret.id, saleId, at: ret.at }, index, tender);
  });
}

/** The id a void's credits are queued under. */
export function voidRefundId(saleId: string): string {
  return `void:${saleId}`;
}

/** A voided sale gives every card tender back in full (inside the void's transaction). */
export function queueVoidRefunds(tx: StoreTx, saleId: string, at: string): void {
  const doc = { id: voidRefundId(saleId), saleId, at };
  Object.keys(REFUND_UNITS).forEach((type, index) => {
    queueTender(tx, doc, index, { type, amountMinor: Number.MAX_SAFE_INTEGER });
  });
}

/** Credits queued refunds at head office (those of `returnIds`, or all); answers how many. */
export async function postCardRefunds(ctx: StoreContext, returnIds?: readonly string[]): Promise<number> {
  const link = ctx.accounts;
  if (!link) return 0;
  const pending = ctx.db
    .select()
    .from(cardRefunds)
    .where(
      and(
        eq(cardRefunds.status, "pending"),
        returnIds ? inArray(cardRefunds.returnId, [...returnIds]) : undefined,
      ),
    )
    .orderBy(asc(cardRefunds.at), asc(cardRefunds.id))
    .all();
  let credited = 0;
  for (const r of pending) {
    try {
      await link.refund({
        id: r.id,
        card: r.card,
        storeId: ctx.storeId,
        returnId: r.returnId,
        saleId: r.saleId,
        ...(r.unit === "points" ? { points: r.amount } : { amountMinor: r.amount }),
        ...(r.unit === "account" ? { unit: "account" as const } : {}),
      });
      ctx.db
        .update(cardRefunds)
        .set({ status: "credited", lastError: null })
        .where(eq(cardRefunds.id, r.id))
        .run();
      credited++;
    } catch (error) {
      const unreachable = error instanceof HqUnreachableError;
      ctx.db
        .update(cardRefunds)
        .set({
          ...(unreachable ? {} : { status: "refused" as const }),
          lastError: error instanceof Error ? error.message : String(error),
        })
        .where(eq(cardRefunds.id, r.id))
        .run();
      if (unreachable) break;
    }
  }
  return credited;
}
