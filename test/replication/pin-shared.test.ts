/**
 * Head office cannot see a store's own users' PINs (they are argon2id hashes and tags keyed by
 * the store's pin.key), so it may give one of its users a PIN a store user already has. The
 * store then never lets that PIN log anyone in as the other user: the log-in is refused as
 * shared, journaled as a `catalog.change_skipped` of that head-office user (so head office
 * sees it), and works again once one of the two PINs is changed. Real processes: nats-server,
 * head office and a store.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"], seed: false });
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

async function login(pin: string) {
  const res = await chain.store("S1").api("/api/v1/sessions", {
    method: "POST",
    body: JSON.stringify({ tillId: "T1", pin }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test("a PIN a store user and a head-office user share logs nobody in, is reported, and a new PIN resolves it", async () => {
  const store = chain.store("S1");
  const created = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Ann", role: "cashier", pin: "4821" }),
  });
  expect(created.status).toBe(201);
  const ann = (await created.json()) as { id: string };
  const bob = await chain.hq.json<{ id: string }>("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Bob", role: "cashier", pin: "4821", storeIds: ["S1"] }),
  });
  await waitFor(async () => {
    const res = await store.api("/api/v1/users");
    const { users } = (await res.json()) as { users: { id: string }[] };
    return users.some((u) => u.id === bob.id);
  }, "Bob at the store");

  const shared = await login("4821");
  expect(shared.status).toBe(409);
  expect(shared.body.error).toMatchObject({ code: "PIN_SHARED" });
  expect((shared.body.error as { message: string }).message).toContain("belongs to two users of this store");

  const audit = await store.api("/api/v1/audit?action=catalog.change_skipped");
  const { entries } = (await audit.json()) as { entries: { refId: string; detail: unknown }[] };
  const entry = entries.find((e) => e.refId === bob.id);
  expect(JSON.stringify(entry?.detail)).toContain("PIN_SHARED");

  // Head office shows it, naming the user and the store.
  const { conflicts } = await waitFor(async () => {
    const answer = await chain.hq.json<{ conflicts: { userId: string; storeId: string; message: string }[] }>(
      "/api/v1/users/pin-conflicts",
    );
    return answer.conflicts.length > 0 ? answer : null;
  }, "the conflict at head office");
  expect(conflicts[0]).toMatchObject({ userId: bob.id, storeId: "S1" });
  expect(conflicts[0]?.message).toContain("Bob's PIN is also the PIN of a user of store S1");

  // Ann gets another PIN at the store: each logs in as themself.
  const changed = await store.api(`/api/v1/users/${ann.id}`, {
    method: "PATCH",
    body: JSON.stringify({ pin: "5930" }),
  });
  expect(changed.status).toBe(200);
  const asBob = await login("4821");
  expect(asBob.status).toBe(201);
  expect(asBob.body.cashierId).toBe(bob.id);
  const asAnn = await login("5930");
  expect(asAnn.body.cashierId).toBe(ann.id);
});

test("a store user cannot take a PIN a head-office user already has at this store", async () => {
  const store = chain.store("S1");
  const carl = await chain.hq.json<{ id: string }>("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Carl", role: "cashier", pin: "6174", storeIds: ["S1"] }),
  });
  await waitFor(async () => {
    const res = await store.api("/api/v1/users");
    return ((await res.json()) as { users: { id: string }[] }).users.some((u) => u.id === carl.id);
  }, "Carl at the store");
  const taken = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Dora", role: "cashier", pin: "6174" }),
  });
  expect(taken.status).toBe(409);
});

test("a supervisor's PIN shared with a head-office user approves nothing", async () => {
  const store = chain.store("S1");
  const sam = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Sam", role: "supervisor", pin: "3917" }),
  });
  expect(sam.status).toBe(201);
  const hqSup = await chain.hq.json<{ id: string }>("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Hal", role: "supervisor", pin: "3917", storeIds: ["S1"] }),
  });
  await waitFor(async () => {
    const res = await store.api("/api/v1/users");
    return ((await res.json()) as { users: { id: string }[] }).users.some((u) => u.id === hqSup.id);
  }, "Hal at the store");
  const approval = await store.api("/api/v1/approvals", {
    method: "POST",
    body: JSON.stringify({ action: "refund", pin: "3917", tillId: "T1" }),
  });
  expect(approval.status).toBe(409);
  expect(((await approval.json()) as { error: { code: string } }).error.code).toBe("PIN_SHARED");
});

test('with usersManagedAt = "hq" the store takes users and PINs only from head office, which keeps PINs unique', async () => {
  const store = chain.store("S1");
  const put = await chain.hq.api("/api/v1/stores/S1/settings", {
    method: "PUT",
    body: JSON.stringify({ usersManagedAt: "hq" }),
  });
  expect(put.status).toBe(200);
  await waitFor(async () => {
    const settings = (await (await store.api("/api/v1/settings")).json()) as { usersManagedAt?: string };
    return settings.usersManagedAt === "hq";
  }, "the setting at the store");
  const local = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Eve", role: "cashier", pin: "8052" }),
  });
  expect(local.status).toBe(409);
  const body = (await local.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("USERS_MANAGED_AT_HQ");
  expect(body.error.message).toContain("at head office for this store");
  // Head office refuses a PIN another of its users has.
  const taken = await chain.hq.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Fay", role: "cashier", pin: "6174", storeIds: ["S1"] }),
  });
  expect(taken.status).toBe(409);
});
