/**
 * `GET /promotions` answers a version of its list; asked `since` that version it answers
 * "unchanged" without the list, and the whole list again once anything in it changed. A till's
 * sync of thousands of promotions every pass then reads them only when they change.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

interface Listed {
  promotions: { id: string }[];
  version?: string;
  unchanged?: boolean;
}

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  const defined = await store.request("POST", `${API}/promotions`, {
    id: "a1-10",
    name: "A1 10 % off",
    reward: { kind: "percent", percent: "10", products: ["A1"] },
  });
  expect(defined.status).toBe(200);
});
afterEach(() => store.close());

test("since the version held, the answer is unchanged and carries no list", async () => {
  const first = await store.request<Listed>("GET", `${API}/promotions`);
  expect(first.status).toBe(200);
  expect(first.body.promotions.map((p) => p.id)).toEqual(["a1-10"]);
  const version = first.body.version;
  expect(version).toMatch(/^[0-9a-f]{32}$/);
  expect(first.body.unchanged).toBeUndefined();

  const again = await store.request<Listed>("GET", `${API}/promotions?since=${version}`);
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ promotions: [], version: version as string, unchanged: true });
});

test("a promotion defined or ended changes the version, and the list comes whole again", async () => {
  const first = await store.request<Listed>("GET", `${API}/promotions`);
  const version = first.body.version as string;
  const defined = await store.request("POST", `${API}/promotions`, {
    id: "milk-amount",
    name: "Milk 0.50 off",
    reward: { kind: "amount", amountMinor: 50, products: ["MILK"] },
  });
  expect(defined.body).toMatchObject({ id: "milk-amount" });
  const added = await store.request<Listed>("GET", `${API}/promotions?since=${version}`);
  expect(added.body.unchanged).toBeUndefined();
  expect(added.body.promotions.map((p) => p.id).sort()).toEqual(["a1-10", "milk-amount"]);
  expect(added.body.version).not.toBe(version);

  const ended = await store.request("POST", `${API}/promotions/milk-amount/deactivate`);
  expect(ended.status).toBe(200);
  const after = await store.request<Listed>("GET", `${API}/promotions?since=${added.body.version}`);
  expect(after.body.promotions.map((p) => p.id)).toEqual(["a1-10"]);
  // The same list as at first: the same version.
  expect(after.body.version).toBe(version);
});

test("a version the store never answered gets the whole list; an overlong one is refused", async () => {
  const unknown = await store.request<Listed>("GET", `${API}/promotions?since=0123abcd`);
  expect(unknown.status).toBe(200);
  expect(unknown.body.promotions.map((p) => p.id)).toEqual(["a1-10"]);
  const long = await store.request<{ error: { code: string; message: string } }>(
    "GET",
    `${API}/promotions?since=${"f".repeat(129)}`,
  );
  expect(long.status).toBe(400);
  expect(long.body.error.message).toContain("since");
});
