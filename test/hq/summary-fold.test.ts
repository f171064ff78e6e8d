/**
 * Summaries folded over a batch: the rows written once per key at the end equal those written
 * upsert by upsert (sums, the latest kept name, the earliest first day), across more keys than
 * one multi-row statement takes; and a batch that throws writes none of its summaries.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SummaryParams, SummaryUpsert } from "../../src/hq/analytics/summary-upsert.ts";
import { openTestHqContext } from "../support/hq-app.ts";

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ringup-fold-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
});
afterAll(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const shape = {
  table: "hq_sum_chain_products",
  keys: ["day", "code"],
  figures: ["qty_milli", "net_minor", "tax_minor", "cost_minor", "uncosted_net_minor"],
  keep: ["name", "department", "category"],
};

/** 700 additions over 301 keys (two days), the same key coming back with a new name. */
function additions(day: string): SummaryParams[] {
  return Array.from({ length: 700 }, (_, i) => ({
    day: i % 2 === 0 ? day : `${day.slice(0, 9)}9`,
    code: `P${i % 301}`,
    name: `Product ${i % 301} v${Math.floor(i / 301)}`,
    department: "D",
    category: i % 3 === 0 ? "C1" : "C2",
    qty_milli: 1000 + i,
    net_minor: i * 7 - 300,
    tax_minor: i,
    cost_minor: i % 5,
    uncosted_net_minor: i % 2,
  }));
}

function rows(days: string[]): unknown[] {
  return ctx.sqlite
    .query(
      `SELECT day, code, name, department, category, qty_milli, net_minor, tax_minor, cost_minor, uncosted_net_minor
       FROM hq_sum_chain_products WHERE day IN (?1, ?2, ?3, ?4) ORDER BY day, code`,
    )
    .all(...days)
    .map((r) => ({ ...(r as object), day: String((r as { day: string }).day).slice(9) }));
}

describe("summaries folded over a batch", () => {
  test("equal the rows written one upsert at a time", () => {
    const upsert = new SummaryUpsert(ctx.sqlite, shape);
    ctx.sqlite.transaction(() => {
      for (const p of additions("2026-01-01")) upsert.add(p);
    })();
    ctx.sqlite.transaction(() => {
      upsert.fold();
      for (const p of additions("2026-02-01")) upsert.add(p);
      upsert.flush();
    })();
    const one = rows(["2026-01-01", "2026-01-09", "", ""]);
    const folded = rows(["2026-02-01", "2026-02-09", "", ""]);
    expect(one.length).toBe(602);
    expect(folded).toEqual(one);
    // Added to again, folded: rows that exist are added to.
    ctx.sqlite.transaction(() => {
      upsert.fold();
      for (const p of additions("2026-02-01")) upsert.add(p);
      upsert.flush();
    })();
    const twice = ctx.sqlite
      .query<{ n: number }, []>(
        "SELECT sum(qty_milli) AS n FROM hq_sum_chain_products WHERE day IN ('2026-02-01', '2026-02-09')",
      )
      .get()?.n;
    const once = additions("x").reduce((s, p) => s + (p.qty_milli as number), 0);
    expect(twice).toBe(2 * once);
  });

  test("an earliest column keeps the least value given, null being none, folded or not", () => {
    const lifetimes = {
      table: "hq_sum_customer_lifetimes",
      keys: ["customer_id"],
      figures: ["orders_count", "net_minor"],
      earliest: ["first_day"],
    };
    const days = [null, "2026-03-04", null, "2026-03-02", "2026-03-09", null];
    const given = (prefix: string) =>
      days.flatMap((day, i) =>
        ["a", "b", "c"].map((c, k) => ({
          customer_id: `${prefix}-${c}`,
          orders_count: 1,
          net_minor: i,
          // a: every day given; b: none; c: from the second on.
          first_day: k === 1 || (k === 2 && i < 2) ? null : day,
        })),
      );
    const upsert = new SummaryUpsert(ctx.sqlite, lifetimes);
    ctx.sqlite.transaction(() => {
      for (const p of given("one")) upsert.add(p);
    })();
    ctx.sqlite.transaction(() => {
      upsert.fold();
      for (const p of given("fold")) upsert.add(p);
      upsert.flush();
    })();
    const read = (prefix: string) =>
      ctx.sqlite
        .query<{ c: string; d: string | null; o: number }, [string]>(
          `SELECT substr(customer_id, length(?1) + 2) AS c, first_day AS d, orders_count AS o
           FROM hq_sum_customer_lifetimes WHERE customer_id LIKE ?1 || '-%' ORDER BY customer_id`,
        )
        .all(prefix);
    expect(read("one")).toEqual([
      { c: "a", d: "2026-03-02", o: 6 },
      { c: "b", d: null, o: 6 },
      { c: "c", d: "2026-03-02", o: 6 },
    ]);
    expect(read("fold")).toEqual(read("one"));
  });

  test("what a batch that throws added up is never written", () => {
    const upsert = new SummaryUpsert(ctx.sqlite, shape);
    expect(() =>
      ctx.sqlite.transaction(() => {
        upsert.fold();
        try {
          for (const p of additions("2026-03-01")) upsert.add(p);
          throw new Error("abandoned");
        } finally {
          upsert.discard();
        }
      })(),
    ).toThrow("abandoned");
    upsert.add({ ...(additions("2026-03-01")[0] as SummaryParams) });
    expect(rows(["2026-03-01", "2026-03-09", "", ""]).length).toBe(1);
  });
});
