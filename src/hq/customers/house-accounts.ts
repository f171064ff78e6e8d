/**
 * House charge accounts. A customer's account is one more account of the ledger, named
 * `account:<customerId>`, unit `account`, whose balance is the credit still available: setting
 * the credit limit posts the change of limit (`limit`), a charge is a redemption of it (held,
 * then committed as a `redeem` entry), a payment (`payment`) and a return (`refund`) give credit
 * back. So what is owed is the limit less the balance, and a charge over the limit is refused by
 * the same rule that keeps a card from being overspent, in one transaction.
 */
import { and, asc, count, eq, inArray, sum } from "drizzle-orm";
import { accountEntries, customers, type redemptions } from "../../../schema/hq.ts";
import type { RedemptionInput } from "../../api/hq/accounts.ts";
import type {
  AccountPaymentInput,
  HouseAccountAnswer,
  StatementAnswer,
  StatementQuery,
} from "../../api/hq/house-accounts.ts";
import type { HqContext, HqTx } from "../context.ts";
import { usableCard } from "./cards.ts";
import { AccountError, CustomerError } from "./errors.ts";
import { balanceOf, heldOf, holdRedemption, postEntry } from "./ledger.ts";

type RedemptionRow = typeof redemptions.$inferSelect;

/** The ledger's name for a customer's house account. */
export function houseAccountKey(customerId: string): string {
  return `account:${customerId}`;
}

/** The customer an account belongs to: the one given, or the one they were merged into. */
export function accountHolder(tx: HqTx, customerId: string): string {
  let id = customerId;
  for (let hops = 0; hops < 100; hops++) {
    const row = tx
      .select({ id: customers.id, mergedInto: customers.mergedInto })
      .from(customers)
      .where(eq(customers.id, id))
      .get();
    if (!row) throw new CustomerError("CUSTOMER_NOT_FOUND", `no customer "${id}"`, { id });
    if (row.mergedInto === null) return row.id;
    id = row.mergedInto;
  }
  return id;
}

function limitOf(tx: HqTx, key: string): { limit: number; set: boolean } {
  const row = tx
    .select({ total: sum(accountEntries.amount), count: count() })
    .from(accountEntries)
    .where(and(eq(accountEntries.card, key), eq(accountEntries.type, "limit")))
    .get();
  return { limit: Number(row?.total ?? 0), set: Number(row?.count ?? 0) > 0 };
}

function answerOf(tx: HqTx, customerId: string): HouseAccountAnswer {
  const key = houseAccountKey(customerId);
  const { limit } = limitOf(tx, key);
  const balance = balanceOf(tx, key, "account");
  const held = heldOf(tx, key, "account");
  return {
    customerId,
    creditLimitMinor: limit,
    owedMinor: limit - balance,
    heldMinor: held,
    availableMinor: balance - held,
  };
}

/** Holds a charge to the house account of the card's customer, within its credit limit. */
export function authoriseCharge(tx: HqTx, input: RedemptionInput, request: string, now: Date): RedemptionRow {
  const card = usableCard(tx, input.card, now);
  const holder = card.customerId === null ? null : accountHolder(tx, card.customerId);
  const key = holder === null ? null : houseAccountKey(holder);
  if (holder === null || key === null || !limitOf(tx, key).set) {
    throw new AccountError(
      "NO_HOUSE_ACCOUNT",
      `card ${input.card}'s customer has no house account: set a credit limit with PUT /api/v1/customers/:id/account`,
      { number: input.card, customerId: card.customerId },
    );
  }
  const amount = input.amountMinor ?? 0;
  const state = answerOf(tx, holder);
  if (amount > state.availableMinor) {
    throw new AccountError(
      "OVER_CREDIT_LIMIT",
      `the house account of customer ${holder} has ${state.availableMinor} left of its ${state.creditLimitMinor} limit, less than the ${amount} charged`,
      { ...state, asked: amount },
    );
  }
  return holdRedemption(
    tx,
    {
      id: input.id,
      card: key,
      unit: "account",
      amount,
      valueMinor: amount,
      storeId: input.storeId,
      saleId: input.saleId ?? null,
      request,
    },
    now,
  );
}

export class HouseAccountsService {
  constructor(private readonly ctx: HqContext) {}

  get(customerId: string): HouseAccountAnswer {
    return this.ctx.db.transaction((tx) => answerOf(tx, accountHolder(tx, customerId)));
  }

  /** Sets the credit limit: never below what is owed and held. */
  setLimit(customerId: string, creditLimitMinor: number): HouseAccountAnswer {
    const now = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      const holder = accountHolder(tx, customerId);
      const key = houseAccountKey(holder);
      const state = answerOf(tx, holder);
      const { limit, set } = limitOf(tx, key);
      if (set && creditLimitMinor === limit) return state;
      if (creditLimitMinor < state.owedMinor + state.heldMinor) {
        throw new AccountError(
          "LIMIT_BELOW_OWED",
          `customer ${holder} owes ${state.owedMinor} (and ${state.heldMinor} is held): the limit cannot go below ${state.owedMinor + state.heldMinor}`,
          { ...state, asked: creditLimitMinor },
        );
      }
      const limits = tx
        .select({ n: count() })
        .from(accountEntries)
        .where(and(eq(accountEntries.card, key), eq(accountEntries.type, "limit")))
        .get();
      postEntry(
        tx,
        {
          key: `limit:${holder}:${Number(limits?.n ?? 0) + 1}`,
          card: key,
          unit: "account",
          type: "limit",
          amount: creditLimitMinor - limit,
          note: `credit limit ${creditLimitMinor}`,
        },
        now,
      );
      return answerOf(tx, holder);
    });
  }

  /** A payment on account, once per id; never more than is owed. */
  pay(customerId: string, input: AccountPaymentInput): HouseAccountAnswer {
    const now = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      const holder = accountHolder(tx, customerId);
      const key = houseAccountKey(holder);
      const entryKey = `payment:${holder}:${input.id}`;
      const done = tx.select().from(accountEntries).where(eq(accountEntries.key, entryKey)).get();
      const state = answerOf(tx, holder);
      if (!done && input.amountMinor > state.owedMinor) {
        throw new AccountError(
          "OVERPAYMENT",
          `customer ${holder} owes ${state.owedMinor}, less than the ${input.amountMinor} paid`,
          { owedMinor: state.owedMinor, asked: input.amountMinor },
        );
      }
      postEntry(
        tx,
        {
          key: entryKey,
          card: key,
          unit: "account",
          type: "payment",
          amount: input.amountMinor,
          storeId: input.storeId ?? null,
          note: input.note ?? null,
        },
        now,
      );
      return answerOf(tx, holder);
    });
  }

  /** Charges, refunds and payments from `from` to `to` (exclusive), with what was owed before and after. */
  statement(customerId: string, query: StatementQuery): StatementAnswer {
    return this.ctx.db.transaction((tx) => {
      const holder = accountHolder(tx, customerId);
      const rows = tx
        .select()
        .from(accountEntries)
        .where(
          and(
            eq(accountEntries.card, houseAccountKey(holder)),
            inArray(accountEntries.type, ["redeem", "refund", "payment"]),
          ),
        )
        .orderBy(asc(accountEntries.id))
        .all();
      let owed = 0;
      let opening = 0;
      const entries: StatementAnswer["entries"] = [];
      for (const r of rows) {
        if (query.to !== undefined && r.at >= query.to) break;
        owed -= r.amount;
        if (query.from !== undefined && r.at < query.from) {
          opening = owed;
          continue;
        }
        entries.push({
          at: r.at,
          type: r.type === "redeem" ? "charge" : r.type === "refund" ? "refund" : "payment",
          amountMinor: -r.amount,
          owedMinor: owed,
          key: r.key,
          storeId: r.storeId,
          saleId: r.saleId,
          note: r.note,
        });
      }
      return {
        customerId: holder,
        from: query.from ?? null,
        to: query.to ?? null,
        creditLimitMinor: limitOf(tx, houseAccountKey(holder)).limit,
        openingMinor: opening,
        entries,
        closingMinor: owed,
      };
    });
  }
}
