/**
 * PIN lock-outs on the real `ringup store` process: guesses across made-up till ids lock PIN
 * entry store-wide, and a manager lifts it over HTTP and with `ringup admin pin unlock`.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { childEnv, ringupCommand, type StoreProcess, startStore } from "../support/store-process.ts";

const ROOT = resolve(import.meta.dir, "../..");
/** Each `ringup admin` run starts a process: several of them take seconds on a busy machine. */
const SLOW = 60_000;

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface AuditEntry {
  action: string;
  userId: string | null;
  tillId: string | null;
  detail: Record<string, unknown> | null;
}

let configDir: string;
let configFile: string;
let store: StoreProcess;

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), "ringup-lockout-config-"));
  configFile = join(configDir, "store.toml");
  // 2 wrong PINs lock a till; 8 across the store lock every till.
  await writeFile(configFile, "pinMaxAttempts = 2\npinLockoutSeconds = 600\n");
  store = await startStore({ args: ["--config", configFile] });
  for (const user of [
    { name: "Ann", role: "cashier", pin: "1111" },
    { name: "Meg", role: "manager", pin: "3333" },
  ]) {
    expect((await call("POST", "/users", user)).status).toBe(201);
  }
});
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  await rm(configDir, { recursive: true, force: true });
});

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token === undefined) headers.authorization = `Bearer ${store.token}`;
  else if (token !== null) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${store.url}/api/v1${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
}

const login = (tillId: string, pin: string, token: string | null = null) =>
  call<{ token: string } & ErrorBody>("POST", "/sessions", { tillId, pin }, token);

async function auditOf(action: string): Promise<AuditEntry[]> {
  const res = await call<{ entries: AuditEntry[] }>("GET", `/audit?action=${action}`);
  expect(res.status).toBe(200);
  return res.body.entries;
}

async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn(
    [...ringupCommand(), "admin", "--server", store.url, "--token", store.token, ...args],
    { cwd: ROOT, stdout: "pipe", stderr: "pipe", stdin: "ignore", env: childEnv() },
  );
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}

async function lockStoreWide(): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const res = await login(`FAKE${i}`, String(7000 + i));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("WRONG_PIN");
  }
}

describe("PIN lock-outs on the real process", () => {
  test(
    "guesses across made-up tills lock out; only a manager's unlock restores log-in; all audited",
    async () => {
      let cashier = (await login("T1", "1111")).body.token;
      const manager = (await login("T2", "3333")).body.token;

      await lockStoreWide();
      const refused = await login("T1", "1111");
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("PIN_RATE_LIMITED");
      expect(refused.body.error.details).toMatchObject({ scope: "store", tillId: "T1" });
      // The till that shows its session is not held back (its new session replaces that one).
      const paired = await login("T1", "1111", cashier);
      expect(paired.status).toBe(201);
      cashier = paired.body.token;
      expect(await auditOf("pin.attack_suspected")).toHaveLength(1);

      const locks = await auditOf("pin.locked");
      expect(locks).toHaveLength(1);
      expect(locks[0]).toMatchObject({ tillId: null, detail: { scope: "store", failures: 8 } });

      // Refused unlocks: precise statuses, and nothing changes.
      const auditBefore = (await call<{ entries: unknown[] }>("GET", "/audit?limit=1000")).body.entries
        .length;
      const byCashier = await call<ErrorBody>("POST", "/pin-lockouts/unlock", { storeWide: true }, cashier);
      expect(byCashier.status).toBe(403);
      expect(byCashier.body.error.code).toBe("PERMISSION_DENIED");
      const anonymous = await call<ErrorBody>("POST", "/pin-lockouts/unlock", { storeWide: true }, null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe("UNAUTHORIZED");
      expect((await call<{ entries: unknown[] }>("GET", "/audit?limit=1000")).body.entries.length).toBe(
        auditBefore,
      );
      expect((await login("T1", "1111")).body.error.code).toBe("PIN_RATE_LIMITED");

      const unlocked = await call<{ unlocked: { scope: string }[] }>(
        "POST",
        "/pin-lockouts/unlock",
        { storeWide: true },
        manager,
      );
      expect(unlocked.status).toBe(200);
      expect(unlocked.body.unlocked).toMatchObject([{ scope: "store", failures: 8 }]);
      expect((await login("T1", "1111")).status).toBe(201);

      const managerId = (
        await call<{ users: { id: string; name: string }[] }>("GET", "/users")
      ).body.users.find((u) => u.name === "Meg")?.id;
      const unlocks = await auditOf("pin.unlocked");
      expect(unlocks).toHaveLength(1);
      expect(unlocks[0]).toMatchObject({ userId: managerId, tillId: null, detail: { scope: "store" } });
    },
    SLOW,
  );

  test(
    "ringup admin pin lockouts / unlock list and lift lock-outs and say what to do next",
    async () => {
      const none = await admin("pin", "unlock", "--till", "T7");
      expect(none.code).toBe(1);
      expect(none.stderr).toContain("till T7 is not locked out");
      expect(none.stderr).toContain("ringup admin pin lockouts");

      const noTarget = await admin("pin", "unlock");
      expect(noTarget.code).toBe(1);
      expect(noTarget.stderr).toContain("--till ID, --store-wide, or both");

      expect((await login("T7", "0000")).status).toBe(401);
      expect((await login("T7", "0001")).status).toBe(401);
      expect((await login("T7", "1111")).body.error.code).toBe("PIN_LOCKED");

      const list = await admin("pin", "lockouts");
      expect(list.code).toBe(0);
      expect(list.stdout).toContain("till T7 without its token: locked until");

      const json = await admin("--json", "pin", "lockouts");
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({
        lockouts: [{ scope: "anonymous", tillId: "T7", failures: 2 }],
      });

      const done = await admin("pin", "unlock", "--till", "T7");
      expect(done.code).toBe(0);
      expect(done.stdout).toContain("unlocked till T7");
      expect((await login("T7", "1111")).status).toBe(201);

      const cashierToken = (await login("T8", "1111")).body.token;
      const proc = Bun.spawn(
        [...ringupCommand(), "admin", "--server", store.url, "--token", cashierToken, "pin", "lockouts"],
        { cwd: ROOT, stdout: "pipe", stderr: "pipe", stdin: "ignore", env: childEnv() },
      );
      const [stderr, code] = await Promise.all([new Response(proc.stderr).text(), proc.exited]);
      expect(code).toBe(1);
      expect(stderr).toContain("needs the users permission");

      const help = await admin("pin", "unlock", "--help");
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("--store-wide");
      expect(help.stdout).toContain("--till <id>");
    },
    SLOW,
  );
});
