/**
 * The customer a booking is for when the caller names only their card (the till knows the card on
 * its sale, not the customer's id): the card must be known here and not blocked; an anonymous
 * card books for no one.
 */
import type { StoreContext } from "../context.ts";
import { saleCustomerOf } from "../customers/sale-customer.ts";

export function bookingCustomerOf(ctx: StoreContext, card: string | undefined): string | null {
  return card === undefined ? null : saleCustomerOf(ctx, card).customerId;
}
