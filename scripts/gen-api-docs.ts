/**
 * Writes docs/api.md, the API reference of the store and head office, from their OpenAPI
 * documents (each built from the routes the server serves and the descriptors of `src/api`).
 * `bun run docs:api` writes it; `bun scripts/gen-api-docs.ts --check` fails when it is stale.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { storeSettingsSchema } from "../src/core/settings.ts";
import { createHqApp } from "../src/hq/app.ts";
import { openHq } from "../src/hq/open.ts";
import { createStoreApp } from "../src/store-server/app.ts";
import { openStore } from "../src/store-server/open.ts";

export const API_DOC = resolve(import.meta.dir, "../docs/api.md");

type Json = Record<string, unknown>;

async function documentOf(app: { handle(request: Request): Promise<Response> }): Promise<Json> {
  return (await (await app.handle(new Request("http://localhost/openapi.json"))).json()) as Json;
}

/** The OpenAPI documents of both servers, from throw-away data directories. */
export async function apiDocuments(): Promise<{ store: Json; hq: Json }> {
  const dir = mkdtempSync(join(tmpdir(), "ringup-api-docs-"));
  try {
    const storeCtx = openStore(join(dir, "store"), "S1", storeSettingsSchema.parse({}));
    const hqCtx = openHq(join(dir, "hq"));
    try {
      return { store: await documentOf(createStoreApp(storeCtx)), hq: await documentOf(createHqApp(hqCtx)) };
    } finally {
      storeCtx.sqlite.close();
      hqCtx.sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function schemaBlock(schema: unknown): string[] {
  return ["```json", JSON.stringify(schema, null, 2), "```"];
}

function section(title: string, doc: Json): string[] {
  const out = [`## ${title}`, ""];
  const paths = doc.paths as Record<string, Record<string, Json>>;
  for (const path of Object.keys(paths).sort()) {
    for (const [method, op] of Object.entries(paths[path] ?? {})) {
      out.push(`### \`${method.toUpperCase()} ${path}\``, "");
      if (op.summary) out.push(String(op.summary), "");
      const params = (op.parameters ?? []) as Json[];
      if (params.length > 0) {
        out.push("| parameter | in | required |", "| --- | --- | --- |");
        for (const p of params)
          out.push(`| \`${String(p.name)}\` | ${String(p.in)} | ${p.required ? "yes" : "no"} |`);
        out.push("");
      }
      const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      if (body) out.push("Body:", "", ...schemaBlock(body["application/json"]?.schema), "");
      const ok = ((op.responses as Record<string, Json>)["200"]?.content ?? {}) as Record<string, Json>;
      const answer = ok["application/json"]?.schema;
      if (answer) out.push("Answer:", "", ...schemaBlock(answer), "");
    }
  }
  return out;
}

export async function apiReference(): Promise<string> {
  const { store, hq } = await apiDocuments();
  const errorBody = (store.components as { schemas: Json }).schemas.ErrorBody;
  return [
    "# API reference",
    "",
    "Generated from the servers' OpenAPI documents (`GET /openapi.json`) by `bun run docs:api`;",
    "do not edit by hand. Calls under `/api/v1` take `Authorization: Bearer <token>`. Request",
    "bodies are strict (unknown fields are refused); answers may carry more fields than listed.",
    "",
    "Every refusal answers a 4xx status with this body, and changes nothing:",
    "",
    ...schemaBlock(errorBody),
    "",
    ...section("Store API", store),
    ...section("Head office API", hq),
  ].join("\n");
}

if (import.meta.main) {
  const text = await apiReference();
  if (process.argv.includes("--check")) {
    const current = readFileSync(API_DOC, "utf8");
    if (current !== text) {
      console.error("docs/api.md is not current: run `bun run docs:api` and commit it");
      process.exit(1);
    }
    console.log("docs/api.md is current");
  } else {
    writeFileSync(API_DOC, text);
    console.log(`wrote ${API_DOC}`);
  }
}
