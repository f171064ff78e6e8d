/**
 * A cashier's log-in (`POST /api/v1/sessions`) on a real `ringup store` process, with PINs
 * hashed by argon2id at the store's parameters (`PIN_HASH_OPTIONS`: 19 MiB, 2 passes): the tag
 * finds the user, one argon2id check proves the PIN.
 * - cold: the first log-in after the process starts (each sample a fresh start);
 * - warm: log-ins in a row at a till that shows its session token;
 * - wrong PIN: no tag matches, so no hash is checked;
 * - pending user: a user head office sent (no tag yet) is found by checking hashes.
 */
import { users } from "../schema/store.ts";
import { hashPin, pendingTag } from "../src/store-server/users/pins.ts";
import { type StoreProcess, startStore } from "../test/support/store-process.ts";
import { type BenchCase, type BenchSuite, summarise } from "./harness.ts";

const PIN = "4321";
const COLD_STARTS = 8;
const GOAL = "p99 < 250 ms";

async function session(
  store: StoreProcess,
  tillId: string,
  pin: string,
  token: string | null,
): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${store.url}/api/v1/sessions`, {
    method: "POST",
    headers,
    body: JSON.stringify({ tillId, pin }),
  });
}

async function logIn(store: StoreProcess, tillId: string, token: string | null): Promise<string> {
  const res = await session(store, tillId, PIN, token);
  if (res.status !== 201) throw new Error(`log-in at ${tillId} failed: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export default async function loginBench(): Promise<BenchSuite> {
  const store = await startStore();
  const added = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Bench cashier", role: "cashier", pin: PIN }),
  });
  if (added.status !== 201) throw new Error(`adding the bench cashier failed: ${await added.text()}`);
  let token = await logIn(store, "T1", null);

  const cold: BenchCase = {
    name: "login: cold (first after start)",
    goal: GOAL,
    measure: async () => {
      const samples: number[] = [];
      const start = performance.now();
      for (let i = 0; i < COLD_STARTS; i++) {
        await store.restart();
        const t0 = performance.now();
        token = await logIn(store, "T1", token);
        samples.push(performance.now() - t0);
      }
      return summarise("login: cold (first after start)", samples, performance.now() - start);
    },
  };
  const cases: BenchCase[] = [
    cold,
    {
      name: "login: warm (till with its session)",
      iterations: 200,
      warmup: 10,
      goal: GOAL,
      run: async () => {
        token = await logIn(store, "T1", token);
      },
    },
    {
      name: "login: wrong PIN (no hash checked)",
      iterations: 200,
      warmup: 10,
      run: async () => {
        const res = await session(store, "T2", "0000", token);
        if (res.status !== 401 && res.status !== 403) throw new Error(`wrong PIN answered ${res.status}`);
        await res.body?.cancel();
        // Keep T2 under its lock-out limit: the admin token's log-in clears its count.
        if (res.status === 401) await logIn(store, "T2", store.token);
      },
    },
    {
      name: "login: pending user (found by hash)",
      goal: GOAL,
      measure: async () => {
        const samples: number[] = [];
        const start = performance.now();
        for (let i = 0; i < 20; i++) {
          // A user as head office sends them, with no tag yet: each log-in tags them, so a new one each time.
          await store.stop();
          const { Database } = await import("bun:sqlite");
          const { drizzle } = await import("drizzle-orm/bun-sqlite");
          const sqlite = new Database(`${store.dataDir}/store.db`);
          const id = `HQ-${i}`;
          drizzle({ client: sqlite })
            .insert(users)
            .values({
              id,
              name: id,
              role: "cashier",
              pinHash: hashPin(`77${String(i).padStart(2, "0")}`),
              pinTag: pendingTag(id),
              createdAt: new Date().toISOString(),
            })
            .run();
          sqlite.close();
          await store.restart();
          const t0 = performance.now();
          const res = await session(store, "T3", `77${String(i).padStart(2, "0")}`, store.token);
          if (res.status !== 201) throw new Error(`pending log-in failed: ${await res.text()}`);
          samples.push(performance.now() - t0);
        }
        return summarise("login: pending user (found by hash)", samples, performance.now() - start);
      },
    },
  ];
  return { cases, teardown: () => store[Symbol.asyncDispose]() };
}
