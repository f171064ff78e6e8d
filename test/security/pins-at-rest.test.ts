/**
 * A copied store database gives nothing that checks a PIN guess faster than argon2id: PINs are
 * argon2id hashes, and the only fast material (each user's HMAC tag) is keyed with `pin.key`,
 * which is not in the database. The database, its WAL and shared-memory files and the key file
 * are readable by their owner only. Against a real `ringup store` process.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StoreProcess, startStore } from "../support/store-process.ts";
import { callJson, modeOf } from "./http.ts";

const PINS = { Ann: "1234", Bob: "4821", Meg: "9075" } as const;
const ARGON2ID = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

let store: StoreProcess;
let copyDir: string;

beforeAll(async () => {
  store = await startStore();
  copyDir = await mkdtemp(join(tmpdir(), "ringup-stolen-"));
  for (const [name, pin] of Object.entries(PINS)) {
    const role = name === "Meg" ? "manager" : "cashier";
    const made = await callJson(store.url, "POST", "/api/v1/users", { name, role, pin }, store.token);
    expect(made.status).toBe(201);
    const login = await callJson(store.url, "POST", "/api/v1/sessions", { tillId: "T1", pin }, null);
    expect(login.status).toBe(201);
  }
});
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  await rm(copyDir, { recursive: true, force: true });
});

/** Every text value of every table of a database file. */
function everyText(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name);
    return tables.flatMap((table) =>
      db
        .query<Record<string, unknown>, []>(`SELECT * FROM "${table}"`)
        .all()
        .flatMap((row) => Object.values(row).filter((v): v is string => typeof v === "string")),
    );
  } finally {
    db.close();
  }
}

/** The 4-digit PINs whose HMAC under `key` is one of `tags`. */
function bruteForce(key: Uint8Array | string, tags: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (let n = 0; n < 10_000; n++) {
    const pin = String(n).padStart(4, "0");
    if (tags.has(createHmac("sha256", key).update(pin).digest("hex"))) found.push(pin);
  }
  return found;
}

describe("PINs at rest", () => {
  test("the database, its WAL and shared memory, and the PIN key are mode 0600", async () => {
    for (const file of ["store.db", "store.db-wal", "store.db-shm", "pin.key"]) {
      const path = join(store.dataDir, file);
      if (file === "store.db-wal" || file === "store.db-shm") {
        if (!existsSync(path)) continue;
      }
      expect({ file, mode: (await modeOf(path)).toString(8) }).toEqual({ file, mode: "600" });
    }
  });

  test("a copy of the database alone holds only argon2id hashes and tags whose key is absent", async () => {
    // The store keeps running: copy what a thief would, the database file alone, after a checkpoint.
    const reader = new Database(join(store.dataDir, "store.db"));
    reader.exec("PRAGMA wal_checkpoint(FULL)");
    reader.close();
    const stolen = join(copyDir, "store.db");
    await copyFile(join(store.dataDir, "store.db"), stolen);

    const db = new Database(stolen, { readonly: true });
    const users = db
      .query<{ pinHash: string; pinTag: string }, []>(
        "SELECT pin_hash AS pinHash, pin_tag AS pinTag FROM users",
      )
      .all();
    const secret = db.query("SELECT value FROM meta WHERE key LIKE '%pin%'").all();
    db.close();
    expect(users).toHaveLength(3);
    for (const u of users) {
      expect(u.pinHash).toMatch(ARGON2ID);
      expect(u.pinTag).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(secret).toEqual([]);

    const texts = everyText(stolen);
    for (const pin of Object.values(PINS)) expect(texts.filter((t) => t === pin)).toEqual([]);
    // Try every value in the file as the tags' key, over every 4-digit PIN: none finds a PIN.
    const tags = new Set(users.map((u) => u.pinTag));
    const keys = [...new Set(texts.filter((t) => t.length >= 16 && t.length <= 128))];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(bruteForce(key, tags)).toEqual([]);
      if (/^[0-9a-f]{64}$/.test(key)) expect(bruteForce(Buffer.from(key, "hex"), tags)).toEqual([]);
    }
    // The key file is what the tags need: with it, they would fall in a moment.
    const key = Buffer.from((await readFile(join(store.dataDir, "pin.key"), "utf8")).trim(), "hex");
    expect(bruteForce(key, tags).sort()).toEqual(Object.values(PINS).sort());
  });
});
