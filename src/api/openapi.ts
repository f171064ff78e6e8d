/**
 * The OpenAPI document of a server of ours, built from what it serves (each route's method,
 * path, summary and the schemas it validates its body, query and path with) and from the route
 * descriptors of this module (the schema of each answer, and the one error body). Pure: the
 * servers serve it at `/openapi.json` and `scripts/gen-api-docs.ts` renders it as docs/api.md.
 */
import { z } from "zod";
import { errorBodySchema } from "./error-body.ts";
import type { Route } from "./route.ts";

/** A route as a server serves it. */
export interface ServedRoute {
  method: string;
  path: string;
  summary?: string;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

export interface OpenApiInfo {
  title: string;
  version: string;
}

type JsonSchema = Record<string, unknown>;

/** A schema without its `$schema` dialect URL (the document names its dialect once). */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** Requests as clients send them (before defaults and transforms). */
function inputSchema(schema: z.ZodType): JsonSchema {
  return jsonSchema(schema, "input");
}

/** Answers as servers send them. */
function outputSchema(schema: z.ZodType): JsonSchema {
  return jsonSchema(schema, "output");
}

/** `/sales/:id` → `/sales/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, "{$1}");
}

function parameters(route: ServedRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const name of route.path.match(/:([A-Za-z]+)/g) ?? []) {
    out.push({ name: name.slice(1), in: "path", required: true, schema: { type: "string" } });
  }
  if (route.query) {
    const schema = inputSchema(route.query);
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      out.push({ name, in: "query", required: required.has(name), schema: prop });
    }
  }
  return out;
}

/**
 * The routes a server serves that the document lists (its own pages, the web console at `/`
 * and `/console/…`, and the document itself are left out).
 */
export function documentedRoutes(served: readonly ServedRoute[]): ServedRoute[] {
  return served.filter(
    (r) =>
      r.path !== "/openapi.json" &&
      !r.path.startsWith("/docs") &&
      r.path !== "/" &&
      !r.path.startsWith("/console/") &&
      r.method !== "ALL",
  );
}

export function openApiDocument(
  info: OpenApiInfo,
  served: readonly ServedRoute[],
  descriptors: Readonly<Record<string, Route>>,
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of documentedRoutes(served)) {
    const key = `${r.method} ${r.path}`;
    const descriptor = descriptors[key];
    const operation: JsonSchema = {
      summary: r.summary ?? descriptor?.summary ?? "",
      ...(r.path.startsWith("/api/") ? {} : { security: [] }),
      parameters: parameters(r),
      responses: {
        "200": descriptor
          ? {
              description: "the answer",
              content: { "application/json": { schema: outputSchema(descriptor.answer) } },
            }
          : { description: "the answer (not described)" },
        "4XX": {
          description: "refused: nothing changed",
          content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
        },
      },
    };
    if (r.body) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: inputSchema(r.body) } },
      };
    }
    const path = openApiPath(r.path);
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { ErrorBody: outputSchema(errorBodySchema) },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
