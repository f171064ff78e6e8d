/**
 * Chain analytics at scale, on SQLite (head office's embedded database):
 *
 * - Build: a synthetic chain of RINGUP_BENCH_HQ_STORES stores (default 50) × RINGUP_BENCH_HQ_DAYS
 *   days (default 365) from the CORE-POS sample month: each store's day is one of the month's
 *   days (rotated per store), its sales' lines priced from the sample catalog, a customer on one
 *   sale in three, an hour of the day from the transaction number. What goes into the summary
 *   tables is what ingest would have added for those lines (written directly: building tens of
 *   millions of detail rows does not fit in minutes here); the reports read only the summaries.
 * - Reports: each `/reports/chain/…` query as the service answers it, over 30 days of the whole
 *   chain and over 7 days of 5 stores, the window moving each call. Cold is the first call on a
 *   newly opened database (SQLite's page cache empty; the OS's file cache is not dropped), warm
 *   the calls after.
 * - Ingest: head office's ingestor (the code the NATS consumer calls, summaries included) on a
 *   fresh database, 20 stores' hash-chained journals of 1,000 sales each interleaved in batches
 *   of 1,000 messages as the consumer hands them over. `bench replication` measures the same
 *   ingest behind a real nats-server and real store relays.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson, envelopeJson, type StoreEvent } from "../src/core/events.ts";
import { ensureSummaries } from "../src/hq/analytics/rebuild.ts";
import { ChainAnalyticsService } from "../src/hq/analytics/service.ts";
import type { HqContext } from "../src/hq/context.ts";
import { EventIngestor } from "../src/hq/ingest/index.ts";
import { openHq } from "../src/hq/open.ts";
import { sealedSales } from "../test/support/replication-journal.ts";
import { type BenchCase, type BenchResult, type BenchSuite, summarise } from "./harness.ts";
import { coreposAvailable, loadCoreposMonth } from "./support/corepos-month.ts";
import { BenchPostgres, countPgStatements, type HqEngine, hqEngines } from "./support/hq-engines.ts";

const STORES = Number(process.env.RINGUP_BENCH_HQ_STORES ?? 20);
const DAYS = Number(process.env.RINGUP_BENCH_HQ_DAYS ?? 365);
const FIRST_DAY = Date.parse("2025-01-01T00:00:00Z");
const INGEST_STORES = 20;
const INGEST_PER_STORE = Number(process.env.RINGUP_BENCH_HQ_INGEST_SALES ?? 1_000);
const WARM_CALLS = 30;

const dayOf = (i: number) => new Date(FIRST_DAY + i * 86_400_000).toISOString().slice(0, 10);
const storeOf = (i: number) => `B${String(i + 1).padStart(3, "0")}`;

/** One day of one store, summed as the summary tables keep it. */
interface DayTemplate {
  lines: number;
  products: Map<string, { name: string; department: string; qty: number; net: number; cost: number }>;
  hours: Map<number, { sales: number; net: number }>;
  cashiers: Map<string, { sales: number; net: number }>;
  /** Customers by their place in the store's pool, with orders and net. */
  customers: Map<number, { orders: number; net: number }>;
}

async function templates(): Promise<DayTemplate[]> {
  if (!coreposAvailable())
    throw new Error("bench hq needs the CORE-POS sample month (../shared/data/corepos)");
  const month = await loadCoreposMonth();
  const catalog = new Map(month.products.map((p) => [p.code, p]));
  const byDay = new Map<string, DayTemplate>();
  month.sales.forEach((sale, n) => {
    const [date = "", , , trans = "0"] = sale.key.split("/");
    const t = byDay.get(date) ?? {
      lines: 0,
      products: new Map(),
      hours: new Map(),
      cashiers: new Map(),
      customers: new Map(),
    };
    byDay.set(date, t);
    let saleNet = 0;
    for (const line of sale.lines) {
      const p = catalog.get(line.code);
      const qty = Math.round(Number(line.qty) * 1000) || 1000;
      const price = line.unitPriceMinor ?? p?.priceMinor ?? 0;
      const net = Math.round((price * qty) / 1000);
      const row = t.products.get(line.code) ?? {
        name: p?.name ?? line.code,
        department: p?.department ?? "",
        qty: 0,
        net: 0,
        cost: 0,
      };
      row.qty += qty;
      row.net += net;
      row.cost += p?.costMinor == null ? 0 : Math.round((p.costMinor * qty) / 1000);
      t.products.set(line.code, row);
      saleNet += net;
      t.lines++;
    }
    const hour = 8 + (Number(trans) % 12);
    const h = t.hours.get(hour) ?? { sales: 0, net: 0 };
    t.hours.set(hour, { sales: h.sales + 1, net: h.net + saleNet });
    const c = t.cashiers.get(sale.cashierId) ?? { sales: 0, net: 0 };
    t.cashiers.set(sale.cashierId, { sales: c.sales + 1, net: c.net + saleNet });
    if (n % 3 === 0) {
      const k = (n * 7_919) % 20_000;
      const cu = t.customers.get(k) ?? { orders: 0, net: 0 };
      t.customers.set(k, { orders: cu.orders + 1, net: cu.net + saleNet });
    }
  });
  return [...byDay.values()];
}

/**
 * Rows for one table, written as multi-row INSERTs of up to `rows` rows: one statement per
 * row would measure PostgreSQL's round trip, not the reports (the build is set-up, not a figure).
 */
function batched(ctx: HqContext, table: string, columns: number) {
  const rows = Math.floor(30_000 / columns);
  const tuple = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  const full = ctx.sqlite.query(
    `INSERT INTO ${table} VALUES ${Array.from({ length: rows }, () => tuple).join(", ")}`,
  );
  let pending: unknown[] = [];
  const flush = () => {
    const count = pending.length / columns;
    if (count === rows) full.run(...(pending as never[]));
    else if (count > 0)
      ctx.sqlite
        .prepare(`INSERT INTO ${table} VALUES ${Array.from({ length: count }, () => tuple).join(", ")}`)
        .run(...(pending as never[]));
    pending = [];
  };
  return {
    add: (...values: unknown[]) => {
      pending.push(...values);
      if (pending.length === rows * columns) flush();
    },
    flush,
  };
}

/** A product summary row from its code on: name, department, category, qty, net, tax, cost, uncosted net. */
function productSummary(
  code: string,
  p: { name: string; department: string; qty: number; net: number; cost: number },
): unknown[] {
  return [code, p.name, p.department, "", p.qty, p.net, 0, p.cost, p.cost === 0 ? p.net : 0];
}

/** Writes the chain's summaries, day by day in key order; answers the sale lines they stand for. */
function build(ctx: HqContext, days: DayTemplate[]): number {
  const product = batched(ctx, "hq_sum_products", 11);
  const group = batched(ctx, "hq_sum_groups", 9);
  const chainProduct = batched(ctx, "hq_sum_chain_products", 10);
  const chainGroup = batched(ctx, "hq_sum_chain_groups", 8);
  const lifetime = batched(ctx, "hq_sum_customer_lifetimes", 4);
  const hour = batched(ctx, "hq_sum_hours", 8);
  const cashier = batched(ctx, "hq_sum_cashiers", 9);
  const customer = batched(ctx, "hq_sum_customers", 6);
  const customerTotal = batched(ctx, "hq_sum_customer_totals", 5);
  const all = [product, group, chainProduct, chainGroup, hour, cashier, customer, customerTotal];
  const lifetimes = new Map<string, { orders: number; net: number; first: string }>();
  const store = ctx.sqlite.query(
    `INSERT INTO stores (store_id, name, time_zone, currency, nats_user, nats_password_hash, created_at, updated_at)
     VALUES (?1, ?1, 'UTC', 'USD', ?1, '-', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  for (let s = 0; s < STORES; s++) store.run(storeOf(s));
  let lines = 0;
  for (let d = 0; d < DAYS; d++) {
    const day = dayOf(d);
    ctx.sqlite.transaction(() => {
      const chain = new Map<
        string,
        { name: string; department: string; qty: number; net: number; cost: number }
      >();
      const chainDepartments = new Map<string, { qty: number; net: number; cost: number }>();
      for (let s = 0; s < STORES; s++) {
        const t = days[(d + s * 7) % days.length] as DayTemplate;
        const storeId = storeOf(s);
        lines += t.lines;
        const departments = new Map<string, { qty: number; net: number; cost: number }>();
        for (const [code, p] of t.products) {
          product.add(day, storeId, ...productSummary(code, p));
          const g = departments.get(p.department) ?? { qty: 0, net: 0, cost: 0 };
          departments.set(p.department, { qty: g.qty + p.qty, net: g.net + p.net, cost: g.cost + p.cost });
          const c = chain.get(code) ?? { ...p, qty: 0, net: 0, cost: 0 };
          chain.set(code, { ...c, qty: c.qty + p.qty, net: c.net + p.net, cost: c.cost + p.cost });
        }
        for (const [dep, g] of departments) {
          group.add(day, storeId, "department", dep, g.qty, g.net, 0, g.cost, 0);
          const c = chainDepartments.get(dep) ?? { qty: 0, net: 0, cost: 0 };
          chainDepartments.set(dep, { qty: c.qty + g.qty, net: c.net + g.net, cost: c.cost + g.cost });
        }
        for (const [h, x] of t.hours) hour.add(day, storeId, h, x.sales, 0, x.net, 0, x.net);
        for (const [id, x] of t.cashiers) cashier.add(day, storeId, id, x.sales, x.net, 0, 0, 0, 0);
        const totals = { orders: 0, net: 0 };
        for (const [k, x] of t.customers) {
          const id = `${storeId}-${k}`;
          customer.add(day, storeId, id, x.orders, 0, x.net);
          totals.orders += x.orders;
          totals.net += x.net;
          // Days are built in order: a customer's first day is the first one seen.
          const l = lifetimes.get(id) ?? { orders: 0, net: 0, first: day };
          lifetimes.set(id, { orders: l.orders + x.orders, net: l.net + x.net, first: l.first });
        }
        if (t.customers.size > 0) customerTotal.add(day, storeId, totals.orders, 0, totals.net);
      }
      for (const [code, p] of chain) {
        chainProduct.add(day, ...productSummary(code, p));
      }
      for (const [dep, g] of chainDepartments)
        chainGroup.add(day, "department", dep, g.qty, g.net, 0, g.cost, 0);
      for (const sink of all) sink.flush();
    })();
    if (d % 30 === 29) process.stderr.write(`bench: hq: built ${d + 1}/${DAYS} days\n`);
  }
  ctx.sqlite.transaction(() => {
    for (const [id, l] of lifetimes) lifetime.add(id, l.orders, l.net, l.first);
    lifetime.flush();
  })();
  ctx.sqlite.run(`INSERT INTO hq_sum_state VALUES ('sales', '2025-01-01T00:00:00.000Z', 0, 0),
    ('customer-first-days', '2025-01-01T00:00:00.000Z', 0, 0),
    ('customer-totals', '2025-01-01T00:00:00.000Z', 0, 0),
    ('chain-groups', '2025-01-01T00:00:00.000Z', 0, 0)`);
  ctx.sqlite.run("ANALYZE");
  return lines;
}

type Query = (a: ChainAnalyticsService, k: number) => unknown;

/** The report calls, each given a call number that moves its window. */
function queries(): [string, Query][] {
  const range = (k: number, span: number) => {
    const start = (k * 37) % (DAYS - span);
    return { from: dayOf(start), to: dayOf(start + span - 1) };
  };
  const few = (k: number) => Array.from({ length: 5 }, (_, i) => storeOf((k * 5 + i * 11) % STORES));
  const chain = (k: number) => range(k, 30);
  const some = (k: number) => ({ ...range(k, 7), stores: few(k) });
  return [
    ["daily, 30 days, chain", (a, k) => a.daily(chain(k))],
    ["daily, 7 days, 5 stores", (a, k) => a.daily(some(k))],
    ["top 10 products, 30 days, chain", (a, k) => a.products({ ...chain(k), sort: "net", limit: 10 })],
    [
      "profit per product, 7 days, 5 stores",
      (a, k) => a.products({ ...some(k), sort: "margin", limit: 1000 }),
    ],
    ["departments, 30 days, chain", (a, k) => a.departments(chain(k))],
    ["hours, 30 days, chain", (a, k) => a.hours(chain(k))],
    ["cashiers, 30 days, chain", (a, k) => a.cashiers(chain(k))],
    ["customers and lifetime, 30 days, chain", (a, k) => a.customers(chain(k))],
    ["customers and lifetime, 7 days, 5 stores", (a, k) => a.customers(some(k))],
  ];
}

function timed(name: string, run: () => void, calls: number, goal?: string): BenchResult {
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return { ...summarise(name, samples, performance.now() - start), ...(goal ? { goal } : {}) };
}

/** 20 stores' hash-chained journals, interleaved as the consumer hands them over. */
async function ingestMessages(): Promise<{ subject: string; data: Uint8Array }[]> {
  const journals: StoreEvent[][] = [];
  for (let s = 0; s < INGEST_STORES; s++) {
    const storeId = `I${String(s + 1).padStart(2, "0")}`;
    journals.push(
      await sealedSales(storeId, INGEST_PER_STORE, 20_000, (payload, n) => ({
        ...payload,
        customerId: n % 3 === 0 ? `cu-${n % 500}` : null,
      })),
    );
  }
  const encoder = new TextEncoder();
  return (
    journals[0]?.flatMap((_, n) =>
      journals.map((j) => {
        const e = j[n] as StoreEvent;
        // On the wire as a store's outbox relay sends it: the canonical JSON of the envelope.
        const wire = envelopeJson(e, canonicalJson(e.payload), e.hash);
        return { subject: `ringup.v1.store.${e.storeId}.${e.type}`, data: encoder.encode(wire) };
      }),
    ) ?? []
  );
}

function ingest(
  engine: HqEngine,
  open: () => HqContext,
  messages: { subject: string; data: Uint8Array }[],
  serverCpuMs: () => number | null,
): BenchResult {
  const ctx = open();
  const ingestor = new EventIngestor(ctx.sqlite, () => new Date());
  const start = performance.now();
  const serverBefore = serverCpuMs();
  const cpuBefore = process.cpuUsage();
  const { statements, waitMs } = countPgStatements(() => {
    for (let i = 0; i < messages.length; i += 1_000) ingestor.ingest(messages.slice(i, i + 1_000));
  });
  const cpu = process.cpuUsage(cpuBefore);
  const serverAfter = serverCpuMs();
  const wallMs = performance.now() - start;
  ctx.sqlite.close();
  return {
    name: `${engine}: ingest: ${INGEST_STORES} stores × ${INGEST_PER_STORE} sales, summaries included`,
    ops: messages.length,
    opsPerSec: messages.length / (wallMs / 1000),
    meanMs: wallMs / messages.length,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    extra: {
      seconds: wallMs / 1000,
      // The process's CPU (every thread: on PostgreSQL its connection's worker too), not the server's.
      cpuUsPerEvent: (cpu.user + cpu.system) / messages.length,
      ...(engine === "postgres"
        ? {
            // The server's processes (a cluster the bench started), counted from /proc.
            ...(serverBefore !== null && serverAfter !== null
              ? { serverCpuUsPerEvent: ((serverAfter - serverBefore) * 1000) / messages.length }
              : {}),
            statementsPerEvent: statements / messages.length,
            msPerStatement: waitMs / Math.max(1, statements),
            waitShare: waitMs / wallMs,
          }
        : {}),
    },
    goal: "≥ 5,000 events/s",
  };
}

/** Builds the chain now (set-up, timed) and answers the case that reports it. */
function buildCase(engine: HqEngine, run: () => number): BenchCase {
  const t0 = performance.now();
  const lines = run();
  const buildMs = performance.now() - t0;
  process.stderr.write(
    `bench: hq: ${engine}: ${STORES} stores × ${DAYS} days, ${lines} sale lines summarised in ${(buildMs / 1000).toFixed(0)} s\n`,
  );
  return {
    name: `${engine}: build: ${STORES} stores × ${DAYS} days (${(lines / 1e6).toFixed(1)}M lines)`,
    measure: async () => ({
      name: `${engine}: build`,
      ops: lines,
      opsPerSec: lines / (buildMs / 1000),
      meanMs: buildMs / lines,
      p50Ms: Number.NaN,
      p99Ms: Number.NaN,
      extra: { seconds: buildMs / 1000, stores: STORES, days: DAYS },
    }),
  };
}

/**
 * The build, report and ingest cases of one engine; `fresh` answers a new empty database (or
 * the one named). On PostgreSQL RINGUP_BENCH_HQ_REUSE names a chain a run kept
 * (RINGUP_BENCH_HQ_KEEP): the reports run on it, without a build, after its migrations and
 * what head office does to its summaries at start.
 */
function engineCases(
  engine: HqEngine,
  days: DayTemplate[],
  fresh: (database?: string) => { dir: string; database?: string },
  messages: { subject: string; data: Uint8Array }[],
  serverCpuMs: () => number | null,
): BenchCase[] {
  const open = (db: { dir: string; database?: string }) =>
    openHq(db.dir, { log: () => undefined, ...(db.database ? { database: db.database } : {}) });
  const reused = engine === "postgres" ? process.env.RINGUP_BENCH_HQ_REUSE : undefined;
  const chainDb = fresh(reused);
  if (reused) {
    // What a head office does at start: a chain kept by an older run gets what its summaries lack.
    const ctx = open(chainDb);
    try {
      ensureSummaries(ctx.sqlite, new Date(), (line) => process.stderr.write(`bench: hq: ${line}\n`));
    } finally {
      ctx.sqlite.close();
    }
  }
  const cases: BenchCase[] = reused
    ? []
    : [
        buildCase(engine, () => {
          const ctx = open(chainDb);
          try {
            return build(ctx, days);
          } finally {
            ctx.sqlite.close();
          }
        }),
      ];
  for (const [query, ask] of queries()) {
    const name = `${engine}: ${query}`;
    cases.push({
      name: `${name}, cold`,
      measure: async () => {
        const ctx = open(chainDb);
        try {
          return timed(
            `${name}, cold`,
            () => ask(new ChainAnalyticsService(ctx.sqlite, ctx.dialect), 0),
            1,
            "< 1 s",
          );
        } finally {
          ctx.sqlite.close();
        }
      },
    });
    cases.push({
      name: `${name}, warm`,
      measure: async () => {
        const ctx = open(chainDb);
        try {
          const analytics = new ChainAnalyticsService(ctx.sqlite, ctx.dialect);
          ask(analytics, 0);
          let k = 1;
          return timed(`${name}, warm`, () => ask(analytics, k++), WARM_CALLS, "p99 < 1 s");
        } finally {
          ctx.sqlite.close();
        }
      },
    });
  }
  cases.push(ingestCase(engine, fresh, messages, serverCpuMs));
  return cases;
}

/** Ingest of the same events into a new empty database of one engine. */
function ingestCase(
  engine: HqEngine,
  fresh: (database?: string) => { dir: string; database?: string },
  messages: { subject: string; data: Uint8Array }[],
  serverCpuMs: () => number | null,
): BenchCase {
  return {
    name: `${engine}: ingest`,
    measure: async () => {
      const db = fresh();
      const open = () =>
        openHq(db.dir, { log: () => undefined, ...(db.database ? { database: db.database } : {}) });
      return ingest(engine, open, messages, serverCpuMs);
    },
  };
}

export default async function hqBench(): Promise<BenchSuite> {
  const dirs: string[] = [];
  let postgres: BenchPostgres | null = null;
  const teardown = async () => {
    postgres?.stop();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  };
  try {
    const days = await templates();
    const messages = await ingestMessages();
    const cases: BenchCase[] = [];
    const engines = hqEngines();
    const freshOf = (engine: HqEngine) => (database?: string) => {
      const dir = mkdtempSync(join(tmpdir(), "ringup-bench-hq-"));
      dirs.push(dir);
      if (engine === "sqlite") return { dir };
      if (database !== undefined) return { dir, database };
      postgres ??= new BenchPostgres();
      return { dir, database: postgres.createDatabase() };
    };
    for (const engine of engines) {
      const serverCpuMs = () => (engine === "postgres" ? (postgres?.serverCpuMs() ?? null) : null);
      cases.push(...engineCases(engine, days, freshOf(engine), messages, serverCpuMs));
    }
    // The comparison: ingest on the embedded default in the same run as a chain on
    // PostgreSQL (its ingest only: a chain of that size is not built on SQLite).
    if (!engines.includes("sqlite"))
      cases.push(ingestCase("sqlite", freshOf("sqlite"), messages, () => null));
    return { cases, teardown };
  } catch (err) {
    await teardown();
    throw err;
  }
}
