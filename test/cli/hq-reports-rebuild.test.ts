/**
 * Summaries of a head office database from before they existed: `ringup hq reports rebuild`
 * builds them from the detail rows with progress, and a real head office started on such a
 * database builds them once before it serves, answering the reports ingest would have.
 */

import { Database } from "bun:sqlite";
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SUMMARY_TABLES } from "../../src/hq/analytics/rebuild.ts";
import { openHq } from "../../src/hq/open.ts";
import { startHq } from "../support/hq-process.ts";
import { ingestSampleChain } from "../support/hq-sample-chain.ts";
import { runRingup } from "../support/ringup-cli.ts";

setDefaultTimeout(60_000);

const TABLES = SUMMARY_TABLES;
let dir = "";
let kept: Record<string, unknown[]> = {};

function dump(db: Database): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLES.map((t) => [
      t,
      db
        .query(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

/** Takes the summaries away, as a database from before they existed had none. */
function forget(): void {
  const db = new Database(join(dir, "hq.db"));
  for (const t of [...TABLES, "hq_sum_state"]) db.run(`DELETE FROM ${t}`);
  db.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-hq-rebuild-"));
  const ctx = openHq(dir, { log: () => undefined });
  await ingestSampleChain(ctx);
  kept = dump(ctx.sqlite);
  ctx.sqlite.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("rebuild builds the summaries from the detail rows, with progress", async () => {
  forget();
  const run = await runRingup(["hq", "reports", "rebuild", "--data", dir]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(/summaries: \d+\/\d+ documents/);
  expect(run.stdout).toMatch(/rebuilt the report summaries from \d+ sales and \d+ returns/);
  const db = new Database(join(dir, "hq.db"), { readonly: true });
  expect(dump(db)).toEqual(kept);
  db.close();
});

test("a head office started on a database without summaries builds them before it serves", async () => {
  forget();
  await using hq = await startHq({ dataDir: dir });
  expect(hq.output).toMatch(/summaries built from \d+ sales and \d+ returns/);
  const res = await hq.api("/api/v1/reports/chain/daily?from=2026-03-02&to=2026-03-02");
  expect(res.status).toBe(200);
  const body = (await res.json()) as { days: { salesCount: number }[] };
  expect(body.days[0]?.salesCount).toBeGreaterThan(0);
});

test("rebuild refuses a directory without a head office database and creates nothing", async () => {
  const missing = join(dir, "nowhere");
  const run = await runRingup(["hq", "reports", "rebuild", "--data", missing]);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain("no head office database");
  expect(existsSync(missing)).toBe(false);
  const none = await runRingup(["hq", "reports", "rebuild"]);
  expect(none.code).not.toBe(0);
  expect(none.stderr).toContain("--data");
});
