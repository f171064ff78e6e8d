/**
 * Head office API access: /health and /openapi.json in the open, everything under /api/v1
 * behind a bearer token whose scopes decide what it may do (401 without a valid token, 403
 * without the scope, both before the body is looked at).
 */
import { describe, expect, test } from "bun:test";
import { type JsonObject, testHqPerTest } from "../support/hq-app.ts";

const hq = testHqPerTest();

type ErrorBody = { error: { code: string; message: string } };

describe("open endpoints", () => {
  test("GET /health answers status, mode, version and the NATS link state", async () => {
    const h = hq();
    const res = await h.request<JsonObject>("GET", "/health", undefined, null);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", mode: "hq", nats: "disabled" });
    expect(typeof res.body.version).toBe("string");
  });

  test("GET /openapi.json documents every head office route", async () => {
    const h = hq();
    const res = await h.request<{ paths: Record<string, unknown> }>("GET", "/openapi.json", undefined, null);
    expect(res.status).toBe(200);
    for (const path of [
      "/api/v1/stores",
      "/api/v1/products",
      "/api/v1/prices",
      "/api/v1/reports/sales",
      "/api/v1/sales/{id}",
      "/api/v1/tokens",
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
  });
});

describe("bearer tokens", () => {
  test("no token or a wrong one is 401, before the body is validated", async () => {
    const h = hq();
    const none = await h.request<ErrorBody>("POST", "/api/v1/products", { code: "" }, null);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("UNAUTHORIZED");
    const wrong = await h.request<ErrorBody>("GET", "/api/v1/stores", undefined, "rgh_not_a_token_at_all");
    expect(wrong.status).toBe(401);
    expect(h.count("hq_products")).toBe(0);
  });

  test("a token without the scope is 403 and names the scope it needs", async () => {
    const h = hq();
    const store = h.token("store:S1");
    const reports = h.token("reports:read");
    const catalog = h.token("catalog:write");
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/v1/products", { code: "A", name: "A", priceMinor: 1 }, store],
      ["PUT", "/api/v1/prices", { code: "A", priceMinor: 1 }, reports],
      ["POST", "/api/v1/stores", { storeId: "S9", name: "Nine" }, catalog],
      ["GET", "/api/v1/reports/sales?from=2026-03-01&to=2026-03-01", undefined, catalog],
      ["GET", "/api/v1/stores", undefined, store],
      ["POST", "/api/v1/users", { name: "Ann", role: "cashier", pin: "1234" }, catalog],
      ["POST", "/api/v1/tokens", { name: "x", scopes: ["admin"] }, catalog],
    ];
    for (const [method, path, body, token] of cases) {
      const res = await h.request<ErrorBody>(method, path, body, token);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
    expect(h.count("hq_products")).toBe(0);
    expect(h.count("stores")).toBe(0);
  });

  test("each scope opens its own routes", async () => {
    const h = hq();
    const catalog = h.token("catalog:write");
    const reports = h.token("reports:read");
    const store = h.token("store:S1");
    expect(
      (await h.request("POST", "/api/v1/products", { code: "A", name: "Apple", priceMinor: 100 }, catalog))
        .status,
    ).toBe(200);
    expect((await h.request("GET", "/api/v1/products", undefined, store)).status).toBe(200);
    expect((await h.request("GET", "/api/v1/products/A", undefined, reports)).status).toBe(200);
    expect((await h.request("GET", "/api/v1/stores", undefined, reports)).status).toBe(200);
    expect(
      (await h.request("GET", "/api/v1/reports/sales?from=2026-03-01&to=2026-03-02", undefined, reports))
        .status,
    ).toBe(200);
  });

  test("a store token reads its own catalog feed and no other store's", async () => {
    const h = hq();
    const store = h.token("store:S1");
    const own = await h.request("GET", "/api/v1/catalog/changes?storeId=S1", undefined, store);
    expect(own.status).toBe(200);
    const other = await h.request<ErrorBody>("GET", "/api/v1/catalog/snapshot?storeId=S2", undefined, store);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain("store:S2");
  });

  test("POST /tokens (admin) makes a token with scopes that works at once", async () => {
    const h = hq();
    const made = await h.request<{ token: string; scopes: string[] }>("POST", "/api/v1/tokens", {
      name: "reporting",
      scopes: ["reports:read", "reports:read"],
    });
    expect(made.status).toBe(201);
    expect(made.body.scopes).toEqual(["reports:read"]);
    expect((await h.request("GET", "/api/v1/stores", undefined, made.body.token)).status).toBe(200);
    expect(
      (await h.request("POST", "/api/v1/tokens", { name: "x", scopes: ["admin"] }, made.body.token)).status,
    ).toBe(403);
  });

  test("POST /tokens refuses unknown scopes and empty lists and stores nothing", async () => {
    const h = hq();
    const before = h.count("hq_api_tokens");
    for (const scopes of [["root"], [], ["store:S-1"], ["store:"]]) {
      const res = await h.request<ErrorBody>("POST", "/api/v1/tokens", { name: "bad", scopes });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("INVALID_REQUEST");
    }
    expect(h.count("hq_api_tokens")).toBe(before);
  });
});
