/**
 * The domain errors of the store's held: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class HeldSaleError extends featureErrors({
  HELD_SALE_NOT_FOUND: "not_found",
}) {}

export type HeldSaleErrorCode = HeldSaleError["code"];
