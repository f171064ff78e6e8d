/**
 * HTTP to the store server: JSON in, every answer parsed with zod, a deadline on every call,
 * and failures sorted into "unreachable, try later" (network, timeout, 5xx, nonsense) and
 * "refused" (4xx with the store's own error code and message).
 */
import type { z } from "zod";
import { type CallInput, call, firstIssue, urlPathOf } from "../../api/client.ts";
import type { AnswerOf, BodyOf, Route } from "../../api/route.ts";
import { StoreRefusedError, StoreUnreachableError } from "./errors.ts";

export interface StoreClientOptions {
  server: string;
  fetch: typeof fetch;
  /** Deadline per request. */
  timeoutMs: number;
  /** Aborts every request in flight when the till closes. */
  signal: AbortSignal;
}

export interface RequestOptions<R extends Route> {
  params?: CallInput<R>["params"];
  query?: CallInput<R>["query"];
  body?: BodyOf<R>;
  /** Bearer token; none for the open routes (/health, POST /sessions). */
  token?: string | null;
  /** A shorter deadline than the client's, for a request that must not hold anything up. */
  timeoutMs?: number;
}

/** The cause of a failed fetch in plain words. */
export function networkReason(err: unknown, timeoutMs: number): string {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    if (err.name === "TimeoutError") return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
    if (err.name === "AbortError") return "the till is closing";
    if (code === "ECONNREFUSED") return "connection refused";
    if (code === "ENOTFOUND") return "host not found";
    if (code === "ECONNRESET") return "connection reset";
    if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "network unreachable";
    return err.message;
  }
  return String(err);
}

export class StoreClient {
  readonly server: string;
  constructor(private readonly options: StoreClientOptions) {
    this.server = options.server.replace(/\/+$/, "");
  }

  private unreachable(reason: string, storeCode: string | null = null): StoreUnreachableError {
    return new StoreUnreachableError(`store unreachable at ${this.server}: ${reason}`, reason, storeCode);
  }

  /** Sends one request and parses the answer; throws StoreUnreachableError or StoreRefusedError. */
  async request<R extends Route>(route: R, options: RequestOptions<R> = {}): Promise<AnswerOf<R>> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const input: CallInput<R> = {
      ...(options.params ? { params: options.params } : {}),
      ...(options.query ? { query: options.query } : {}),
      ...(options.body !== undefined ? { body: options.body } : {}),
    };
    const what = `${route.method} ${urlPathOf(route, input)}`;
    const outcome = await call(
      {
        server: this.server,
        fetch: this.options.fetch,
        token: options.token ?? null,
        timeoutMs,
        signal: this.options.signal,
      },
      route,
      input,
    );
    switch (outcome.kind) {
      case "ok":
        return outcome.data;
      case "network":
        throw this.unreachable(networkReason(outcome.error, timeoutMs));
      case "not-json":
      case "unreadable": {
        const where = outcome.kind === "unreadable" ? outcome.where : firstIssueOf(route.answer, undefined);
        throw this.unreachable(`the store's answer to ${what} makes no sense (${where})`);
      }
      case "failed": {
        const { status, error, json } = outcome;
        // 503 with an error body: the store is up but something it needs is not (head office,
        // for a return of another store's sale); its message says what to do instead.
        const refusal = (status >= 400 && status < 500) || (status === 503 && json !== undefined);
        if (refusal && error) throw new StoreRefusedError(status, error.code, error.message, error.details);
        if (refusal && status < 500) {
          throw new StoreRefusedError(status, `HTTP_${status}`, `the store refused ${what}`);
        }
        throw this.unreachable(
          `the store failed with HTTP ${status}${error ? `: ${error.message}` : ""}`,
          error?.code ?? null,
        );
      }
    }
  }
}

/** What a schema says of an answer that is not JSON at all. */
function firstIssueOf(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? "unexpected shape" : firstIssue(parsed.error);
}
