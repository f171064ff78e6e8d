/**
 * The domain errors of the store's journal: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class JournalError extends featureErrors({
  JOURNAL_UNREADABLE: "conflict",
}) {}

export type JournalErrorCode = JournalError["code"];
