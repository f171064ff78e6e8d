/**
 * The chain's customers report equals the same figures worked out from the detail rows (sales,
 * voids, returns) for ranges that start and end on any day and for any stores: a customer who
 * bought at two stores counts once, one whose only sale of the range was voided or who only
 * returned goods there is not active but their returns count in the range's net, and new is
 * against the whole chain's orders whatever the stores asked; both engines' forms of the query
 * give it. It reads the range's customer days once, with no figures added up per customer, and
 * each store's day of customer orders is kept like the other summaries.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { customersSql } from "../../src/hq/analytics/queries.ts";
import { ensureSummaries, rebuildSummaries } from "../../src/hq/analytics/rebuild.ts";
import { ChainAnalyticsService } from "../../src/hq/analytics/service.ts";
import { postgresDialect, sqliteDialect } from "../../src/hq/db/dialect.ts";
import { EventIngestor } from "../../src/hq/ingest/index.ts";
import { openTestHqContext } from "../support/hq-app.ts";
import { CustomerJournal, insertStores } from "../support/hq-customer-journal.ts";

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-customers-report-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
  insertStores(ctx.sqlite, ["S1", "S2", "S3"]);
  const journal = new CustomerJournal(
    new EventIngestor(ctx.sqlite, () => new Date("2026-03-20T00:00:00.000Z")),
  );
  await journal.send([
    { sale: "a1", storeId: "S1", day: "2026-01-05", customerId: "cu-a" },
    { sale: "a2", storeId: "S1", day: "2026-03-03", customerId: "cu-a" },
    { sale: "a3", storeId: "S2", day: "2026-03-04", customerId: "cu-a" },
    { sale: "a4", storeId: "S2", day: "2026-03-04", customerId: "cu-a" },
    { sale: "b1", storeId: "S2", day: "2026-03-02", customerId: "cu-b" },
    { sale: "b2", storeId: "S3", day: "2026-03-06", customerId: "cu-b" },
    { sale: "v1", storeId: "S3", day: "2026-02-01", customerId: "cu-v" },
    { sale: "v2", storeId: "S3", day: "2026-03-03", customerId: "cu-v" },
    { void: "v2" },
    { sale: "r1", storeId: "S1", day: "2026-02-20", customerId: "cu-r" },
    { return: "r1", day: "2026-03-03" },
    { sale: "x1", storeId: "S1", day: "2026-03-05", customerId: "cu-x" },
    { return: "x1", day: "2026-03-05" },
    { sale: "n1", storeId: "S2", day: "2026-03-09", customerId: "cu-n" },
  ]);
  // A void in a later batch, of one of two sales on that customer's day at that store.
  await journal.send([{ void: "a3" }, { sale: "n2", storeId: "S1", day: "2026-03-10", customerId: "cu-n" }]);
});
afterAll(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Doc {
  storeId: string;
  day: string;
  customerId: string;
  net: number;
  kind: "sale" | "return";
}

/** Every sale left (voided ones apart) and every return with a customer, from the detail rows. */
function docs(): Doc[] {
  return ctx.sqlite
    .query<Doc, []>(
      `SELECT store_id AS storeId, day, customer_id AS customerId, total_minor - tax_minor AS net,
         'sale' AS kind FROM hq_sales WHERE customer_id IS NOT NULL AND status = 'completed'
       UNION ALL
       SELECT store_id AS storeId, day, customer_id AS customerId, total_minor - tax_minor AS net,
         'return' AS kind FROM hq_returns WHERE customer_id IS NOT NULL`,
    )
    .all();
}

/** The report's figures worked out from the detail rows. */
function fromDetail(from: string, to: string, stores: string[] | null) {
  const all = docs();
  const signed = (d: Doc) => (d.kind === "sale" ? d.net : -d.net);
  const inRange = all.filter((d) => d.day >= from && d.day <= to && (stores?.includes(d.storeId) ?? true));
  const sales = inRange.filter((d) => d.kind === "sale");
  const active = new Set(sales.map((d) => d.customerId));
  const first = new Map<string, string>();
  for (const d of all) {
    if (d.kind === "sale" && (first.get(d.customerId) ?? "9999") > d.day) first.set(d.customerId, d.day);
  }
  const lifetime = all.filter((d) => active.has(d.customerId));
  const lifetimeOrders = lifetime.filter((d) => d.kind === "sale").length;
  const lifetimeNet = lifetime.reduce((s, d) => s + signed(d), 0);
  const net = inRange.reduce((s, d) => s + signed(d), 0);
  const newCustomers = [...active].filter((c) => (first.get(c) as string) >= from).length;
  const per = (x: number, n: number) => (n === 0 ? 0 : Math.round(x / n));
  return {
    from,
    to,
    stores,
    customers: active.size,
    orders: sales.length,
    netMinor: net,
    averageOrderMinor: per(net, sales.length),
    newCustomers,
    returningCustomers: active.size - newCustomers,
    lifetime: {
      orders: lifetimeOrders,
      netMinor: lifetimeNet,
      averageValueMinor: per(lifetimeNet, active.size),
      averageOrders: active.size === 0 ? 0 : Math.round((lifetimeOrders / active.size) * 100) / 100,
    },
  };
}

const report = (from: string, to: string, stores: string[] | null, dialect = ctx.dialect) =>
  new ChainAnalyticsService(ctx.sqlite, dialect).customers({ from, to, ...(stores ? { stores } : {}) });

describe("the customers report", () => {
  test("counts each customer who bought once, at two stores or on two days", () => {
    expect(report("2026-03-02", "2026-03-04", null)).toMatchObject({
      // cu-a (S1 and S2), cu-b; not cu-v (voided) nor cu-r (a return only).
      customers: 2,
      orders: 3,
      newCustomers: 1,
      returningCustomers: 1,
    });
  });

  test("equals the detail rows for any range and any stores, voids and returns included", () => {
    const ranges = [
      ["2026-03-02", "2026-03-04"],
      ["2026-03-03", "2026-03-05"],
      ["2026-03-04", "2026-03-04"],
      ["2026-02-25", "2026-03-09"],
      ["2026-01-01", "2026-03-31"],
      ["2027-01-01", "2027-01-05"],
    ] as const;
    const storeSets = [null, ["S1"], ["S2", "S3"], ["S3"], []];
    for (const [from, to] of ranges) {
      for (const stores of storeSets) {
        const label = `${from}…${to} at ${stores === null ? "the chain" : stores.join(",") || "no store"}`;
        // Each engine's form on this engine, and the other engine's form too: both are the report.
        for (const dialect of [sqliteDialect, postgresDialect]) {
          expect(report(from, to, stores, dialect), `${label}, ${dialect.name}'s form`).toEqual(
            fromDetail(from, to, stores),
          );
        }
      }
    }
  });

  test("PostgreSQL matches the range's customers to their lifetime by a semi-join, SQLite by their key", () => {
    // Measured at 200 stores: PostgreSQL hashes a month's customers once and reads the lifetime
    // rows against them in about half the time of grouping them first; SQLite's set for `IN`
    // cost it more than grouping the customers (a sort) and looking each lifetime row up by key.
    expect(customersSql(null, postgresDialect.customersInRange)).toMatch(/customer_id IN \(\s*SELECT/);
    expect(customersSql(null, sqliteDialect.customersInRange)).toMatch(/GROUP BY customer_id\) a JOIN/);
  });

  test("reads the range's customer days once, adding up no figures per customer", () => {
    // Grouping a month of a chain's customer days per customer with their figures, then joining
    // each group to its lifetime, was the report's whole cost at 200 stores. Read from SQLite's
    // plan: PostgreSQL's planner chooses by table sizes a test does not have.
    if (ctx.dialect.name === "postgres") return;
    for (const stores of [null, 2]) {
      const plan = ctx.sqlite
        .query<{ detail: string }, []>(`EXPLAIN QUERY PLAN ${customersSql(stores, "grouped")}`)
        .all()
        .map((r) => r.detail)
        .join("\n");
      expect(plan).toMatch(
        /SEARCH l USING INDEX sqlite_autoindex_hq_sum_customer_lifetimes_1 \(customer_id=\?\)/,
      );
      expect(plan).not.toMatch(/SCAN hq_sum_customers\b/);
      // The range's orders and net come from each store's day, not from its customer days again.
      expect(plan.match(/hq_sum_customers\b/g)).toHaveLength(1);
      expect(plan).toMatch(/SEARCH hq_sum_customer_totals/);
      // A few stores' customer days are read store by store, not every store's days of the range.
      if (stores !== null) expect(plan).not.toMatch(/hq_sum_customers USING (\w+ )?INDEX \S+ \(day/);
    }
  });

  test("each store's day of customer orders is kept by ingest, by a rebuild, and filled in once at start", () => {
    const totals = () =>
      ctx.sqlite
        .query("SELECT * FROM hq_sum_customer_totals ORDER BY day, store_id")
        .all()
        .map((r) => JSON.stringify(r));
    const kept = totals();
    expect(kept.length).toBeGreaterThan(0);
    rebuildSummaries(ctx.sqlite, new Date("2026-03-20T00:00:00.000Z"));
    expect(totals()).toEqual(kept);
    // What the upgrade that added them leaves: the table empty, the other summaries built.
    ctx.sqlite.run("DELETE FROM hq_sum_customer_totals");
    ctx.sqlite.run("DELETE FROM hq_sum_state WHERE id = 'customer-totals'");
    const logs: string[] = [];
    ensureSummaries(ctx.sqlite, new Date("2026-03-20T00:00:00.000Z"), (l) => logs.push(l));
    expect(totals()).toEqual(kept);
    expect(logs.join("\n")).toContain("customer orders");
    expect(report("2026-02-25", "2026-03-09", ["S1", "S3"])).toEqual(
      fromDetail("2026-02-25", "2026-03-09", ["S1", "S3"]),
    );
    // Once filled, a start leaves them alone.
    ctx.sqlite.run("UPDATE hq_sum_customer_totals SET orders_count = 99");
    ensureSummaries(ctx.sqlite, new Date("2026-03-20T00:00:00.000Z"), () => undefined);
    expect(totals()).not.toEqual(kept);
  });
});
