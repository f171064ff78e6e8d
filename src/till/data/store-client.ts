/**
 * HTTP to the store server: JSON in, every answer parsed with zod, a deadline on every call,
 * and failures sorted into "unreachable, try later" (network, timeout, 5xx, nonsense) and
 * "refused" (4xx with the store's own error code and message).
 */
import type { z } from "zod";
import { errorBodySchema } from "../../api/error-body.ts";
import { StoreRefusedError, StoreUnreachableError } from "./errors.ts";

export interface StoreClientOptions {
  server: string;
  fetch: typeof fetch;
  /** Deadline per request. */
  timeoutMs: number;
  /** Aborts every request in flight when the till closes. */
  signal: AbortSignal;
}

export interface RequestOptions {
  body?: unknown;
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

  private unreachable(reason: string): StoreUnreachableError {
    return new StoreUnreachableError(`store unreachable at ${this.server}: ${reason}`, reason);
  }

  /** Sends one request and parses the answer; throws StoreUnreachableError or StoreRefusedError. */
  async request<S extends z.ZodType>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const init: RequestInit = {
      method,
      headers,
      signal: AbortSignal.any([this.options.signal, AbortSignal.timeout(timeoutMs)]),
    };
    if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    let res: Response;
    let text: string;
    try {
      res = await this.options.fetch(`${this.server}${path}`, init);
      text = await res.text();
    } catch (err) {
      throw this.unreachable(networkReason(err, timeoutMs));
    }
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      json = undefined;
    }
    // 503 with an error body: the store is up but something it needs is not (head office, for
    // a return of another store's sale); its message says what to do instead.
    const refusal = (res.status >= 400 && res.status < 500) || (res.status === 503 && json !== undefined);
    if (refusal) {
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const { code, message, details } = parsed.data.error;
        throw new StoreRefusedError(res.status, code, message, details);
      }
      if (res.status < 500) {
        throw new StoreRefusedError(res.status, `HTTP_${res.status}`, `the store refused ${method} ${path}`);
      }
    }
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(json);
      const detail = parsed.success ? `: ${parsed.data.error.message}` : "";
      throw this.unreachable(`the store failed with HTTP ${res.status}${detail}`);
    }
    const answer = schema.safeParse(json);
    if (!answer.success) {
      const issue = answer.error.issues[0];
      const where = issue ? `${issue.path.join(".") || "answer"}: ${issue.message}` : "unexpected shape";
      throw this.unreachable(`the store's answer to ${method} ${path} makes no sense (${where})`);
    }
    return answer.data;
  }
}
