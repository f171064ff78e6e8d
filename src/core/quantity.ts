import { InvalidInputError } from "./errors.ts";
import { divRound, divRoundSafe, type RoundingMode } from "./rounding.ts";
import { requireSafeInteger, toSafeNumber } from "./safe-integer.ts";

/** Milli-units in one unit (one piece, one kilogram). */
export const MILLI_PER_UNIT = 1000;
/** 10,000 units (or kilograms) on one line: more is a typing error, not a sale. */
export const MAX_QTY_MILLI = 10_000_000;

const QUANTITY_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

function invalidQuantity(value: string | number, reason: string): InvalidInputError {
  return new InvalidInputError(
    "INVALID_QUANTITY",
    `${JSON.stringify(value)} is not a valid quantity: ${reason}.`,
    {
      value: typeof value === "number" && !Number.isFinite(value) ? String(value) : value,
    },
  );
}

function tooLarge(value: string | number): InvalidInputError {
  return new InvalidInputError(
    "QUANTITY_TOO_LARGE",
    `A quantity of ${value} is more than the ${MAX_QTY_MILLI / MILLI_PER_UNIT} units one line may hold; check the quantity.`,
    { value, maxQtyMilli: MAX_QTY_MILLI },
  );
}

/**
 * Parses a quantity (pieces or kilograms) into integer milli-units: "3" -> 3000, "0.455" -> 455,
 * 2 -> 2000. At most 3 decimals; zero, negative and non-numeric quantities are refused, and so is
 * anything above MAX_QTY_MILLI.
 */
export function parseQuantityMilli(value: string | number): number {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidQuantity(value, "it must be a finite number");
    if (value > MAX_QTY_MILLI / MILLI_PER_UNIT) throw tooLarge(value);
    text = String(value);
  } else {
    text = value;
  }
  const match = QUANTITY_PATTERN.exec(text);
  if (match === null) throw invalidQuantity(value, "write a number with at most 3 decimals, e.g. 2 or 0.455");
  const [, sign = "", whole = "0", fraction = ""] = match;
  if (fraction.length > 3) throw invalidQuantity(value, "at most 3 decimals (grams) are allowed");
  const milli = BigInt(whole + fraction.padEnd(3, "0"));
  if (sign === "-" || milli === 0n) throw invalidQuantity(value, "it must be more than zero");
  if (milli > BigInt(MAX_QTY_MILLI)) throw tooLarge(value);
  return Number(milli);
}

/** Refuses a milli-unit quantity that is not a whole number from 1 to MAX_QTY_MILLI. */
export function requireQuantityMilli(qtyMilli: number): number {
  if (!Number.isSafeInteger(qtyMilli) || qtyMilli <= 0) {
    throw invalidQuantity(qtyMilli, "it must be a whole number of milli-units, more than zero");
  }
  if (qtyMilli > MAX_QTY_MILLI) throw tooLarge(qtyMilli / MILLI_PER_UNIT);
  return qtyMilli;
}

/** Exact decimal text of a milli-unit quantity: 455 -> "0.455", 3000 -> "3", 1500 -> "1.5". */
export function milliToDecimalString(qtyMilli: number): string {
  requireSafeInteger(qtyMilli, "INVALID_QUANTITY", "quantity");
  const negative = qtyMilli < 0;
  const digits = Math.abs(qtyMilli).toString().padStart(4, "0");
  const whole = digits.slice(0, -3);
  const fraction = digits.slice(-3).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Unit price × quantity, rounded to the minor unit with the given mode (computed exactly). */
export function extendPriceBig(unitPriceMinor: number, qtyMilli: number, mode: RoundingMode): bigint {
  requireSafeInteger(unitPriceMinor, "INVALID_PRICE", "unit price");
  requireSafeInteger(qtyMilli, "INVALID_QUANTITY", "quantity");
  return divRound(BigInt(unitPriceMinor) * BigInt(qtyMilli), BigInt(MILLI_PER_UNIT), mode);
}

/** Unit price × quantity, rounded to the minor unit: (199, 455, "half-up") -> 91 (0.90545). */
export function extendPrice(unitPriceMinor: number, qtyMilli: number, mode: RoundingMode): number {
  const product = unitPriceMinor * qtyMilli;
  // Within a double's exact integers (every usual line) without bigints; beyond, exactly with them.
  if (Number.isSafeInteger(product) && Number.isSafeInteger(unitPriceMinor) && Number.isSafeInteger(qtyMilli))
    return divRoundSafe(product, MILLI_PER_UNIT, mode);
  return toSafeNumber(extendPriceBig(unitPriceMinor, qtyMilli, mode), "line amount");
}

/** Units a scale weighs in and a product can be priced by. */
export type MassUnit = "kg" | "lb";

/** The international pound: exactly 0.45359237 kg, as a ratio of integers. */
const KG_PER_LB_NUMERATOR = 45_359_237n;
const KG_PER_LB_DENOMINATOR = 100_000_000n;

/**
 * A weight in milli-units of `from` expressed in milli-units of `to`, rounded half-up to the
 * nearest milli-unit (a scale in kilograms weighing an item priced by the pound, or back).
 */
export function convertWeightMilli(weightMilli: number, from: MassUnit, to: MassUnit): number {
  if (!Number.isSafeInteger(weightMilli))
    throw invalidQuantity(weightMilli, "it is not a whole number of milli-units");
  if (from === to) return weightMilli;
  const milli = BigInt(weightMilli);
  return toSafeNumber(
    from === "lb"
      ? divRound(milli * KG_PER_LB_NUMERATOR, KG_PER_LB_DENOMINATOR, "half-up")
      : divRound(milli * KG_PER_LB_DENOMINATOR, KG_PER_LB_NUMERATOR, "half-up"),
    "weightMilli",
  );
}
