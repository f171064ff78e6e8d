/**
 * The domain errors of closures: each code with its kind. The server's one error handler maps a
 * kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ClosureError extends featureErrors({
  /** The period was closed already: a closure is made once. */
  ALREADY_CLOSED: "conflict",
  /** A month needs its days closed, a year its months: the missing ones are named. */
  CLOSURES_MISSING: "conflict",
  /** The period has not ended (a day after today, a month or year still running). */
  PERIOD_NOT_OVER: "invalid",
  CLOSURE_NOT_FOUND: "not_found",
}) {}

export type ClosureErrorCode = ClosureError["code"];
