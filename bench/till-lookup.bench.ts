/**
 * Scan-to-line latency of the till's data layer: `TillServices.lookup` on its own SQLite file.
 *
 * - CORE-POS: the real co-op catalog imported into a real store process and synced into a till
 *   (measured, with how long a scan waits behind the sync's writes meanwhile), then every item line of the month's real
 *   transactions scanned as a scanner would send it: UPC-A / EAN-13 with check digit, PLUs as
 *   typed, random-weight items as US price labels. Skipped when the sample data is missing.
 * - First sync: a real store process holding RINGUP_BENCH_TILL_SYNC_PRODUCTS synthetic products
 *   (default 200,000, each with an EAN-13), a brand-new till logging in and syncing them all,
 *   and meanwhile a scan every millisecond: how long a key press waits behind the sync (timer
 *   lateness plus the lookup itself), p50 / p99 / max.
 * - Synthetic: a catalog of RINGUP_BENCH_TILL_PRODUCTS products (default 1,000,000, each with an
 *   EAN-13) generated straight into a till SQLite file in one transaction, then EAN-13 scans and
 *   PLU-style product codes looked up at random, and a name search.
 * - Baseline for each: a raw bun:sqlite primary-key select on the same file.
 */
import type { Database } from "bun:sqlite";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendCheckDigit } from "../src/core/barcode.ts";
import { parseProducts } from "../src/store-server/imports/index.ts";
import { openTillDatabase } from "../src/till/data/db.ts";
import { createTillServices, type TillDataServices } from "../src/till/data/index.ts";
import { seedProducts } from "../test/support/store-process.ts";
import { type BenchCase, type BenchSuite, quantile, type TimedCase } from "./harness.ts";
import { COREPOS_DIR, coreposAvailable, loadCoreposMonth } from "./support/corepos-month.ts";
import { generateCatalog, NOWHERE, offline, syntheticName } from "./support/till-catalog.ts";
import { newTill, scanned, startShop } from "./support/till-shop.ts";

const GOAL = "scan p99 < 5 ms";
const SYNTHETIC_PRODUCTS = Number(process.env.RINGUP_BENCH_TILL_PRODUCTS ?? 1_000_000);
const SYNC_PRODUCTS = Number(process.env.RINGUP_BENCH_TILL_SYNC_PRODUCTS ?? 200_000);
const LOOKUPS = 50_000;
/** Results folded in here so the timed calls cannot be optimised away. */
let sink = 0;

function lookupCase(
  name: string,
  till: TillDataServices,
  codes: readonly string[],
  baseline: string,
): TimedCase {
  let i = 0;
  return {
    name,
    iterations: LOOKUPS,
    baseline,
    goal: GOAL,
    run: () => {
      const code = codes[i++ % codes.length] ?? "";
      sink += till.lookup(code).product.priceMinor;
    },
  };
}

function rawCase(name: string, sqlite: Database, codes: readonly string[]): TimedCase {
  const stmt = sqlite.prepare<{ price_minor: number }, [string]>("SELECT * FROM products WHERE code = ?");
  let i = 0;
  return {
    name,
    iterations: LOOKUPS,
    run: () => {
      sink += stmt.get(codes[i++ % codes.length] ?? "")?.price_minor ?? 0;
    },
  };
}

async function coreposCases(dirs: string[], closers: (() => Promise<void>)[]): Promise<BenchCase[]> {
  const tillDir = await mkdtemp(join(tmpdir(), "ringup-bench-till-"));
  dirs.push(tillDir);
  const store = await startShop(closers);
  const catalog = parseProducts(await Bun.file(join(COREPOS_DIR, "products.csv")).text(), "corepos", {
    currency: "USD",
  });
  const month = await loadCoreposMonth();
  await seedProducts(
    store,
    month.products.map(({ line: _l, ...p }) => p),
  );
  const till = await newTill(store, tillDir, closers);
  Bun.gc(true); // the month's parsing left garbage: collect it before measuring waits
  // Meanwhile a scan every millisecond: how long can a scan wait behind the sync's writes?
  const waits: number[] = [];
  let expected = performance.now() + 1;
  const probe = setInterval(() => {
    const t = performance.now();
    waits.push(Math.max(0, t - expected));
    try {
      till.lookup("4011");
    } catch {
      // Not synced yet: the wait is what counts.
    }
    expected = performance.now() + 1;
  }, 1);
  const t0 = Bun.nanoseconds();
  await till.login("1234");
  await till.syncNow();
  const syncMs = (Bun.nanoseconds() - t0) / 1e6;
  clearInterval(probe);
  waits.sort((a, b) => a - b);

  const withBarcode = new Set(month.products.filter((p) => p.barcodes?.length).map((p) => p.code));
  const scans = month.sales.flatMap((s) =>
    s.lines.map((l) => scanned(l.code, l.unitPriceMinor, withBarcode.has(l.code))),
  );
  const codes = month.products.map((p) => p.code);
  const { sqlite } = openTillDatabase(tillDir);
  closers.push(async () => sqlite.close());
  const synced = sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM products").get()?.n ?? 0;
  if (synced !== month.products.length) throw new Error(`synced ${synced} of ${month.products.length}`);
  return [
    {
      name: `till: first log-in + catalog sync, CORE-POS (${synced} products)`,
      measure: async () => ({
        name: "",
        ops: synced,
        opsPerSec: synced / (syncMs / 1000),
        meanMs: syncMs / synced,
        p50Ms: syncMs / synced,
        p99Ms: syncMs / synced,
        extra: {
          totalMs: syncMs,
          csvProducts: catalog.rows.length,
          scanWaitP99Ms: quantile(waits, 0.99),
          scanWaitMaxMs: waits.at(-1) ?? 0,
        },
      }),
    },
    rawCase("baseline: raw PK select, CORE-POS till file", sqlite, codes),
    lookupCase(
      `till: lookup, CORE-POS month's ${scans.length} scans`,
      till,
      scans,
      "baseline: raw PK select, CORE-POS till file",
    ),
  ];
}

/**
 * Scans every millisecond until `stop` settles: for each, how late the timer fired (the time a
 * key press waits for the event loop) plus the lookup itself, in ms.
 */
async function scanWhile(till: TillDataServices, code: string, stop: Promise<unknown>) {
  const answered: number[] = [];
  let expected = performance.now() + 1;
  const probe = setInterval(() => {
    const due = expected;
    try {
      sink += till.lookup(code).product.priceMinor;
    } catch {
      // Not synced yet: the wait is what counts.
    }
    const t = performance.now();
    answered.push(Math.max(0, t - due));
    expected = t + 1;
  }, 1);
  try {
    await stop;
  } finally {
    clearInterval(probe);
  }
  return answered.sort((a, b) => a - b);
}

/** A real store with `count` synthetic products, and a brand-new till's first log-in and sync. */
async function firstSyncCase(dirs: string[], closers: (() => Promise<void>)[]): Promise<BenchCase> {
  const store = await startShop(closers);
  for (let from = 1; from <= SYNC_PRODUCTS; from += 20_000) {
    const products = [];
    for (let i = from; i < Math.min(from + 20_000, SYNC_PRODUCTS + 1); i++) {
      products.push({
        code: `S${String(i).padStart(7, "0")}`,
        name: syntheticName(i),
        priceMinor: 50 + (i % 5000),
        barcodes: [appendCheckDigit(`41${String(i).padStart(10, "0")}`)],
      });
    }
    await seedProducts(store, products);
  }
  const tillDir = await mkdtemp(join(tmpdir(), "ringup-bench-till-sync-"));
  dirs.push(tillDir);
  const till = await newTill(store, tillDir, closers);
  Bun.gc(true);
  const t0 = Bun.nanoseconds();
  const answered = await scanWhile(
    till,
    "S0000001",
    till.login("1234").then(() => till.syncNow()),
  );
  const syncMs = (Bun.nanoseconds() - t0) / 1e6;
  const last = `S${String(SYNC_PRODUCTS).padStart(7, "0")}`;
  if (till.lookup(last).product.code !== last) throw new Error("the first sync did not bring every product");
  const n = SYNC_PRODUCTS.toLocaleString("en-US");
  return {
    name: `till: scan during first sync of ${n} products`,
    goal: "scan p99 < 5 ms",
    measure: async () => ({
      name: "",
      ops: answered.length,
      opsPerSec: answered.length / (syncMs / 1000),
      meanMs: answered.reduce((a, b) => a + b, 0) / answered.length,
      p50Ms: quantile(answered, 0.5),
      p99Ms: quantile(answered, 0.99),
      extra: {
        maxMs: answered.at(-1) ?? 0,
        syncMs,
        productsPerSec: SYNC_PRODUCTS / (syncMs / 1000),
      },
    }),
  };
}

async function syntheticCases(dirs: string[], closers: (() => Promise<void>)[]): Promise<BenchCase[]> {
  const tillDir = await mkdtemp(join(tmpdir(), "ringup-bench-till-1m-"));
  dirs.push(tillDir);
  const db = openTillDatabase(tillDir);
  const t0 = Bun.nanoseconds();
  const { eans, codes } = generateCatalog(db.sqlite, SYNTHETIC_PRODUCTS);
  const generateMs = (Bun.nanoseconds() - t0) / 1e6;
  const fileMb = (await stat(db.path)).size / 1024 / 1024;
  process.stderr.write(
    `bench: till-lookup: generated ${SYNTHETIC_PRODUCTS} products in ${Math.round(generateMs)} ms (${fileMb.toFixed(0)} MB)\n`,
  );
  closers.push(async () => db.sqlite.close());
  const till = await createTillServices({ server: NOWHERE, tillId: "T1", dataDir: tillDir, fetch: offline });
  closers.push(() => till.close());
  const n = SYNTHETIC_PRODUCTS.toLocaleString("en-US");
  const baseline = `baseline: raw PK select, ${n} products`;
  return [
    { ...rawCase(baseline, db.sqlite, codes) },
    lookupCase(`till: lookup EAN-13 scan, ${n} products`, till, eans, baseline),
    lookupCase(`till: lookup product code, ${n} products`, till, codes, baseline),
    {
      name: `till: name search "honey tea", ${n} products`,
      iterations: 200,
      run: () => {
        sink += till.search("honey tea", 20).length;
      },
    },
    {
      name: `till: generate ${n} products (one transaction)`,
      measure: async () => ({
        name: "",
        ops: SYNTHETIC_PRODUCTS,
        opsPerSec: SYNTHETIC_PRODUCTS / (generateMs / 1000),
        meanMs: generateMs / SYNTHETIC_PRODUCTS,
        p50Ms: generateMs / SYNTHETIC_PRODUCTS,
        p99Ms: generateMs / SYNTHETIC_PRODUCTS,
        extra: { totalMs: generateMs, fileMb, sink: sink % 10 },
      }),
    },
  ];
}

export default async function suite(): Promise<BenchSuite> {
  const dirs: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  const cases: BenchCase[] = [];
  if (coreposAvailable()) {
    cases.push(...(await coreposCases(dirs, closers)));
  } else {
    process.stderr.write(
      `bench: till-lookup.bench.ts: skipping the CORE-POS cases: the sample data is not in ${COREPOS_DIR} (set RINGUP_COREPOS_DIR)\n`,
    );
  }
  if (SYNC_PRODUCTS > 0) cases.push(await firstSyncCase(dirs, closers));
  if (SYNTHETIC_PRODUCTS > 0) cases.push(...(await syntheticCases(dirs, closers)));
  return {
    cases,
    teardown: async () => {
      for (const close of closers.reverse()) await close().catch(() => {});
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}
