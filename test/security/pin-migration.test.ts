/**
 * A store whose PIN tags were keyed with a secret kept in its database: at start the secret is
 * deleted and every tag replaced, and each user's PIN still works (checked by its hash), after
 * which the user has a tag under the key file's key.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { meta, users } from "../../schema/store.ts";
import { pinTag, retireLegacyPinSecret } from "../../src/store-server/users/pins.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";

let store: TestStore;
afterEach(() => store?.close());

describe("PIN tags of an older store", () => {
  test("the secret beside the tags is deleted, the tags replaced, and log-in writes a new tag", async () => {
    store = createTestStore();
    const secret = "ab".repeat(32);
    store.ctx.db.insert(meta).values({ key: "pin_secret", value: secret }).run();
    store.ctx.db
      .insert(users)
      .values({
        id: "U-OLD",
        name: "Old Timer",
        role: "cashier",
        pinHash: Bun.password.hashSync("2580"),
        pinTag: createHmac("sha256", secret).update("2580").digest("hex"),
        createdAt: new Date().toISOString(),
      })
      .run();

    expect(retireLegacyPinSecret(store.ctx.db)).toBe(1);
    const tagOf = () =>
      store.ctx.sqlite.query<{ tag: string }, []>("SELECT pin_tag AS tag FROM users WHERE id = 'U-OLD'").get()
        ?.tag;
    expect(tagOf()).toBe("pending:U-OLD");
    expect(store.ctx.sqlite.query("SELECT * FROM meta WHERE key = 'pin_secret'").all()).toEqual([]);

    expect(
      (await store.request("POST", "/api/v1/sessions", { tillId: "T1", pin: "2581" }, null)).status,
    ).toBe(401);
    const ok = await store.request<{ user: { id: string } }>(
      "POST",
      "/api/v1/sessions",
      { tillId: "T1", pin: "2580" },
      null,
    );
    expect(ok.status).toBe(201);
    expect(ok.body.user.id).toBe("U-OLD");
    expect(tagOf()).toBe(pinTag(store.ctx.pinKey, "2580"));
  });
});
