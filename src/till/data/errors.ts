/**
 * What can go wrong between the till and its store, as DomainErrors with stable codes the
 * till's status line shows: the store unreachable (network, timeout, 5xx, an answer that makes
 * no sense) or the store refusing a request with its own error code and message.
 */
import { DomainError } from "../../core/errors.ts";

/** The store could not be reached or did not answer sensibly; trying again later may work. */
export class StoreUnreachableError extends DomainError {
  readonly code = "STORE_UNREACHABLE";
  constructor(
    message: string,
    /** The cause in plain words, e.g. "connection refused". */
    readonly reason: string,
    /** The store's own error code when it answered one (`STORAGE_FULL` from a full disk). */
    readonly storeCode: string | null = null,
  ) {
    super(message, { reason });
  }
}

const kindOfStatus = (status: number): DomainError["kind"] =>
  status === 401
    ? "unauthorized"
    : status === 403
      ? "forbidden"
      : status === 404
        ? "not_found"
        : status === 409
          ? "conflict"
          : status === 503
            ? "unavailable"
            : "invalid";

/** The store answered 4xx: its error code and message, passed on as they are. */
export class StoreRefusedError extends DomainError {
  readonly code: string;
  override readonly kind: DomainError["kind"];
  constructor(
    readonly status: number,
    code: string,
    message: string,
    details?: unknown,
  ) {
    super(message, details);
    this.code = code;
    this.kind = kindOfStatus(status);
  }
}

/**
 * The store no longer takes the till's session token (logged out, replaced by a later log-in):
 * "log in again", not "this request is wrong". A wrong PIN is a 401 too, with its own code.
 */
export function isSessionRefusal(err: unknown): boolean {
  return (
    err instanceof StoreRefusedError &&
    err.status === 401 &&
    (err.code === "UNAUTHORIZED" || err.code === "SESSION_EXPIRED")
  );
}

/** A till-side refusal: no cashier, a PIN this till has never seen, offline lock-out… */
export class TillAuthError extends DomainError {
  readonly code: string;
  override readonly kind = "unauthorized";
  constructor(code: string, message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}
