/**
 * The one HTTP client of our APIs: a call names a route (`route.ts`), sends its body as JSON
 * with a bearer token and a deadline, and sorts what comes back into an outcome. The till, the
 * admin CLI and the store's link to head office each turn the outcomes into their own errors.
 */
import type { z } from "zod";
import { type ErrorBody, errorBodySchema } from "./error-body.ts";
import { type AnswerOf, type BodyOf, pathOf, type Route } from "./route.ts";

export interface Transport {
  /** The server's origin, e.g. `http://store:7070` (a trailing slash is ignored). */
  server: string;
  fetch?: typeof fetch;
  /** Bearer token; none for the open routes (/health, a till's PIN log-in and pairing). */
  token?: string | null;
  timeoutMs: number;
  /** Aborts the call (e.g. when the till closes). */
  signal?: AbortSignal;
  /** A CA certificate (PEM) for a server with a self-signed certificate. */
  ca?: string;
  /** Headers sent with every call (e.g. the request id the server logs the call under). */
  headers?: Readonly<Record<string, string>>;
}

export interface CallInput<R extends Route> {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  body?: BodyOf<R>;
}

export type CallOutcome<T> =
  | { kind: "ok"; status: number; data: T }
  /** No answer: the network failed, the deadline passed, or the call was aborted. */
  | { kind: "network"; error: unknown }
  /** An answer that is not JSON. */
  | { kind: "not-json"; status: number }
  /**
   * A failure status; `error` is the server's error body when it sent one, `json` the body when
   * it is JSON (undefined when not), `text` the body as sent.
   */
  | {
      kind: "failed";
      status: number;
      statusText: string;
      error: ErrorBody["error"] | null;
      json: unknown;
      text: string;
    }
  /** A success whose body does not match the route's answer schema. */
  | { kind: "unreadable"; status: number; where: string };

/** Where and what the first issue of a failed parse is, in one line. */
export function firstIssue(error: z.ZodError, root = "answer"): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || root}: ${issue.message}` : "unexpected shape";
}

/** The path and query string of a call, e.g. `/api/v1/held?tillId=T1`. */
export function urlPathOf<R extends Route>(r: R, input: CallInput<R> = {}): string {
  const path = pathOf(r, input.params);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value !== undefined) query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function call<R extends Route>(
  transport: Transport,
  r: R,
  input: CallInput<R> = {},
): Promise<CallOutcome<AnswerOf<R>>> {
  const headers: Record<string, string> = { ...transport.headers, accept: "application/json" };
  if (transport.token) headers.authorization = `Bearer ${transport.token}`;
  const deadline = AbortSignal.timeout(transport.timeoutMs);
  const init: RequestInit = {
    method: r.method,
    headers,
    signal: transport.signal ? AbortSignal.any([transport.signal, deadline]) : deadline,
    ...(transport.ca ? { tls: { ca: transport.ca } } : {}),
  };
  if (input.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(input.body);
  }
  const base = transport.server.replace(/\/+$/, "");
  let res: Response;
  let text: string;
  try {
    res = await (transport.fetch ?? fetch)(`${base}${urlPathOf(r, input)}`, init);
    text = await res.text();
  } catch (error) {
    return { kind: "network", error };
  }
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    if (res.ok) return { kind: "not-json", status: res.status };
    json = undefined;
  }
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(json);
    return {
      kind: "failed",
      status: res.status,
      statusText: res.statusText,
      error: parsed.success ? parsed.data.error : null,
      json,
      text,
    };
  }
  const answer = r.answer.safeParse(json);
  if (!answer.success) return { kind: "unreadable", status: res.status, where: firstIssue(answer.error) };
  return { kind: "ok", status: res.status, data: answer.data as AnswerOf<R> };
}
