/**
 * Bounded requests, for the store and head office alike. Before a route sees a request:
 * - its URL is at most `urlChars` (414 `URI_TOO_LONG`);
 * - a request that needs a token has a valid one before its body is read (401, from the
 *   server's own `authenticate`);
 * - a body is JSON (415 `UNSUPPORTED_MEDIA_TYPE` otherwise: this also refuses the HTML form
 *   posts any web page could make to a shop PC);
 * - its `Content-Length` is within the route's limit (413 `BODY_TOO_LARGE`, nothing read);
 * - as it arrives, the bytes are counted (a body without a length is cut off at the limit) and
 *   scanned for nesting depth and keys per object (400 `JSON_TOO_DEEP`, `JSON_TOO_MANY_KEYS`),
 *   so only a bounded, shallow body is ever parsed and validated.
 * Every refusal is the usual `{"error": {code, message, details}}` and repeats none of the input.
 */
import { Elysia } from "elysia";
import { RequestRefusedError } from "./http-errors.ts";
import { type JsonShapeProblem, JsonShapeScanner } from "./json-scan.ts";

export interface RequestLimits {
  /** Bytes of a body on an ordinary API route. */
  bodyBytes: number;
  /** Bytes of a body on the routes of `smallRoutes` (log-in, approvals). */
  smallBodyBytes: number;
  /** Bytes of a body on the routes of `importRoutes` (bulk imports). */
  importBodyBytes: number;
  /** Deepest nesting of objects and arrays in a body. */
  maxDepth: number;
  /** Most keys in any one object of a body. */
  maxKeys: number;
  /** Longest URL (path and query), in characters. */
  urlChars: number;
}

export const KIB = 1024;
export const MIB = 1024 * KIB;

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  bodyBytes: MIB,
  smallBodyBytes: 4 * KIB,
  importBodyBytes: 16 * MIB,
  maxDepth: 32,
  maxKeys: 1000,
  urlChars: 8 * KIB,
};

export interface RequestLimitsOptions {
  limits: RequestLimits;
  /** Paths (exactly) whose bodies get `smallBodyBytes`. */
  smallRoutes: readonly string[];
  /** Paths (exactly) whose bodies get `importBodyBytes`. */
  importRoutes: readonly string[];
  /**
   * Called for every request that carries a body, before any of it is read: throws (401) when
   * the route needs a token and the request has no valid one.
   */
  authenticateEarly: (request: Request, pathname: string) => void;
  /**
   * The web console's HTML forms: under `prefix` a body is a URL-encoded form (not JSON) of at
   * most `smallBodyBytes`, read as text; `authenticate` (its session cookie) runs instead of
   * `authenticateEarly`, before any of it is read.
   */
  forms?: { prefix: string; authenticate: (request: Request, pathname: string) => void };
}

/** The limits a server runs with: the defaults, and the import limit it was given. */
export function requestLimitsOf(options: { maxImportBytes?: number | undefined }): RequestLimits {
  return {
    ...DEFAULT_REQUEST_LIMITS,
    importBodyBytes: options.maxImportBytes ?? DEFAULT_REQUEST_LIMITS.importBodyBytes,
  };
}

/**
 * The HTTP server's own cap on a body (`maxRequestBodySize`), above every route's limit: the
 * routes' limits answer first, with the JSON error, and read nothing of a body they refuse.
 */
export function serverBodyCap(limits: RequestLimits): number {
  return Math.max(limits.bodyBytes, limits.smallBodyBytes, limits.importBodyBytes) + 256 * MIB;
}

const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hasBody(request: Request): boolean {
  if (BODYLESS_METHODS.has(request.method)) return false;
  const length = request.headers.get("content-length");
  if (length !== null) return length.trim() !== "0";
  return request.headers.has("transfer-encoding") || request.body !== null;
}

function pathnameOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  let end = url.length;
  for (const stop of ["?", "#"]) {
    const at = url.indexOf(stop, start);
    if (at >= 0 && at < end) end = at;
  }
  const path = url.slice(start, end);
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

function isJson(contentType: string | null): boolean {
  if (contentType === null) return false;
  const media = contentType.split(";", 1)[0]?.trim().toLowerCase();
  return media === "application/json";
}

function tooLarge(limit: number): RequestRefusedError {
  return new RequestRefusedError(
    413,
    "BODY_TOO_LARGE",
    `the request body is larger than this route takes (${limit} bytes): send less, or split it`,
    { limitBytes: limit },
  );
}

function shapeError(problem: JsonShapeProblem): RequestRefusedError {
  return problem.kind === "depth"
    ? new RequestRefusedError(
        400,
        "JSON_TOO_DEEP",
        `the request body nests objects and arrays deeper than ${problem.limit} levels`,
        { limit: problem.limit, atByte: problem.offset },
      )
    : new RequestRefusedError(
        400,
        "JSON_TOO_MANY_KEYS",
        `an object in the request body has more than ${problem.limit} keys`,
        { limit: problem.limit, atByte: problem.offset },
      );
}

function malformed(message: string): RequestRefusedError {
  return new RequestRefusedError(400, "MALFORMED_JSON", message);
}

/**
 * Reads a body's bytes within `limitBytes`; `check` looks at each chunk as it arrives and may
 * refuse it. A refused body is not read further.
 */
async function readBounded(
  body: ReadableStream<Uint8Array>,
  limitBytes: number,
  check: (chunk: Uint8Array) => RequestRefusedError | null = () => null,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    const refusal = check(value) ?? (total > limitBytes ? tooLarge(limitBytes) : null);
    if (refusal !== null) {
      await reader.cancel().catch(() => undefined);
      throw refusal;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Reads a JSON body within `limitBytes`, checking its shape as it arrives, then parses it. */
export async function readBoundedJson(
  request: Request,
  limitBytes: number,
  limits: Pick<RequestLimits, "maxDepth" | "maxKeys">,
): Promise<unknown> {
  const body = request.body;
  if (body === null) throw malformed("the request body is empty: send a JSON document");
  const scanner = new JsonShapeScanner(limits);
  const bytes = await readBounded(body, limitBytes, (chunk) => {
    const shape = scanner.feed(chunk);
    return shape ? shapeError(shape) : null;
  });
  if (bytes.byteLength === 0) throw malformed("the request body is empty: send a JSON document");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw malformed("the request body is not UTF-8 text: send JSON encoded as UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw malformed("the request body is not valid JSON: check the syntax");
  }
}

const FORM_MEDIA = "application/x-www-form-urlencoded";

/** Reads a form body within `limitBytes` as UTF-8 text (the console parses it with zod). */
export async function readBoundedText(request: Request, limitBytes: number): Promise<string> {
  const body = request.body;
  if (body === null) return "";
  return new TextDecoder("utf-8").decode(await readBounded(body, limitBytes));
}

/** The Elysia plugin: use it right after the error handling, before any route. */
export function requestLimits(options: RequestLimitsOptions) {
  const { limits } = options;
  const small = new Set(options.smallRoutes);
  const imports = new Set(options.importRoutes);
  const isForm = (pathname: string): boolean =>
    options.forms !== undefined && pathname.startsWith(options.forms.prefix);
  const limitFor = (pathname: string): number =>
    small.has(pathname) || isForm(pathname)
      ? limits.smallBodyBytes
      : imports.has(pathname)
        ? limits.importBodyBytes
        : limits.bodyBytes;

  return (
    new Elysia({ name: "ringup.request-limits" })
      .onRequest(({ request }) => {
        if (request.url.length > limits.urlChars) {
          throw new RequestRefusedError(
            414,
            "URI_TOO_LONG",
            `the URL is longer than ${limits.urlChars} characters: send the data in a JSON body`,
            { limitChars: limits.urlChars },
          );
        }
        if (!hasBody(request)) return;
        const pathname = pathnameOf(request.url);
        if (isForm(pathname)) {
          options.forms?.authenticate(request, pathname);
          const media = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
          if (media !== FORM_MEDIA) {
            throw new RequestRefusedError(
              415,
              "UNSUPPORTED_MEDIA_TYPE",
              `a console form is sent as ${FORM_MEDIA}`,
            );
          }
        } else {
          options.authenticateEarly(request, pathname);
        }
        if (!isForm(pathname) && !isJson(request.headers.get("content-type"))) {
          throw new RequestRefusedError(
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            "the request body must be JSON, sent with 'Content-Type: application/json'",
          );
        }
        const length = request.headers.get("content-length");
        const limit = limitFor(pathname);
        if (length !== null && !(Number(length) <= limit)) throw tooLarge(limit);
      })
      // A request without a body leaves its route's body undefined, as before; one with a body is
      // read here, and only here, within its limits.
      .onParse({ as: "global" }, ({ request }) => {
        if (!hasBody(request)) return undefined;
        const pathname = pathnameOf(request.url);
        return isForm(pathname)
          ? readBoundedText(request, limitFor(pathname))
          : readBoundedJson(request, limitFor(pathname), limits);
      })
  );
}
