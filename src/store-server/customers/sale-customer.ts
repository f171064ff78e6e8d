/**
 * The customer a sale's card names, as the store prices the sale: the card must be known here and
 * not blocked; the customer's groups go to the promotion engine, and the best group discount
 * becomes a promotion of the sale (src/core/group-discount.ts).
 */
import { eq } from "drizzle-orm";
import { storeCards } from "../../../schema/store.ts";
import { groupDiscountPromotion } from "../../core/group-discount.ts";
import { type Promotion, PromotionBook } from "../../core/promotions/index.ts";
import { CardTenderError } from "../card-tenders/errors.ts";
import type { StoreContext } from "../context.ts";
import { activePromotions, promotionBookOf } from "../promotions/book.ts";
import { StoreCustomersService } from "./service.ts";

export type CardRow = typeof storeCards.$inferSelect;

export interface SaleCustomer {
  card: CardRow;
  customerId: string | null;
  groups: string[];
  groupDiscount: Promotion | null;
}

/** A card known here and not blocked, or the precise refusal. */
export function usableCard(ctx: StoreContext, number: string): CardRow {
  const card = ctx.db.select().from(storeCards).where(eq(storeCards.number, number)).get();
  if (!card) {
    throw new CardTenderError(
      "CARD_NOT_FOUND",
      `no card ${number} here: check the number, or issue the card`,
      {
        number,
      },
    );
  }
  if (card.blocked) {
    throw new CardTenderError(
      "CARD_BLOCKED",
      `card ${number} is blocked${card.replacedBy ? ` (replaced by ${card.replacedBy})` : ""}`,
      { number, replacedBy: card.replacedBy },
    );
  }
  return card;
}

export function saleCustomerOf(ctx: StoreContext, number: string): SaleCustomer {
  const card = usableCard(ctx, number);
  const customer = new StoreCustomersService(ctx).card(number).customer;
  const groups = customer?.groups ?? [];
  return {
    card,
    customerId: customer?.id ?? null,
    groups: groups.map((g) => g.id),
    groupDiscount: groupDiscountPromotion(
      groups.map((g) => ({
        id: g.id,
        name: g.name,
        discountBp: g.discountPercent === null ? null : Math.round(g.discountPercent * 100),
      })),
    ),
  };
}

/** The promotions a sale is priced with: the store's, and the customer's group discount. */
export function promotionBookFor(ctx: StoreContext, customer: SaleCustomer | null): PromotionBook {
  if (customer?.groupDiscount == null) return promotionBookOf(ctx);
  return new PromotionBook([...activePromotions(ctx.db), customer.groupDiscount]);
}
