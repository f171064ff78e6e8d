/**
 * No secret reaches a log line. A real chain (nats-server, head office, a store) and the admin
 * CLI at debug level are driven through log-ins with PINs (right, wrong, until PIN entry
 * locks), admin calls with tokens (right and wrong), a till's pairing and a card sale with its
 * terminal's reference; then everything they wrote, stdout and stderr, is searched for each
 * secret used.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { type Chain, startChain } from "../replication/support/chain.ts";
import { bearer, ringup } from "./support.ts";

setDefaultTimeout(90_000);

let chain: Chain;
const secrets = new Map<string, string>();
let adminCliOutput = "";

async function ok<T>(res: Response, status = 201): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"], hqLink: true });
  const store = chain.store("S1");
  const hq = chain.hq;
  secrets.set("the store's admin token", store.token);
  secrets.set("head office's admin token", hq.token);
  const json = { "content-type": "application/json" };

  const cashierPin = "482915";
  const supervisorPin = "730264";
  secrets.set("a cashier's PIN", cashierPin);
  secrets.set("a supervisor's PIN", supervisorPin);
  for (const [name, role, pin] of [
    ["Ann", "cashier", cashierPin],
    ["Sam", "supervisor", supervisorPin],
  ] as const) {
    await ok(await store.api("/api/v1/users", { method: "POST", body: JSON.stringify({ name, role, pin }) }));
  }

  // A till pairs with a one-time code and gets its device token.
  const { code } = await ok<{ code: string }>(
    await store.api("/api/v1/tills/pairings", { method: "POST", body: JSON.stringify({ tillId: "T1" }) }),
  );
  secrets.set("a pairing code", code);
  const paired = await ok<{ token: string }>(
    await fetch(`${store.url}/api/v1/tills/pair`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ code, tillId: "T1" }),
    }),
  );
  secrets.set("a till's device token", paired.token);

  // The cashier logs in at the paired till.
  const session = await ok<{ token: string }>(
    await fetch(`${store.url}/api/v1/sessions`, {
      method: "POST",
      headers: { ...json, ...bearer(paired.token) },
      body: JSON.stringify({ tillId: "T1", pin: cashierPin }),
    }),
  );
  secrets.set("a cashier's session token", session.token);

  // Wrong PINs at another till until its PIN entry locks.
  let locked = false;
  for (let i = 0; i < 12 && !locked; i++) {
    const wrong = `91${String(7351 + i * 13)}`;
    secrets.set(`wrong PIN ${i + 1}`, wrong);
    const res = await fetch(`${store.url}/api/v1/sessions`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ tillId: "T2", pin: wrong }),
    });
    const body = (await res.json()) as { error?: { code: string } };
    locked = body.error?.code === "PIN_LOCKED";
  }
  expect(locked).toBe(true);

  // A card sale rung at the till, with the card terminal's reference.
  const cardRef = "AUTH-7Q4Z9XK2";
  secrets.set("a card reference", cardRef);
  const quote = await ok<Record<string, unknown> & { totalMinor: number }>(
    await store.api("/api/v1/baskets/quote", {
      method: "POST",
      body: JSON.stringify({ lines: [{ code: "MILK" }] }),
    }),
    200,
  );
  await ok(
    await store.api("/api/v1/sales", {
      method: "POST",
      headers: bearer(session.token),
      body: JSON.stringify({
        ...quote,
        asRung: true,
        id: uuidv7(),
        at: new Date().toISOString(),
        tenders: [{ type: "card", amountMinor: quote.totalMinor, ref: cardRef }],
      }),
    }),
  );

  // Admin calls with tokens: right and wrong, at the store and at head office.
  const wrongToken = `wrong_${"Zq8".repeat(8)}`;
  secrets.set("a wrong admin token", wrongToken);
  await ok(await hq.api("/api/v1/stores"), 200);
  await ok(await hq.api("/api/v1/stores", { headers: bearer(wrongToken) }), 401);
  await ok(await store.api("/api/v1/tokens", { headers: bearer(wrongToken) }), 401);
  for (const server of [store, hq]) {
    const ran = await ringup(["admin", "--server", server.url, "--log-level", "debug", "token", "list"], {
      RINGUP_TOKEN: server.token,
    });
    expect(ran.code).toBe(0);
    adminCliOutput += ran.stdout + ran.stderr;
  }
  // The admin CLI logged its requests at debug level.
  expect(adminCliOutput).toContain("GET /tokens 200");

  await store.stop();
  await hq.stop();
});

afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
});

test("the runs logged log-ins, the lock-out and the sale", () => {
  const store = chain.store("S1").output;
  expect(store).toContain("log-in: ");
  expect(store).toContain("PIN entry locked at till T2");
  expect(store).toMatch(/sale S1-T1-\d+ recorded/);
  expect(store).toContain("till T1 paired");
});

test("no PIN, token, pairing code or card reference is in any log line", () => {
  const logs = {
    store: chain.store("S1").output,
    hq: chain.hq.output,
    "the admin CLI": adminCliOutput,
  };
  for (const [what, secret] of secrets) {
    for (const [where, output] of Object.entries(logs)) {
      expect({ what, where, found: output.includes(secret) }).toEqual({ what, where, found: false });
    }
  }
});
