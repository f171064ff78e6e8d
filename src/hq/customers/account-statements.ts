/**
 * The account server's hot paths on prepared statements, run inside the caller's transaction
 * (same connection), prepared once per database instead of a query built per call:
 *
 * - earning: head office applies a sale's points for every sale with a loyalty card (from the API
 *   one at a time, from the ingest by the thousand): the sale's key, the programme, the card, the
 *   customer's groups and the balances are read; the ledger row, the balance and the card's
 *   change-log entry written;
 * - authorising a redemption, which a cashier waits on: the redemption by id, the card, the
 *   programme, the balance and what is held are read, and the hold written.
 *
 * Other account movements are rarer and stay on the query builder (ledger.ts).
 */
import type { Database, Statement } from "bun:sqlite";
import type { redemptions } from "../../../schema/hq.ts";
import type { EarnInput, LoyaltyProgram } from "../../api/hq/accounts.ts";
import { ALL_STORES, type CatalogChange } from "../../core/catalog-changes.ts";
import { loyaltyProgramSchema, multiplierFor, pointsEarned } from "../../core/loyalty.ts";
import { perDatabase } from "../../shared/per-database.ts";
import { checkedChange } from "../catalog/change-log.ts";
import { checkUsable, noCard } from "./cards.ts";
import { AccountError } from "./errors.ts";
import type { Unit } from "./ledger.ts";
import { NOTIFICATIONS_ON_KEY } from "./notify.ts";

const DAY_MS = 86_400_000;
type RedemptionRow = typeof redemptions.$inferSelect;

interface CardRow {
  number: string;
  kind: "loyalty" | "gift";
  customerId: string | null;
  blockedAt: string | null;
  replacedBy: string | null;
  expiresAt: string | null;
}

/** What one earning did: the answer, and what the caller records after it (notification, change). */
export interface Earned {
  card: string;
  key: string;
  points: number;
  balance: number;
  duplicate: boolean;
  /** The card's customer (for the `points.earned` notification), when it earned points. */
  customerId?: string;
  change?: CatalogChange;
}

export function noLoyaltyProgram(): AccountError {
  return new AccountError("NO_LOYALTY_PROGRAM", "no loyalty programme yet: set one with PUT /api/v1/loyalty");
}

export class AccountStatements {
  readonly #entryByKey: Statement<{ card: string; amount: number }, [string]>;
  readonly #program: Statement<{ program: string }, []>;
  readonly #card: Statement<CardRow, [string]>;
  readonly #groups: Statement<{ groupId: string }, [string]>;
  readonly #balance: Statement<{ balance: number }, [string, string]>;
  readonly #insertEntry: Statement<unknown, [Record<string, string | number | null>]>;
  readonly #addToBalance: Statement<{ balance: number }, [string, string, number]>;
  readonly #meta: Statement<{ value: string }, [string]>;
  readonly #deleteChange: Statement<unknown, [string, string, string]>;
  readonly #insertChange: Statement<{ seq: number }, [string, string, string, string, string]>;
  readonly #redemption: Statement<RedemptionRow, [string]>;
  readonly #held: Statement<{ total: number }, [string, string]>;
  readonly #hold: Statement<RedemptionRow, [Record<string, string | number | null>]>;
  /** The programme's JSON as last read, and what it parsed to (parsed again only when it changes). */
  #programText = "";
  #parsed: LoyaltyProgram | null = null;

  constructor(sqlite: Database) {
    this.#entryByKey = sqlite.prepare("SELECT card, amount FROM account_entries WHERE key = ?1");
    this.#program = sqlite.prepare("SELECT program FROM loyalty_program WHERE id = 1");
    this.#card = sqlite.prepare(
      `SELECT number, kind, customer_id AS customerId, blocked_at AS blockedAt, replaced_by AS replacedBy,
        expires_at AS expiresAt FROM cards WHERE number = ?1`,
    );
    this.#groups = sqlite.prepare(
      "SELECT group_id AS groupId FROM customer_group_members WHERE customer_id = ?1 ORDER BY group_id",
    );
    this.#balance = sqlite.prepare("SELECT balance FROM account_balances WHERE card = ?1 AND unit = ?2");
    this.#insertEntry = sqlite.prepare(
      `INSERT INTO account_entries (key, card, unit, type, amount, expires_at, store_id, sale_id, at)
       VALUES ($key, $card, 'points', 'earn', $amount, $expiresAt, $storeId, $saleId, $at)`,
    );
    this.#addToBalance = sqlite.prepare(
      `INSERT INTO account_balances (card, unit, balance) VALUES (?1, ?2, ?3)
       ON CONFLICT (card, unit) DO UPDATE SET balance = account_balances.balance + excluded.balance RETURNING balance`,
    );
    this.#meta = sqlite.prepare("SELECT value FROM hq_meta WHERE key = ?1");
    this.#deleteChange = sqlite.prepare(
      "DELETE FROM catalog_changes WHERE store_id = ?1 AND kind = ?2 AND key = ?3",
    );
    this.#insertChange = sqlite.prepare(
      "INSERT INTO catalog_changes (store_id, kind, key, value, at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING seq",
    );
    const redemptionColumns = `id, card, unit, amount, value_minor AS valueMinor, store_id AS storeId,
      sale_id AS saleId, status, request, created_at AS createdAt, updated_at AS updatedAt`;
    this.#redemption = sqlite.prepare(`SELECT ${redemptionColumns} FROM redemptions WHERE id = ?1`);
    this.#held = sqlite.prepare(
      `SELECT coalesce(sum(amount), 0) AS total FROM redemptions
       WHERE card = ?1 AND unit = ?2 AND status = 'held'`,
    );
    this.#hold = sqlite.prepare(
      `INSERT INTO redemptions (id, card, unit, amount, value_minor, store_id, sale_id, status, request,
        created_at, updated_at)
       VALUES ($id, $card, $unit, $amount, $valueMinor, $storeId, $saleId, 'held', $request, $at, $at)
       RETURNING ${redemptionColumns}`,
    );
  }

  program(): LoyaltyProgram | null {
    const text = this.#program.get()?.program ?? "";
    if (text !== this.#programText) {
      this.#parsed = text === "" ? null : loyaltyProgramSchema.parse(JSON.parse(text));
      this.#programText = text;
    }
    return this.#parsed;
  }

  balance(card: string, unit: Unit): number {
    return this.#balance.get(card, unit)?.balance ?? 0;
  }

  /** A card that may be used now (not blocked, not expired), or the refusal. */
  usableCard(number: string, now: Date): CardRow {
    const row = this.#card.get(number);
    if (!row) throw noCard(number);
    return checkUsable(row, now);
  }

  /** What authorised redemptions hold on a card, per unit. */
  held(card: string, unit: Unit): number {
    return this.#held.get(card, unit)?.total ?? 0;
  }

  redemption(id: string): RedemptionRow | null {
    return this.#redemption.get(id);
  }

  /** Holds a redemption: what it takes is held (not yet debited) until committed or released. */
  hold(hold: Omit<RedemptionRow, "status" | "createdAt" | "updatedAt">, now: Date): RedemptionRow {
    const row = this.#hold.get({ ...hold, at: now.toISOString() });
    if (!row) throw new Error(`redemption ${hold.id} was not held`);
    return row;
  }

  notificationsOn(): boolean {
    return this.#meta.get(NOTIFICATIONS_ON_KEY)?.value === "on";
  }

  /**
   * Points for a sale, once by its key `sale:<saleId>`: a sale seen before answers its first
   * earning (`duplicate`) and writes nothing. Refuses an unknown, blocked, expired or gift card.
   */
  earn(input: EarnInput, now: Date): Earned {
    const key = `sale:${input.saleId}`;
    const done = this.#entryByKey.get(key);
    if (done) {
      const balance = this.balance(done.card, "points");
      return { card: done.card, key, points: done.amount, balance, duplicate: true };
    }
    const program = this.program();
    if (!program) throw noLoyaltyProgram();
    const card = this.usableCard(input.card, now);
    if (card.kind !== "loyalty") {
      throw new AccountError("CARD_KIND_MISMATCH", `card ${input.card} is a gift card: it earns no points`, {
        number: input.card,
      });
    }
    const groups = card.customerId ? this.#groups.all(card.customerId).map((g) => g.groupId) : [];
    const points = pointsEarned(program, input.paidMinor, multiplierFor(program, groups));
    const at = now.toISOString();
    this.#insertEntry.run({
      key: key,
      card: input.card,
      amount: points,
      expiresAt: program.expiryDays
        ? new Date(now.getTime() + program.expiryDays * DAY_MS).toISOString()
        : null,
      storeId: input.storeId,
      saleId: input.saleId,
      at: at,
    });
    const balance = this.#addToBalance.get(input.card, "points", points)?.balance ?? points;
    const change = this.#recordCard(card, balance, now);
    return {
      card: input.card,
      key,
      points,
      balance,
      duplicate: false,
      ...(points > 0 && card.customerId ? { customerId: card.customerId } : {}),
      change,
    };
  }

  /** The card's change-log entry for the stores (as changes.ts `recordCard` writes it). */
  #recordCard(card: CardRow, points: number, now: Date): CatalogChange {
    const checked = checkedChange(
      {
        storeId: ALL_STORES,
        kind: "card",
        key: card.number,
        value: {
          number: card.number,
          kind: card.kind,
          customerId: card.customerId,
          blocked: card.blockedAt !== null,
          replacedBy: card.replacedBy,
          expiresAt: card.expiresAt,
          points,
          balanceMinor: this.balance(card.number, "money"),
        },
      },
      now,
    );
    this.#deleteChange.run(ALL_STORES, "card", card.number);
    const row = this.#insertChange.get(
      ALL_STORES,
      "card",
      card.number,
      JSON.stringify(checked.value),
      checked.at,
    );
    if (!row) throw new Error(`the change of card ${card.number} was not recorded`);
    return { ...checked, seq: row.seq };
  }
}

/** The account statements of a database, prepared on first use. */
export const accountStatements = perDatabase((sqlite) => new AccountStatements(sqlite));
