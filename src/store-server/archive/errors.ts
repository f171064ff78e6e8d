/**
 * The domain errors of the archive export: each code with its kind. The server's one error
 * handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ArchiveError extends featureErrors({
  /** The period has days with sales or returns and no store closure, or no closure at all. */
  PERIOD_NOT_CLOSED: "conflict",
  INVALID_RANGE: "invalid",
  RANGE_TOO_LONG: "invalid",
}) {}

export type ArchiveErrorCode = ArchiveError["code"];
