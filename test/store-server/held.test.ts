/** Route tests of held (parked) sales: any till can resume them, only once. */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, journalTypes, seedCatalog, session, snapshot } from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface Held extends JsonObject {
  id: string;
  tillId: string;
  label: string | null;
  lineCount: number;
  basket: { lines: JsonObject[]; discount?: JsonObject };
}

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

function holdBody(tillId: string, extra: JsonObject = {}): JsonObject {
  return {
    id: uuidv7(),
    tillId,
    label: "lady in the red coat",
    basket: {
      lines: [
        { code: "A1", qty: 2 },
        { code: "BAN", qty: "0.455" },
      ],
      discount: { percent: "5" },
    },
    ...extra,
  };
}

async function expectRefused(method: string, path: string, body: unknown, status: number, code: string) {
  const before = snapshot(store);
  const res = await store.request<ErrorBody>(method, path, body);
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(snapshot(store)).toEqual(before);
}

describe("held sales", () => {
  test("a sale held at one till is listed everywhere and resumed at another, once", async () => {
    const t1 = await session(store, "cashier", "1111", "T1");
    const t2 = await session(store, "cashier", "2222", "T2");
    const body = holdBody("T1");
    const held = await store.request<Held>("POST", `${API}/held`, body, t1.token);
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ id: body.id, tillId: "T1", cashierId: t1.userId, lineCount: 2 });
    expect(held.body.basket).toEqual(body.basket as Held["basket"]);
    expect(journalTypes(store).at(-1)).toBe("audit.recorded");

    const all = await store.request<{ held: Held[] }>("GET", `${API}/held`, undefined, t2.token);
    expect(all.body.held.map((h) => h.id)).toEqual([body.id as string]);
    // The list names the cashier who held it, for the tills' list.
    expect(all.body.held[0]?.cashierName).toBe("cashier 1111");
    const mine = await store.request<{ held: Held[] }>("GET", `${API}/held?tillId=T2`, undefined, t2.token);
    expect(mine.body.held).toEqual([]);

    const resumed = await store.request<Held>("POST", `${API}/held/${body.id}/resume`, undefined, t2.token);
    expect(resumed.status).toBe(200);
    expect(resumed.body.basket).toEqual(body.basket as Held["basket"]);
    const before = snapshot(store);
    const twice = await store.request<ErrorBody>(
      "POST",
      `${API}/held/${body.id}/resume`,
      undefined,
      t1.token,
    );
    expect(twice.status).toBe(404);
    expect(twice.body.error.code).toBe("HELD_SALE_NOT_FOUND");
    expect(snapshot(store)).toEqual(before);
    const after = await store.request<{ held: Held[] }>("GET", `${API}/held`);
    expect(after.body.held).toEqual([]);
    const audit = await store.request<{ entries: { tillId: string; refId: string }[] }>(
      "GET",
      `${API}/audit?action=sale.resumed`,
    );
    expect(audit.body.entries).toEqual([expect.objectContaining({ tillId: "T2", refId: body.id })]);
  });

  test("a held sale keeps its sale discount, price sources and audit; an older one reads with none", async () => {
    const audit = [
      {
        action: "price.overridden",
        at: "2026-11-23T12:00:00.000Z",
        userId: "u-ann",
        approvedBy: "u-sue",
        detail: { code: "A1", fromMinor: 199, toMinor: 150 },
      },
      { action: "discount.given", at: "2026-11-23T12:00:01.000Z", userId: "u-ann", approvedBy: null },
    ];
    const body = holdBody("T1", {
      basket: {
        lines: [{ code: "A1", qty: 2, unitPriceMinor: 150, priceSource: "override" }],
        discount: { percent: "10" },
      },
      audit,
    });
    expect((await store.request("POST", `${API}/held`, body)).status).toBe(201);
    const resumed = await store.request<Held>("POST", `${API}/held/${body.id}/resume`, { tillId: "T2" });
    expect(resumed.body.basket).toEqual(body.basket as Held["basket"]);
    expect(resumed.body.audit).toEqual(audit);

    // A sale held before the audit was kept (no audit column value) resumes with an empty one.
    const old = holdBody("T1");
    expect((await store.request("POST", `${API}/held`, old)).status).toBe(201);
    store.ctx.sqlite.run("UPDATE held_sales SET audit = NULL WHERE id = ?", [old.id as string]);
    const oldResumed = await store.request<Held>("POST", `${API}/held/${old.id}/resume`, { tillId: "T2" });
    expect(oldResumed.status).toBe(200);
    expect(oldResumed.body.audit).toEqual([]);
    expect(oldResumed.body.basket).toEqual(old.basket as Held["basket"]);
  });

  test("two tills racing to resume: exactly one gets the sale", async () => {
    const body = holdBody("T1");
    expect((await store.request("POST", `${API}/held`, body)).status).toBe(201);
    const results = await Promise.all(
      ["T1", "T2", "T3"].map((tillId) => store.request("POST", `${API}/held/${body.id}/resume`, { tillId })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 404, 404]);
  });

  test("holding again with the same id answers the held sale and changes nothing", async () => {
    const body = holdBody("T1");
    const first = await store.request<Held>("POST", `${API}/held`, body);
    const before = snapshot(store);
    const again = await store.request<Held>("POST", `${API}/held`, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(snapshot(store)).toEqual(before);
  });

  test("a held sale can be discarded", async () => {
    const body = holdBody("T1");
    await store.request("POST", `${API}/held`, body);
    const res = await store.request<{ discarded: Held }>("DELETE", `${API}/held/${body.id}`);
    expect(res.status).toBe(200);
    expect(res.body.discarded.id).toBe(body.id as string);
    await expectRefused("DELETE", `${API}/held/${body.id}`, undefined, 404, "HELD_SALE_NOT_FOUND");
  });

  test("bad input changes nothing", async () => {
    const ok = holdBody("T1");
    await expectRefused("POST", `${API}/held`, { ...ok, id: "x" }, 400, "INVALID_REQUEST");
    await expectRefused("POST", `${API}/held`, { ...ok, tillId: "T-1" }, 400, "INVALID_REQUEST");
    await expectRefused("POST", `${API}/held`, { ...ok, basket: { lines: [] } }, 400, "INVALID_REQUEST");
    await expectRefused(
      "POST",
      `${API}/held`,
      { ...ok, basket: { lines: [{ code: "A1", qty: -1 }] } },
      400,
      "INVALID_REQUEST",
    );
    await expectRefused("POST", `${API}/held`, { ...ok, label: "x".repeat(10_000) }, 400, "INVALID_REQUEST");
    await expectRefused(
      "POST",
      `${API}/held`,
      { ...ok, basket: { lines: Array.from({ length: 501 }, () => ({ code: "A1" })) } },
      400,
      "INVALID_REQUEST",
    );
    await expectRefused("POST", `${API}/held`, "{", 400, "MALFORMED_JSON");
    await expectRefused("POST", `${API}/held/${uuidv7()}/resume`, undefined, 404, "HELD_SALE_NOT_FOUND");
    await expectRefused("POST", `${API}/held/nope/resume`, undefined, 400, "INVALID_REQUEST");
    await expectRefused("GET", `${API}/held?tillId=a-b`, undefined, 400, "INVALID_REQUEST");
    const before = snapshot(store);
    const noToken = await store.request<ErrorBody>("POST", `${API}/held`, ok, null);
    expect(noToken.status).toBe(401);
    expect(snapshot(store)).toEqual(before);
  });
});
