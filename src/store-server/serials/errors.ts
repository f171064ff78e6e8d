/**
 * The domain errors of serial numbers: each code with its kind. The server's one error handler
 * maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class SerialError extends featureErrors({
  SERIAL_NOT_FOUND: "not_found",
  SERIALS_MISMATCH: "invalid",
}) {}

export type SerialErrorCode = SerialError["code"];
