/**
 * The domain errors of head office's authentication: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class HqAuthError extends featureErrors({
  FORBIDDEN: "forbidden",
  UNAUTHORIZED: "unauthorized",
}) {}

export type HqAuthErrorCode = HqAuthError["code"];
