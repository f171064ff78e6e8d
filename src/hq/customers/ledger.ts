/**
 * The account ledger: every movement of a card's points or money is one row, never changed, made
 * once by its key; the card's balance (account_balances) moves in the same transaction, so a
 * balance always equals the sum of its rows. Debits never take a balance below zero.
 */
import { and, asc, eq, inArray, sum } from "drizzle-orm";
import { accountBalances, accountEntries, cards, redemptions } from "../../../schema/hq.ts";
import type { HqTx } from "../context.ts";
import { balanceOf } from "./changes.ts";
import { AccountError } from "./errors.ts";

/** `account`: a customer's house charge account (its balance is the credit still available). */
export type Unit = "points" | "money" | "account";
export type EntryRow = typeof accountEntries.$inferSelect;
export type NewEntry = Omit<typeof accountEntries.$inferInsert, "id" | "at">;

export { balanceOf };

/**
 * Posts an entry once: the same key again answers the first entry (`duplicate`), or refuses when
 * it differs (ENTRY_KEY_REUSED). A debit over the balance is refused (OVER_BALANCE).
 */
export function postEntry(
  tx: HqTx,
  entry: NewEntry,
  at: Date,
): { entry: EntryRow; balance: number; duplicate: boolean } {
  const existing = tx.select().from(accountEntries).where(eq(accountEntries.key, entry.key)).get();
  if (existing) {
    if (
      existing.card !== entry.card ||
      existing.unit !== entry.unit ||
      existing.type !== entry.type ||
      existing.amount !== entry.amount
    ) {
      throw new AccountError(
        "ENTRY_KEY_REUSED",
        `the key "${entry.key}" was already used for a different movement (${existing.type} ${existing.amount} ${existing.unit} on ${existing.card})`,
        { key: entry.key },
      );
    }
    return { entry: existing, balance: balanceOf(tx, existing.card, existing.unit), duplicate: true };
  }
  const balance = balanceOf(tx, entry.card, entry.unit) + entry.amount;
  if (balance < 0) {
    throw new AccountError(
      "OVER_BALANCE",
      `card ${entry.card} has ${balance - entry.amount} ${entry.unit === "points" ? "points" : "minor units"}, less than the ${-entry.amount} asked`,
      { card: entry.card, balance: balance - entry.amount },
    );
  }
  const row = tx
    .insert(accountEntries)
    .values({ ...entry, at: at.toISOString() })
    .returning()
    .get();
  tx.insert(accountBalances)
    .values({ card: entry.card, unit: entry.unit, balance: entry.amount })
    .onConflictDoUpdate({
      target: [accountBalances.card, accountBalances.unit],
      set: { balance },
    })
    .run();
  return { entry: row, balance, duplicate: false };
}

/** Holds a redemption: what it takes is held (not yet debited) until committed or released. */
export function holdRedemption(
  tx: HqTx,
  hold: Omit<typeof redemptions.$inferInsert, "status" | "createdAt" | "updatedAt">,
  now: Date,
): typeof redemptions.$inferSelect {
  const at = now.toISOString();
  return tx
    .insert(redemptions)
    .values({ ...hold, status: "held", createdAt: at, updatedAt: at })
    .returning()
    .get();
}

/** What authorised redemptions hold on a card, per unit. */
export function heldOf(tx: HqTx, card: string, unit: Unit): number {
  const row = tx
    .select({ total: sum(redemptions.amount) })
    .from(redemptions)
    .where(and(eq(redemptions.card, card), eq(redemptions.unit, unit), eq(redemptions.status, "held")))
    .get();
  return Number(row?.total ?? 0);
}

/** The cards a card replaced (directly or not), oldest first, then the card itself. */
export function lineageOf(tx: HqTx, number: string): string[] {
  const chain = [number];
  for (let current = number; chain.length < 100; ) {
    const before = tx.select({ number: cards.number }).from(cards).where(eq(cards.replacedBy, current)).get();
    if (!before) break;
    chain.unshift(before.number);
    current = before.number;
  }
  return chain;
}

export function entriesOf(tx: HqTx, numbers: readonly string[]): EntryRow[] {
  return tx
    .select()
    .from(accountEntries)
    .where(inArray(accountEntries.card, [...numbers]))
    .orderBy(asc(accountEntries.id))
    .all();
}

export function toEntry(row: EntryRow) {
  const { id: _id, ...rest } = row;
  return rest;
}
