/**
 * Store server sale throughput against a real `ringup store` process on loopback:
 * - baseline: the same rows a 3-line cash sale writes, raw bun:sqlite, WAL + synchronous=FULL;
 * - POST /api/v1/sales with 3-line cash sales, one client at a time and 8 clients at once;
 * - replay of one month of a real CORE-POS lane (sample data; skipped when it is missing);
 * - the server's own CPU cost per sale, without sockets or fsync: the store app in-process
 *   (`app.handle`) on WAL + synchronous=NORMAL, against raw SQLite with the same setting.
 * The ratio of the sequential HTTP case is its mean time per sale over the baseline's.
 */

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rungDocumentOf } from "../src/core/as-rung.ts";
import { uuidv7 } from "../src/core/ids.ts";
import { priceBasket } from "../src/core/pricing.ts";
import { storeSettingsSchema } from "../src/core/settings.ts";
import { createStoreApp } from "../src/store-server/app.ts";
import { saveToken } from "../src/store-server/auth/tokens.ts";
import { openStore } from "../src/store-server/open.ts";
import {
  type ProductSeed,
  type StoreProcess,
  seedProducts,
  startStore,
} from "../test/support/store-process.ts";
import { withTestTaxClasses } from "../test/support/tax-classes.ts";
import { type BenchCase, type BenchResult, type BenchSuite, summarise } from "./harness.ts";
import { COREPOS_DIR, coreposAvailable, loadCoreposMonth } from "./support/corepos-month.ts";
import { openRawSaleWriter } from "./support/raw-sale-writer.ts";

const SEQUENTIAL_SALES = 1_500;
const CONCURRENT_SALES = 3_000;
const CLIENTS = 8;
const WARMUP_SALES = 150;

const BASELINE = "baseline: bun:sqlite 3-line sale tx, WAL+FULL";
const SEQUENTIAL = "store: POST /sales, 3 lines, 1 client";
const CONCURRENT = `store: POST /sales, 3 lines, ${CLIENTS} clients`;
const REPLAY = "store: replay CORE-POS month, 1 lane";
const BASELINE_NORMAL = "baseline: bun:sqlite 3-line sale tx, WAL+NORMAL";
const IN_PROCESS = "store: sale via app.handle in-process, WAL+NORMAL";
const ADMIN_TOKEN = "bench-admin-token-0123456789";

const PRODUCTS: ProductSeed[] = Array.from({ length: 50 }, (_, i) => ({
  code: String(1000 + i),
  name: `Bench product ${i}`,
  priceMinor: 99 + i * 37,
  taxClass: i % 3 === 0 ? null : "1",
}));

type SaleBody = Record<string, unknown> & { id: string; tillId: string };
/** A sale as a till sends it: its JSON text made on the till (here: before the clock starts). */
interface SentSale {
  id: string;
  tillId: string;
  json: string;
}
const sent = (body: SaleBody): SentSale => ({ id: body.id, tillId: body.tillId, json: JSON.stringify(body) });

const SETTINGS = storeSettingsSchema.parse(withTestTaxClasses());
const RATES = new Map(SETTINGS.taxClasses.map((t) => [t.id, t.rate]));

let saleCounter = 0;
/**
 * A till's completed 3-line cash sale as it travels to the store: the document as rung (the
 * till's own pricing, line by line, with its tax rates and totals), which the store checks.
 */
function threeLineSale(tillId: string): SaleBody {
  const n = saleCounter++;
  const pick = (k: number) => PRODUCTS[(n * 7 + k * 13) % PRODUCTS.length] ?? (PRODUCTS[0] as ProductSeed);
  const quote = priceBasket(
    {
      lines: [0, 1, 2].map((k) => {
        const p = pick(k);
        return {
          code: p.code,
          name: p.name,
          qtyMilli: (((n + k) % 3) + 1) * 1000,
          unitPriceMinor: p.priceMinor,
          taxClass: p.taxClass ?? null,
        };
      }),
    },
    SETTINGS,
  );
  return {
    asRung: true,
    id: uuidv7(),
    tillId,
    at: new Date().toISOString(),
    ...rungDocumentOf(quote, RATES),
    tenders: [{ type: "cash", amountMinor: 100_000 }],
  };
}

/** Session tokens of a cashier logged in at each till (sales are sent as tills send them). */
const sessions = new Map<string, string>();

async function logIn(store: StoreProcess, tillIds: readonly string[]): Promise<void> {
  const user = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Bench cashier", role: "cashier", pin: "4321" }),
  });
  if (user.status !== 201) throw new Error(`adding the bench cashier failed: ${await user.text()}`);
  for (const tillId of tillIds) {
    const res = await fetch(`${store.url}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tillId, pin: "4321" }),
    });
    if (res.status !== 201) throw new Error(`log-in at ${tillId} failed: ${await res.text()}`);
    sessions.set(tillId, ((await res.json()) as { token: string }).token);
  }
}

/** Posts one sale; answers the response text, throwing unless the store recorded it. */
async function postSale(store: StoreProcess, sale: SaleBody | SentSale): Promise<string> {
  const body = "json" in sale && typeof sale.json === "string" ? (sale as SentSale) : sent(sale as SaleBody);
  const token = sessions.get(body.tillId);
  const res = await store.api("/api/v1/sales", {
    method: "POST",
    body: body.json,
    ...(token ? { headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } } : {}),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`sale ${body.id} answered ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

/** Resident memory of a process in MB (Linux), or undefined where /proc is not readable. */
function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function withRss(result: BenchResult, store: StoreProcess, extra: Record<string, number> = {}): BenchResult {
  const rss = rssMb(store.proc.pid);
  return { ...result, extra: { ...extra, ...(rss === undefined ? {} : { serverRssMb: rss }) } };
}

/** Runs `count` sales over `clients` concurrent connections; one latency sample per sale. */
async function runSales(
  store: StoreProcess,
  count: number,
  clients: number,
  next: (i: number, client: number) => SaleBody | SentSale,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  let issued = 0;
  const start = Bun.nanoseconds();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (issued < count) {
        const body = next(issued++, client);
        const t0 = Bun.nanoseconds();
        await postSale(store, body);
        samples.push((Bun.nanoseconds() - t0) / 1e6);
      }
    }),
  );
  return { samples, wallMs: (Bun.nanoseconds() - start) / 1e6 };
}

function replayCase(stores: StoreProcess[]): BenchCase {
  return {
    name: REPLAY,
    goal: "≥ 1,000 sales/s",
    measure: async () => {
      const t0 = Bun.nanoseconds();
      const month = await loadCoreposMonth();
      const loadMs = (Bun.nanoseconds() - t0) / 1e6;

      const store = await startStore();
      stores.push(store);
      const t1 = Bun.nanoseconds();
      const res = await store.api("/api/v1/products/bulk", {
        method: "POST",
        body: JSON.stringify({ products: month.products.map(({ line: _line, ...p }) => p), strict: true }),
      });
      if (!res.ok)
        throw new Error(`importing the CORE-POS catalog failed: ${res.status} ${await res.text()}`);
      const importMs = (Bun.nanoseconds() - t1) / 1e6;

      const { samples, wallMs } = await runSales(store, month.sales.length, 1, (i) => {
        const sale = month.sales[i];
        if (!sale) throw new Error(`no replay sale ${i}`);
        return {
          id: uuidv7(),
          tillId: sale.tillId,
          cashierId: sale.cashierId,
          lines: sale.lines,
          tenders: [{ type: "cash", amountMinor: sale.cashMinor }],
        };
      });
      const result = withRss(summarise(REPLAY, samples, wallMs), store, {
        sales: month.sales.length,
        lines: month.stats.itemRows,
        products: month.products.length,
        totalMs: wallMs,
        importMs,
        loadMs,
      });
      await store.stop();
      return result;
    },
  };
}

/**
 * The store app in the bench process on its own data dir with synchronous=NORMAL: what the
 * server's code costs per sale (validation, pricing, SQL, journal) with sockets and fsync
 * taken out.
 */
async function inProcessStore(): Promise<{
  post: (body: SaleBody) => Promise<void>;
  close: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-inproc-"));
  const ctx = openStore(dir, "S1", storeSettingsSchema.parse(withTestTaxClasses()), {
    synchronous: "NORMAL",
  });
  saveToken(ctx.db, ADMIN_TOKEN, "admin", new Date());
  const app = createStoreApp(ctx);
  const call = async (path: string, body: unknown, expected: number, token: string | null = ADMIN_TOKEN) => {
    const res = await app.handle(
      new Request(`http://127.0.0.1:7070${path}`, {
        method: "POST",
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      }),
    );
    const text = await res.text();
    if (res.status !== expected) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 500)}`);
    return text;
  };
  await call("/api/v1/products/bulk", { products: PRODUCTS, strict: true }, 200);
  await call("/api/v1/users", { name: "Bench cashier", role: "cashier", pin: "4321" }, 201);
  const session = JSON.parse(await call("/api/v1/sessions", { tillId: "T9", pin: "4321" }, 201, null)) as {
    token: string;
  };
  return {
    post: async (body) => {
      await call("/api/v1/sales", body, 201, session.token);
    },
    close: async () => {
      ctx.sqlite.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export default async function storeBench(): Promise<BenchSuite> {
  const stores: StoreProcess[] = [];
  const closers: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const close of closers) await close();
    for (const store of stores) await store[Symbol.asyncDispose]();
  };
  try {
    const store = await startStore();
    stores.push(store);
    await seedProducts(store, PRODUCTS);
    await logIn(store, ["W1", ...Array.from({ length: CLIENTS }, (_, i) => `T${i + 1}`)]);
    let responseJson = "";
    // Cold: the first sales a store answers after it started (nothing compiled yet), as the first
    // customers of the morning see them; reported beside the warm figures.
    const cold: number[] = [];
    for (let i = 0; i < WARMUP_SALES; i++) {
      const body = sent(threeLineSale("W1"));
      const t0 = Bun.nanoseconds();
      responseJson = await postSale(store, body);
      if (i < 10) cold.push((Bun.nanoseconds() - t0) / 1e6);
    }
    const coldExtra = {
      coldFirstSaleMs: cold[0] ?? 0,
      coldFirst10MeanMs: cold.reduce((a, b) => a + b, 0) / cold.length,
    };
    const recorded = JSON.parse(responseJson) as { lines: { code: string }[] };
    const codes = recorded.lines.map((l) => l.code);
    const template = {
      codes: [codes[0] ?? "1000", codes[1] ?? "1001", codes[2] ?? "1002"] as const,
      responseJson,
    };
    const raw = await openRawSaleWriter(template, "FULL");
    closers.push(raw.close);
    const rawNormal = await openRawSaleWriter(template, "NORMAL");
    closers.push(rawNormal.close);
    const inProcess = await inProcessStore();
    closers.push(inProcess.close);

    const cases: BenchCase[] = [
      { name: BASELINE, iterations: SEQUENTIAL_SALES, run: () => raw.writeSale() },
      {
        name: SEQUENTIAL,
        baseline: BASELINE,
        goal: "≥ 1,000 sales/s, p99 < 10 ms, ≤ 3x raw SQLite",
        measure: async () => {
          // The tills' documents are made before the clock starts: tills are machines of their own.
          const bodies = Array.from({ length: SEQUENTIAL_SALES }, () => threeLineSale("T1"));
          const { samples, wallMs } = await runSales(
            store,
            SEQUENTIAL_SALES,
            1,
            (i) => bodies[i] as SaleBody,
          );
          return withRss(summarise(SEQUENTIAL, samples, wallMs), store, coldExtra);
        },
      },
      {
        name: CONCURRENT,
        goal: "≥ 1,000 sales/s, p99 < 10 ms",
        measure: async () => {
          const bodies = Array.from({ length: CONCURRENT_SALES }, (_, i) =>
            threeLineSale(`T${(i % CLIENTS) + 1}`),
          );
          const { samples, wallMs } = await runSales(
            store,
            CONCURRENT_SALES,
            CLIENTS,
            (i) => bodies[i] as SaleBody,
          );
          return withRss(summarise(CONCURRENT, samples, wallMs), store);
        },
      },
      { name: BASELINE_NORMAL, iterations: SEQUENTIAL_SALES, run: () => rawNormal.writeSale() },
      {
        name: IN_PROCESS,
        baseline: BASELINE_NORMAL,
        iterations: SEQUENTIAL_SALES,
        run: () => inProcess.post(threeLineSale("T9")),
      },
    ];
    if (coreposAvailable()) {
      cases.push(replayCase(stores));
    } else {
      process.stderr.write(
        `bench: store.bench.ts: skipping "${REPLAY}": the CORE-POS sample data is not in ${COREPOS_DIR} (set RINGUP_COREPOS_DIR)\n`,
      );
    }
    return { cases, teardown };
  } catch (err) {
    await teardown();
    throw err;
  }
}
