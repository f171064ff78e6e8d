/**
 * The domain errors of the store's reports: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ReportError extends featureErrors({
  INVALID_RANGE: "invalid",
  RANGE_TOO_LONG: "invalid",
}) {}

export type ReportErrorCode = ReportError["code"];
