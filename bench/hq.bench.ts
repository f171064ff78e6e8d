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
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StoreEvent, sealEvent } from "../src/core/events.ts";
import { uuidv7 } from "../src/core/ids.ts";
import { ChainAnalyticsService } from "../src/hq/analytics/service.ts";
import type { HqContext } from "../src/hq/context.ts";
import { EventIngestor } from "../src/hq/ingest/index.ts";
import { openHq } from "../src/hq/open.ts";
import { salePayload } from "../test/support/replication-journal.ts";
import { type BenchCase, type BenchResult, type BenchSuite, summarise } from "./harness.ts";
import { coreposAvailable, loadCoreposMonth } from "./support/corepos-month.ts";

const STORES = Number(process.env.RINGUP_BENCH_HQ_STORES ?? 20);
const DAYS = Number(process.env.RINGUP_BENCH_HQ_DAYS ?? 365);
const FIRST_DAY = Date.parse("2025-01-01T00:00:00Z");
const INGEST_STORES = 20;
const INGEST_PER_STORE = 1_000;
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

/** Writes the chain's summaries, day by day in key order; answers the sale lines they stand for. */
function build(ctx: HqContext, days: DayTemplate[]): number {
  const q = (sql: string) => ctx.sqlite.query(sql);
  const product = q(`INSERT INTO hq_sum_products VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7, 0, ?8, ?9)`);
  const group = q(`INSERT INTO hq_sum_groups VALUES (?1, ?2, 'department', ?3, ?4, ?5, 0, ?6, 0)
    ON CONFLICT DO UPDATE SET qty_milli = qty_milli + excluded.qty_milli, net_minor = net_minor + excluded.net_minor,
      cost_minor = cost_minor + excluded.cost_minor`);
  const chainProduct = q("INSERT INTO hq_sum_chain_products VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, 0, ?7, ?8)");
  const lifetime = q("INSERT INTO hq_sum_customer_lifetimes VALUES (?1, ?2, ?3)");
  const lifetimes = new Map<string, { orders: number; net: number }>();
  const hour = q("INSERT INTO hq_sum_hours VALUES (?1, ?2, ?3, ?4, 0, ?5, 0, ?5)");
  const cashier = q("INSERT INTO hq_sum_cashiers VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0, 0)");
  const customer = q("INSERT INTO hq_sum_customers VALUES (?1, ?2, ?3, ?4, 0, ?5)");
  const store = q(
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
      for (let s = 0; s < STORES; s++) {
        const t = days[(d + s * 7) % days.length] as DayTemplate;
        const storeId = storeOf(s);
        lines += t.lines;
        for (const [code, p] of t.products) {
          product.run(
            day,
            storeId,
            code,
            p.name,
            p.department,
            p.qty,
            p.net,
            p.cost,
            p.cost === 0 ? p.net : 0,
          );
          group.run(day, storeId, p.department, p.qty, p.net, p.cost);
          const c = chain.get(code) ?? { ...p, qty: 0, net: 0, cost: 0 };
          chain.set(code, { ...c, qty: c.qty + p.qty, net: c.net + p.net, cost: c.cost + p.cost });
        }
        for (const [h, x] of t.hours) hour.run(day, storeId, h, x.sales, x.net);
        for (const [id, x] of t.cashiers) cashier.run(day, storeId, id, x.sales, x.net);
        for (const [k, x] of t.customers) {
          const id = `${storeId}-${k}`;
          customer.run(day, storeId, id, x.orders, x.net);
          const l = lifetimes.get(id) ?? { orders: 0, net: 0 };
          lifetimes.set(id, { orders: l.orders + x.orders, net: l.net + x.net });
        }
      }
      for (const [code, p] of chain) {
        chainProduct.run(day, code, p.name, p.department, p.qty, p.net, p.cost, p.cost === 0 ? p.net : 0);
      }
    })();
    if (d % 30 === 29) process.stderr.write(`bench: hq: built ${d + 1}/${DAYS} days\n`);
  }
  ctx.sqlite.transaction(() => {
    for (const [id, l] of lifetimes) lifetime.run(id, l.orders, l.net);
  })();
  ctx.sqlite.run("INSERT INTO hq_sum_state VALUES ('sales', '2025-01-01T00:00:00.000Z', 0, 0)");
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

async function ingest(dirs: string[]): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-hq-ingest-"));
  dirs.push(dir);
  const ctx = openHq(dir, { log: () => undefined });
  const journals: StoreEvent[][] = [];
  for (let s = 0; s < INGEST_STORES; s++) {
    const storeId = `I${String(s + 1).padStart(2, "0")}`;
    const events: StoreEvent[] = [];
    let prevHash: string | null = null;
    for (let n = 0; n < INGEST_PER_STORE; n++) {
      const at = new Date(Date.parse("2026-03-02T09:00:00Z") + n * 20_000).toISOString();
      const payload = { ...salePayload(storeId, n, at), customerId: n % 3 === 0 ? `cu-${n % 500}` : null };
      const event: StoreEvent = await sealEvent({
        id: uuidv7(),
        storeId,
        seq: n + 1,
        type: "sale.completed",
        version: 1,
        at,
        payload,
        prevHash,
      });
      events.push(event);
      prevHash = event.hash;
    }
    journals.push(events);
  }
  const encoder = new TextEncoder();
  const messages =
    journals[0]?.flatMap((_, n) =>
      journals.map((j) => {
        const e = j[n] as StoreEvent;
        return { subject: `ringup.v1.store.${e.storeId}.${e.type}`, data: encoder.encode(JSON.stringify(e)) };
      }),
    ) ?? [];
  const ingestor = new EventIngestor(ctx.sqlite, () => new Date());
  const start = performance.now();
  for (let i = 0; i < messages.length; i += 1_000) ingestor.ingest(messages.slice(i, i + 1_000));
  const wallMs = performance.now() - start;
  ctx.sqlite.close();
  return {
    name: `ingest: ${INGEST_STORES} stores × ${INGEST_PER_STORE} sales, summaries included`,
    ops: messages.length,
    opsPerSec: messages.length / (wallMs / 1000),
    meanMs: wallMs / messages.length,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    extra: { seconds: wallMs / 1000 },
    goal: "≥ 5,000 events/s",
  };
}

export default async function hqBench(): Promise<BenchSuite> {
  const dirs: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-hq-"));
  dirs.push(dir);
  const days = await templates();
  const t0 = performance.now();
  let lines = 0;
  {
    const ctx = openHq(dir, { log: () => undefined });
    lines = build(ctx, days);
    ctx.sqlite.close();
  }
  const buildMs = performance.now() - t0;
  process.stderr.write(
    `bench: hq: ${STORES} stores × ${DAYS} days, ${lines} sale lines summarised in ${(buildMs / 1000).toFixed(0)} s\n`,
  );
  const cases: BenchCase[] = [
    {
      name: `build: ${STORES} stores × ${DAYS} days (${(lines / 1e6).toFixed(1)}M lines)`,
      measure: async () => ({
        name: "build",
        ops: lines,
        opsPerSec: lines / (buildMs / 1000),
        meanMs: buildMs / lines,
        p50Ms: Number.NaN,
        p99Ms: Number.NaN,
        extra: { seconds: buildMs / 1000, stores: STORES, days: DAYS },
      }),
    },
  ];
  for (const [name, query] of queries()) {
    cases.push({
      name: `${name}, cold`,
      measure: async () => {
        const ctx = openHq(dir, { log: () => undefined });
        try {
          return timed(`${name}, cold`, () => query(new ChainAnalyticsService(ctx.sqlite), 0), 1, "< 1 s");
        } finally {
          ctx.sqlite.close();
        }
      },
    });
    cases.push({
      name: `${name}, warm`,
      measure: async () => {
        const ctx = openHq(dir, { log: () => undefined });
        try {
          const analytics = new ChainAnalyticsService(ctx.sqlite);
          query(analytics, 0);
          let k = 1;
          return timed(`${name}, warm`, () => query(analytics, k++), WARM_CALLS, "p99 < 1 s");
        } finally {
          ctx.sqlite.close();
        }
      },
    });
  }
  cases.push({ name: "ingest", measure: () => ingest(dirs) });
  return {
    cases,
    teardown: async () => {
      for (const d of dirs) await rm(d, { recursive: true, force: true });
    },
  };
}
