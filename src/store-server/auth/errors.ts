/**
 * The domain errors of the store's auth: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class AuthError extends featureErrors({
  FORBIDDEN: "forbidden",
  NOT_AN_ADMIN_TOKEN: "forbidden",
  PERMISSION_DENIED: "forbidden",
  SESSION_EXPIRED: "unauthorized",
  UNAUTHORIZED: "unauthorized",
}) {}

export type AuthErrorCode = AuthError["code"];
