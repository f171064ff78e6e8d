/**
 * Shifts, sessions and the PIN lock-out on the real `ringup store` process: they live in the
 * database, so a crash (SIGKILL) or a restart keeps the open shift, the session, the lock-out
 * and the issued Z report, and Z numbering carries on.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { seedProducts, startStore } from "../support/store-process.ts";

let configDir: string;
let configFile: string;

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), "ringup-shift-config-"));
  configFile = join(configDir, "store.toml");
  await writeFile(configFile, "pinMaxAttempts = 2\npinLockoutSeconds = 600\n");
});
afterAll(async () => {
  await rm(configDir, { recursive: true, force: true });
});

async function json<T>(res: Response): Promise<{ status: number; body: T }> {
  return { status: res.status, body: (await res.json()) as T };
}

describe("shifts on the real process", () => {
  test("an open shift, a session and a PIN lock-out survive SIGKILL; the Z report survives a restart", async () => {
    await using store = await startStore({ args: ["--config", configFile] });
    /** `token`: a session token, the admin token when undefined, none when null. */
    const post = (path: string, body: unknown, token?: string | null) => {
      const init: RequestInit = { method: "POST", body: JSON.stringify(body) };
      if (token === null) {
        return fetch(`${store.url}${path}`, { ...init, headers: { "content-type": "application/json" } });
      }
      return store.api(path, token ? { ...init, headers: { authorization: `Bearer ${token}` } } : init);
    };
    const get = (path: string, token?: string) =>
      store.api(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    await seedProducts(store, [{ code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null }]);
    expect((await post("/api/v1/users", { name: "Ann", role: "cashier", pin: "1111" })).status).toBe(201);
    const login = await json<{ token: string }>(
      await post("/api/v1/sessions", { tillId: "T1", pin: "1111" }, null),
    );
    expect(login.status).toBe(201);
    const ann = login.body.token;
    const shift = await json<{ id: string }>(
      await post("/api/v1/shifts", { tillId: "T1", floatMinor: 5000 }, ann),
    );
    expect(shift.status).toBe(201);
    const sale = await post(
      "/api/v1/sales",
      {
        id: uuidv7(),
        tillId: "T1",
        lines: [{ code: "BREAD" }],
        tenders: [{ type: "cash", amountMinor: 1000 }],
      },
      ann,
    );
    expect(sale.status).toBe(201);
    for (const pin of ["0000", "0001"]) {
      expect((await post("/api/v1/sessions", { tillId: "T2", pin }, null)).status).toBe(401);
    }

    await store.kill9();
    await store.restart();

    const current = await json<{ id: string }>(await get("/api/v1/shifts/current?tillId=T1", ann));
    expect(current).toEqual({ status: 200, body: expect.objectContaining({ id: shift.body.id }) });
    const locked = await json<{ error: { code: string } }>(
      await post("/api/v1/sessions", { tillId: "T2", pin: "1111" }, null),
    );
    expect(locked.status).toBe(403);
    expect(locked.body.error.code).toBe("PIN_LOCKED");

    const z = await json<{
      zNumber: number;
      overShort: Record<string, number>;
      expected: Record<string, number>;
    }>(await post(`/api/v1/shifts/${shift.body.id}/close`, { counted: { cash: 5275 } }, ann));
    expect(z.status).toBe(200);
    expect(z.body).toMatchObject({ zNumber: 1, expected: { cash: 5275 }, overShort: { cash: 0 } });

    expect(await store.stop("SIGTERM")).toBe(0);
    await store.restart();

    const stored = await json<unknown>(await get(`/api/v1/shifts/${shift.body.id}/z-report`, ann));
    expect(stored).toEqual({ status: 200, body: z.body });
    const reclose = await json<{ error: { code: string } }>(
      await post(`/api/v1/shifts/${shift.body.id}/close`, { counted: { cash: 1 } }, ann),
    );
    expect(reclose.status).toBe(409);
    expect(reclose.body.error.code).toBe("SHIFT_CLOSED");
    const next = await json<{ id: string }>(
      await post("/api/v1/shifts", { tillId: "T1", floatMinor: 0 }, ann),
    );
    const z2 = await json<{ zNumber: number }>(
      await post(`/api/v1/shifts/${next.body.id}/close`, { counted: { cash: 0 } }, ann),
    );
    expect(z2.body.zNumber).toBe(2);
    const verify = await json<{ ok: boolean }>(await get("/api/v1/journal/verify"));
    expect(verify).toEqual({ status: 200, body: expect.objectContaining({ ok: true }) });
  }, 60_000);
});
