/**
 * Card look-ups and customer searches from the store's copy of head office's customers: what a
 * till shows when a card is scanned (the customer, their groups with discounts, balances).
 */
import { and, asc, eq, inArray, isNull, like, or, type SQL } from "drizzle-orm";
import { storeCards, storeCustomerGroups, storeCustomers } from "../../../schema/store.ts";
import type {
  StoreCardAnswer,
  StoreCustomer,
  StoreCustomerMatch,
  StoreCustomersQuery,
} from "../../api/store/customers.ts";
import type { StoreContext } from "../context.ts";
import { StoreCustomerError } from "./errors.ts";

type CustomerRow = typeof storeCustomers.$inferSelect;

export class StoreCustomersService {
  constructor(private readonly ctx: StoreContext) {}

  private customer(row: CustomerRow): StoreCustomer {
    const ids = JSON.parse(row.groups) as string[];
    const groups =
      ids.length === 0
        ? []
        : this.ctx.db
            .select()
            .from(storeCustomerGroups)
            .where(inArray(storeCustomerGroups.id, ids))
            .orderBy(asc(storeCustomerGroups.id))
            .all();
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

  /** A customer by id, following merges (a merged customer answers as the one it went into). */
  customerById(id: string): StoreCustomer | null {
    let row = this.ctx.db.select().from(storeCustomers).where(eq(storeCustomers.id, id)).get();
    for (let hops = 0; row?.mergedInto && hops < 10; hops++) {
      const into: string = row.mergedInto;
      row = this.ctx.db.select().from(storeCustomers).where(eq(storeCustomers.id, into)).get();
    }
    return row && !row.erased ? this.customer(row) : null;
  }

  card(number: string): StoreCardAnswer {
    const row = this.ctx.db.select().from(storeCards).where(eq(storeCards.number, number)).get();
    if (!row) {
      throw new StoreCustomerError(
        "CARD_NOT_FOUND",
        `no card ${number} here (head office has not issued it, or it has not arrived yet)`,
        {
          number,
        },
      );
    }
    return {
      number: row.number,
      kind: row.kind,
      customerId: row.customerId,
      blocked: row.blocked,
      points: row.points,
      balanceMinor: row.balanceMinor,
      replacedBy: row.replacedBy,
      expiresAt: row.expiresAt,
      asOf: row.asOf,
      customer: row.customerId === null ? null : this.customerById(row.customerId),
    };
  }

  /** A customer's loyalty cards that may go on a sale (not blocked), by number. */
  private cardsOf(customerId: string): string[] {
    return this.ctx.db
      .select({ number: storeCards.number })
      .from(storeCards)
      .where(
        and(
          eq(storeCards.customerId, customerId),
          eq(storeCards.kind, "loyalty"),
          eq(storeCards.blocked, false),
        ),
      )
      .orderBy(asc(storeCards.number))
      .all()
      .map((c) => c.number);
  }

  search(query: StoreCustomersQuery): { customers: StoreCustomerMatch[] } {
    const where: (SQL | undefined)[] = [isNull(storeCustomers.mergedInto), eq(storeCustomers.erased, false)];
    const digits = (s: string) => (s.trim().startsWith("+") ? "+" : "") + s.replace(/\D/g, "");
    const byCard = (number: string) => {
      const card = this.ctx.db
        .select({ id: storeCards.customerId })
        .from(storeCards)
        .where(eq(storeCards.number, number))
        .get();
      return eq(storeCustomers.id, card?.id ?? "");
    };
    if (query.phone !== undefined) where.push(eq(storeCustomers.phone, digits(query.phone)));
    if (query.email !== undefined) where.push(eq(storeCustomers.email, query.email.toLowerCase()));
    if (query.card !== undefined) where.push(byCard(query.card));
    if (query.q !== undefined) {
      where.push(
        or(
          like(storeCustomers.nameKey, `%${query.q.toLowerCase().replace(/[%_\\]/g, "")}%`),
          eq(storeCustomers.email, query.q.toLowerCase()),
          eq(storeCustomers.phone, digits(query.q)),
          // A phone number typed without its country code: the end of the number (6 digits or more).
          ...(/^\d{6,15}$/.test(digits(query.q)) ? [like(storeCustomers.phone, `%${digits(query.q)}`)] : []),
          byCard(query.q),
        ),
      );
    }
    const rows = this.ctx.db
      .select()
      .from(storeCustomers)
      .where(and(...where))
      .orderBy(asc(storeCustomers.nameKey), asc(storeCustomers.id))
      .limit(query.limit)
      .all();
    return { customers: rows.map((r) => ({ ...this.customer(r), cards: this.cardsOf(r.id) })) };
  }
}
