/**
 * The one place where errors become HTTP answers: `{"error": {code, message, details}}` with a
 * 4xx status for anything the caller can fix, 500 (logged) for the rest. Services never know
 * about HTTP.
 */
import { Elysia } from "elysia";
import type { ErrorBody } from "../api/error-body.ts";
import { DomainError } from "../core/errors.ts";
import { log } from "./log.ts";
import { loggedPath } from "./request-log.ts";
import { StorageError, storageErrorOf } from "./storage-errors.ts";

export type { ErrorBody } from "../api/error-body.ts";

/** The one mapping from a domain error's kind to an HTTP status. */
export const statusOfKind: Record<DomainError["kind"], number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  /** Too many attempts of something guessable (PINs without a till's token): wait, then retry. */
  rate_limited: 429,
  /** Something the server depends on (head office, for a return of another store's sale) is out of reach. */
  unavailable: 503,
  /** Too many attempts (pairing codes, look-ups): try again later. */
  too_many: 429,
  /** The disk that holds the data is full (or failing): nothing was recorded; free space, then retry. */
  storage_full: 507,
};

/**
 * A request refused before it reaches a feature (too large, not JSON, nested too deep…), with
 * the status that says so. Thrown by the request limits; mapped here like every other error.
 */
export class RequestRefusedError extends DomainError {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message, details);
    this.status = status;
    this.code = code;
  }
}

/** The longest excerpt of a caller's input an error message repeats. */
const EXCERPT_CHARS = 120;
/** The most validation issues an error lists. */
const MAX_ISSUES = 20;

/** A short excerpt of untrusted text for an error message: never the whole of a hostile input. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

function json(status: number, body: ErrorBody): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

interface ValidationIssue {
  path?: unknown;
  message?: unknown;
}

/** Turns Elysia's validation error (Standard Schema issues from zod) into a precise list. */
function validationDetails(error: unknown): { path: string; message: string }[] {
  const all = (error as { all?: unknown }).all;
  const list: ValidationIssue[] = Array.isArray(all) ? (all as ValidationIssue[]).slice(0, MAX_ISSUES) : [];
  return list.map((issue) => {
    const rawPath = Array.isArray(issue.path)
      ? issue.path
          .map((p) => (typeof p === "object" && p && "key" in p ? String(p.key) : String(p)))
          .join(".")
      : typeof issue.path === "string"
        ? issue.path.replace(/^\//, "").replaceAll("/", ".")
        : "";
    return {
      path: excerpt(rawPath === "root" ? "" : rawPath),
      message: excerpt(String(issue.message ?? "is invalid")),
    };
  });
}

export const errorHandling = new Elysia({ name: "ringup.errors" }).onError(
  { as: "global" },
  ({ code, error: raised, request }) => {
    // A write outside a guarded transaction that found the disk full is said as the same domain error.
    const error = storageErrorOf(raised);
    // A refusal from the body reader reaches here wrapped in Elysia's parse error.
    const refused =
      error instanceof RequestRefusedError ? error : error instanceof Error ? error.cause : undefined;
    if (refused instanceof RequestRefusedError) {
      return json(refused.status, errorBody(refused.code, refused.message, refused.details));
    }
    if (error instanceof DomainError) {
      if (error instanceof StorageError) {
        const reason = error.cause instanceof Error ? error.cause.message : String(error.cause);
        log().error(`${request.method} ${loggedPath(new URL(request.url))}: storage: ${reason}`);
      } else {
        log().debug(
          { code: error.code },
          `${request.method} ${loggedPath(new URL(request.url))}: ${error.code}`,
        );
      }
      return json(statusOfKind[error.kind], errorBody(error.code, error.message, error.details));
    }
    switch (code) {
      case "PARSE":
        return json(
          400,
          errorBody(
            "MALFORMED_JSON",
            "the request body is not valid JSON: check the syntax and the content-type",
          ),
        );
      case "VALIDATION": {
        const details = validationDetails(error);
        const first = details[0];
        const where = first
          ? `${first.path || "body"}: ${first.message}`
          : "the request does not match the schema";
        return json(400, errorBody("INVALID_REQUEST", `invalid request: ${where}`, details));
      }
      case "NOT_FOUND":
        return json(
          404,
          errorBody("NOT_FOUND", `no route ${request.method} ${new URL(request.url).pathname}`),
        );
      case "INVALID_COOKIE_SIGNATURE":
        return json(400, errorBody("INVALID_REQUEST", "invalid cookie"));
      default: {
        const message = error instanceof Error ? error.message : String(error);
        if (/too large|payload/i.test(message)) {
          return json(413, errorBody("BODY_TOO_LARGE", "the request body is too large"));
        }
        log().error({ err: error }, `${request.method} ${loggedPath(new URL(request.url))}: ${message}`);
        return json(
          500,
          errorBody("INTERNAL", "internal error: the server logged it; try again or contact support"),
        );
      }
    }
  },
);
