/**
 * Card tenders at the store. A `points` or `giftcard` tender is a redemption: authorised at head
 * office before the sale is recorded (held), committed once it is, released when it is not.
 * With head office out of reach a gift card may pay up to `offlineAllowanceMinor` per card and
 * business day at this store, never more than its last known balance; such a redemption is kept
 * here and sent to head office by the reconciler once it answers again. Each redemption's id is
 * `<saleId>:<tender index>`, so a retried sale never redeems twice. A return's refund to the card
 * is queued with the return (refunds.ts) and sent here too.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { cardEarnings, cardRedemptions, storeCards } from "../../../schema/store.ts";
import type { CardRedemptionAnswer, CardRedemptionInput } from "../../api/store/card-tenders.ts";
import type { RecordSaleRequest } from "../../api/store/sales.ts";
import { businessDay } from "../../core/business-day.ts";
import { giftCardLoadsMinor } from "../../core/gift-card-lines.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { usableCard } from "../customers/sale-customer.ts";
import { TillCustomersService } from "../customers/till-customers.ts";
import { postGiftCardLoads } from "../gift-cards/loads.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";
import type { RecordResult, SalesService } from "../sales/service.ts";
import { postEarningReversals } from "./earning-reversals.ts";
import { CardTenderError } from "./errors.ts";
import { postCardRefunds } from "./refunds.ts";

type Tender = RecordSaleRequest["tenders"][number];
type RedemptionRow = typeof cardRedemptions.$inferSelect;
type CardRow = typeof storeCards.$inferSelect;

/** The tender types that redeem from a card, with the kind of card each takes. */
export const CARD_TENDERS: Readonly<Record<string, "loyalty" | "gift">> = {
  points: "loyalty",
  giftcard: "gift",
  /** A loyalty card's money account: the customer's store credit. */
  store_credit: "loyalty",
  /** A charge to the house account of the card's customer. */
  account: "loyalty",
};

function answerOf(row: RedemptionRow): CardRedemptionAnswer {
  return {
    id: row.id,
    saleId: row.saleId,
    card: row.card,
    unit: row.unit,
    points: row.unit === "points" ? row.amount : null,
    amountMinor: row.valueMinor,
    status: row.status,
  };
}

export function isCardTender(type: string): boolean {
  return Object.hasOwn(CARD_TENDERS, type);
}

export class CardTendersService {
  constructor(
    private readonly ctx: StoreContext,
    private readonly sales: SalesService,
  ) {}

  private localCard(number: string): CardRow | undefined {
    return this.ctx.db.select().from(storeCards).where(eq(storeCards.number, number)).get();
  }

  /**
   * The card the sale names (its customer, its earning): known here and not blocked. A till's
   * sale as rung already happened: an unknown or blocked card is kept on it, earning nothing.
   */
  private saleCard(request: RecordSaleRequest): CardRow | undefined {
    const number = request.card as string;
    if (request.asRung !== true) return usableCard(this.ctx, number);
    const card = this.localCard(number);
    return card && !card.blocked ? card : undefined;
  }

  private row(id: string): RedemptionRow | undefined {
    return this.ctx.db.select().from(cardRedemptions).where(eq(cardRedemptions.id, id)).get();
  }

  /**
   * Records a sale with its card: the card's customer is attached, card tenders are redeemed
   * (exactly once, by the sale's id) and a loyalty card's earning is queued for head office.
   */
  async record(request: RecordSaleRequest, principal: Principal): Promise<RecordResult> {
    const result = await this.recordWithCards(request, principal);
    if (result.created && result.sale.lines.some((l) => l.kind === "giftCard")) {
      await postGiftCardLoads(this.ctx, [result.sale.id]);
    }
    return result;
  }

  private async recordWithCards(request: RecordSaleRequest, principal: Principal): Promise<RecordResult> {
    const redeeming = request.tenders.map((t, i) => ({ t, i })).filter(({ t }) => isCardTender(t.type));
    if (redeeming.length === 0 && request.card === undefined) return this.sales.record(request, principal);
    if (this.sales.get(request.id)) return this.sales.record(request, principal);
    const card = request.card === undefined ? undefined : this.saleCard(request);
    if (card && request.customerId === undefined && card.customerId !== null) {
      request.customerId = card.customerId;
    }
    const taken: RedemptionRow[] = [];
    let result: RecordResult;
    try {
      for (const { t, i } of redeeming) taken.push(await this.take(request, t, i));
      result = await this.sales.record(request, principal);
    } catch (error) {
      await this.undo(taken);
      throw error;
    }
    for (const row of taken) if (row.status === "held") await this.commit(row);
    if (card?.kind === "loyalty" && result.created) {
      // Money put on gift cards is not spending: it earns nothing.
      const redeemed =
        taken.reduce((sum, r) => sum + r.valueMinor, 0) + giftCardLoadsMinor(result.sale.lines);
      this.ctx.db
        .insert(cardEarnings)
        .values({
          saleId: request.id,
          card: card.number,
          paidMinor: Math.max(0, result.sale.totalMinor - redeemed),
          status: "pending",
        })
        .onConflictDoNothing()
        .run();
      await this.postEarnings([request.id]);
    }
    return result;
  }

  /** Redeems one tender: held at head office, or within the offline allowance. */
  private async take(
    request: Pick<RecordSaleRequest, "id">,
    tender: Pick<Tender, "type" | "card" | "points" | "amountMinor">,
    index: number,
    exact = true,
  ): Promise<RedemptionRow> {
    const id = `${request.id}:${index}`;
    const done = this.row(id);
    if (done && done.status !== "released") {
      if (exact && done.valueMinor !== tender.amountMinor) {
        throw new CardTenderError(
          "POINTS_VALUE_MISMATCH",
          `tender ${index + 1} was authorised for ${done.valueMinor}, not ${tender.amountMinor}`,
          { authorisedMinor: done.valueMinor, asked: tender.amountMinor },
        );
      }
      return done;
    }
    const number = tender.card;
    if (number === undefined) {
      throw new CardTenderError(
        "CARD_REQUIRED",
        `tender ${index + 1} (${tender.type}) needs the card it redeems from`,
        { tender: index + 1 },
      );
    }
    const kind = CARD_TENDERS[tender.type];
    const local = this.localCard(number);
    if (local?.blocked) usableCard(this.ctx, number);
    if (local && local.kind !== kind) {
      throw new CardTenderError(
        "CARD_KIND_MISMATCH",
        `card ${number} is a ${local.kind} card: ${local.kind === "gift" ? "pay with it as giftcard" : "redeem its points or its store credit"}`,
        { number, kind: local.kind },
      );
    }
    const unit = tender.type === "points" ? "points" : tender.type === "account" ? "account" : "money";
    const at = this.ctx.now();
    const base = {
      id,
      saleId: request.id,
      card: number,
      unit,
      day: businessDay(at, this.ctx.settings.timeZone),
      at: at.toISOString(),
    } as const;
    const link = this.ctx.accounts;
    if (link) {
      try {
        const answer = await link.authorise({
          id,
          card: number,
          storeId: this.ctx.storeId,
          saleId: request.id,
          ...(tender.points !== undefined ? { points: tender.points } : { amountMinor: tender.amountMinor }),
          ...(tender.type === "store_credit" ? { unit: "money" as const } : {}),
          ...(tender.type === "account" ? { unit: "account" as const } : {}),
        });
        if (exact && answer.amountMinor !== tender.amountMinor) {
          await link.release(id).catch(() => undefined);
          throw new CardTenderError(
            "POINTS_VALUE_MISMATCH",
            `${answer.points ?? 0} points of card ${number} are worth ${answer.amountMinor}, not ${tender.amountMinor}: take ${answer.amountMinor} by points`,
            { points: answer.points, worthMinor: answer.amountMinor, asked: tender.amountMinor },
          );
        }
        const row = {
          ...base,
          amount: answer.points ?? answer.amountMinor,
          valueMinor: answer.amountMinor,
          status: "held" as const,
        };
        this.ctx.db
          .insert(cardRedemptions)
          .values(row)
          .onConflictDoUpdate({ target: cardRedemptions.id, set: row })
          .run();
        return this.row(id) as RedemptionRow;
      } catch (error) {
        if (!(error instanceof HqUnreachableError)) throw error;
      }
    }
    return this.takeOffline(base, tender, local);
  }

  /**
   * A till's card tender, authorised before it completes the sale: held at head office (or taken
   * within the offline allowance) under the sale's id and the tender's index; the sale, when it
   * arrives, finds it taken. Points pay the most whole points worth no more than asked.
   */
  async authoriseAhead(input: CardRedemptionInput): Promise<CardRedemptionAnswer> {
    const row = await this.take(
      { id: input.saleId },
      { type: input.type, card: input.card, amountMinor: input.amountMinor, points: undefined },
      input.index,
      false,
    );
    return answerOf(row);
  }

  /** Frees a card tender the till took off a sale (or whose sale was cancelled). */
  async release(id: string): Promise<CardRedemptionAnswer> {
    const row = this.row(id);
    if (!row) throw new CardTenderError("REDEMPTION_NOT_FOUND", `no card tender ${id} here`, { id });
    if (row.status === "committed" || row.status === "reconciled" || this.sales.get(row.saleId)) {
      throw new CardTenderError(
        "REDEMPTION_COMMITTED",
        `card tender ${id} paid a recorded sale: refund it as a return instead`,
        { id },
      );
    }
    await this.undo([row]);
    return answerOf(this.row(id) as RedemptionRow);
  }

  /** Within the allowance and the last balance head office sent, in one transaction (no double spend here). */
  private takeOffline(
    base: { id: string; saleId: string; card: string; unit: RedemptionRow["unit"]; day: string; at: string },
    tender: Pick<Tender, "amountMinor">,
    local: CardRow | undefined,
  ): RedemptionRow {
    if (base.unit === "account") {
      throw new CardTenderError(
        "ACCOUNT_NEEDS_HQ",
        "a charge to a house account needs head office, to check the credit limit; take another tender",
      );
    }
    if (base.unit === "points") {
      throw new CardTenderError(
        "POINTS_NEED_HQ",
        "points are redeemed only while head office answers; take another tender",
      );
    }
    if (!local) {
      throw new CardTenderError("CARD_NOT_FOUND", `no card ${base.card} here: check the number`, {
        number: base.card,
      });
    }
    const allowance = this.ctx.settings.offlineAllowanceMinor;
    return this.ctx.db.transaction((tx) => {
      const sumOf = (statuses: RedemptionRow["status"][], sameDay: boolean) =>
        Number(
          tx
            .select({ total: sql<number>`coalesce(sum(${cardRedemptions.valueMinor}), 0)` })
            .from(cardRedemptions)
            .where(
              and(
                eq(cardRedemptions.card, base.card),
                inArray(cardRedemptions.status, statuses),
                sameDay ? eq(cardRedemptions.day, base.day) : undefined,
              ),
            )
            .get()?.total ?? 0,
        );
      const used = sumOf(["offline", "reconciled"], true);
      if (tender.amountMinor > allowance - used) {
        throw new CardTenderError(
          "OFFLINE_ALLOWANCE_EXCEEDED",
          `head office is unreachable, and card ${base.card} may pay ${Math.max(0, allowance - used)} more today at this store (allowance ${allowance}), less than ${tender.amountMinor}`,
          { allowanceMinor: allowance, usedMinor: used, availableMinor: Math.max(0, allowance - used) },
        );
      }
      const balance = local.balanceMinor - sumOf(["offline"], false);
      if (tender.amountMinor > balance) {
        throw new CardTenderError(
          "OVER_BALANCE",
          `card ${base.card} has ${Math.max(0, balance)} left (as head office last said), less than ${tender.amountMinor}`,
          { available: Math.max(0, balance), asked: tender.amountMinor },
        );
      }
      const row = {
        ...base,
        amount: tender.amountMinor,
        valueMinor: tender.amountMinor,
        status: "offline" as const,
      };
      tx.insert(cardRedemptions)
        .values(row)
        .onConflictDoUpdate({ target: cardRedemptions.id, set: row })
        .run();
      return tx.select().from(cardRedemptions).where(eq(cardRedemptions.id, base.id)).get() as RedemptionRow;
    });
  }

  private mark(id: string, status: RedemptionRow["status"], extra: Partial<RedemptionRow> = {}): void {
    this.ctx.db
      .update(cardRedemptions)
      .set({ status, lastError: null, ...extra })
      .where(eq(cardRedemptions.id, id))
      .run();
  }

  private failed(id: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.ctx.db.update(cardRedemptions).set({ lastError: message }).where(eq(cardRedemptions.id, id)).run();
  }

  /** The sale was not recorded: what was held is freed, what was taken offline never happened. */
  private async undo(rows: readonly RedemptionRow[]): Promise<void> {
    for (const row of rows) {
      if (row.status === "offline") {
        this.mark(row.id, "released");
        continue;
      }
      if (row.status !== "held") continue;
      try {
        await this.ctx.accounts?.release(row.id);
        this.mark(row.id, "released");
      } catch (error) {
        // Left held: the reconciler releases it (no sale has its id).
        this.failed(row.id, error);
      }
    }
  }

  private async commit(row: RedemptionRow): Promise<void> {
    try {
      await this.ctx.accounts?.commit(row.id);
      this.mark(row.id, "committed");
    } catch (error) {
      this.failed(row.id, error);
    }
  }

  private async postEarnings(saleIds?: readonly string[]): Promise<number> {
    const link = this.ctx.accounts;
    if (!link) return 0;
    const pending = this.ctx.db
      .select()
      .from(cardEarnings)
      .where(
        and(
          eq(cardEarnings.status, "pending"),
          saleIds ? inArray(cardEarnings.saleId, [...saleIds]) : undefined,
        ),
      )
      .all();
    let posted = 0;
    for (const e of pending) {
      try {
        const answer = await link.earn({
          card: e.card,
          storeId: this.ctx.storeId,
          saleId: e.saleId,
          paidMinor: e.paidMinor,
        });
        this.ctx.db
          .update(cardEarnings)
          .set({ status: "earned", points: answer.points, lastError: null })
          .where(eq(cardEarnings.saleId, e.saleId))
          .run();
        posted++;
      } catch (error) {
        const refused = error instanceof CardTenderError && !(error instanceof HqUnreachableError);
        this.ctx.db
          .update(cardEarnings)
          .set({
            ...(refused ? { status: "refused" as const } : {}),
            lastError: error instanceof Error ? error.message : String(error),
          })
          .where(eq(cardEarnings.saleId, e.saleId))
          .run();
        if (!refused) break;
      }
    }
    return posted;
  }

  /**
   * Brings head office up to date: commits what sales recorded here hold, releases holds of sales
   * never recorded (after `staleMs`), sends offline redemptions (head office answers any
   * overdraft) and earnings. Stops at the first sign that head office is unreachable.
   */
  async reconcile(staleMs = 60_000): Promise<{
    committed: number;
    released: number;
    reconciled: number;
    earned: number;
    refunded: number;
    reversed: number;
    loaded: number;
  }> {
    const done = { committed: 0, released: 0, reconciled: 0, earned: 0, refunded: 0, reversed: 0, loaded: 0 };
    const link = this.ctx.accounts;
    if (!link) return done;
    // Customers created at the tills first: their cards' earnings need them at head office.
    await new TillCustomersService(this.ctx).forward();
    const rows = this.ctx.db
      .select()
      .from(cardRedemptions)
      .where(inArray(cardRedemptions.status, ["held", "offline"]))
      .orderBy(cardRedemptions.at)
      .all();
    const now = this.ctx.now().getTime();
    try {
      for (const row of rows) {
        try {
          if (row.status === "offline") {
            const answer = await link.offline({
              id: row.id,
              card: row.card,
              storeId: this.ctx.storeId,
              saleId: row.saleId,
              ...(row.unit === "points" ? { points: row.amount } : { amountMinor: row.amount }),
              at: row.at,
            });
            this.mark(row.id, "reconciled", { overdraft: answer.overdraft });
            done.reconciled++;
          } else if (this.sales.get(row.saleId)) {
            await link.commit(row.id);
            this.mark(row.id, "committed");
            done.committed++;
          } else if (now - new Date(row.at).getTime() > staleMs) {
            await link.release(row.id);
            this.mark(row.id, "released");
            done.released++;
          }
        } catch (error) {
          this.failed(row.id, error);
          if (error instanceof HqUnreachableError) throw error;
        }
      }
    } catch (error) {
      if (!(error instanceof HqUnreachableError)) throw error;
      return done;
    }
    done.earned = await this.postEarnings();
    done.refunded = await postCardRefunds(this.ctx);
    done.reversed = await postEarningReversals(this.ctx);
    done.loaded = await postGiftCardLoads(this.ctx);
    return done;
  }
}
