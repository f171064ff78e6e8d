/**
 * A first catalog sync killed with SIGKILL part-way resumes where it stopped: the catalog seq
 * on disk always covers exactly the rows on disk, and the next sync brings the rest, each
 * product once, fetching nothing again from before the pointer.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { tillDbPath } from "../../../src/till/data/index.ts";
import { childEnv } from "../../support/store-process.ts";
import { CASHIER_PIN, type TillFixture, tillFixture, waitFor } from "./support/till-fixture.ts";

const COUNT = 10_000;
const code = (i: number) => `R${String(i).padStart(6, "0")}`;

describe("till catalog sync killed part-way", () => {
  let f: TillFixture;

  beforeAll(async () => {
    f = await tillFixture();
    for (let from = 1; from <= COUNT; from += 5_000) {
      const products = Array.from({ length: 5_000 }, (_, k) => ({
        code: code(from + k),
        name: `Resume item ${from + k}`,
        priceMinor: from + k,
      }));
      const res = await f.store.api("/api/v1/products/bulk", {
        method: "POST",
        body: JSON.stringify({ products, strict: true }),
      });
      expect(res.status).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
  });

  /** The till file's catalog seq and what it holds at and after it. */
  function onDisk(): { seq: number; upTo: number; after: number; total: number } {
    const db = new Database(tillDbPath(f.tillDir), { readonly: true, strict: true });
    try {
      const seq = Number(
        db.query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'catalogSeq'").get()?.value ?? 0,
      );
      const count = (where: string) =>
        db.query<{ n: number }, [number]>(`SELECT count(*) AS n FROM products WHERE ${where}`).get(seq)?.n ??
        0;
      return { seq, upTo: count("change_seq <= ?"), after: count("change_seq > ?"), total: count("? >= 0") };
    } finally {
      db.close();
    }
  }

  test("the pointer moves with the rows it covers, and the next sync brings exactly the rest", async () => {
    const child = Bun.spawn(
      ["bun", join(import.meta.dir, "support", "sync-child.ts"), f.server, f.tillDir, CASHIER_PIN],
      { env: childEnv(), stdout: "pipe", stderr: "inherit" },
    );
    try {
      // Kill it once part of the catalog is on disk (the store's seqs are 1..COUNT here).
      await waitFor(
        "part of the catalog on disk",
        () => {
          try {
            return onDisk().seq >= 1_000;
          } catch {
            return false; // the file is still being made
          }
        },
        30_000,
      );
      child.kill("SIGKILL");
      await child.exited;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    const killed = onDisk();
    expect(killed.seq).toBeLessThan(COUNT);
    expect(killed.upTo).toBe(killed.seq);
    expect(killed.after).toBe(0);

    const till = await f.openTill();
    await till.login(CASHIER_PIN);
    await till.syncNow();
    const synced = onDisk();
    expect(synced).toEqual({ seq: COUNT, upTo: COUNT, after: 0, total: COUNT });
    for (const i of [1, killed.seq, killed.seq + 1, COUNT]) {
      expect(till.lookup(code(i)).product.priceMinor).toBe(i);
    }
    const first = f.sent.find((s) => s.path === "/api/v1/products/changes");
    expect(Number(new URLSearchParams(first?.query).get("since"))).toBe(killed.seq);
    expect(till.search(`resume ${COUNT}`, 5).map((p) => p.code)).toEqual([code(COUNT)]);
  }, 60_000);
});
