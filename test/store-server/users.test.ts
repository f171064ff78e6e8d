import { afterEach, describe, expect, test } from "bun:test";
import { addUser, createTestStore, type JsonObject, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface User {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

let store: TestStore;
afterEach(() => store?.close());

function snapshot(s: TestStore) {
  return {
    users: s.count("users"),
    events: s.journalLength(),
    tokens: s.count("api_tokens"),
    audit: s.count("audit"),
  };
}

describe("users", () => {
  test("an admin adds a user; the PIN is hashed and never shown; the change is journaled", async () => {
    store = createTestStore();
    const res = await store.request<User & JsonObject>("POST", "/api/v1/users", {
      name: "Ann Cashier",
      role: "cashier",
      pin: "1234",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Ann Cashier", role: "cashier", active: true });
    expect(res.body).not.toHaveProperty("pinHash");
    expect(res.body).not.toHaveProperty("pinTag");
    const row = store.ctx.sqlite
      .query<{ pin_hash: string; pin_tag: string }, [string]>(
        "SELECT pin_hash, pin_tag FROM users WHERE id = ?",
      )
      .get(res.body.id);
    expect(row?.pin_hash.startsWith("$argon2id$")).toBe(true);
    expect(row?.pin_tag).toMatch(/^[0-9a-f]{64}$/);
    expect(Bun.password.verifySync("1234", row?.pin_hash ?? "")).toBe(true);

    const events = store.ctx.sqlite
      .query<{ type: string; payload: string }, []>("SELECT type, payload FROM events")
      .all();
    expect(events.map((e) => e.type)).toEqual(["user.changed"]);
    // No field of the event holds the PIN (a hash or id may contain the digits by chance).
    const values = Object.values(JSON.parse(events[0]?.payload ?? "{}") as Record<string, unknown>);
    expect(values).not.toContain("1234");
    expect(JSON.parse(events[0]?.payload ?? "{}")).toMatchObject({ change: "created", role: "cashier" });

    const list = await store.request<{ users: User[] }>("GET", "/api/v1/users");
    expect(list.status).toBe(200);
    expect(list.body.users.map((u) => u.name)).toEqual(["Ann Cashier"]);
    expect(JSON.stringify(list.body)).not.toContain("argon2");
  });

  test("bad bodies answer a precise 400 and change nothing", async () => {
    store = createTestStore();
    const before = snapshot(store);
    const bad: [unknown, string][] = [
      [{ name: "A", role: "cashier", pin: "12" }, "pin"],
      [{ name: "A", role: "cashier", pin: "12a4" }, "pin"],
      [{ name: "A", role: "cashier", pin: "123456789" }, "pin"],
      [{ name: "A", role: "boss", pin: "1234" }, "role"],
      [{ name: "", role: "cashier", pin: "1234" }, "name"],
      [{ name: "x".repeat(10_000), role: "cashier", pin: "1234" }, "name"],
      [{ name: "A", role: "cashier", pin: "1234", pinHash: "x" }, ""],
      [{ name: "A", role: "cashier" }, "pin"],
    ];
    for (const [body, path] of bad) {
      const res = await store.request<ErrorBody>("POST", "/api/v1/users", body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("INVALID_REQUEST");
      expect(res.body.error.message).toContain(path);
    }
    const malformed = await store.request<ErrorBody>("POST", "/api/v1/users", '{"name": "A", ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("MALFORMED_JSON");
    expect(snapshot(store)).toEqual(before);
  });

  test("a PIN already held by an active user is refused with 409 (an admin is told why) and counted", async () => {
    store = createTestStore();
    await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    const before = snapshot(store);
    const res = await store.request<ErrorBody>("POST", "/api/v1/users", {
      name: "Bob",
      role: "supervisor",
      pin: "1234",
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("PIN_TAKEN");
    expect(res.body.error.message).not.toContain("Ann");
    // Nothing changes but the count of refused PIN choices (audited, journaled).
    expect(snapshot(store)).toEqual({ ...before, events: before.events + 1, audit: before.audit + 1 });
    expect(store.count("users")).toBe(1);
  });

  test("missing, wrong and cashier tokens are refused and change nothing", async () => {
    store = createTestStore();
    await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    const cashier = await loginAt(store, "T1", "1234");
    const before = snapshot(store);
    const body = { name: "Eve", role: "admin", pin: "9999" };

    const none = await store.request<ErrorBody>("POST", "/api/v1/users", body, null);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("UNAUTHORIZED");
    const wrong = await store.request<ErrorBody>("POST", "/api/v1/users", body, "rgp_not_a_token");
    expect(wrong.status).toBe(401);
    const asCashier = await store.request<ErrorBody>("POST", "/api/v1/users", body, cashier);
    expect(asCashier.status).toBe(403);
    expect(asCashier.body.error.code).toBe("PERMISSION_DENIED");
    const listAsCashier = await store.request<ErrorBody>("GET", "/api/v1/users", undefined, cashier);
    expect(listAsCashier.status).toBe(403);
    const patchAsCashier = await store.request<ErrorBody>(
      "PATCH",
      `/api/v1/users/${"x"}`,
      { active: false },
      cashier,
    );
    expect(patchAsCashier.status).toBe(403);
    expect(snapshot(store)).toEqual(before);
  });

  test("a manager manages users but cannot create or promote admins", async () => {
    store = createTestStore();
    await addUser(store, { name: "Mo Manager", role: "manager", pin: "5555" });
    const manager = await loginAt(store, "BO", "5555");
    const made = await store.request<User>(
      "POST",
      "/api/v1/users",
      { name: "Sue", role: "supervisor", pin: "2222" },
      manager,
    );
    expect(made.status).toBe(201);
    const before = snapshot(store);
    const admin = await store.request<ErrorBody>(
      "POST",
      "/api/v1/users",
      { name: "Al", role: "admin", pin: "7777" },
      manager,
    );
    expect(admin.status).toBe(403);
    expect(admin.body.error.code).toBe("ROLE_TOO_HIGH");
    const promote = await store.request<ErrorBody>(
      "PATCH",
      `/api/v1/users/${made.body.id}`,
      { role: "admin" },
      manager,
    );
    expect(promote.status).toBe(403);
    expect(snapshot(store)).toEqual(before);
  });

  test("PATCH changes role and PIN, deactivates (ending sessions) and reactivates", async () => {
    store = createTestStore();
    const id = await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    const token = await loginAt(store, "T1", "1234");

    const role = await store.request<User>("PATCH", `/api/v1/users/${id}`, {
      role: "supervisor",
      name: "Ann B",
    });
    expect(role.status).toBe(200);
    expect(role.body).toMatchObject({ role: "supervisor", name: "Ann B" });

    const pin = await store.request<User>("PATCH", `/api/v1/users/${id}`, { pin: "4321" });
    expect(pin.status).toBe(200);
    expect(
      (await store.request("POST", "/api/v1/sessions", { tillId: "T2", pin: "1234" }, null)).status,
    ).toBe(401);
    await loginAt(store, "T2", "4321");

    const off = await store.request<User>("PATCH", `/api/v1/users/${id}`, { active: false });
    expect(off.body.active).toBe(false);
    const dead = await store.request<ErrorBody>("DELETE", "/api/v1/sessions/current", undefined, token);
    expect(dead.status).toBe(401);
    const refused = await store.request<ErrorBody>(
      "POST",
      "/api/v1/sessions",
      { tillId: "T3", pin: "4321" },
      null,
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("WRONG_PIN");

    const listed = await store.request<{ users: User[] }>("GET", "/api/v1/users");
    expect(listed.body.users).toHaveLength(0);
    const all = await store.request<{ users: User[] }>("GET", "/api/v1/users?includeInactive=true");
    expect(all.body.users).toHaveLength(1);

    // Someone else takes the PIN meanwhile: reactivating must not create two users with one PIN.
    await addUser(store, { name: "Bob", role: "cashier", pin: "4321" });
    const clash = await store.request<ErrorBody>("PATCH", `/api/v1/users/${id}`, { active: true });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe("PIN_TAKEN");
    const back = await store.request<User>("PATCH", `/api/v1/users/${id}`, { active: true, pin: "8888" });
    expect(back.status).toBe(200);
    expect(back.body.active).toBe(true);

    const changes = store.ctx.sqlite
      .query<{ payload: string }, []>("SELECT payload FROM events WHERE type = 'user.changed' ORDER BY seq")
      .all()
      .map((e) => (JSON.parse(e.payload) as { change: string }).change);
    expect(changes).toEqual(["created", "updated", "pin_reset", "deactivated", "created", "reactivated"]);
  });

  test("PATCH of an unknown user is 404 and an empty PATCH is 400", async () => {
    store = createTestStore();
    const before = snapshot(store);
    const unknown = await store.request<ErrorBody>("PATCH", "/api/v1/users/nobody", { active: false });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("USER_NOT_FOUND");
    const empty = await store.request<ErrorBody>("PATCH", "/api/v1/users/nobody", {});
    expect(empty.status).toBe(400);
    expect((await store.request<ErrorBody>("GET", "/api/v1/users/nobody")).status).toBe(404);
    expect(snapshot(store)).toEqual(before);
  });
});
