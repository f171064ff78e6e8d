/**
 * Card look-ups and customer searches from the store's copy of head office's customers: what a
 * till shows when a card is scanned (the customer, their groups with discounts, balances).
 */
import { and, asc, eq, isNull, like, or, type SQL } from "drizzle-orm";
import { storeCards, storeCustomers } from "../../../schema/store.ts";
import type {
  StoreCardAnswer,
  StoreCustomer,
  StoreCustomerMatch,
  StoreCustomersQuery,
} from "../../api/store/customers.ts";
import type { StoreContext } from "../context.ts";
import { cardLookup } from "./card-lookup.ts";
import { StoreCustomerError } from "./errors.ts";

export class StoreCustomersService {
  constructor(private readonly ctx: StoreContext) {}

  /** A customer by id, following merges (a merged customer answers as the one it went into). */
  customerById(id: string): StoreCustomer | null {
    return cardLookup(this.ctx.sqlite).customerById(id);
  }

  card(number: string): StoreCardAnswer {
    const card = cardLookup(this.ctx.sqlite).card(number);
    if (!card) {
      throw new StoreCustomerError(
        "CARD_NOT_FOUND",
        `no card ${number} here (head office has not issued it, or it has not arrived yet)`,
        {
          number,
        },
      );
    }
    return card;
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
    const lookup = cardLookup(this.ctx.sqlite);
    return { customers: rows.map((r) => ({ ...lookup.customer(r), cards: this.cardsOf(r.id) })) };
  }
}
