/** Errors of working dead letters: a stable code and what to do next. */
import { DomainError } from "../../core/errors.ts";

export class UnknownDeadLetterError extends DomainError {
  readonly code = "UNKNOWN_DEAD_LETTER";
  override readonly kind = "not_found";
  constructor(id: number) {
    super(`no dead letter ${id}: list them with GET /api/v1/dead-letters`, { id });
  }
}

export class DeadLetterResolvedError extends DomainError {
  readonly code = "DEAD_LETTER_RESOLVED";
  override readonly kind = "conflict";
  constructor(id: number, resolution: string) {
    super(`dead letter ${id} is closed already (${resolution}); nothing to do`, { id, resolution });
  }
}

export class RetryFailedError extends DomainError {
  readonly code = "RETRY_FAILED";
  override readonly kind = "conflict";
  constructor(id: number, reason: string, message: string) {
    super(
      `dead letter ${id} was refused again (${reason}: ${message}); fix the cause and retry, or discard it with a reason`,
      { id, reason, message },
    );
  }
}
