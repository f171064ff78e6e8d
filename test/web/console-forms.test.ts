/**
 * The web console's forms on head office's app, in process: a form is read only with a session
 * (before its body), only as a small URL-encoded body, only with the session's CSRF token from
 * this site, and only for a token with the scope; each refusal changes nothing.
 */
import { expect, test } from "bun:test";
import { createTestHq, type TestHq } from "../support/hq-app.ts";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function send(hq: TestHq, path: string, init: RequestInit = {}): Promise<Response> {
  return hq.app.handle(new Request(`http://localhost${path}`, init));
}

/** Signs in with `token`: the session cookie and the CSRF token of its pages. */
async function signIn(hq: TestHq, token: string): Promise<{ cookie: string; csrf: string }> {
  const res = await send(hq, "/console/sign-in", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ token }).toString(),
  });
  expect(res.status).toBe(303);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";", 1)[0] ?? "";
  const page = await (await send(hq, "/", { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  return { cookie, csrf };
}

function promotionForm(csrf: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    csrf,
    id: "P1",
    name: "Ten off",
    kind: "percent",
    value: "10",
    ...extra,
  }).toString();
}

test("a form without a session is refused before its body is read, and changes nothing", async () => {
  using hq = createTestHq();
  const res = await send(hq, "/console/promotions", {
    method: "POST",
    headers: FORM,
    body: promotionForm("x"),
  });
  expect(res.status).toBe(401);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("SIGNED_OUT");
  expect(hq.count("hq_promotions")).toBe(0);
});

test("a console form must be small and URL-encoded", async () => {
  using hq = createTestHq();
  const { cookie, csrf } = await signIn(hq, hq.adminToken);
  const big = await send(hq, "/console/promotions", {
    method: "POST",
    headers: { ...FORM, cookie },
    body: promotionForm(csrf, { name: "x".repeat(5000) }),
  });
  expect(big.status).toBe(413);
  const json = await send(hq, "/console/promotions", {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ csrf }),
  });
  expect(json.status).toBe(415);
  expect(hq.count("hq_promotions")).toBe(0);
});

test("a form from another site, or without the CSRF token, is refused", async () => {
  using hq = createTestHq();
  const { cookie, csrf } = await signIn(hq, hq.adminToken);
  const other = await send(hq, "/console/promotions", {
    method: "POST",
    headers: { ...FORM, cookie, origin: "http://shop.example", host: "localhost" },
    body: promotionForm(csrf),
  });
  expect(other.status).toBe(403);
  const noToken = await send(hq, "/console/promotions", {
    method: "POST",
    headers: { ...FORM, cookie },
    body: promotionForm("wrong"),
  });
  expect(noToken.status).toBe(403);
  expect(await noToken.text()).toContain("CSRF");
  expect(hq.count("hq_promotions")).toBe(0);
  const ok = await send(hq, "/console/promotions", {
    method: "POST",
    headers: { ...FORM, cookie },
    body: promotionForm(csrf),
  });
  expect(ok.status).toBe(200);
  expect(await ok.text()).toContain("Promotion P1 is in force.");
  expect(hq.count("hq_promotions")).toBe(1);
});

test("signing in needs reports:read; a revoked token ends its session", async () => {
  using hq = createTestHq();
  const refused = await send(hq, "/console/sign-in", {
    method: "POST",
    headers: FORM,
    body: `token=${hq.token("customers:write")}`,
  });
  expect(refused.status).toBe(403);
  expect(refused.headers.get("set-cookie")).toBeNull();
  expect(await refused.text()).toContain("SCOPE");

  const token = hq.token("reports:read");
  const { cookie } = await signIn(hq, token);
  expect((await send(hq, "/console/reports", { headers: { cookie } })).status).toBe(200);
  const tokens = (await hq.request<{ tokens: { id: string; scopes: string[] }[] }>("GET", "/api/v1/tokens"))
    .body;
  const id = tokens.tokens.find((t) => t.scopes.join() === "reports:read")?.id ?? "";
  expect((await hq.request("POST", `/api/v1/tokens/${id}/revoke`)).status).toBe(200);
  const after = await send(hq, "/console/reports", { headers: { cookie } });
  expect(after.status).toBe(303);
  expect(after.headers.get("location")).toBe("/console/sign-in");
});

test("a reports:read token may not set a price; a catalog:write one schedules one", async () => {
  using hq = createTestHq();
  const product = { code: "A1", name: "Apple", barcodes: [], priceMinor: 100, taxClass: null, unit: "each" };
  expect((await hq.request("POST", "/api/v1/products", product)).status).toBe(200);
  const reader = await signIn(hq, hq.token("reports:read"));
  const refused = await send(hq, "/console/catalog/price", {
    method: "POST",
    headers: { ...FORM, cookie: reader.cookie },
    body: new URLSearchParams({ csrf: reader.csrf, code: "A1", price: "2.00" }).toString(),
  });
  expect(refused.status).toBe(403);
  expect((await hq.request<{ priceMinor: number }>("GET", "/api/v1/products/A1")).body.priceMinor).toBe(100);

  const writer = await signIn(hq, hq.token("reports:read", "catalog:write"));
  const scheduled = await send(hq, "/console/catalog/price", {
    method: "POST",
    headers: { ...FORM, cookie: writer.cookie },
    body: new URLSearchParams({
      csrf: writer.csrf,
      code: "A1",
      price: "2.50",
      effectiveAt: "2026-04-01T00:00",
    }).toString(),
  });
  expect(scheduled.status).toBe(200);
  const page = await scheduled.text();
  expect(page).toContain("will be");
  expect(page).toContain('class="muted scheduled">→ US$2.50 · 2026-04-01 00:00 UTC');
  const picture = (
    await hq.request<{ chainPriceMinor: number; scheduled: { priceMinor: number; effectiveAt: string }[] }>(
      "GET",
      "/api/v1/prices?code=A1",
    )
  ).body;
  expect(picture.scheduled).toMatchObject([{ priceMinor: 250, effectiveAt: "2026-04-01T00:00:00.000Z" }]);
  expect((await hq.request<{ priceMinor: number }>("GET", "/api/v1/products/A1")).body.priceMinor).toBe(100);
});
