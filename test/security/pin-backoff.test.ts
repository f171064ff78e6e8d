/**
 * Back-off: each wrong PIN after a till's lock doubles the next lock, and a quiet spell
 * forgets the count. Driven through the store's app with a settable clock.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import type { ErrorBody } from "./http.ts";

let store: TestStore;
afterEach(() => store?.close());

describe("exponential back-off", () => {
  test("locks of a till double: 60 s, 120 s, 240 s; a quiet spell starts afresh", async () => {
    store = createTestStore({ settings: { pinMaxAttempts: 3, pinLockoutSeconds: 60 } });
    expect(
      (await store.request("POST", "/api/v1/users", { name: "Ann", role: "cashier", pin: "1111" })).status,
    ).toBe(201);
    const wrong = () => store.request<ErrorBody>("POST", "/api/v1/sessions", { tillId: "T1", pin: "0000" });
    const lockSeconds = (body: ErrorBody) =>
      Math.round((Date.parse(String(body.error.details?.lockedUntil)) - store.clock.now.getTime()) / 1000);

    for (let i = 0; i < 2; i++) expect((await wrong()).body.error.details?.lockedUntil).toBeNull();
    const first = await wrong();
    expect(lockSeconds(first.body)).toBe(60);
    const locks = [60];
    for (let round = 0; round < 2; round++) {
      store.clock.advance((locks.at(-1) ?? 0) * 1000 + 1000);
      const next = await wrong();
      expect(next.status).toBe(401);
      locks.push(lockSeconds(next.body));
    }
    expect(locks).toEqual([60, 120, 240]);

    // While locked, even the right PIN waits (from this till, which showed its token).
    expect((await store.request("POST", "/api/v1/sessions", { tillId: "T1", pin: "1111" })).status).toBe(403);
    // After the lock and a quiet window, the count starts again.
    store.clock.advance(240_000 + 61_000);
    expect((await wrong()).body.error.details?.lockedUntil).toBeNull();
    expect((await store.request("POST", "/api/v1/sessions", { tillId: "T1", pin: "1111" })).status).toBe(201);
  });
});
