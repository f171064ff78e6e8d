import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { addUser, createTestStore, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string };
}
interface Entry {
  at: string;
  action: string;
  userId: string | null;
  userName: string | null;
  tillId: string | null;
  refId: string | null;
  detail: unknown;
}
interface Answer {
  recorded: string[];
  already: string[];
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

/** A PIN log-in at a till: its session token and the proof of the log-in. */
async function logIn(s: TestStore, tillId: string, pin: string) {
  const res = await s.request<{ token: string; proof: string }>(
    "POST",
    `${API}/sessions`,
    { tillId, pin },
    null,
  );
  expect(res.status).toBe(201);
  return res.body;
}

const send = (entries: unknown[], token?: string | null) =>
  store.request<Answer & ErrorBody>("POST", `${API}/audit/till-entries`, { entries }, token);

const auditOf = async (qs = "") =>
  (await store.request<{ entries: Entry[] }>("GET", `${API}/audit${qs}`)).body.entries;

describe("POST /audit/till-entries", () => {
  test("records each entry once, at the session's till, by the cashier its madeIn proves", async () => {
    store = createTestStore();
    const annId = await addUser(store, { name: "Ann", role: "cashier", pin: "1111" });
    await addUser(store, { name: "Bob", role: "cashier", pin: "3333" });
    const ann = await logIn(store, "T1", "1111");
    // Bob logs in later: his session sends what Ann did, and what nobody did.
    const bob = await logIn(store, "T1", "3333");
    const check = {
      id: uuidv7(),
      action: "price.checked",
      at: "2026-03-02T14:00:00.000Z",
      detail: { code: "BREAD", priceMinor: 275 },
      madeIn: ann.proof,
    };
    const failed = {
      id: uuidv7(),
      action: "pin.failed_offline",
      at: "2026-03-02T14:01:00.000Z",
      detail: { attemptsLeft: 4 },
    };
    const before = store.journalLength();
    const first = await send([check, failed], bob.token);
    expect(first.status).toBe(201);
    expect(first.body.recorded).toEqual([check.id, failed.id]);
    expect(first.body.already).toEqual([]);
    expect(store.journalLength()).toBe(before + 2);

    // The answer was lost: the till sends them again, and nothing is recorded twice.
    const again = await send([check, failed], bob.token);
    expect(again.status).toBe(200);
    expect(again.body.recorded).toEqual([]);
    expect(again.body.already).toEqual([check.id, failed.id]);
    expect(store.journalLength()).toBe(before + 2);

    const checks = await auditOf("?action=price.checked");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      at: check.at,
      userId: annId,
      userName: "Ann",
      tillId: "T1",
      refId: check.id,
      detail: { code: "BREAD", priceMinor: 275 },
    });
    const pins = await auditOf("?action=pin.failed_offline");
    expect(pins).toHaveLength(1);
    expect(pins[0]).toMatchObject({ userId: null, tillId: "T1", detail: { attemptsLeft: 4 } });
  });

  test("refuses what the store cannot check, precisely, and records nothing", async () => {
    store = createTestStore();
    await addUser(store, { name: "Ann", role: "cashier", pin: "1111" });
    await addUser(store, { name: "Bob", role: "cashier", pin: "3333" });
    const ann = await logIn(store, "T1", "1111");
    const bobAtT2 = await logIn(store, "T2", "3333");
    const entry = (over: Record<string, unknown> = {}) => ({
      id: uuidv7(),
      action: "price.checked",
      at: "2026-03-02T14:00:00.000Z",
      ...over,
    });
    const auditRows = store.count("audit");
    const events = store.journalLength();

    const admin = await send([entry()]);
    expect(admin.status).toBe(403);
    expect(admin.body.error.code).toBe("NOT_A_TILL");

    const elsewhere = await send([entry(), entry({ madeIn: bobAtT2.proof })], ann.token);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe("IDENTITY_MISMATCH");
    expect(elsewhere.body.error.message).toContain("entries[1].madeIn");

    const forged = await send([entry({ madeIn: `${ann.proof.split(".")[0]}.AAAA` })], ann.token);
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("PROOF_INVALID");

    const id = uuidv7();
    const twice = await send([entry({ id }), entry({ id })], ann.token);
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe("DUPLICATE_ENTRY");

    for (const bad of [
      [entry({ action: "sale.completed" })],
      [entry({ id: "not-a-uuid" })],
      [entry({ at: "yesterday" })],
      [entry({ detail: { note: "x".repeat(201) } })],
      [entry({ detail: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i])) })],
      [entry({ userId: "someone-else" })],
      [],
      Array.from({ length: 101 }, () => entry()),
    ]) {
      const res = await send(bad, ann.token);
      expect(res.status).toBe(400);
    }
    const none = await send([entry()], null);
    expect(none.status).toBe(401);
    expect(store.count("audit")).toBe(auditRows);
    expect(store.journalLength()).toBe(events);

    // An id recorded as one action is not another action.
    const kept = entry();
    expect((await send([kept], ann.token)).status).toBe(201);
    const reused = await send([{ ...kept, action: "receipt.reprinted" }], ann.token);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("ENTRY_ID_REUSED");
  });
});
