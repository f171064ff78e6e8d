/**
 * The domain errors of the store's backups: each code with its kind. The server's one error
 * handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class BackupError extends featureErrors({
  BACKUP_FAILED: "unavailable",
}) {}
