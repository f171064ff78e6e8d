import { InvalidInputError } from "./errors.ts";
import { parsePercent } from "./percent.ts";
import { DiscountTooLargeError } from "./pricing-errors.ts";
import { divRound, type RoundingMode } from "./rounding.ts";
import { toSafeNumber } from "./safe-integer.ts";

/** A discount on a line or on the whole basket: a percentage ("10", "12.5") or an amount. */
export type Discount = { percent: string } | { amountMinor: number };

export interface DiscountContext {
  scope: "line" | "basket";
  /** Product code, for messages about a line discount. */
  code?: string;
  currency?: string;
}

function invalidDiscount(reason: string, discount: unknown): InvalidInputError {
  return new InvalidInputError("INVALID_DISCOUNT", `The discount is not valid: ${reason}.`, { discount });
}

/**
 * The amount a discount takes off `baseMinor` (the amount it applies to), exactly:
 * a percentage is base × percent / 100 rounded with `mode`; an amount is taken as is and
 * refused with DiscountTooLargeError when it is larger than the base.
 */
export function discountAmountBig(
  discount: Discount,
  baseMinor: bigint,
  mode: RoundingMode,
  context: DiscountContext,
): bigint {
  if (typeof discount !== "object" || discount === null) {
    throw invalidDiscount('give either {"percent": "10"} or {"amountMinor": 150}', discount);
  }
  const hasPercent = "percent" in discount;
  const hasAmount = "amountMinor" in discount;
  if (hasPercent && hasAmount) throw invalidDiscount("give a percentage or an amount, not both", discount);
  if (hasPercent) {
    const fraction = parsePercent(discount.percent, "INVALID_DISCOUNT", "discount percentage");
    return divRound(baseMinor * fraction.num, fraction.den, mode);
  }
  if (!hasAmount) throw invalidDiscount('give either {"percent": "10"} or {"amountMinor": 150}', discount);
  const amount = discount.amountMinor;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw invalidDiscount(
      `an amount discount is a whole number of minor units, 0 or more, not ${amount}`,
      discount,
    );
  }
  if (BigInt(amount) > baseMinor) {
    throw new DiscountTooLargeError({
      scope: context.scope,
      discountMinor: amount,
      maxMinor: toSafeNumber(baseMinor),
      ...(context.code === undefined ? {} : { code: context.code }),
      ...(context.currency === undefined ? {} : { currency: context.currency }),
    });
  }
  return BigInt(amount);
}

/** discountAmountBig for amounts held as numbers. */
export function discountAmount(
  discount: Discount,
  baseMinor: number,
  mode: RoundingMode,
  context: DiscountContext = { scope: "line" },
): number {
  if (!Number.isSafeInteger(baseMinor) || baseMinor < 0) {
    throw new InvalidInputError(
      "INVALID_AMOUNT",
      `The discounted amount must be 0 or more, not ${baseMinor}.`,
      {
        baseMinor,
      },
    );
  }
  return toSafeNumber(discountAmountBig(discount, BigInt(baseMinor), mode, context));
}
