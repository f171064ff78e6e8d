/**
 * The stores registry and users: registering a store answers its credentials once and writes
 * the nats-server authorization; GET /stores joins each store with its replication state;
 * settings go to one store only; users and roles are pushed to the stores they work at.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deadLetters, storeReplication } from "../../schema/hq.ts";
import { userActiveAt } from "../../src/core/catalog-changes.ts";
import { changesAfter, snapshotFor } from "../../src/hq/catalog/change-log.ts";
import { type TestHq, testHqPerTest } from "../support/hq-app.ts";

const hq = testHqPerTest();

type ErrorBody = { error: { code: string; message: string } };
interface Registered {
  store: { storeId: string; name: string; lastSeq: number };
  credentials: { apiToken: string; nats: { user: string; password: string }; natsCredsFile: string };
}
interface StoreStatus {
  storeId: string;
  name: string | null;
  registered: boolean;
  lastSeq: number;
  lastEventAt: string | null;
  lagSeconds: number;
  deadLetters: number;
  gap: { fromSeq: number; since: string } | null;
}

async function register(h: TestHq, storeId: string, name = `Store ${storeId}`): Promise<Registered> {
  const res = await h.request<Registered>("POST", "/api/v1/stores", {
    storeId,
    name,
    timeZone: "Europe/Paris",
  });
  if (res.status !== 201) throw new Error(`register ${storeId}: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe("registering stores", () => {
  test("answers an API token and NATS credentials once, and writes only hashes to nats-accounts.conf", async () => {
    const h = hq();
    const { store, credentials } = await register(h, "S1", "Main St");
    expect(store).toMatchObject({ storeId: "S1", name: "Main St", lastSeq: 0 });
    expect(credentials.nats.user).toBe("store_S1");
    expect(credentials.natsCredsFile).toContain(`password = "${credentials.nats.password}"`);

    const confPath = join(h.dir, "nats-accounts.conf");
    const conf = readFileSync(confPath, "utf8");
    expect(conf).toContain('"user":"store_S1"');
    expect(conf).toContain("ringup.v1.store.S1.>");
    expect(conf).not.toContain(credentials.nats.password);
    expect(statSync(confPath).mode & 0o007).toBe(0);

    // The store's token may read its own feed and store, nothing chain-wide.
    const own = await h.request("GET", "/api/v1/stores/S1", undefined, credentials.apiToken);
    expect(own.status).toBe(200);
    expect((await h.request("GET", "/api/v1/stores", undefined, credentials.apiToken)).status).toBe(403);
    expect((await h.request("GET", "/api/v1/stores/S2", undefined, credentials.apiToken)).status).toBe(403);
  });

  test("a second registration of the same id, or a bad body, changes nothing", async () => {
    const h = hq();
    await register(h, "S1");
    const conf = readFileSync(join(h.dir, "nats-accounts.conf"), "utf8");
    const tokens = h.count("hq_api_tokens");
    const again = await h.request<ErrorBody>("POST", "/api/v1/stores", { storeId: "S1", name: "Again" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("STORE_EXISTS");
    for (const body of [
      { storeId: "S-1", name: "Dash" },
      { storeId: "S2", name: "" },
      { storeId: "S2", name: "Zone", timeZone: "Mars/Olympus" },
      { storeId: "S2", name: "Money", currency: "dollars" },
    ]) {
      const res = await h.request<ErrorBody>("POST", "/api/v1/stores", body);
      expect(res.status).toBe(400);
    }
    expect(h.count("stores")).toBe(1);
    expect(h.count("hq_api_tokens")).toBe(tokens);
    expect(readFileSync(join(h.dir, "nats-accounts.conf"), "utf8")).toBe(conf);
  });

  test("renewing credentials retires the old token and password", async () => {
    const h = hq();
    const first = await register(h, "S1");
    const renewed = await h.request<Registered["credentials"]>("POST", "/api/v1/stores/S1/credentials");
    expect(renewed.status).toBe(200);
    expect(renewed.body.nats.password).not.toBe(first.credentials.nats.password);
    expect((await h.request("GET", "/api/v1/stores/S1", undefined, renewed.body.apiToken)).status).toBe(200);
    expect((await h.request("GET", "/api/v1/stores/S1", undefined, first.credentials.apiToken)).status).toBe(
      401,
    );
    const conf = readFileSync(join(h.dir, "nats-accounts.conf"), "utf8");
    const hash = /"user":"store_S1","password":"([^"]+)"/.exec(conf)?.[1] ?? "";
    expect(await Bun.password.verify(renewed.body.nats.password, hash)).toBe(true);
    expect(await Bun.password.verify(first.credentials.nats.password, hash)).toBe(false);
    expect((await h.request("POST", "/api/v1/stores/S9/credentials")).status).toBe(404);
  });
});

describe("GET /stores", () => {
  test("shows each store's last applied sequence, last event time, lag and dead letters", async () => {
    const h = hq();
    await register(h, "S1");
    await register(h, "S2");
    h.clock.set("2026-03-02T16:00:00.000Z");
    h.ctx.db
      .insert(storeReplication)
      .values([
        {
          storeId: "S1",
          lastSeq: 42,
          lastHash: "a".repeat(64),
          lastEventAt: "2026-03-02T15:59:50.000Z",
          appliedAt: "2026-03-02T15:59:53.000Z",
        },
        {
          storeId: "S2",
          lastSeq: 7,
          lastHash: "b".repeat(64),
          lastEventAt: "2026-03-02T15:50:00.000Z",
          appliedAt: "2026-03-02T15:50:01.000Z",
          gapFromSeq: 9,
          gapSince: "2026-03-02T15:55:00.000Z",
        },
        {
          storeId: "X9",
          lastSeq: 1,
          lastEventAt: "2026-03-02T15:00:00.000Z",
          appliedAt: "2026-03-02T15:00:00.000Z",
        },
      ])
      .run();
    h.ctx.db
      .insert(deadLetters)
      .values(
        [1, 2].map((i) => ({
          storeId: "S2",
          subject: "ringup.v1.store.S2.sale.completed",
          eventId: `e${i}`,
          seq: 8 + i,
          reason: "INVALID_EVENT",
          message: "payload.lines: too small",
          data: "{}",
          receivedAt: "2026-03-02T15:56:00.000Z",
        })),
      )
      .run();
    const res = await h.request<{ stores: StoreStatus[] }>("GET", "/api/v1/stores");
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.stores.map((s) => [s.storeId, s]));
    expect(byId.S1).toMatchObject({
      registered: true,
      lastSeq: 42,
      lastEventAt: "2026-03-02T15:59:50.000Z",
      lagSeconds: 3,
      deadLetters: 0,
      gap: null,
    });
    // Waiting on a gap: the lag grows with the clock.
    expect(byId.S2).toMatchObject({ lastSeq: 7, lagSeconds: 600, deadLetters: 2, gap: { fromSeq: 9 } });
    const letters = await h.request<{ deadLetters: { reason: string; seq: number }[] }>(
      "GET",
      "/api/v1/stores/S2/dead-letters",
    );
    expect(letters.body.deadLetters.map((d) => [d.reason, d.seq])).toEqual([
      ["INVALID_EVENT", 10],
      ["INVALID_EVENT", 9],
    ]);
    // Events from a store nobody registered still show.
    expect(byId.X9).toMatchObject({ registered: false, name: null, lastSeq: 1 });
  });

  test("a store with no events yet answers zeros", async () => {
    const h = hq();
    await register(h, "S1");
    const res = await h.request<{ stores: StoreStatus[] }>("GET", "/api/v1/stores");
    expect(res.body.stores).toEqual([
      expect.objectContaining({
        storeId: "S1",
        lastSeq: 0,
        lastEventAt: null,
        lagSeconds: 0,
        deadLetters: 0,
      }),
    ]);
  });
});

describe("store settings", () => {
  test("PUT /stores/:id/settings goes to that store only and updates the registry", async () => {
    const h = hq();
    await register(h, "S1");
    await register(h, "S2");
    const res = await h.request<{ currency: string; taxClasses: unknown[] }>(
      "PUT",
      "/api/v1/stores/S1/settings",
      {
        storeName: "Main St",
        currency: "EUR",
        timeZone: "Europe/Paris",
        pricesIncludeTax: true,
        taxClasses: [{ id: "1", name: "Standard", rate: "20" }],
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe("EUR");
    expect(snapshotFor(h.ctx.db, "S1").changes).toEqual([
      expect.objectContaining({
        storeId: "S1",
        kind: "settings",
        value: expect.objectContaining({ currency: "EUR" }),
      }),
    ]);
    expect(snapshotFor(h.ctx.db, "S2").changes).toEqual([]);
    const store = await h.request<{ currency: string }>("GET", "/api/v1/stores/S1");
    expect(store.body.currency).toBe("EUR");
    const read = await h.request<{ settings: { pricesIncludeTax: boolean } }>(
      "GET",
      "/api/v1/stores/S1/settings",
    );
    expect(read.body.settings.pricesIncludeTax).toBe(true);
  });

  test("bad settings and unknown stores change nothing", async () => {
    const h = hq();
    await register(h, "S1");
    const bad = await h.request<ErrorBody>("PUT", "/api/v1/stores/S1/settings", {
      taxClasses: [
        { id: "1", name: "A", rate: "5" },
        { id: "1", name: "B", rate: "7" },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await h.request<ErrorBody>("PUT", "/api/v1/stores/S9/settings", {})).status).toBe(404);
    expect(h.count("catalog_changes")).toBe(0);
  });
});

describe("users", () => {
  test("a user is pushed to every store, or to the stores named, without the PIN", async () => {
    const h = hq();
    await register(h, "S1");
    await register(h, "S2");
    const ann = await h.request<{ id: string; storeIds: string[] | null }>("POST", "/api/v1/users", {
      name: "Ann",
      role: "cashier",
      pin: "4821",
    });
    expect(ann.status).toBe(201);
    expect(ann.body.storeIds).toBeNull();
    const bob = await h.request<{ id: string }>("POST", "/api/v1/users", {
      name: "Bob",
      role: "supervisor",
      pin: "7355",
      storeIds: ["S2"],
    });
    expect(bob.status).toBe(201);
    // One entry per store: the PIN hash only in those of the stores the user works at.
    const pushed = changesAfter(h.ctx.db, 0).filter((c) => c.kind === "user");
    expect(pushed.map((c) => [c.key, c.storeId])).toEqual([
      [ann.body.id, "S1"],
      [ann.body.id, "S2"],
      [bob.body.id, "S1"],
      [bob.body.id, "S2"],
    ]);
    const bobAt = (storeId: string) => {
      const entry = pushed.find((c) => c.key === bob.body.id && c.storeId === storeId);
      if (entry?.kind !== "user") throw new Error(`no user entry for Bob at ${storeId}`);
      return entry.value;
    };
    expect(userActiveAt(bobAt("S1"), "S1")).toBe(false);
    expect(bobAt("S1").pinHash).toBeNull();
    expect(userActiveAt(bobAt("S2"), "S2")).toBe(true);
    expect(await Bun.password.verify("7355", bobAt("S2").pinHash ?? "")).toBe(true);
    expect(JSON.stringify(pushed)).not.toContain("7355");

    const list = await h.request<{ users: { name: string }[] }>("GET", "/api/v1/users");
    expect(list.body.users.map((u) => u.name)).toEqual(["Ann", "Bob"]);
    expect(JSON.stringify(list.body)).not.toContain("pinHash");
  });

  test("a PIN already in use, an unknown store or a bad role is refused and changes nothing", async () => {
    const h = hq();
    await register(h, "S1");
    await h.request("POST", "/api/v1/users", { name: "Ann", role: "cashier", pin: "4821" });
    const entries = h.count("catalog_changes");
    const cases: [object, number, string][] = [
      [{ name: "Cat", role: "cashier", pin: "4821" }, 409, "PIN_TAKEN"],
      [{ name: "Cat", role: "cashier", pin: "1111", storeIds: ["S9"] }, 404, "UNKNOWN_STORE"],
      [{ name: "Cat", role: "owner", pin: "1111" }, 400, "UNKNOWN_ROLE"],
      [{ name: "Cat", role: "Owner!", pin: "1111" }, 400, "INVALID_REQUEST"],
      [{ name: "Cat", role: "cashier", pin: "12" }, 400, "INVALID_REQUEST"],
    ];
    for (const [body, status, code] of cases) {
      const res = await h.request<ErrorBody>("POST", "/api/v1/users", body);
      expect(`${res.status} ${res.body.error.code}`).toBe(`${status} ${code}`);
    }
    expect(h.count("hq_users")).toBe(1);
    expect(h.count("catalog_changes")).toBe(entries);
  });

  test("PUT /users/:id changes a role or deactivates, and the stores hear of it", async () => {
    const h = hq();
    await register(h, "S1");
    const ann = await h.request<{ id: string }>("POST", "/api/v1/users", {
      name: "Ann",
      role: "cashier",
      pin: "4821",
    });
    const res = await h.request<{ role: string; active: boolean }>("PUT", `/api/v1/users/${ann.body.id}`, {
      role: "manager",
      active: false,
    });
    expect(res.body).toMatchObject({ role: "manager", active: false });
    const last = h.publisher.changes.at(-1);
    expect(last).toMatchObject({ kind: "user", key: ann.body.id, value: { role: "manager", active: false } });
    // Ann's PIN is free again while she is inactive.
    expect(
      (await h.request("POST", "/api/v1/users", { name: "Cat", role: "cashier", pin: "4821" })).status,
    ).toBe(201);
    const back = await h.request<ErrorBody>("PUT", `/api/v1/users/${ann.body.id}`, { active: true });
    expect(back.status).toBe(409);
    expect((await h.request("PUT", "/api/v1/users/nobody", { active: true })).status).toBe(404);
    expect((await h.request("PUT", `/api/v1/users/${ann.body.id}`, {})).status).toBe(400);
  });
});
