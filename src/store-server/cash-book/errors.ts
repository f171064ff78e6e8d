/**
 * The domain errors of the store's cash book: each code with its kind. The server's one error
 * handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class CashBookError extends featureErrors({
  TILL_REQUIRED: "invalid",
  NO_OPEN_SHIFT: "conflict",
  OVER_DRAWER_CASH: "conflict",
  ENTRY_ID_REUSED: "conflict",
  NOTHING_TO_CORRECT: "not_found",
  CORRECTION_OF_CORRECTION: "conflict",
  CORRECTION_REVERSES: "conflict",
  INVALID_RANGE: "invalid",
}) {}

export type CashBookErrorCode = CashBookError["code"];
