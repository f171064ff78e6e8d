/**
 * A real head office process under hostile requests: a body is never read before its token is
 * checked, and every refusal is quick, cheap and in the JSON error shape.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { chunked, deeplyNested, expectCheapRefusal, manyUnknownKeys, measure } from "./limits-support.ts";

let hq: HqProcess;
let pid: number;

beforeAll(async () => {
  hq = await startHq();
  const started = hq.pid;
  if (started === undefined) throw new Error("head office is not running");
  pid = started;
});

afterAll(async () => {
  await hq?.[Symbol.asyncDispose]();
});

const json = { "content-type": "application/json" };

test("61 MB with no token is refused before a byte of it is read", async () => {
  const body = new Uint8Array(61 * 1024 * 1024).fill(0x20);
  const m = await measure(pid, () =>
    fetch(`${hq.url}/api/v1/products/bulk`, { method: "POST", headers: json, body }),
  );
  expectCheapRefusal(m, 401, "UNAUTHORIZED");
  const bad = await measure(pid, () =>
    fetch(`${hq.url}/api/v1/products`, {
      method: "POST",
      headers: { ...json, authorization: "Bearer not-a-token-of-this-office" },
      body: chunked(deeplyNested(100_000, "code", "")),
    }),
  );
  expectCheapRefusal(bad, 401, "UNAUTHORIZED");
});

test("with a token: nesting 30,000 and 100,000 deep is refused at the depth limit", async () => {
  for (const depth of [30_000, 100_000]) {
    const m = await measure(pid, () =>
      hq.api("/api/v1/products", { method: "POST", body: deeplyNested(depth, "name", '"code":"A1",') }),
    );
    expectCheapRefusal(m, 400, "JSON_TOO_DEEP");
  }
});

test("with a token: 14.5 MB of unknown keys is refused by size, or by key count on a bulk import", async () => {
  const body = manyUnknownKeys(14.5 * 1024 * 1024);
  expectCheapRefusal(
    await measure(pid, () => hq.api("/api/v1/prices", { method: "PUT", body })),
    413,
    "BODY_TOO_LARGE",
  );
  expectCheapRefusal(
    await measure(pid, () => hq.api("/api/v1/products/bulk", { method: "POST", body })),
    400,
    "JSON_TOO_MANY_KEYS",
  );
});

test("a form post is refused: only JSON", async () => {
  const m = await measure(pid, () =>
    hq.api("/api/v1/users", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "name=Eve&role=admin&pin=1234",
    }),
  );
  expectCheapRefusal(m, 415, "UNSUPPORTED_MEDIA_TYPE");
});

test("an over-long URL answers 414 with the JSON error", async () => {
  const m = await measure(pid, () => hq.api(`/api/v1/products/${"A".repeat(9000)}`));
  expectCheapRefusal(m, 414, "URI_TOO_LONG");
});

test("head office still answers ordinary requests", async () => {
  const res = await hq.api("/api/v1/products", {
    method: "POST",
    body: JSON.stringify({ code: "A1", name: "Apple", priceMinor: 100 }),
  });
  expect(res.status).toBe(200);
});
