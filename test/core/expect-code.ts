import { DomainError } from "../../src/core/errors.ts";

/** Runs `run`, expecting a DomainError, and returns it (fails the test otherwise). */
export function domainErrorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, but nothing was thrown");
}

/** The stable code of the DomainError that `run` throws. */
export function codeOf(run: () => unknown): string {
  return domainErrorOf(run).code;
}
