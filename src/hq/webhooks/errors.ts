/**
 * The domain errors of head office's webhooks: each code with its kind. The server's one error
 * handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class HqWebhookError extends featureErrors({
  WEBHOOK_NOT_FOUND: "not_found",
  WEBHOOK_URL_REFUSED: "invalid",
  WEBHOOK_EXISTS: "conflict",
}) {}
