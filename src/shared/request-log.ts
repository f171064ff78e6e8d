/**
 * A request id on every HTTP request of a server: the caller's `x-request-id` when it is a
 * short token of safe characters (a proxy's, a till's), else a new one. It is answered in the
 * response's `x-request-id` header and carried by every log line written while serving the
 * request, ending with the request's own line (method, path, status, time taken).
 */
import { type Logger, withLogger } from "./log.ts";

export const REQUEST_ID_HEADER = "x-request-id";
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's request id when it is sane and bounded, else a new one. */
export function requestIdOf(given: string | null): string {
  return given !== null && SANE_REQUEST_ID.test(given) ? given : Bun.randomUUIDv7();
}

/** The path as logged: no query, and no receipt link's token (`/r/<token>` is the receipt's key). */
export function loggedPath(url: URL): string {
  return url.pathname.replace(/^\/r\/[^/]+/, "/r/…");
}

function withRequestId(response: Response, id: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, id);
    return response;
  } catch {
    // Immutable headers (a response passed through from elsewhere): answer a copy.
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, id);
    return copy;
  }
}

/** Where each request's method, path, status and time taken are counted (`GET /metrics`). */
export interface RequestObserver {
  observe(method: string, pathname: string, status: number, seconds: number): void;
}

/**
 * Serves one request with its id: `handle` runs with the request's logger as `log()`; the
 * observer, when given, counts it by route.
 */
export async function handleWithRequestLog(
  logger: Logger,
  request: Request,
  handle: (request: Request) => Response | Promise<Response>,
  observer?: RequestObserver,
): Promise<Response> {
  const reqId = requestIdOf(request.headers.get(REQUEST_ID_HEADER));
  const scoped = logger.child({ reqId });
  const started = performance.now();
  const url = new URL(request.url);
  const fields = () => ({
    method: request.method,
    path: loggedPath(url),
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
  return withLogger(scoped, async () => {
    let response: Response;
    try {
      response = await handle(request);
    } catch (err) {
      scoped.error({ ...fields(), err }, `${request.method} ${loggedPath(url)} failed`);
      observer?.observe(request.method, url.pathname, 500, (performance.now() - started) / 1000);
      throw err;
    }
    const status = response.status;
    observer?.observe(request.method, url.pathname, status, (performance.now() - started) / 1000);
    const line = { ...fields(), status };
    const text = `${request.method} ${line.path} ${status}`;
    if (status >= 500) scoped.error(line, text);
    else scoped.info(line, text);
    return withRequestId(response, reqId);
  });
}
