/**
 * A route of our HTTP APIs as data: method, path, the schema of its body and query, and the
 * schema of its answer. Servers validate with the same schemas, clients send and read with
 * them (see `client.ts`), and the OpenAPI document lists them (see `openapi.ts`).
 */
import { z } from "zod";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Route {
  method: Method;
  /** The full path as served, with `:name` for path parameters (e.g. `/api/v1/held/:id`). */
  path: string;
  /** What the route does, for the reference when the server does not say. */
  summary?: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The answer of a success (2xx). */
  answer: z.ZodType;
}

/** Declares a route, keeping its literal types (the body and answer schemas) for the client. */
export function route<const R extends Route>(r: R): R {
  return r;
}

/** A route in a table (`routeTable`): its answer alone, or its answer with a body, query or summary. */
export type RouteSpec = z.ZodType | Omit<Route, "method" | "path">;

/** The route a table's row describes. */
export type RouteOf<S extends RouteSpec> = S extends z.ZodType
  ? { method: Method; path: string; answer: S }
  : S & { method: Method; path: string };

const METHODS: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Routes from a compact table keyed by `"METHOD /path"` (the way the servers' routes are named
 * in the OpenAPI document and in tests), each row its answer or its answer with a body.
 */
export function routeTable<const T extends Record<string, RouteSpec>>(
  table: T,
): { readonly [K in keyof T]: RouteOf<T[K]> } {
  const out: Record<string, Route> = {};
  for (const [key, spec] of Object.entries(table)) {
    const [method = "", path = "", ...rest] = key.split(" ");
    if (!METHODS.includes(method) || !path.startsWith("/") || rest.length > 0) {
      throw new TypeError(`route table: "${key}" is not "METHOD /path"`);
    }
    const described = spec instanceof z.ZodType ? { answer: spec } : spec;
    out[key] = { method: method as Method, path, ...described };
  }
  return out as { readonly [K in keyof T]: RouteOf<T[K]> };
}

/** The body a route takes, as a client writes it (before defaults and transforms); any JSON where its descriptor names no body. */
export type BodyOf<R extends Route> = R["body"] extends z.ZodType ? z.input<R["body"]> : unknown;
/** The answer a route gives, as parsed by its schema. */
export type AnswerOf<R extends Route> = z.output<R["answer"]>;

/** A route's path with its `:name` parameters filled in (each URI-encoded). */
export function pathOf(r: Route, params: Readonly<Record<string, string>> = {}): string {
  return r.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${r.method} ${r.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}
