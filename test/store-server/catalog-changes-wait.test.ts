/**
 * `GET /products/changes?since=&wait=`: a till's waiting request answers as soon as the
 * catalog moves past `since` (or its settings change), empty when the wait runs out, and the
 * store keeps only so many waiting; on a real process a wait outlives the server's idle timeout
 * and never holds a shutdown up.
 */
import { afterEach, describe, expect, setDefaultTimeout, test } from "bun:test";
import { MAX_CATALOG_WAITERS } from "../../src/store-server/catalog/watch.ts";
import { applySettings } from "../../src/store-server/replication/apply-change.ts";
import { createTestStore, type TestResponse, type TestStore } from "../support/store-app.ts";
import { startStore } from "../support/store-process.ts";

setDefaultTimeout(30_000);

interface Page {
  products: { code: string; priceMinor: number; changeSeq: number }[];
  lastSeq: number;
}

let store: TestStore;
afterEach(() => store?.close());

async function lastSeq(s: TestStore): Promise<number> {
  return (await s.request<Page>("GET", "/api/v1/products/changes?since=0&limit=5000")).body.lastSeq;
}

/** Whether the promise settled within `ms` (checked by racing it against a timer, not by sleeping it out). */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([promise.then(() => true as const), late]);
  clearTimeout(timer);
  return result;
}

describe("waiting for catalog changes", () => {
  test("changes already there are answered at once", async () => {
    store = createTestStore();
    await store.request("POST", "/api/v1/products", { code: "A1", name: "Apple", priceMinor: 100 });
    const started = performance.now();
    const res = await store.request<Page>("GET", "/api/v1/products/changes?since=0&wait=20000");
    expect(res.status).toBe(200);
    expect(res.body.products.map((p) => p.code)).toEqual(["A1"]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("a waiting request answers as soon as a product changes, with the change", async () => {
    store = createTestStore();
    await store.request("POST", "/api/v1/products", { code: "A1", name: "Apple", priceMinor: 100 });
    const since = await lastSeq(store);
    const waiting = store.request<Page>("GET", `/api/v1/products/changes?since=${since}&wait=20000`);
    expect(await settledWithin(waiting, 100)).toBe(false);
    const changed = performance.now();
    await store.request("POST", "/api/v1/products", { code: "A1", priceMinor: 120 });
    const res = await waiting;
    expect(performance.now() - changed).toBeLessThan(500);
    expect(res.status).toBe(200);
    expect(res.body.products).toMatchObject([{ code: "A1", priceMinor: 120 }]);
    expect(res.body.lastSeq).toBeGreaterThan(since);
  });

  test("with no change the wait ends empty, at the seq asked", async () => {
    store = createTestStore();
    await store.request("POST", "/api/v1/products", { code: "A1", name: "Apple", priceMinor: 100 });
    const since = await lastSeq(store);
    const started = performance.now();
    const res = await store.request<Page>("GET", `/api/v1/products/changes?since=${since}&wait=300`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ products: [], lastSeq: since });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  test("a change that is rolled back does not end the wait", async () => {
    store = createTestStore();
    const since = await lastSeq(store);
    const waiting = store.request<Page>("GET", `/api/v1/products/changes?since=${since}&wait=400`);
    const bad = await store.request("POST", "/api/v1/products/bulk", {
      strict: true,
      products: [
        { code: "B1", name: "Bread", priceMinor: 300 },
        { code: "B2", name: "Bun", priceMinor: 50, taxClass: "nope" },
      ],
    });
    expect(bad.body).toMatchObject({ imported: 0 });
    const res = await waiting;
    expect(res.body.products).toEqual([]);
  });

  test("new settings end the wait, so tills fetch them", async () => {
    store = createTestStore();
    const since = await lastSeq(store);
    const waiting = store.request<Page>("GET", `/api/v1/products/changes?since=${since}&wait=20000`);
    expect(await settledWithin(waiting, 100)).toBe(false);
    applySettings(store.ctx, { ...store.ctx.settings, storeName: "Corner Shop" });
    expect(await settledWithin(waiting, 500)).toBe(true);
    expect((await waiting).body.products).toEqual([]);
  });

  test("a wait longer than allowed is refused and says the limit", async () => {
    store = createTestStore();
    const res = await store.request<{ error: { code: string; message: string } }>(
      "GET",
      "/api/v1/products/changes?since=0&wait=60000",
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("25000");
  });

  test("only so many requests wait at once; the rest are told to come back later", async () => {
    store = createTestStore();
    const since = await lastSeq(store);
    const waiting: Promise<TestResponse<Page>>[] = [];
    for (let i = 0; i < MAX_CATALOG_WAITERS; i++)
      waiting.push(store.request<Page>("GET", `/api/v1/products/changes?since=${since}&wait=20000`));
    const over = await store.request<{ error: { code: string } }>(
      "GET",
      `/api/v1/products/changes?since=${since}&wait=20000`,
    );
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe("TOO_MANY_WAITING");
    // Without `wait` the page is answered as ever.
    expect((await store.request<Page>("GET", `/api/v1/products/changes?since=${since}`)).status).toBe(200);

    await store.request("POST", "/api/v1/products", { code: "A1", name: "Apple", priceMinor: 100 });
    const answers = await Promise.all(waiting);
    expect(answers.every((a) => a.status === 200 && a.body.products.length === 1)).toBe(true);
    // Answered, they wait no more: there is room again.
    const again = store.request<Page>("GET", `/api/v1/products/changes?since=${since + 1}&wait=20000`);
    await store.request("POST", "/api/v1/products", { code: "A2", name: "Apricot", priceMinor: 100 });
    expect((await again).status).toBe(200);
  });
});

describe("waiting for catalog changes on a real store process", () => {
  test("a wait outlives the server's idle timeout, and stopping the store ends it at once", async () => {
    await using server = await startStore();
    const url = (since: number, wait: number) => `/api/v1/products/changes?since=${since}&wait=${wait}`;
    const long = await server.api(url(0, 12_000));
    expect(long.status).toBe(200);
    expect(await long.json()).toEqual({ products: [], lastSeq: 0 });

    const pending = server.api(url(0, 20_000)).then(
      (res) => res.status,
      () => "closed" as const,
    );
    // The request is waiting at the store before it stops.
    expect(await settledWithin(pending, 200)).toBe(false);
    const stopping = performance.now();
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(3_000);
    expect(await pending).toBe(200);
  });
});
