/**
 * The contract module and what the servers serve agree: every route the store and head office
 * serve has a descriptor in src/api and is in the OpenAPI document with the schemas it
 * validates with and its answer; docs/api.md is the current rendering of the documents.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import type { Elysia } from "elysia";
import { z } from "zod";
import { API_DOC, apiReference } from "../../scripts/gen-api-docs.ts";
import { hqRoutes } from "../../src/api/hq/routes.ts";
import { documentedRoutes, openApiPath } from "../../src/api/openapi.ts";
import type { Route } from "../../src/api/route.ts";
import { storeRoutes } from "../../src/api/store/routes.ts";
import { servedRoutes } from "../../src/shared/openapi.ts";
import { createTestHq } from "../support/hq-app.ts";
import { createTestStore } from "../support/store-app.ts";

type Json = Record<string, unknown>;

async function check(app: Elysia, descriptors: Readonly<Record<string, Route>>) {
  const served = documentedRoutes(servedRoutes(app.routes));
  const doc = (await (await app.handle(new Request("http://localhost/openapi.json"))).json()) as {
    paths: Record<string, Record<string, Json>>;
  };
  const problems: string[] = [];
  for (const r of served) {
    const key = `${r.method} ${r.path}`;
    const descriptor = descriptors[key];
    if (!descriptor) problems.push(`${key}: no descriptor in src/api`);
    if (descriptor?.body && descriptor.body !== r.body)
      problems.push(`${key}: validates another body schema`);
    if (descriptor?.query && descriptor.query !== r.query)
      problems.push(`${key}: validates another query schema`);
    const op = doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()];
    if (!op) {
      problems.push(`${key}: not in the OpenAPI document`);
      continue;
    }
    const answer = (
      (op.responses as Record<string, Json>)["200"]?.content as Record<string, Json> | undefined
    )?.["application/json"]?.schema;
    if (!answer) problems.push(`${key}: no answer schema`);
    if (r.body && !(op.requestBody as Json | undefined)?.content) problems.push(`${key}: no body schema`);
    const names = ((op.parameters ?? []) as Json[]).map((p) => p.name);
    for (const name of Object.keys((r.query as { shape?: object } | undefined)?.shape ?? {})) {
      if (!names.includes(name)) problems.push(`${key}: query ${name} not documented`);
    }
  }
  const servedKeys = new Set(served.map((r) => `${r.method} ${r.path}`));
  for (const key of Object.keys(descriptors)) {
    if (!servedKeys.has(key)) problems.push(`${key}: described in src/api but not served`);
  }
  expect(problems).toEqual([]);
  expect(served.length).toBeGreaterThan(20);
}

describe("OpenAPI documents", () => {
  test("every store route is described, with its request and answer schemas", async () => {
    using store = createTestStore();
    await check(store.app as unknown as Elysia, storeRoutes);
  });

  test("every head office route is described, with its request and answer schemas", async () => {
    using hq = createTestHq();
    await check(hq.app as unknown as Elysia, hqRoutes);
  });

  test("docs/api.md is the current rendering of the documents", async () => {
    const current = readFileSync(API_DOC, "utf8");
    const fresh = await apiReference();
    expect(fresh).toContain("### `POST /api/v1/sales`");
    // A stale reference (any route, schema or summary changed since) differs from a fresh one.
    expect(current === fresh).toBe(true);
    expect(`${current}\n### \`GET /api/v1/gone\`` === fresh).toBe(false);
  });
});

describe("answers as documented", () => {
  const answerOf = (doc: { paths: Record<string, Record<string, Json>> }, path: string, method: string) => {
    const responses = doc.paths[path]?.[method]?.responses as Record<string, Json>;
    const content = responses["200"]?.content as Record<string, Json>;
    return (content["application/json"] as Json).schema as Json;
  };

  test("the store's GET /health may answer degraded", async () => {
    using store = createTestStore();
    for (const app of [store.app] as unknown as Elysia[]) {
      const doc = (await (await app.handle(new Request("http://localhost/openapi.json"))).json()) as {
        paths: Record<string, Record<string, Json>>;
      };
      const status = (answerOf(doc, "/health", "get").properties as Record<string, Json>).status;
      expect(JSON.stringify(status)).toContain('"degraded"');
      expect(JSON.stringify(status)).toContain('"ok"');
    }
  });

  test("head office's sale is documented as it answers it (with more fields than the contract reads)", async () => {
    using hq = createTestHq();
    const doc = (await (await hq.app.handle(new Request("http://localhost/openapi.json"))).json()) as {
      paths: Record<string, Record<string, Json>>;
    };
    const sale = answerOf(doc, "/api/v1/sales/{id}", "get");
    expect(sale.additionalProperties).not.toBe(false);
  });

  test("every descriptor names a real answer, not any JSON object", () => {
    const vague: string[] = [];
    for (const [key, r] of [...Object.entries(storeRoutes), ...Object.entries(hqRoutes)]) {
      const schema = z.toJSONSchema(r.answer, { io: "output", unrepresentable: "any" }) as Json;
      const props = schema.properties as Json | undefined;
      if (schema.type === "object" && (!props || Object.keys(props).length === 0)) vague.push(key);
    }
    expect(vague).toEqual([]);
  });
});
