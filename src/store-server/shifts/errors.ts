/**
 * The domain errors of the store's shifts: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ShiftError extends featureErrors({
  APPROVAL_REQUIRED: "forbidden",
  NO_OPEN_SHIFT: "not_found",
  NO_Z_REPORT: "not_found",
  SHIFT_ALREADY_OPEN: "conflict",
  SHIFT_CLOSED: "conflict",
  SHIFT_NOT_FOUND: "not_found",
}) {}

export type ShiftErrorCode = ShiftError["code"];
