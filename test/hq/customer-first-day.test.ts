/**
 * A customer's first day (their first order anywhere in the chain) is kept with their lifetime
 * summary by ingest and by a rebuild, and decides new against returning in the customers report:
 * a first order before the range is not new, one inside it is; a sale ingested late with an
 * earlier day moves the first day back; voiding the first order moves it forward. A database
 * from before the first day was kept gets it at start.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureSummaries, rebuildSummaries } from "../../src/hq/analytics/rebuild.ts";
import { ChainAnalyticsService } from "../../src/hq/analytics/service.ts";
import { EventIngestor } from "../../src/hq/ingest/index.ts";
import { openTestHqContext } from "../support/hq-app.ts";
import { CustomerJournal, insertStores, type JournalStep } from "../support/hq-customer-journal.ts";

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
let journal: CustomerJournal;
const send = (steps: JournalStep[]) => journal.send(steps);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ringup-first-day-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
  insertStores(ctx.sqlite, ["S1", "S2"]);
  journal = new CustomerJournal(new EventIngestor(ctx.sqlite, () => new Date("2026-03-20T00:00:00.000Z")));
});
afterAll(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

function firstDays(): Record<string, string | null> {
  return Object.fromEntries(
    ctx.sqlite
      .query<{ c: string; d: string | null }, []>(
        "SELECT customer_id AS c, first_day AS d FROM hq_sum_customer_lifetimes ORDER BY customer_id",
      )
      .all()
      .map((r) => [r.c, r.d]),
  );
}

/** New customers of a range as the report defined them: no order anywhere before the range. */
function newByScan(from: string, to: string, stores: string[] | null): number {
  const where = stores === null ? "" : `AND store_id IN (${stores.map((s) => `'${s}'`).join(", ")})`;
  return (
    ctx.sqlite
      .query<{ n: number }, [string, string]>(
        `SELECT count(*) AS n FROM (SELECT customer_id FROM hq_sum_customers
           WHERE day BETWEEN ?1 AND ?2 ${where} GROUP BY customer_id HAVING sum(orders_count) > 0) a
         WHERE NOT EXISTS (SELECT 1 FROM hq_sum_customers x
           WHERE x.customer_id = a.customer_id AND x.orders_count > 0 AND x.day < ?1)`,
      )
      .get(from, to)?.n ?? 0
  );
}

const report = (from: string, to: string, stores?: string[]) =>
  new ChainAnalyticsService(ctx.sqlite, ctx.dialect).customers({ from, to, ...(stores ? { stores } : {}) });

describe("a customer's first day", () => {
  test("is the day of their first order, and makes them new in a range that holds it", async () => {
    await send([
      { sale: "old-1", storeId: "S1", day: "2026-02-01", customerId: "cu-old" },
      { sale: "old-2", storeId: "S1", day: "2026-03-11", customerId: "cu-old" },
      { sale: "new-1", storeId: "S1", day: "2026-03-12", customerId: "cu-new" },
      { sale: "late-1", storeId: "S1", day: "2026-03-13", customerId: "cu-late" },
      // Voided in the batch it was sold in: the first day is the next order's.
      { sale: "void-1", storeId: "S1", day: "2026-03-02", customerId: "cu-void" },
      { void: "void-1" },
      { sale: "void-2", storeId: "S1", day: "2026-03-12", customerId: "cu-void" },
      // Voided in a later batch (below).
      { sale: "undone-1", storeId: "S2", day: "2026-03-01", customerId: "cu-undone" },
      { sale: "undone-2", storeId: "S2", day: "2026-03-14", customerId: "cu-undone" },
    ]);
    expect(firstDays()).toEqual({
      "cu-late": "2026-03-13",
      "cu-new": "2026-03-12",
      "cu-old": "2026-02-01",
      "cu-undone": "2026-03-01",
      "cu-void": "2026-03-12",
    });
    const r = report("2026-03-10", "2026-03-15");
    expect(r).toMatchObject({ customers: 5, newCustomers: 3, returningCustomers: 2 });
    expect(r.newCustomers).toBe(newByScan("2026-03-10", "2026-03-15", null));
  });

  test("moves back with a sale ingested late with an earlier day, and forward when the first order is voided", async () => {
    await send([
      { sale: "late-0", storeId: "S2", day: "2026-02-15", customerId: "cu-late" },
      { void: "undone-1" },
    ]);
    expect(firstDays()).toMatchObject({ "cu-late": "2026-02-15", "cu-undone": "2026-03-14" });
    const r = report("2026-03-10", "2026-03-15");
    expect(r).toMatchObject({ customers: 5, newCustomers: 3, returningCustomers: 2 });
    expect(r.newCustomers).toBe(newByScan("2026-03-10", "2026-03-15", null));
    // At some stores: new is still against the whole chain's orders.
    for (const [from, to, stores] of [
      ["2026-02-10", "2026-02-20", ["S2"]],
      ["2026-03-10", "2026-03-15", ["S1"]],
      ["2026-03-10", "2026-03-15", ["S2"]],
    ] as const) {
      expect(report(from, to, [...stores]).newCustomers).toBe(newByScan(from, to, [...stores]));
    }
    expect(report("2026-02-10", "2026-02-20", ["S2"]).newCustomers).toBe(1);
    expect(report("2026-03-10", "2026-03-15", ["S2"]).newCustomers).toBe(1);
  });

  test("a rebuild keeps the first days ingest kept", () => {
    const kept = firstDays();
    rebuildSummaries(ctx.sqlite, new Date("2026-03-20T00:00:00.000Z"));
    expect(firstDays()).toEqual(kept);
  });

  test("a database from before first days were kept gets them at start", () => {
    const kept = firstDays();
    // What the upgrade leaves: the column empty, the summaries built.
    ctx.sqlite.run("UPDATE hq_sum_customer_lifetimes SET first_day = NULL");
    ctx.sqlite.run("DELETE FROM hq_sum_state WHERE id = 'customer-first-days'");
    const logs: string[] = [];
    ensureSummaries(ctx.sqlite, new Date("2026-03-20T00:00:00.000Z"), (l) => logs.push(l));
    expect(firstDays()).toEqual(kept);
    expect(logs.join("\n")).toContain("first day");
    // Once filled, a start leaves them alone.
    ctx.sqlite.run(
      "UPDATE hq_sum_customer_lifetimes SET first_day = '2000-01-01' WHERE customer_id = 'cu-new'",
    );
    ensureSummaries(ctx.sqlite, new Date("2026-03-20T00:00:00.000Z"), () => undefined);
    expect(firstDays()["cu-new"]).toBe("2000-01-01");
  });
});
