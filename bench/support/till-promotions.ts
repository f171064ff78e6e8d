/**
 * Scan to line on the compiled till, in one run, without promotions and with 10,000 in force
 * (`support/promotions.ts`, and one on the scanned apples, so every scan prices the growing sale
 * with a live promotion): a real store, a till logged in to it in a pseudo-terminal, 1,000 scans
 * into one sale typed key by key, timed from the Enter to the new line on the terminal. The
 * promotions are written into the store's own database (as 10,000 `POST /promotions` would
 * leave them), then one more is defined through the API, which makes the store read them all
 * and the tills sync them.
 */
import { Database } from "bun:sqlite";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TILL_DB_FILE } from "../../src/till/data/db.ts";
import { seedProducts, startStore } from "../../test/support/store-process.ts";
import { type BenchResult, summarise } from "../harness.ts";
import { benchPromotions } from "./promotions.ts";
import { type DriverResult, runDriver } from "./pty-driver.ts";
import { openShift, twoProductScans } from "./till-shop.ts";

const SCANS = 1_000;
/** The first scans after the log-in, reported apart (the runtime still compiling the till's code). */
const EARLY = 200;
export const NO_PROMOTIONS = "till binary: scan to line, no promotions";
export const WITH_PROMOTIONS = "till binary: scan to line, 10,000 promotions in force";

async function scans(binary: string, storeUrl: string, tillId: string): Promise<DriverResult> {
  const data = await mkdtemp(join(tmpdir(), "ringup-bench-till-promotions-"));
  try {
    const steps = twoProductScans(join(data, TILL_DB_FILE), SCANS);
    const command = [binary, "till", "--server", storeUrl, "--till-id", tillId, "--data", data];
    return await runDriver({ command, steps });
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

function rows(name: string, run: DriverResult): [BenchResult, BenchResult] {
  const warm = run.samples.slice(EARLY);
  const cold = run.samples.slice(0, EARLY);
  const share = (n: number) => (run.wallMs * n) / Math.max(1, run.samples.length);
  // The till's CPU per scan over the whole run: what the machine's load hardly moves.
  const cpu = run.cpu ? { mainCpuMs: run.cpu.mainMsPerSample, processCpuMs: run.cpu.processMsPerSample } : {};
  return [
    { ...summarise(name, warm, share(warm.length)), extra: cpu },
    summarise(`${name}, first ${EARLY}`, cold, share(cold.length)),
  ];
}

/** Both runs on one store: [no promotions warm, cold, with promotions warm, cold]. */
export async function tillScanWithPromotions(binary: string): Promise<BenchResult[]> {
  const store = await startStore();
  try {
    await seedProducts(store, [
      { code: "BENCH1", name: "Bench apples", priceMinor: 199, department: "D8" },
      { code: "BENCH2", name: "Bench bread", priceMinor: 250 },
    ]);
    const cashier = await store.api("/api/v1/users", {
      method: "POST",
      body: JSON.stringify({ name: "Bench", role: "cashier", pin: "1234" }),
    });
    if (!cashier.ok) throw new Error(`bench: adding the cashier failed: ${await cashier.text()}`);
    await openShift(store, ["T1", "T2"]);
    const without = rows(NO_PROMOTIONS, await scans(binary, store.url, "T1"));

    const db = new Database(join(store.dataDir, "store.db"));
    try {
      db.exec("PRAGMA busy_timeout = 10000");
      const insert = db.prepare(
        "INSERT INTO promotions (id, source, body, active, updated_at) VALUES (?, 'store', ?, 1, ?)",
      );
      const at = new Date().toISOString();
      db.transaction(() => {
        for (const p of benchPromotions(10_000)) insert.run(p.id, JSON.stringify(p), at);
      })();
    } finally {
      db.close();
    }
    const deal = await store.api("/api/v1/promotions", {
      method: "POST",
      body: JSON.stringify({
        id: "bench-apples",
        name: "Apples 10 % off",
        reward: { kind: "percent", percent: 10, products: ["BENCH1"] },
      }),
    });
    if (!deal.ok) throw new Error(`bench: defining the promotion failed: ${await deal.text()}`);
    const withPromotions = rows(WITH_PROMOTIONS, await scans(binary, store.url, "T2"));
    return [...without, ...withPromotions];
  } finally {
    await store[Symbol.asyncDispose]();
  }
}
