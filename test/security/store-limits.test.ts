/**
 * A real store process under hostile requests: each is answered at once with the JSON error
 * shape, costs the server under 50 ms of CPU and no memory to speak of, and sales from
 * another client go on meanwhile, each recorded once.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";
import { chunked, deeplyNested, expectCheapRefusal, manyUnknownKeys, measure } from "./limits-support.ts";

let store: StoreProcess;
let pid: number;

beforeAll(async () => {
  store = await startStore();
  pid = store.proc.pid;
  await seedProducts(store, [{ code: "A1", name: "Apple", priceMinor: 100, taxClass: null }]);
});

afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
});

const json = { "content-type": "application/json" };

function logIn(
  body: NonNullable<RequestInit["body"]>,
  headers: Record<string, string> = json,
): Promise<Response> {
  return fetch(`${store.url}/api/v1/sessions`, { method: "POST", headers, body });
}

function sale(): Promise<Response> {
  return store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "A1", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 100 }],
    }),
  });
}

describe("log-in (no token needed)", () => {
  test("a PIN nested 30,000 deep is refused by its size, unread", async () => {
    expectCheapRefusal(await measure(pid, () => logIn(deeplyNested(30_000))), 413, "BODY_TOO_LARGE");
  });

  test("a PIN nested 100,000 deep, sent without a length, is refused at the depth limit", async () => {
    const m = await measure(pid, () => logIn(chunked(deeplyNested(100_000))));
    expectCheapRefusal(m, 400, "JSON_TOO_DEEP");
  });

  test("an HTML form post is refused: only JSON", async () => {
    const m = await measure(pid, () =>
      logIn("tillId=T1&pin=1234", { "content-type": "application/x-www-form-urlencoded" }),
    );
    expectCheapRefusal(m, 415, "UNSUPPORTED_MEDIA_TYPE");
    const multipart = new FormData();
    multipart.set("tillId", "T1");
    multipart.set("pin", "1234");
    const m2 = await measure(pid, () =>
      fetch(`${store.url}/api/v1/sessions`, { method: "POST", body: multipart }),
    );
    expectCheapRefusal(m2, 415, "UNSUPPORTED_MEDIA_TYPE");
    const text = await measure(pid, () =>
      logIn('{"tillId":"T1","pin":"1234"}', { "content-type": "text/plain" }),
    );
    expectCheapRefusal(text, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("14.5 MB of unknown keys is refused by its size, unread", async () => {
    const body = manyUnknownKeys(14.5 * 1024 * 1024);
    expectCheapRefusal(await measure(pid, () => logIn(body)), 413, "BODY_TOO_LARGE");
  });
});

describe("an authenticated POST", () => {
  test("bodies nested 30,000 and 100,000 deep are refused at the depth limit", async () => {
    for (const depth of [30_000, 100_000]) {
      const m = await measure(pid, () =>
        store.api("/api/v1/sales", { method: "POST", body: deeplyNested(depth, "lines", "") }),
      );
      expectCheapRefusal(m, 400, "JSON_TOO_DEEP");
    }
  });

  test("14.5 MB of unknown keys: refused by size on a sale, by key count on a bulk import", async () => {
    const body = manyUnknownKeys(14.5 * 1024 * 1024);
    const onSale = await measure(pid, () => store.api("/api/v1/sales", { method: "POST", body }));
    expectCheapRefusal(onSale, 413, "BODY_TOO_LARGE");
    const onImport = await measure(pid, () => store.api("/api/v1/products/bulk", { method: "POST", body }));
    expectCheapRefusal(onImport, 400, "JSON_TOO_MANY_KEYS");
  });

  test("a body over the limit sent without a length is cut off at the limit", async () => {
    const body = JSON.stringify({ lines: [{ code: "x".repeat(3 * 1024 * 1024) }] });
    const m = await measure(pid, () => store.api("/api/v1/sales", { method: "POST", body: chunked(body) }));
    expectCheapRefusal(m, 413, "BODY_TOO_LARGE");
  });

  test("no token: refused before the body is read", async () => {
    const m = await measure(pid, () =>
      fetch(`${store.url}/api/v1/sales`, {
        method: "POST",
        headers: json,
        body: chunked(deeplyNested(100_000)),
      }),
    );
    expectCheapRefusal(m, 401, "UNAUTHORIZED");
  });
});

test("an over-long URL answers 414 with the JSON error", async () => {
  const m = await measure(pid, () => store.api(`/api/v1/products/lookup?code=${"1".repeat(9000)}`));
  expectCheapRefusal(m, 414, "URI_TOO_LONG");
});

test("sales from another client go on, each recorded once, while the attacks come in", async () => {
  const attacks = [
    () => logIn(deeplyNested(30_000)),
    () => logIn(chunked(deeplyNested(100_000))),
    () => store.api("/api/v1/sales", { method: "POST", body: deeplyNested(100_000, "lines", "") }),
    () => store.api("/api/v1/products/bulk", { method: "POST", body: manyUnknownKeys(2 * 1024 * 1024) }),
    () => logIn("tillId=T1&pin=1234", { "content-type": "application/x-www-form-urlencoded" }),
  ];
  const since = new Date(Date.now() - 60_000).toISOString();
  let attacking = true;
  const attackLoop = (async () => {
    let sent = 0;
    while (attacking || sent < attacks.length) {
      const attack = attacks[sent % attacks.length];
      if (!attack) break;
      const res = await attack();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      await res.text();
      sent++;
    }
    return sent;
  })();
  const ids: string[] = [];
  const slowest: number[] = [];
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    const res = await sale();
    slowest.push(performance.now() - started);
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  attacking = false;
  expect(await attackLoop).toBeGreaterThanOrEqual(attacks.length);
  expect(Math.max(...slowest)).toBeLessThan(2000);
  const window = `from=${encodeURIComponent(since)}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`;
  const listed = (await (await store.api(`/api/v1/sales?${window}`)).json()) as { sales: { id: string }[] };
  const recorded = listed.sales.map((s) => s.id).filter((id) => ids.includes(id));
  expect(recorded.sort()).toEqual([...ids].sort());
});
