/**
 * A sale's customer in its pricing: their best group discount is one more promotion of the sale
 * (`group:<id>`, see src/core/group-discount.ts), priced by the engine as the store prices it.
 */
import { groupDiscountPromotion } from "../../core/group-discount.ts";
import { type Promotion, PromotionBook } from "../../core/promotions/index.ts";
import type { TillCustomer, TillPromotions } from "../services.ts";

export type SalePromotions = TillPromotions & {
  at: Date;
  timeZone: string;
  /** The groups of the sale's customer (their group discount is one of the promotions). */
  customerGroups?: readonly string[];
};

/** The customer's best group discount, as a promotion of the sale; null without one. */
export function customerGroupDiscount(customer: TillCustomer | undefined): Promotion | null {
  if (customer === undefined) return null;
  return groupDiscountPromotion(
    customer.groups.map((g) => ({
      id: g.id,
      name: g.name,
      discountBp: g.discountPercent === null ? null : Math.round(g.discountPercent * 100),
    })),
  );
}

const books = new WeakMap<object, Map<string, PromotionBook>>();

/** The promotions in force with the customer's group discount added (compiled once per pair). */
export function withCustomer(
  promotions: SalePromotions | null,
  customer: TillCustomer | undefined,
  at: () => Date,
  timeZone: string,
): SalePromotions | null {
  const group = customerGroupDiscount(customer);
  if (group === null) return promotions;
  const base = promotions ?? { book: new PromotionBook([]), categoriesOf: () => [], at: at(), timeZone };
  let cached = books.get(base.book);
  if (cached === undefined) {
    cached = new Map();
    books.set(base.book, cached);
  }
  let book = cached.get(group.id + group.name);
  if (book === undefined) {
    book = new PromotionBook([...(base.list ?? []), group]);
    cached.set(group.id + group.name, book);
  }
  return { ...base, book, customerGroups: customer?.groups.map((g) => g.id) ?? [] };
}
