/**
 * The domain errors of the store's tills: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class TillError extends featureErrors({
  INVALID_KEY: "invalid",
  PAIRING_LOCKED: "too_many",
  PAIRING_REFUSED: "unauthorized",
  PROOF_INVALID: "forbidden",
  TILL_KEY_UNKNOWN: "forbidden",
  TILL_KEY_REGISTERED: "conflict",
  TILL_NOT_PAIRED: "not_found",
  TOO_MANY_PAIRINGS: "conflict",
}) {}

export type TillErrorCode = TillError["code"];
