/**
 * The clients service and card tenders at the till, through the store (with the till's session):
 * a card scanned or typed, a card issued or blocked (the store asks head office), and a points or
 * gift-card tender authorised before the sale completes. They need the store: unreachable, the
 * cashier is told so and the sale stays as it is — except a new customer, whom the till keeps in
 * its outbox (sent before the sales after it) and puts on the sale at once.
 */
import type { AnswerOf } from "../../api/route.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import type { CardTender, TillCustomer, TillCustomerMatch, TillServices } from "../services.ts";
import { StoreUnreachableError } from "./errors.ts";
import { type OnlineDeps, OnlineOperations } from "./online-operations.ts";

type CardAnswer = AnswerOf<(typeof tillStoreRoutes)["GET /api/v1/cards/:number"]>;

function tillCustomer(card: CardAnswer): TillCustomer {
  return {
    card: card.number,
    kind: card.kind,
    name: card.customer?.name ?? null,
    groups: (card.customer?.groups ?? []).map((g) => ({
      id: g.id,
      name: g.name,
      discountPercent: g.discountPercent,
    })),
    points: card.points,
    balanceMinor: card.balanceMinor,
    birthday: card.customer?.birthday ?? null,
  };
}

/** A customer just created, with their new card: no groups, nothing on the card yet. */
function newCustomer(input: { name: string; card: string }): TillCustomer {
  return { card: input.card, kind: "loyalty", name: input.name, groups: [], points: 0, balanceMinor: 0 };
}

export class CustomerOperations extends OnlineOperations {
  constructor(private readonly own: OnlineDeps) {
    super(own);
  }

  async createCustomer(input: { id: string; name: string; card: string }): Promise<{
    customer: TillCustomer;
    kept: boolean;
  }> {
    try {
      const answer = await this.call("creating a customer", (token) =>
        this.storeClient().request(tillStoreRoutes["POST /api/v1/customers"], { body: input, token }),
      );
      if (answer.card !== null) return { customer: tillCustomer(answer.card), kept: false };
    } catch (err) {
      if (!(err instanceof StoreUnreachableError)) throw err;
      this.own.outbox.addCustomer(input, this.own.now());
      this.own.link.refresh();
      return { customer: newCustomer(input), kept: true };
    }
    return { customer: newCustomer(input), kept: false };
  }

  /** A card at the store; with the store out of reach, a card of a customer this till keeps. */
  async findCard(number: string): Promise<TillCustomer> {
    try {
      const card = await this.call("reading a customer's card", (token) =>
        this.storeClient().request(tillStoreRoutes["GET /api/v1/cards/:number"], {
          params: { number },
          token,
        }),
      );
      return tillCustomer(card);
    } catch (err) {
      const kept = this.own.outbox.keptCustomers().find((c) => c.card === number);
      if (!(err instanceof StoreUnreachableError) || kept?.card === undefined) throw err;
      return newCustomer({ name: kept.name, card: kept.card });
    }
  }

  /**
   * Customers at the store by name (part), phone, e-mail or card; with the store out of reach,
   * those this till created and keeps whose name has `q` in it (none: the search needs the store).
   */
  async searchCustomers(q: string): Promise<TillCustomerMatch[]> {
    let answer: AnswerOf<(typeof tillStoreRoutes)["GET /api/v1/customers"]>;
    try {
      answer = await this.call("searching customers", (token) =>
        this.storeClient().request(tillStoreRoutes["GET /api/v1/customers"], {
          query: { q, limit: 20 },
          token,
        }),
      );
    } catch (err) {
      const needle = q.toLowerCase();
      const kept = this.own.outbox.keptCustomers().filter((c) => c.name.toLowerCase().includes(needle));
      if (!(err instanceof StoreUnreachableError) || kept.length === 0) throw err;
      return kept.map((c) => ({ id: c.id, name: c.name, phone: null, email: null, card: c.card ?? null }));
    }
    return answer.customers.map((c) => ({
      id: c.id,
      name: c.name,
      phone: c.phone,
      email: c.email,
      card: c.cards[0] ?? null,
    }));
  }

  async issueCard(number: string): Promise<TillCustomer> {
    const card = await this.call("issuing a card", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/cards"], { body: { number }, token }),
    );
    return tillCustomer(card);
  }

  async blockCard(number: string): Promise<TillCustomer> {
    const card = await this.call("blocking a card", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/cards/:number/block"], {
        params: { number },
        token,
      }),
    );
    return tillCustomer(card);
  }

  async redeemCard(input: Parameters<NonNullable<TillServices["redeemCard"]>>[0]): Promise<CardTender> {
    const answer = await this.call("paying with a card", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/card-redemptions"], { body: input, token }),
    );
    return { type: input.type, card: answer.card, amountMinor: answer.amountMinor, points: answer.points };
  }
}
