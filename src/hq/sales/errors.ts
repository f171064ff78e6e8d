/**
 * The domain errors of head office's sale look-ups: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class SaleLookupError extends featureErrors({
  LOOKUP_LIMIT: "too_many",
}) {}

export type SaleLookupErrorCode = SaleLookupError["code"];
