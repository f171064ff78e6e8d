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
    | "too_many"
    | "storage_full" = "invalid";
  readonly details: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export type ErrorKind = DomainError["kind"];

/**
 * The error class of a feature: every code it may throw with its kind, declared once in the
 * feature's `errors.ts`, so a throw names only the code and a code always has one kind.
 */
export function featureErrors<const Kinds extends Record<string, ErrorKind>>(kinds: Kinds) {
  return class FeatureError extends DomainError {
    /** Every code of the feature with its kind (for a client that says each code in its words). */
    static readonly kinds: Readonly<Kinds> = kinds;
    readonly code: keyof Kinds & string;
    override readonly kind: ErrorKind;
    constructor(code: keyof Kinds & string, message: string, details?: unknown) {
      super(message, details);
      this.code = code;
      this.kind = kinds[code] as ErrorKind;
    }
  };
}

/** A domain error said again with where it happened (a line, a field): its code and kind kept. */
export class RestatedError extends DomainError {
  readonly code: string;
  override readonly kind: ErrorKind;
  constructor(cause: DomainError, message: string, details?: unknown) {
    super(message, details);
    this.code = cause.code;
    this.kind = cause.kind;
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
