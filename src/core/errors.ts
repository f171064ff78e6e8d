/**
 * Domain errors: a stable machine-readable `code`, a human message that says what to do next,
 * and optional structured details. Thrown by core and services; mapped to HTTP status in one
 * place per server and to a status-line message in one place in the till.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** HTTP-ish category, so servers can map errors without knowing every class. */
  readonly kind:
    | "invalid"
    | "not_found"
    | "conflict"
    | "unauthorized"
    | "forbidden"
    | "rate_limited"
    | "unavailable"
    | "too_many" = "invalid";
  readonly details: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Input that fails a rule of the domain (bad quantity, bad rate, unknown tender…). */
export class InvalidInputError extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}
