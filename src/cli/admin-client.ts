/**
 * The admin's HTTP client for a store (or head office) API: bearer token, a timeout per
 * request, every answer checked with zod, and every failure turned into a message that says
 * what went wrong (in the server's words when it answered) and what to do next.
 */

import { z } from "zod";
import { type CallInput, call, urlPathOf } from "../api/client.ts";
import { errorBodySchema } from "../api/error-body.ts";
import { hqRoutes } from "../api/hq/routes.ts";
import { type AnswerOf, type BodyOf, type Route, route } from "../api/route.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { DomainError } from "../core/errors.ts";
import { log } from "../shared/log.ts";
import { REQUEST_ID_HEADER } from "../shared/request-log.ts";

/** A failed admin command: main() prints `ringup: <message>` and exits with status 1. */
export class AdminError extends DomainError {
  readonly code = "ADMIN_FAILED";
}

export const DEFAULT_TIMEOUT_MS = 30_000;

function hintFor(status: number, code: string): string {
  if (status === 401) return "check the admin token (--token or RINGUP_TOKEN)";
  if (status === 403) return "use the admin token, or a user with the role it names";
  if (status === 404 && code === "NOT_FOUND") {
    return "this server does not offer that: check that --server points at a Ringup store of this version";
  }
  if (status === 413) return "the request is too large for the server; split the file";
  if (status >= 500) return "the server failed; see its log, then try again";
  return "";
}

function withHint(message: string, hint: string): string {
  return hint ? `${message}\n  ${hint}` : message;
}

/** A server's refusal, in its own words when it gave them, with what to do. */
function failure(res: Response, json: unknown): AdminError {
  const parsed = errorBodySchema.safeParse(json);
  const message = parsed.success ? parsed.data.error.message : `HTTP ${res.status} ${res.statusText}`;
  const code = parsed.success ? parsed.data.error.code : "";
  return new AdminError(
    withHint(message, hintFor(res.status, code)),
    parsed.success ? parsed.data.error : undefined,
  );
}

/** `GET /health` of a store or of head office: both name their `mode`. */
const anyServerHealthRoute = route({
  ...storeRoutes["GET /health"],
  answer: z.union([storeRoutes["GET /health"].answer, hqRoutes["GET /health"].answer]),
});

export interface RequestOptions<R extends Route> {
  params?: CallInput<R>["params"];
  query?: CallInput<R>["query"];
  body?: BodyOf<R>;
  timeoutMs?: number;
}

export class AdminClient {
  private readonly base: string;
  constructor(
    server: string,
    private readonly token: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
    /** A CA certificate (PEM) for a server with a self-signed certificate. */
    private readonly ca?: string,
  ) {
    this.base = server.replace(/\/+$/, "");
  }

  /** What the server is (`GET /health` answers its `mode`): a store or head office. */
  async mode(): Promise<string> {
    const outcome = await call(
      { server: this.base, timeoutMs: this.timeoutMs, ...(this.ca ? { ca: this.ca } : {}) },
      anyServerHealthRoute,
    );
    if (outcome.kind === "network") throw this.transportError(outcome.error, this.timeoutMs);
    const notRingup = (why: string) =>
      new AdminError(`the server at ${this.base} is not a Ringup server (GET /health ${why})`);
    let mode: string;
    if (outcome.kind === "ok") mode = outcome.data.mode;
    else if (outcome.kind === "not-json" || (outcome.kind === "failed" && outcome.json === undefined)) {
      throw notRingup("is not JSON");
    } else {
      // A server that answers its health with a failure status still says what it is.
      const named = outcome.kind === "failed" ? anyServerHealthRoute.answer.safeParse(outcome.json) : null;
      if (!named?.success) throw notRingup("names no mode");
      mode = named.data.mode;
    }
    this.atHq = mode === "hq";
    return mode;
  }

  /** Whether `mode()` found head office (the commands both servers offer call its routes). */
  atHq = false;

  /** Calls a route of the server and answers its body, checked against the route's answer schema. */
  async request<R extends Route>(route: R, options: RequestOptions<R> = {}): Promise<AnswerOf<R>> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const input: CallInput<R> = {
      ...(options.params ? { params: options.params } : {}),
      ...(options.query ? { query: options.query } : {}),
      ...(options.body !== undefined ? { body: options.body } : {}),
    };
    // Named as the commands' messages always did: the path below /api/v1.
    const what = `${route.method} ${urlPathOf(route, input).replace(/^\/api\/v1/, "")}`;
    // The server logs its lines about this request under the same id.
    const reqId = Bun.randomUUIDv7();
    const outcome = await call(
      {
        server: this.base,
        token: this.token,
        timeoutMs,
        headers: { [REQUEST_ID_HEADER]: reqId },
        ...(this.ca ? { ca: this.ca } : {}),
      },
      route,
      input,
    );
    const status = "status" in outcome ? outcome.status : null;
    log().debug(
      { reqId, what, status, outcome: outcome.kind },
      status === null ? `${what} failed (${outcome.kind})` : `${what} ${status}`,
    );
    switch (outcome.kind) {
      case "ok":
        return outcome.data;
      case "network":
        throw this.transportError(outcome.error, timeoutMs);
      case "not-json":
        throw this.notJson(what, outcome.status);
      case "failed": {
        if (outcome.json === undefined) throw this.notJson(what, outcome.status);
        const { error } = outcome;
        const message = error ? error.message : `HTTP ${outcome.status} ${outcome.statusText}`;
        throw new AdminError(
          withHint(message, hintFor(outcome.status, error?.code ?? "")),
          error ?? undefined,
        );
      }
      case "unreadable":
        throw new AdminError(
          withHint(
            `the server's answer to ${what} is not what this version expects (${outcome.where.replace(/^answer:/, "body:")})`,
            "use a ringup admin of the same version as the server",
          ),
        );
    }
  }

  private notJson(what: string, status: number): AdminError {
    return new AdminError(
      withHint(
        `the server at ${this.base} answered ${what} with HTTP ${status} that is not JSON`,
        "check that --server points at a Ringup store",
      ),
    );
  }

  /** Sends a request whose answer is a file, not JSON: answers the response once it is known to be OK. */
  async download(method: string, path: string, timeoutMs = this.timeoutMs): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.timeout(timeoutMs),
        ...(this.ca ? { tls: { ca: this.ca } } : {}),
      });
    } catch (err) {
      throw this.transportError(err, timeoutMs);
    }
    if (res.ok) return res;
    throw failure(res, await res.json().catch(() => undefined));
  }

  private transportError(err: unknown, timeoutMs: number): AdminError {
    const name = err instanceof Error ? err.name : "";
    if (name === "TimeoutError" || name === "AbortError") {
      return new AdminError(
        withHint(
          `the server at ${this.base} did not answer within ${Math.round(timeoutMs / 1000)} s`,
          "check that it is running and not overloaded, then try again",
        ),
      );
    }
    const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
    const why =
      code === "ECONNREFUSED"
        ? "connection refused"
        : code || (err instanceof Error ? err.message : String(err));
    return new AdminError(
      withHint(
        `the server is not reachable at ${this.base} (${why})`,
        "start it with 'ringup store --data DIR', or check --server (RINGUP_SERVER)",
      ),
    );
  }
}
