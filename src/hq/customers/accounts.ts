/**
 * The account server: the loyalty programme, earning (once per sale), adjustments, redemptions
 * (authorise holds the amount; commit debits it; release frees it) and points expiry. Each runs
 * in one SQLite transaction, and SQLite runs one writer at a time, so two redemptions on one card
 * never both see the same balance: the sum of what is held never passes it.
 */
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { accountEntries, loyaltyProgram, redemptions } from "../../../schema/hq.ts";
import type {
  AdjustmentInput,
  EarnInput,
  LoyaltyProgram,
  RedemptionAnswer,
  RedemptionInput,
} from "../../api/hq/accounts.ts";
import type { CatalogChange } from "../../core/catalog-changes.ts";
import {
  loyaltyProgramSchema,
  pointsForAmount,
  pointsToExpire,
  pointsValueMinor,
  redemptionRefusal,
} from "../../core/loyalty.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { accountStatements, noLoyaltyProgram } from "./account-statements.ts";
import { cardRow } from "./cards.ts";
import { recordCard } from "./changes.ts";
import { AccountError } from "./errors.ts";
import { authoriseCharge } from "./house-accounts.ts";
import { balanceOf, entriesOf, heldOf, postEntry, toEntry, type Unit } from "./ledger.ts";
import { customerEvent } from "./notify.ts";

type RedemptionRow = typeof redemptions.$inferSelect;

export interface EarnResult {
  card: string;
  key: string;
  points: number;
  balance: number;
  /** True when this sale had already earned (nothing was added again). */
  duplicate: boolean;
}

function redemptionAnswer(row: RedemptionRow): RedemptionAnswer {
  return {
    id: row.id,
    status: row.status === "held" ? "authorised" : row.status,
    card: row.card,
    unit: row.unit,
    points: row.unit === "points" ? row.amount : null,
    amountMinor: row.valueMinor,
    storeId: row.storeId,
    saleId: row.saleId,
  };
}

export class AccountsService {
  constructor(private readonly ctx: HqContext) {}

  program(tx: HqTx): LoyaltyProgram | null {
    const row = tx.select().from(loyaltyProgram).where(eq(loyaltyProgram.id, 1)).get();
    return row ? loyaltyProgramSchema.parse(JSON.parse(row.program)) : null;
  }

  getProgram(): LoyaltyProgram {
    const program = this.ctx.db.transaction((tx) => this.program(tx));
    if (!program)
      throw new AccountError(
        "NO_LOYALTY_PROGRAM",
        "no loyalty programme yet: set one with PUT /api/v1/loyalty",
      );
    return program;
  }

  setProgram(program: LoyaltyProgram): LoyaltyProgram {
    const at = this.ctx.now().toISOString();
    this.ctx.db
      .insert(loyaltyProgram)
      .values({ id: 1, program: JSON.stringify(program), updatedAt: at })
      .onConflictDoUpdate({
        target: loyaltyProgram.id,
        set: { program: JSON.stringify(program), updatedAt: at },
      })
      .run();
    return program;
  }

  /** Points for a sale, once (key `sale:<saleId>`): a retry answers the first earning. */
  earn(input: EarnInput): EarnResult {
    const now = this.ctx.now();
    const { answer, change } = this.ctx.db.transaction((tx) => this.earnInTx(tx, input, now));
    publishCommitted(this.ctx, change ? [change] : []);
    return answer;
  }

  /**
   * Earning inside the caller's transaction (the ingest applies a batch of sales in one): the
   * card's change-log entry comes back for the caller to publish after its commit. Throws the
   * refusals of `earn` (an unknown, blocked or gift card): run it in a savepoint to go on.
   */
  earnInTx(tx: HqTx, input: EarnInput, now: Date): { answer: EarnResult; change?: CatalogChange } {
    const statements = accountStatements(this.ctx.sqlite);
    const { customerId, change, ...answer } = statements.earn(input, now);
    if (customerId !== undefined && statements.notificationsOn()) {
      customerEvent(
        this.ctx,
        tx,
        "points.earned",
        customerId,
        { card: input.card, points: answer.points, balance: answer.balance, saleId: input.saleId },
        now,
      );
    }
    return change ? { answer, change } : { answer };
  }

  adjust(input: AdjustmentInput) {
    const now = this.ctx.now();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      cardRow(tx, input.card);
      const unit: Unit = input.points !== undefined ? "points" : "money";
      const amount = input.points ?? input.amountMinor ?? 0;
      const held = heldOf(tx, input.card, unit);
      const duplicate = tx
        .select({ id: accountEntries.id })
        .from(accountEntries)
        .where(eq(accountEntries.key, input.key))
        .get();
      if (!duplicate && amount < 0 && balanceOf(tx, input.card, unit) + amount < held) {
        throw new AccountError(
          "OVER_BALANCE",
          `card ${input.card} has ${balanceOf(tx, input.card, unit) - held} ${unit} available to take off (the rest is held), less than ${-amount}`,
          {
            card: input.card,
            held,
          },
        );
      }
      const posted = postEntry(
        tx,
        { key: input.key, card: input.card, unit, type: "adjust", amount, note: input.reason },
        now,
      );
      return {
        answer: { entry: toEntry(posted.entry), balance: posted.balance, duplicate: posted.duplicate },
        changes: posted.duplicate ? [] : [recordCard(tx, input.card, now)],
      };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  /** Authorises a redemption: holds the points or money, or refuses with a precise code. */
  authorise(input: RedemptionInput): RedemptionAnswer {
    const now = this.ctx.now();
    const request = JSON.stringify([
      input.card,
      input.storeId,
      input.saleId ?? null,
      input.points ?? null,
      input.amountMinor ?? null,
      ...(input.unit === undefined ? [] : [input.unit]),
    ]);
    const statements = accountStatements(this.ctx.sqlite);
    return this.ctx.db.transaction((tx) => {
      const existing = statements.redemption(input.id);
      if (existing) {
        if (existing.request !== request) {
          throw new AccountError(
            "REDEMPTION_ID_REUSED",
            `redemption ${input.id} was authorised for a different request`,
            {
              id: input.id,
            },
          );
        }
        return redemptionAnswer(existing);
      }
      if (input.unit === "account") return redemptionAnswer(authoriseCharge(tx, input, request, now));
      const card = statements.usableCard(input.card, now);
      let unit: Unit;
      let amount: number;
      let valueMinor: number;
      let minimum = 1;
      if (card.kind === "gift" || input.unit === "money") {
        if (input.amountMinor === undefined) {
          throw new AccountError(
            "CARD_KIND_MISMATCH",
            `card ${input.card} is a gift card: redeem an amountMinor, not points`,
            {
              number: input.card,
            },
          );
        }
        unit = "money";
        amount = input.amountMinor;
        valueMinor = amount;
      } else {
        const program = statements.program();
        if (!program) throw noLoyaltyProgram();
        unit = "points";
        amount = input.points ?? pointsForAmount(program, input.amountMinor ?? 0);
        valueMinor = pointsValueMinor(program, amount);
        minimum = program.minRedeemPoints ?? 1;
      }
      const balance = statements.balance(input.card, unit);
      const held = statements.held(input.card, unit);
      const refusal = redemptionRefusal(amount, balance, held, minimum);
      if (refusal !== null) {
        const what = unit === "points" ? "points" : "minor units";
        const messages = {
          NOTHING_TO_REDEEM: `${input.amountMinor ?? 0} minor units are worth no whole point`,
          BELOW_MINIMUM: `at least ${minimum} points are redeemed at a time, not ${amount}`,
          OVER_BALANCE: `card ${input.card} has ${balance - held} ${what} available (${balance} less ${held} held), less than the ${amount} asked`,
        };
        throw new AccountError(refusal, messages[refusal], {
          card: input.card,
          unit,
          balance,
          held,
          available: balance - held,
          asked: amount,
        });
      }
      const row = statements.hold(
        {
          id: input.id,
          card: input.card,
          unit,
          amount,
          valueMinor,
          storeId: input.storeId,
          saleId: input.saleId ?? null,
          request,
        },
        now,
      );
      return redemptionAnswer(row);
    });
  }

  private redemption(tx: HqTx, id: string): RedemptionRow {
    const row = tx.select().from(redemptions).where(eq(redemptions.id, id)).get();
    if (!row) throw new AccountError("REDEMPTION_NOT_FOUND", `no redemption ${id}`, { id });
    return row;
  }

  /** The store a redemption was authorised for (only that store may commit or release it). */
  storeOf(id: string): string {
    return this.ctx.db.transaction((tx) => this.redemption(tx, id).storeId);
  }

  /** Debits what the redemption holds (key `redemption:<id>`); again answers the same. */
  commit(id: string): RedemptionAnswer {
    const now = this.ctx.now();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const row = this.redemption(tx, id);
      if (row.status === "committed")
        return { answer: redemptionAnswer(row), changes: [] as CatalogChange[] };
      if (row.status === "released") {
        throw new AccountError("REDEMPTION_RELEASED", `redemption ${id} was released: authorise a new one`, {
          id,
        });
      }
      postEntry(
        tx,
        {
          key: `redemption:${id}`,
          card: row.card,
          unit: row.unit,
          type: "redeem",
          amount: -row.amount,
          storeId: row.storeId,
          saleId: row.saleId,
        },
        now,
      );
      tx.update(redemptions)
        .set({ status: "committed", updatedAt: now.toISOString() })
        .where(eq(redemptions.id, id))
        .run();
      // A house account is no card: nothing to send the stores.
      const changes = row.unit === "account" ? [] : [recordCard(tx, row.card, now)];
      return { answer: redemptionAnswer(this.redemption(tx, id)), changes };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  release(id: string): RedemptionAnswer {
    const now = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      const row = this.redemption(tx, id);
      if (row.status === "released") return redemptionAnswer(row);
      if (row.status === "committed") {
        throw new AccountError(
          "REDEMPTION_COMMITTED",
          `redemption ${id} was committed: refund it as a return instead`,
          { id },
        );
      }
      tx.update(redemptions)
        .set({ status: "released", updatedAt: now.toISOString() })
        .where(eq(redemptions.id, id))
        .run();
      return redemptionAnswer(this.redemption(tx, id));
    });
  }

  /**
   * Takes expired points off every card that has any (key `expire:<card>:<now>`); points held by
   * a redemption are never expired under it.
   */
  expire(): { at: string; cards: number; points: number } {
    const now = this.ctx.now();
    const at = now.toISOString();
    const { result, changes } = this.ctx.db.transaction((tx) => {
      const candidates = tx
        .selectDistinct({ card: accountEntries.card })
        .from(accountEntries)
        .where(
          and(
            eq(accountEntries.unit, "points"),
            lte(accountEntries.expiresAt, at),
            gt(accountEntries.amount, 0),
          ),
        )
        .all();
      const changes: CatalogChange[] = [];
      let points = 0;
      for (const { card } of candidates) {
        const moves = entriesOf(tx, [card]).filter((e) => e.unit === "points");
        const due = pointsToExpire(moves, at, heldOf(tx, card, "points"));
        if (due <= 0) continue;
        postEntry(
          tx,
          { key: `expire:${card}:${at}`, card, unit: "points", type: "expire", amount: -due },
          now,
        );
        changes.push(recordCard(tx, card, now));
        points += due;
      }
      return { result: { at, cards: changes.length, points }, changes };
    });
    publishCommitted(this.ctx, changes);
    return result;
  }

  /** Every balance against the sum of its ledger rows: the cards where they differ (none). */
  mismatches(): { card: string; unit: string; balance: number; ledger: number }[] {
    return this.ctx.db.all(sql`
      SELECT b.card AS card, b.unit AS unit, b.balance AS balance, coalesce(sum(e.amount), 0) AS ledger
      FROM account_balances b LEFT JOIN account_entries e ON e.card = b.card AND e.unit = b.unit
      GROUP BY b.card, b.unit HAVING b.balance != coalesce(sum(e.amount), 0)`);
  }
}
