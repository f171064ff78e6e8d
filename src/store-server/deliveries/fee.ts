/**
 * A delivery's fee on the sale: an order delivered with a fee is collected as a sale of its
 * lines and one line of the store's delivery fee product (`deliveryFeeProduct`) at the fee, so
 * the fee is revenue with its tax, on the receipt and in every report, not cash without a sale.
 */
import { DomainError } from "../../core/errors.ts";
import type { StoreContext } from "../context.ts";
import type { OrderService } from "../orders/service.ts";
import { DeliveryError } from "./errors.ts";

export interface FeeLine {
  code: string;
  qty: string;
  unitPriceMinor: number;
}

/** The fee's sale line (none for no fee); refused when the store has no product to ring it on. */
export function feeLines(ctx: StoreContext, orders: OrderService, feeMinor: number): FeeLine[] {
  if (feeMinor === 0) return [];
  const code = ctx.settings.deliveryFeeProduct;
  if (code === undefined) {
    throw new DeliveryError(
      "DELIVERY_FEE_NEEDS_PRODUCT",
      "a fee on an order delivered is rung on the store's delivery fee product: set deliveryFeeProduct in the store's configuration to its code, or deliver without a fee",
      { feeMinor },
    );
  }
  try {
    orders.sales.catalog.lookup(code);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    throw new DeliveryError(
      "DELIVERY_FEE_PRODUCT_UNKNOWN",
      `the store's deliveryFeeProduct ${code} is not a product it sells: add it to the catalog or name another`,
      { code },
    );
  }
  return [{ code, qty: "1", unitPriceMinor: feeMinor }];
}
