/**
 * The one place where errors become HTTP answers: `{"error": {code, message, details}}` with a
 * 4xx status for anything the caller can fix, 500 (logged) for the rest. Services never know
 * about HTTP.
 */
import { Elysia } from "elysia";
import { DomainError } from "../core/errors.ts";

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const statusOfKind: Record<DomainError["kind"], number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  /** Something the server depends on (head office, for a return of another store's sale) is out of reach. */
  unavailable: 503,
  /** Too many attempts (pairing codes, look-ups): try again later. */
  too_many: 429,
};

export class HttpError extends DomainError {
  readonly code: string;
  override readonly kind: DomainError["kind"];
  constructor(kind: DomainError["kind"], code: string, message: string, details?: unknown) {
    super(message, details);
    this.kind = kind;
    this.code = code;
  }
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
  const list: ValidationIssue[] = Array.isArray(all) ? (all as ValidationIssue[]) : [];
  return list.map((issue) => {
    const rawPath = Array.isArray(issue.path)
      ? issue.path
          .map((p) => (typeof p === "object" && p && "key" in p ? String(p.key) : String(p)))
          .join(".")
      : typeof issue.path === "string"
        ? issue.path.replace(/^\//, "").replaceAll("/", ".")
        : "";
    return { path: rawPath, message: String(issue.message ?? "is invalid") };
  });
}

export const errorHandling = new Elysia({ name: "ringup.errors" }).onError(
  { as: "global" },
  ({ code, error, request }) => {
    if (error instanceof DomainError) {
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
          return json(413, errorBody("PAYLOAD_TOO_LARGE", "the request body is too large"));
        }
        console.error(`error: ${request.method} ${new URL(request.url).pathname}:`, error);
        return json(
          500,
          errorBody("INTERNAL", "internal error: the server logged it; try again or contact support"),
        );
      }
    }
  },
);
