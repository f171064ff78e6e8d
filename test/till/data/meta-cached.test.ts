/**
 * The till's meta values the screen reads with every frame (the store's id) come from memory,
 * and a write of the key is seen at once.
 */
import { expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MetaStore, openTillDatabase } from "../../../src/till/data/db.ts";

test("a cached value is read once, and a write or a delete of its key is seen at once", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ringup-meta-cached-"));
  const database = openTillDatabase(dir);
  try {
    const meta = new MetaStore(database.db);
    expect(meta.cached("storeId")).toBeNull();
    meta.set("storeId", "S1");
    expect(meta.cached("storeId")).toBe("S1");
    // Only the till writes its file: a value changed behind its back shows once the till writes the key.
    database.sqlite.run("UPDATE meta SET value = 'elsewhere' WHERE key = 'storeId'");
    expect(meta.cached("storeId")).toBe("S1");
    expect(meta.get("storeId")).toBe("elsewhere");
    meta.set("storeId", "S2");
    expect(meta.cached("storeId")).toBe("S2");
    meta.delete("storeId");
    expect(meta.cached("storeId")).toBeNull();
  } finally {
    database.sqlite.close();
    await rm(dir, { recursive: true, force: true });
  }
});
