/**
 * Cards: loyalty and gift cards, issued one at a time or in bulk with check digits, linked to a
 * customer, blocked on loss, replaced (the balance moves to the new card by transfer entries,
 * points keeping their expiry; the old card is blocked and its history is read with the new
 * one's). Every change is recorded for the stores.
 */
import { eq } from "drizzle-orm";
import { cards, customers, hqMeta } from "../../../schema/hq.ts";
import type { BulkCardsInput, CardAnswer, CardInput } from "../../api/hq/accounts.ts";
import { capacityOf, cardNumberAt } from "../../core/card-numbers.ts";
import type { CatalogChange } from "../../core/catalog-changes.ts";
import { remainingLots } from "../../core/loyalty.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { recordCard } from "./changes.ts";
import { AccountError, CustomerError } from "./errors.ts";
import { balanceOf, entriesOf, heldOf, lineageOf, postEntry, toEntry } from "./ledger.ts";
import { customerEvent } from "./notify.ts";

type CardRow = typeof cards.$inferSelect;

export function cardRow(tx: HqTx, number: string): CardRow {
  const row = tx.select().from(cards).where(eq(cards.number, number)).get();
  if (!row) throw noCard(number);
  return row;
}

export function noCard(number: string): AccountError {
  return new AccountError("CARD_NOT_FOUND", `no card ${number}: issue it with POST /api/v1/cards`, {
    number,
  });
}

/** A card that may be used now: not blocked, not expired. */
export function usableCard(tx: HqTx, number: string, now: Date): CardRow {
  return checkUsable(cardRow(tx, number), now);
}

/** Refuses a card that is blocked or expired at `now`; answers it otherwise. */
export function checkUsable<R extends Pick<CardRow, "number" | "blockedAt" | "replacedBy" | "expiresAt">>(
  row: R,
  now: Date,
): R {
  const number = row.number;
  if (row.blockedAt !== null) {
    throw new AccountError(
      "CARD_BLOCKED",
      row.replacedBy ? `card ${number} was replaced by ${row.replacedBy}` : `card ${number} is blocked`,
      { number, replacedBy: row.replacedBy },
    );
  }
  if (row.expiresAt !== null && Date.parse(row.expiresAt) <= now.getTime()) {
    throw new AccountError("CARD_EXPIRED", `card ${number} expired at ${row.expiresAt}`, {
      number,
      expiresAt: row.expiresAt,
    });
  }
  return row;
}

export function cardAnswer(tx: HqTx, row: CardRow): CardAnswer {
  return {
    number: row.number,
    kind: row.kind,
    customerId: row.customerId,
    blocked: row.blockedAt !== null,
    points: balanceOf(tx, row.number, "points"),
    balanceMinor: balanceOf(tx, row.number, "money"),
    heldPoints: heldOf(tx, row.number, "points"),
    heldMinor: heldOf(tx, row.number, "money"),
    replacedBy: row.replacedBy,
    expiresAt: row.expiresAt,
  };
}

function requireCustomer(tx: HqTx, id: string | undefined): void {
  if (id === undefined) return;
  const row = tx.select().from(customers).where(eq(customers.id, id)).get();
  if (!row) throw new CustomerError("CUSTOMER_NOT_FOUND", `no customer "${id}"`, { id });
  if (row.mergedInto !== null || row.erasedAt !== null) {
    throw new CustomerError(
      row.erasedAt !== null ? "CUSTOMER_ERASED" : "CUSTOMER_MERGED",
      `customer "${id}" ${row.erasedAt !== null ? "was erased" : `was merged into "${row.mergedInto}"`}: a card cannot be linked to them`,
      { id },
    );
  }
}

export class CardsService {
  constructor(private readonly ctx: HqContext) {}

  private issueInTx(tx: HqTx, input: CardInput, now: Date): CatalogChange {
    if (tx.select({ n: cards.number }).from(cards).where(eq(cards.number, input.number)).get()) {
      throw new AccountError("CARD_EXISTS", `card ${input.number} is already issued`, {
        number: input.number,
      });
    }
    requireCustomer(tx, input.customerId);
    tx.insert(cards)
      .values({
        number: input.number,
        kind: input.kind,
        customerId: input.customerId ?? null,
        expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
        createdAt: now.toISOString(),
      })
      .run();
    if (input.balanceMinor) {
      postEntry(
        tx,
        {
          key: `issue:${input.number}`,
          card: input.number,
          unit: "money",
          type: "issue",
          amount: input.balanceMinor,
          storeId: input.storeId ?? null,
        },
        now,
      );
    }
    return recordCard(tx, input.number, now);
  }

  issue(input: CardInput): CardAnswer {
    const now = this.ctx.now();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const change = this.issueInTx(tx, input, now);
      return { answer: cardAnswer(tx, cardRow(tx, input.number)), changes: [change] };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  /** Issues `count` new numbers after the last one issued with this prefix and check. */
  bulk(input: BulkCardsInput): { kind: string; numbers: string[] } {
    const now = this.ctx.now();
    const metaKey = `cards.bulk.${input.check}.${input.check === "ean13" ? 13 : input.length}.${input.prefix}`;
    const { numbers, changes } = this.ctx.db.transaction((tx) => {
      let seq = Number(tx.select().from(hqMeta).where(eq(hqMeta.key, metaKey)).get()?.value ?? 0);
      const capacity = capacityOf(input.prefix, input.check, input.length);
      const numbers: string[] = [];
      const changes: CatalogChange[] = [];
      while (numbers.length < input.count) {
        seq += 1;
        if (seq >= capacity) {
          throw new AccountError(
            "BULK_TOO_LONG",
            `prefix ${input.prefix} has room for ${capacity - 1} numbers, too few for ${input.count} more: choose a longer number or another prefix`,
            { prefix: input.prefix },
          );
        }
        const number = cardNumberAt(input.prefix, seq, input.check, input.length);
        if (tx.select({ n: cards.number }).from(cards).where(eq(cards.number, number)).get()) continue;
        changes.push(
          this.issueInTx(
            tx,
            {
              number,
              kind: input.kind,
              ...(input.balanceMinor !== undefined ? { balanceMinor: input.balanceMinor } : {}),
              ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
            },
            now,
          ),
        );
        numbers.push(number);
      }
      tx.insert(hqMeta)
        .values({ key: metaKey, value: String(seq) })
        .onConflictDoUpdate({ target: hqMeta.key, set: { value: String(seq) } })
        .run();
      return { numbers, changes };
    });
    publishCommitted(this.ctx, changes);
    return { kind: input.kind, numbers };
  }

  get(number: string): CardAnswer {
    return this.ctx.db.transaction((tx) => cardAnswer(tx, cardRow(tx, number)));
  }

  ledger(number: string) {
    return this.ctx.db.transaction((tx) => {
      cardRow(tx, number);
      return { card: number, entries: entriesOf(tx, lineageOf(tx, number)).map(toEntry) };
    });
  }

  /** Blocks a card (lost or stolen): it can no longer earn or redeem. Blocking twice changes nothing. */
  block(number: string): CardAnswer {
    const now = this.ctx.now();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const row = cardRow(tx, number);
      if (row.blockedAt !== null) return { answer: cardAnswer(tx, row), changes: [] };
      tx.update(cards).set({ blockedAt: now.toISOString() }).where(eq(cards.number, number)).run();
      if (row.customerId) customerEvent(this.ctx, tx, "card.blocked", row.customerId, { card: number }, now);
      return { answer: cardAnswer(tx, cardRow(tx, number)), changes: [recordCard(tx, number, now)] };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  /**
   * Replaces a card: the new card (same kind and customer) gets the balance by transfer entries
   * (points keep their expiry), the old one is blocked and names its replacement. Redemptions
   * still held on the old card must be committed or released first.
   */
  replace(number: string, newNumber: string): CardAnswer {
    const now = this.ctx.now();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const old = cardRow(tx, number);
      if (old.replacedBy !== null) {
        throw new AccountError("CARD_BLOCKED", `card ${number} was already replaced by ${old.replacedBy}`, {
          number,
          replacedBy: old.replacedBy,
        });
      }
      if (heldOf(tx, number, "points") > 0 || heldOf(tx, number, "money") > 0) {
        throw new AccountError(
          "CARD_BLOCKED",
          `card ${number} has redemptions in progress: commit or release them first`,
          {
            number,
          },
        );
      }
      const issued = this.issueInTx(
        tx,
        {
          number: newNumber,
          kind: old.kind,
          ...(old.customerId ? { customerId: old.customerId } : {}),
          ...(old.expiresAt ? { expiresAt: old.expiresAt } : {}),
        },
        now,
      );
      const moves = entriesOf(tx, [number]).filter((e) => e.unit === "points");
      remainingLots(moves).forEach((lot, i) => {
        const base = { unit: "points" as const, type: "transfer" as const, note: `replaced by ${newNumber}` };
        postEntry(
          tx,
          { ...base, key: `replace:${number}:points:${i}:out`, card: number, amount: -lot.amount },
          now,
        );
        postEntry(
          tx,
          {
            ...base,
            key: `replace:${number}:points:${i}:in`,
            card: newNumber,
            amount: lot.amount,
            expiresAt: lot.expiresAt,
            note: `from ${number}`,
          },
          now,
        );
      });
      const money = balanceOf(tx, number, "money");
      if (money > 0) {
        postEntry(
          tx,
          {
            key: `replace:${number}:money:out`,
            card: number,
            unit: "money",
            type: "transfer",
            amount: -money,
            note: `replaced by ${newNumber}`,
          },
          now,
        );
        postEntry(
          tx,
          {
            key: `replace:${number}:money:in`,
            card: newNumber,
            unit: "money",
            type: "transfer",
            amount: money,
            note: `from ${number}`,
          },
          now,
        );
      }
      tx.update(cards)
        .set({ blockedAt: old.blockedAt ?? now.toISOString(), replacedBy: newNumber })
        .where(eq(cards.number, number))
        .run();
      return {
        answer: cardAnswer(tx, cardRow(tx, newNumber)),
        changes: [issued, recordCard(tx, number, now), recordCard(tx, newNumber, now)],
      };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }
}
