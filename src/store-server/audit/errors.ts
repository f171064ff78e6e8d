/**
 * The domain errors of the store's audit: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class AuditError extends featureErrors({
  DUPLICATE_ENTRY: "invalid",
  ENTRY_ID_REUSED: "conflict",
  IDENTITY_MISMATCH: "forbidden",
  NOT_A_TILL: "forbidden",
}) {}

export type AuditErrorCode = AuditError["code"];
