/**
 * `GET /docs` on head office and the store is served whole by the binary: the page, its script
 * and its style answer from the server itself, nothing names another host, and the page's
 * Content-Security-Policy keeps the browser to the server's own origin.
 */
import { expect, test } from "bun:test";
import { createTestHq } from "../support/hq-app.ts";
import { createTestStore } from "../support/store-app.ts";

interface Served {
  handle(request: Request): Promise<Response> | Response;
}

async function checkDocs(app: Served) {
  const base = "http://localhost";
  const page = await app.handle(new Request(`${base}/docs`));
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toStartWith("text/html");
  expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
  expect(page.headers.get("content-security-policy")).not.toContain("http");
  const html = await page.text();
  const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
  expect(refs.length).toBeGreaterThanOrEqual(3);
  const texts = [html];
  for (const ref of refs) {
    expect(ref).toStartWith("/");
    const res = await app.handle(new Request(`${base}${ref}`));
    expect(res.status).toBe(200);
    texts.push(await res.text());
  }
  for (const text of texts) expect(text).not.toMatch(/https?:\/\/|\/\/cdn|unpkg|jsdelivr/);
  const spec = (await (await app.handle(new Request(`${base}/openapi.json`))).json()) as { paths: object };
  expect(Object.keys(spec.paths).length).toBeGreaterThan(5);
}

test("head office's /docs needs nothing from another host", async () => {
  using hq = createTestHq();
  await checkDocs(hq.app);
});

test("the store's /docs needs nothing from another host", async () => {
  using store = createTestStore();
  await checkDocs(store.app);
});
