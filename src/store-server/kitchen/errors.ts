/**
 * The domain errors of the kitchen: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class KitchenError extends featureErrors({
  KITCHEN_NOT_CONFIGURED: "conflict",
  UNKNOWN_STATION: "not_found",
  ROUND_ID_REUSED: "conflict",
  ROUND_NOT_FOUND: "not_found",
  ROUND_ALREADY_FIRED: "conflict",
  TICKET_NOT_FOUND: "not_found",
  TICKET_ALREADY_BUMPED: "conflict",
  TICKET_NOT_BUMPED: "conflict",
  TICKET_ON_HOLD: "conflict",
}) {}

export type KitchenErrorCode = KitchenError["code"];
