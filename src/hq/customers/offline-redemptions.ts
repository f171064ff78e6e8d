/**
 * Redemptions a store took offline, within the card's allowance, as they reach head office: the
 * card is debited what it still has available (never below zero, never under what is held), and
 * the rest is the overdraft, kept and reported. Once per redemption id.
 */
import { and, asc, eq, gt, gte, lt, type SQL } from "drizzle-orm";
import { offlineRedemptions } from "../../../schema/hq.ts";
import type { OfflineRedemptionAnswer, OfflineRedemptionInput } from "../../api/hq/offline-redemptions.ts";
import type { CatalogChange } from "../../core/catalog-changes.ts";
import { pointsValueMinor } from "../../core/loyalty.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { AccountsService } from "./accounts.ts";
import { cardRow } from "./cards.ts";
import { recordCard } from "./changes.ts";
import { AccountError } from "./errors.ts";
import { balanceOf, heldOf, postEntry, type Unit } from "./ledger.ts";

type Row = typeof offlineRedemptions.$inferSelect;

function answerOf(row: Row, duplicate: boolean): OfflineRedemptionAnswer {
  const { request: _request, ...rest } = row;
  return { ...rest, duplicate };
}

export interface OfflineReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  overdrawn?: boolean | undefined;
}

export class OfflineRedemptionsService {
  private readonly accounts: AccountsService;
  constructor(private readonly ctx: HqContext) {
    this.accounts = new AccountsService(ctx);
  }

  apply(input: OfflineRedemptionInput): OfflineRedemptionAnswer {
    const now = this.ctx.now();
    const request = JSON.stringify([
      input.card,
      input.storeId,
      input.saleId,
      input.points ?? null,
      input.amountMinor ?? null,
    ]);
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(offlineRedemptions).where(eq(offlineRedemptions.id, input.id)).get();
      if (existing) {
        if (existing.request !== request) {
          throw new AccountError(
            "REDEMPTION_ID_REUSED",
            `offline redemption ${input.id} arrived before with a different request`,
            {
              id: input.id,
            },
          );
        }
        return { answer: answerOf(existing, true), changes: [] as CatalogChange[] };
      }
      // Taken while head office was out of reach: it happened, blocked card or not.
      cardRow(tx, input.card);
      const unit: Unit = input.points !== undefined ? "points" : "money";
      const asked = input.points ?? input.amountMinor ?? 0;
      const available = Math.max(0, balanceOf(tx, input.card, unit) - heldOf(tx, input.card, unit));
      const debited = Math.min(asked, available);
      if (debited > 0) {
        postEntry(
          tx,
          {
            key: `offline:${input.id}`,
            card: input.card,
            unit,
            type: "redeem",
            amount: -debited,
            storeId: input.storeId,
            saleId: input.saleId,
            note: "offline",
          },
          now,
        );
      }
      const program = unit === "points" ? this.accounts.program(tx) : null;
      const money = (n: number) => (program ? pointsValueMinor(program, n) : n);
      const row = tx
        .insert(offlineRedemptions)
        .values({
          id: input.id,
          card: input.card,
          unit,
          asked,
          askedMinor: money(asked),
          debited,
          overdraft: asked - debited,
          overdraftMinor: money(asked - debited),
          storeId: input.storeId,
          saleId: input.saleId,
          at: input.at,
          receivedAt: now.toISOString(),
          request,
        })
        .returning()
        .get();
      return { answer: answerOf(row, false), changes: debited > 0 ? [recordCard(tx, input.card, now)] : [] };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  report(query: OfflineReportQuery) {
    const where: SQL[] = [];
    if (query.from !== undefined) where.push(gte(offlineRedemptions.at, query.from));
    if (query.to !== undefined) where.push(lt(offlineRedemptions.at, query.to));
    if (query.overdrawn === true) where.push(gt(offlineRedemptions.overdraft, 0));
    const rows = this.ctx.db
      .select()
      .from(offlineRedemptions)
      .where(and(...where))
      .orderBy(asc(offlineRedemptions.at), asc(offlineRedemptions.id))
      .all();
    return {
      redemptions: rows.map((r) => {
        const { duplicate: _d, ...rest } = answerOf(r, false);
        return rest;
      }),
      askedMinor: rows.reduce((s, r) => s + r.askedMinor, 0),
      overdraftMinor: rows.reduce((s, r) => s + r.overdraftMinor, 0),
    };
  }
}
