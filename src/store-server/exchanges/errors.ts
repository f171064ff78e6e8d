/**
 * The domain errors of the store's exchanges: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ExchangeError extends featureErrors({
  RETURN_EXISTS: "conflict",
  SALE_EXISTS: "conflict",
}) {}

export type ExchangeErrorCode = ExchangeError["code"];
