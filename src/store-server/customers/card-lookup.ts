/**
 * The store's card look-up on prepared statements: every card a till scans reads the card, its
 * customer (following merges) and their groups from the store's copy, a primary-key read each,
 * with statements prepared once per database instead of a query built per scan.
 */
import type { Database, Statement } from "bun:sqlite";
import type { StoreCardAnswer, StoreCustomer } from "../../api/store/customers.ts";
import { perDatabase } from "../../shared/per-database.ts";

interface CardRow {
  number: string;
  kind: "loyalty" | "gift";
  customerId: string | null;
  blocked: number;
  replacedBy: string | null;
  expiresAt: string | null;
  points: number;
  balanceMinor: number;
  asOf: string;
}

/** A customer as the store keeps it (`groups`: JSON array of group ids). */
export interface CustomerRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  groups: string;
  mergedInto: string | null;
  erased: boolean | number;
}

export class CardLookup {
  readonly #card: Statement<CardRow, [string]>;
  readonly #customer: Statement<CustomerRow, [string]>;
  readonly #groups: Statement<{ id: string; name: string; discountBp: number | null }, [string]>;

  constructor(sqlite: Database) {
    this.#card = sqlite.prepare(
      `SELECT number, kind, customer_id AS customerId, blocked, replaced_by AS replacedBy, expires_at AS expiresAt,
        points, balance_minor AS balanceMinor, as_of AS asOf FROM cards WHERE number = ?1`,
    );
    this.#customer = sqlite.prepare(
      `SELECT id, name, phone, email, birthday, groups, merged_into AS mergedInto, erased
       FROM customers WHERE id = ?1`,
    );
    this.#groups = sqlite.prepare(
      `SELECT id, name, discount_bp AS discountBp FROM customer_groups
       WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id`,
    );
  }

  /** The card with its customer, or null when the store has no such card. */
  card(number: string): StoreCardAnswer | null {
    const row = this.#card.get(number);
    if (!row) return null;
    return {
      number: row.number,
      kind: row.kind,
      customerId: row.customerId,
      blocked: row.blocked !== 0,
      points: row.points,
      balanceMinor: row.balanceMinor,
      replacedBy: row.replacedBy,
      expiresAt: row.expiresAt,
      asOf: row.asOf,
      customer: row.customerId === null ? null : this.customerById(row.customerId),
    };
  }

  /** A customer by id, following merges (a merged customer answers as the one it went into). */
  customerById(id: string): StoreCustomer | null {
    let row = this.#customer.get(id);
    for (let hops = 0; row?.mergedInto && hops < 10; hops++) row = this.#customer.get(row.mergedInto);
    return row && !row.erased ? this.customer(row) : null;
  }

  customer(row: CustomerRow): StoreCustomer {
    const groups = row.groups === "[]" ? [] : this.#groups.all(row.groups);
    return {
      id: row.id,
      name: row.name,
      phone: row.phone,
      email: row.email,
      birthday: row.birthday,
      groups: groups.map((g) => ({
        id: g.id,
        name: g.name,
        discountPercent: g.discountBp === null ? null : g.discountBp / 100,
      })),
    };
  }
}

/** The card look-up of a database, prepared on first use. */
export const cardLookup = perDatabase((sqlite) => new CardLookup(sqlite));
