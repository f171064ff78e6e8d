/**
 * `GET /openapi.json` for a server of ours: the document of `src/api/openapi.ts`, built once
 * from the routes the app serves and the descriptors of `src/api`.
 */
import { Elysia, type InternalRoute } from "elysia";
import { z } from "zod";
import { type OpenApiInfo, openApiDocument, type ServedRoute } from "../api/openapi.ts";
import type { Route } from "../api/route.ts";

function zodOrNone(value: unknown): z.ZodType | undefined {
  return value instanceof z.ZodType ? value : undefined;
}

/** What the document needs of an app's routes. */
export function servedRoutes(routes: readonly InternalRoute[]): ServedRoute[] {
  return routes.map((r) => {
    const hooks = r.hooks as {
      body?: unknown;
      query?: unknown;
      params?: unknown;
      detail?: { summary?: unknown };
    };
    const summary = hooks.detail?.summary;
    const body = zodOrNone(hooks.body);
    const query = zodOrNone(hooks.query);
    const params = zodOrNone(hooks.params);
    return {
      method: r.method,
      path: r.path,
      ...(typeof summary === "string" ? { summary } : {}),
      ...(body ? { body } : {}),
      ...(query ? { query } : {}),
      ...(params ? { params } : {}),
    };
  });
}

/**
 * The route that serves the document. `routes` is read on the first request, when the app is
 * whole.
 */
export function openApiRoute(
  info: OpenApiInfo,
  descriptors: Readonly<Record<string, Route>>,
  routes: () => readonly InternalRoute[],
) {
  let doc: string | undefined;
  return new Elysia({ name: `ringup.openapi.${info.title}` }).get(
    "/openapi.json",
    () => {
      doc ??= JSON.stringify(openApiDocument(info, servedRoutes(routes()), descriptors));
      return new Response(doc, { headers: { "content-type": "application/json" } });
    },
    { detail: { hide: true } },
  );
}
