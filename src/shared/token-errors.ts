/**
 * The domain errors of API tokens named by id: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../core/errors.ts";

export class TokenError extends featureErrors({
  TOKEN_ID_AMBIGUOUS: "conflict",
  TOKEN_NOT_FOUND: "not_found",
}) {}

export type TokenErrorCode = TokenError["code"];
