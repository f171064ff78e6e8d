/**
 * The store's database file settings: durable commits (WAL, synchronous=FULL) and the journal
 * read through a memory map, which must read exactly what page-by-page reads do.
 */

import { Database } from "bun:sqlite";
import { afterAll, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeSettingsSchema } from "../../src/core/settings.ts";
import { openStore } from "../../src/store-server/open.ts";
import { fillJournal, storeDbPath } from "../support/replication-journal.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function pragma(db: Database, name: string): unknown {
  const row = db.query<Record<string, unknown>, []>(`PRAGMA ${name}`).get();
  return row ? Object.values(row)[0] : undefined;
}

test("the store database commits durably and maps the file for reading", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ringup-store-db-"));
  dirs.push(dir);
  const ctx = fillJournal(dir, "S1", 600);
  try {
    expect(pragma(ctx.sqlite, "journal_mode")).toBe("wal");
    expect(pragma(ctx.sqlite, "mmap_size")).toBe(256 * 1024 * 1024);
    const query = "SELECT seq, id, payload, hash FROM events ORDER BY seq";
    const mapped = ctx.sqlite.query(query).all();
    expect(mapped).toHaveLength(600);
    // Another connection without the map, reading page by page, sees the same journal.
    const plain = new Database(storeDbPath(dir), { readonly: true });
    try {
      expect(pragma(plain, "mmap_size")).toBe(0);
      expect(plain.query(query).all()).toEqual(mapped);
    } finally {
      plain.close();
    }
  } finally {
    ctx.sqlite.close();
  }
});

test("a store opened without options commits with synchronous=FULL", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ringup-store-db-"));
  dirs.push(dir);
  const ctx = openStore(dir, "S2", storeSettingsSchema.parse({}));
  try {
    expect(pragma(ctx.sqlite, "synchronous")).toBe(2);
    expect(pragma(ctx.sqlite, "mmap_size")).toBe(256 * 1024 * 1024);
  } finally {
    ctx.sqlite.close();
  }
});
