/** The quantity of a line as a request gives it: a number of units or kg, or a decimal string. */
import { z } from "zod";
import { MAX_QTY_MILLI } from "../../core/quantity.ts";

/** A sold or returned quantity: more than zero, at most 3 decimals. */
export const qtySchema = z.union([
  z
    .number()
    .positive("must be more than zero")
    .max(MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units per line"),
  z
    .string()
    .regex(
      /^\d{1,5}(\.\d{1,3})?$/,
      'must be a positive decimal with at most 3 decimals, e.g. "3" or "0.455"',
    ),
]);
