/**
 * The domain errors of the store's database integrity: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../core/errors.ts";

export class IntegrityError extends featureErrors({
  STORAGE_CORRUPT: "unavailable",
}) {}

export type IntegrityErrorCode = IntegrityError["code"];
