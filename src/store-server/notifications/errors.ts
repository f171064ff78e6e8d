/**
 * The domain errors of the store's notifications: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class NotificationError extends featureErrors({
  EMAIL_RECEIPTS_OFF: "conflict",
  SALE_NOT_FOUND: "not_found",
}) {}

export type NotificationErrorCode = NotificationError["code"];
