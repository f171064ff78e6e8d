/**
 * The unit price a shelf label shows (price per kg or per litre, which many countries require):
 * computed exactly from the product's selling unit, rounded half-up to the minor unit once.
 * A product sold by the pound shows its price per kg (1 lb = 0.45359237 kg exactly); a product
 * sold by the piece has no unit price unless its size is known.
 */

export interface UnitPrice {
  minor: number;
  per: "kg" | "l";
}

/** Micrograms in a pound: 453,592,370 (0.45359237 kg, exact by definition). */
const MICROGRAMS_PER_LB = 453_592_370n;
const MICROGRAMS_PER_KG = 1_000_000_000n;

function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

export function unitPriceOf(product: { priceMinor: number; unit: string }): UnitPrice | undefined {
  switch (product.unit) {
    case "kg":
      return { minor: product.priceMinor, per: "kg" };
    case "l":
      return { minor: product.priceMinor, per: "l" };
    case "lb":
      return {
        minor: divideHalfUp(BigInt(product.priceMinor) * MICROGRAMS_PER_KG, MICROGRAMS_PER_LB),
        per: "kg",
      };
    default:
      return undefined;
  }
}
