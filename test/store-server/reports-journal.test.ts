/** The journal for admins: verify the hash chain, and read events after a sequence number. */
import { afterEach, describe, expect, test } from "bun:test";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function seeded(products: number): Promise<TestStore> {
  const s = createTestStore();
  stores.push(s);
  const res = await s.request("POST", "/api/v1/products/bulk", {
    products: Array.from({ length: products }, (_, i) => ({
      code: `P${i + 1}`,
      name: `Item ${i + 1}`,
      priceMinor: 100 + i,
    })),
  });
  expect(res.status).toBe(200);
  return s;
}

interface EventsPage {
  storeId: string;
  events: { seq: number; type: string; payload: JsonObject; prevHash: string | null; hash: string }[];
  lastSeq: number;
}

describe("GET /journal/events", () => {
  test("pages through events in order, each linked to the one before", async () => {
    const s = await seeded(5);
    const first = await s.request<EventsPage>("GET", "/api/v1/journal/events?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.storeId).toBe("S1");
    expect(first.body.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(first.body.lastSeq).toBe(2);
    expect(first.body.events[0]).toMatchObject({
      type: "product.upserted",
      prevHash: null,
      payload: { code: "P1" },
    });
    expect(first.body.events[1]?.prevHash).toBe(first.body.events[0]?.hash ?? "");
    const rest = await s.request<EventsPage>("GET", "/api/v1/journal/events?after=2");
    expect(rest.body.events.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(rest.body.events[0]?.prevHash).toBe(first.body.events[1]?.hash ?? "");
    const none = await s.request<EventsPage>("GET", "/api/v1/journal/events?after=5");
    expect(none.body).toMatchObject({ events: [], lastSeq: 5 });
  });

  test("bad paging answers 400 and names the parameter", async () => {
    const s = await seeded(0);
    for (const query of ["after=-1", "after=abc", "limit=0", "limit=5001"]) {
      const res = await s.request<{ error: { code: string; message: string } }>(
        "GET",
        `/api/v1/journal/events?${query}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(query.split("=")[0] ?? "");
    }
  });
});

describe("GET /journal/verify", () => {
  test("OK with the event count; an edited payload is named", async () => {
    const s = await seeded(4);
    const ok = await s.request("GET", "/api/v1/journal/verify");
    expect(ok.body).toMatchObject({ ok: true, events: 4, lastSeq: 4 });
    s.ctx.sqlite.run("UPDATE events SET payload = replace(payload, 'Item 3', 'Item 9') WHERE seq = 3");
    const bad = await s.request<{ ok: boolean; problem: JsonObject }>("GET", "/api/v1/journal/verify");
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ ok: false, events: 2, problem: { kind: "altered", seq: 3 } });
    expect(String(bad.body.problem.message)).toContain("event 3 (");
  });
});

test("the journal is for admins: no token 401, a manager 403", async () => {
  const s = await seeded(0);
  expect((await s.request("GET", "/api/v1/journal/verify", undefined, null)).status).toBe(401);
  await s.request("POST", "/api/v1/users", { name: "Max", role: "manager", pin: "7204" });
  const session = await s.request<{ token: string }>(
    "POST",
    "/api/v1/sessions",
    { tillId: "T1", pin: "7204" },
    null,
  );
  for (const path of ["/api/v1/journal/verify", "/api/v1/journal/events?after=0"]) {
    const res = await s.request<{ error: { code: string } }>("GET", path, undefined, session.body.token);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
  }
});
