/**
 * `ringup hq --database URL`: head office on PostgreSQL (a real server) keeps its data there
 * across restarts and its files under --data; `sqlite:PATH` puts the SQLite file elsewhere; a
 * bad URL or a server that cannot be reached stops the start with a clear message.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hqDatabaseTarget } from "../../src/hq/db/database-url.ts";
import { startHq } from "../support/hq-process.ts";
import { testPostgres } from "../support/postgres.ts";
import { runRingup } from "../support/ringup-cli.ts";

const pg = testPostgres();
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  pg.stop();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "ringup-hq-database-"));
  dirs.push(dir);
  return dir;
}

describe("--database", () => {
  test("names SQLite or PostgreSQL; without it hq.db under --data", () => {
    expect(hqDatabaseTarget("/d", undefined)).toEqual({ kind: "sqlite", path: "/d/hq.db" });
    expect(hqDatabaseTarget("/d", "sqlite:/srv/hq.db")).toEqual({ kind: "sqlite", path: "/srv/hq.db" });
    expect(hqDatabaseTarget("/d", "postgresql://u@h/db")).toEqual({
      kind: "postgres",
      url: "postgresql://u@h/db",
    });
    expect(() => hqDatabaseTarget("/d", "mysql://u@h/db")).toThrow(/give sqlite:PATH or postgres:\/\//);
  });

  test("head office on PostgreSQL keeps its data there across a restart, its files under --data", async () => {
    const database = pg.createDatabase();
    try {
      const data = dataDir();
      await using hq = await startHq({ dataDir: data, args: ["--database", database.url] });
      const created = await hq.api("/api/v1/stores", {
        method: "POST",
        body: JSON.stringify({ storeId: "S1", name: "Main St", timeZone: "Europe/Paris", currency: "EUR" }),
      });
      expect(created.status).toBe(201);
      await hq.restart();
      const stores = await hq.json<{ stores: { storeId: string }[] }>("/api/v1/stores");
      expect(stores.stores.map((s) => s.storeId)).toEqual(["S1"]);
      expect(existsSync(join(data, "hq.db"))).toBe(false);
      expect(existsSync(join(data, "pin.key"))).toBe(true);
      expect(existsSync(join(data, "nats-accounts.conf"))).toBe(true);
      await hq.stop();
    } finally {
      database.drop();
    }
  });

  test("sqlite:PATH keeps the database at that path", async () => {
    const data = dataDir();
    const file = join(dataDir(), "elsewhere.db");
    await using hq = await startHq({ dataDir: data, args: ["--database", `sqlite:${file}`] });
    expect((await hq.api("/health")).status).toBe(200);
    await hq.stop();
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(data, "hq.db"))).toBe(false);
  });

  test("a bad URL or a server that cannot be reached stops the start, saying why", async () => {
    const bad = await runRingup(["hq", "--data", dataDir(), "--port", "0", "--database", "mysql://u@h/db"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr + bad.stdout).toContain("give sqlite:PATH or postgres://");
    const gone = await runRingup([
      "hq",
      "--data",
      dataDir(),
      "--port",
      "0",
      "--database",
      "postgres://postgres@127.0.0.1:1/none",
    ]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr + gone.stdout).toContain("the PostgreSQL server cannot be reached");
  });
});
