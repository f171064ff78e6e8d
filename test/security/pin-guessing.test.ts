/**
 * Guessing PINs on a real `ringup store` process: a stranger without a till's token cannot lock
 * a paired till out (their wrong PINs are limited store-wide, with an audited alert), and a
 * manager cannot learn which PINs are in use from the refusal of a PIN they chose.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StoreProcess, startStore } from "../support/store-process.ts";
import { callJson, type ErrorBody } from "./http.ts";

interface Session {
  token: string;
  user: { id: string; name: string };
}
interface AuditEntry {
  action: string;
  userId: string | null;
  tillId: string | null;
  detail: Record<string, unknown> | null;
}

let configDir: string;
let store: StoreProcess;

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), "ringup-guessing-"));
  const config = join(configDir, "store.toml");
  // Defaults: 5 wrong PINs lock a till, 20 anonymous wrong PINs pause anonymous PIN entry.
  await writeFile(config, "pinLockoutSeconds = 600\n");
  store = await startStore({ args: ["--config", config] });
  for (const user of [
    { name: "Ann", role: "cashier", pin: "1111" },
    { name: "Meg", role: "manager", pin: "3333" },
    { name: "Zed", role: "admin", pin: "8642" },
  ]) {
    expect((await call("POST", "/users", user)).status).toBe(201);
  }
});
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  await rm(configDir, { recursive: true, force: true });
});

function call<T>(method: string, path: string, body?: unknown, token: string | null = store.token) {
  return callJson<T>(store.url, method, `/api/v1${path}`, body, token);
}
const login = (tillId: string, pin: string, token: string | null = null) =>
  call<Session & ErrorBody>("POST", "/sessions", { tillId, pin }, token);

async function audit(action: string): Promise<AuditEntry[]> {
  const res = await call<{ entries: AuditEntry[] }>("GET", `/audit?action=${action}`);
  expect(res.status).toBe(200);
  return res.body.entries;
}

describe("anonymous guesses", () => {
  test("25 wrong PINs without a token pause anonymous PIN entry, audited, but not a till that shows its session", async () => {
    const first = await login("T1", "1111");
    expect(first.status).toBe(201);
    const tillSession = first.body.token;

    const codes: string[] = [];
    for (let i = 0; i < 25; i++) {
      // Spread over made-up till ids, as no per-till count would see them; T1 among them.
      const guess = await login(i % 6 === 0 ? "T1" : `X${i}`, String(5000 + i));
      codes.push(guess.body.error.code);
    }
    expect(codes.slice(0, 19).every((c) => c === "WRONG_PIN" || c === "PIN_LOCKED")).toBe(true);
    expect(codes.at(-1)).toBe("PIN_RATE_LIMITED");

    // The right PIN without a token waits like everyone without one …
    const anonymous = await login("T1", "1111");
    expect(anonymous.status).toBe(429);
    expect(anonymous.body.error.code).toBe("PIN_RATE_LIMITED");
    expect(anonymous.body.error.message).toContain("till token");
    // … the till that shows its own session logs the cashier in at once.
    const paired = await login("T1", "1111", tillSession);
    expect(paired.status).toBe(201);
    expect(paired.body.user.name).toBe("Ann");
    // A session of another till does not vouch for this one.
    const other = await login("T2", "1111", paired.body.token);
    expect(other.status).toBe(429);

    const alerts = await audit("pin.attack_suspected");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.detail).toMatchObject({ anonymousFailures: 20, limit: 20 });
  });

  test("a till's own wrong PINs lock it, with a back-off, and leave other tills alone", async () => {
    const ann = await login("T3", "1111", store.token);
    expect(ann.status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await login("T3", "0000", store.token)).status).toBe(401);
    const locked = await login("T3", "1111", store.token);
    expect(locked.status).toBe(403);
    expect(locked.body.error.details).toMatchObject({ scope: "till", tillId: "T3" });
    expect((await login("T4", "1111", store.token)).status).toBe(201);
  });
});

describe("choosing a PIN in use", () => {
  test("a manager gets a refusal that does not say the PIN is in use, counted until they are locked out", async () => {
    const meg = await login("T9", "3333", store.token);
    expect(meg.status).toBe(201);
    const manager = meg.body.token;
    const refused = await call<ErrorBody>(
      "POST",
      "/users",
      { name: "Eve", role: "cashier", pin: "1111" },
      manager,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("PIN_REFUSED");
    expect(refused.body.error.message).not.toMatch(/already|another user|taken|in use/i);

    // 5 refusals (pinMaxAttempts) lock the manager's PIN choices: even a free PIN is refused.
    for (let i = 0; i < 4; i++) {
      const again = await call<ErrorBody>(
        "POST",
        "/users",
        { name: "Eve", role: "cashier", pin: "1111" },
        manager,
      );
      expect(again.body.error.code).toBe("PIN_REFUSED");
    }
    const free = await call<ErrorBody>(
      "POST",
      "/users",
      { name: "Eve", role: "cashier", pin: "2468" },
      manager,
    );
    expect(free.status).toBe(403);
    expect(free.body.error.code).toBe("PIN_CHOICE_LOCKED");
    const changed = await call<ErrorBody>("PATCH", `/users/${meg.body.user.id}`, { pin: "7777" }, manager);
    expect(changed.body.error.code).toBe("PIN_CHOICE_LOCKED");

    const counted = await audit("pin.refused");
    expect(counted.filter((e) => e.userId === meg.body.user.id)).toHaveLength(5);
    const lockouts = await call<{ lockouts: { scope: string; userId: string | null }[] }>(
      "GET",
      "/pin-lockouts",
    );
    expect(lockouts.body.lockouts).toContainEqual(
      expect.objectContaining({ scope: "user", userId: meg.body.user.id }),
    );
  });

  test("an admin is told the PIN is taken", async () => {
    const taken = await call<ErrorBody>("POST", "/users", { name: "Eve", role: "cashier", pin: "1111" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("PIN_TAKEN");
  });
});
