import { afterEach, describe, expect, test } from "bun:test";
import { users } from "../../schema/store.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";

let store: TestStore;
afterEach(() => store?.close());

describe("users pushed from head office", () => {
  test("log in with their PIN at the store, which then finds them by tag", async () => {
    store = createTestStore();
    // As the head office feed writes them: the PIN hash, and a placeholder tag.
    store.ctx.db
      .insert(users)
      .values({
        id: "U-HQ-7",
        name: "Chain Cashier",
        role: "cashier",
        pinHash: Bun.password.hashSync("4321"),
        pinTag: "pending:U-HQ-7",
        createdAt: new Date().toISOString(),
      })
      .run();
    const wrong = await store.request("POST", "/api/v1/sessions", { tillId: "T1", pin: "4322" }, null);
    expect(wrong.status).toBe(401);
    const ok = await store.request<{ user: { id: string } }>(
      "POST",
      "/api/v1/sessions",
      { tillId: "T1", pin: "4321" },
      null,
    );
    expect(ok.status).toBe(201);
    expect(ok.body.user.id).toBe("U-HQ-7");
    const row = store.ctx.sqlite
      .query<{ tag: string }, []>("SELECT pin_tag AS tag FROM users WHERE id = 'U-HQ-7'")
      .get();
    expect(row?.tag).toMatch(/^[0-9a-f]{64}$/);
    const again = await store.request("POST", "/api/v1/sessions", { tillId: "T1", pin: "4321" }, null);
    expect(again.status).toBe(201);
  });
});
