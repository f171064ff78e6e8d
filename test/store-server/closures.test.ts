/**
 * Closures on a real SQLite store: days (Z) equal the daily reports over several days with a
 * return and a void, per store and per till; a month needs its days, a year its months (the
 * missing ones named); each closure is numbered, chained by hash, journaled and immutable.
 */
import { describe, expect, test } from "bun:test";
import { closureHash } from "../../src/core/closures.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { JsonObject, TestStore } from "../support/store-app.ts";
import { ok, testStore } from "./compliance-support.ts";

async function sale(s: TestStore, at: string, tillId: string, body: JsonObject): Promise<string> {
  if (s.clock.now.getTime() < Date.parse(at)) s.clock.set(at);
  const id = uuidv7(Date.parse(at));
  await ok(s, "POST", "/api/v1/sales", { id, tillId, at, ...body });
  return id;
}

/** Three days of sales on two tills (New York), a void on the 2nd and a return on the 3rd. */
async function seed(): Promise<TestStore> {
  const s = testStore({
    startAt: "2026-03-02T14:00:00.000Z",
    settings: {
      currency: "USD",
      timeZone: "America/New_York",
      pricesIncludeTax: false,
      taxClasses: [
        { id: "1", name: "Regular", rate: "10" },
        { id: "2", name: "Reduced", rate: "5" },
      ],
      approvals: { refund: false, voidAfterTotal: false },
    },
  });
  for (const p of [
    { code: "A", name: "Alpha", priceMinor: 1000, taxClass: "1" },
    { code: "B", name: "Beta", priceMinor: 250, taxClass: "2" },
  ]) {
    await ok(s, "POST", "/api/v1/products", p);
  }
  const first = await sale(s, "2026-03-02T15:00:00.000Z", "T1", {
    lines: [{ code: "A", qty: 2 }, { code: "B" }],
    tenders: [{ type: "cash", amountMinor: 3000 }],
  });
  await sale(s, "2026-03-02T16:00:00.000Z", "T2", {
    lines: [{ code: "B", qty: 3 }],
    tenders: [{ type: "card", amountMinor: 788 }],
  });
  const voided = await sale(s, "2026-03-02T17:00:00.000Z", "T1", {
    lines: [{ code: "A" }],
    tenders: [{ type: "cash", amountMinor: 1100 }],
  });
  await ok(s, "POST", `/api/v1/sales/${voided}/void`, { reason: "customer left" });
  await sale(s, "2026-03-03T15:00:00.000Z", "T2", {
    lines: [{ code: "A" }],
    tenders: [{ type: "card", amountMinor: 1100 }],
  });
  s.clock.set("2026-03-03T18:00:00.000Z");
  await ok(s, "POST", "/api/v1/returns", {
    id: uuidv7(Date.parse("2026-03-03T18:00:00.000Z")),
    originalSaleId: first,
    tillId: "T1",
    lines: [{ code: "A", qty: 1 }],
    tenders: [{ type: "cash", amountMinor: 1100 }],
  });
  await sale(s, "2026-03-05T15:00:00.000Z", "T1", {
    lines: [{ code: "B", qty: 2 }],
    tenders: [{ type: "cash", amountMinor: 525 }],
  });
  // The store's clock: the 1st of April, every March day over.
  s.clock.set("2026-04-01T16:00:00.000Z");
  return s;
}

interface Closure {
  number: number;
  type: string;
  typeNumber: number;
  tillId: string | null;
  period: string;
  figures: { totalMinor: number; byTender: { type: string; amountMinor: number }[] } & JsonObject;
  grandTotalMinor: number;
  prevHash: string | null;
  hash: string;
}

const close = (s: TestStore, body: JsonObject) => s.request<JsonObject>("POST", "/api/v1/closures", body);

/** The daily report's figures in a closure's shape. */
function asClosureFigures(r: JsonObject) {
  const byTender = Object.entries(r.byTender as Record<string, number>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, amountMinor]) => ({ type, amountMinor }));
  return {
    salesCount: r.salesCount,
    returnsCount: r.returnsCount,
    voidedCount: r.voidedCount,
    grossMinor: r.grossMinor,
    discountMinor: r.discountMinor,
    netMinor: r.netMinor,
    taxMinor: r.taxMinor,
    totalMinor: r.totalMinor,
    byTender,
    byTaxRate: r.byTaxClass,
  };
}

describe("closures", () => {
  test("a day's Z equals its daily report; the tills' Zs add up to the store's", async () => {
    const s = await seed();
    let grand = 0;
    for (const date of ["2026-03-02", "2026-03-03", "2026-03-05"]) {
      const report = await ok(s, "GET", `/api/v1/reports/daily?date=${date}`);
      const res = await close(s, { type: "day", date });
      expect(res.status).toBe(201);
      const z = res.body as unknown as Closure;
      expect(z.figures as JsonObject).toEqual(asClosureFigures(report));
      grand += z.figures.totalMinor;
      expect(z.grandTotalMinor).toBe(grand);
      const tills = [];
      for (const tillId of ["T1", "T2"]) {
        tills.push((await ok<Closure>(s, "POST", "/api/v1/closures", { type: "day", date, tillId })).figures);
      }
      expect(tills.reduce((sum, f) => sum + f.totalMinor, 0)).toBe(z.figures.totalMinor);
    }
    // The 2nd: 2200+200 A×2, 250+13 B (cash 3000), 750+38 B×3 by card; the void left out.
    const [z1] = (await ok<{ closures: Closure[] }>(s, "GET", "/api/v1/closures?type=day&tillId=store"))
      .closures;
    expect(z1).toMatchObject({
      typeNumber: 1,
      period: "2026-03-02",
      figures: { salesCount: 2, voidedCount: 1, totalMinor: 2463 + 788 },
    });
    const t1 = (await ok<{ closures: Closure[] }>(s, "GET", "/api/v1/closures?tillId=T1")).closures;
    expect(t1.map((c) => [c.typeNumber, c.period])).toEqual([
      [1, "2026-03-02"],
      [2, "2026-03-03"],
      [3, "2026-03-05"],
    ]);
    // The 3rd on T1: the return alone, 1100 paid back in cash.
    expect(t1[1]?.figures).toMatchObject({
      returnsCount: 1,
      totalMinor: -1100,
      byTender: [{ type: "cash", amountMinor: -1100 }],
    });
  });

  test("a month needs its days with sales closed, a year its months: the missing ones are named", async () => {
    const s = await seed();
    const events = s.journalLength();
    const month = await close(s, { type: "month", date: "2026-03-15" });
    expect(month.status).toBe(409);
    expect(month.body).toMatchObject({
      error: { code: "CLOSURES_MISSING", details: { missing: ["2026-03-02", "2026-03-03", "2026-03-05"] } },
    });
    await ok(s, "POST", "/api/v1/closures", { type: "day", date: "2026-03-02" });
    await ok(s, "POST", "/api/v1/closures", { type: "day", date: "2026-03-05" });
    const still = await close(s, { type: "month", date: "2026-03-01" });
    expect(still.status).toBe(409);
    expect(still.body).toMatchObject({ error: { details: { missing: ["2026-03-03"] } } });
    expect(JSON.stringify(still.body)).toContain("close 2026-03-03 first");
    const z3 = await ok<Closure>(s, "POST", "/api/v1/closures", { type: "day", date: "2026-03-03" });
    const march = await ok<Closure>(s, "POST", "/api/v1/closures", { type: "month", date: "2026-03-31" });
    expect(march).toMatchObject({ period: "2026-03", typeNumber: 1 });
    expect(march.figures as JsonObject).toEqual(
      (await ok<{ closures: Closure[] }>(s, "GET", "/api/v1/closures?type=month")).closures[0]
        ?.figures as JsonObject,
    );
    expect(march.figures.totalMinor).toBe(2463 + 788 + 1100 - 1100 + 525);
    expect(march.grandTotalMinor).toBe(z3.grandTotalMinor);
    // The year is not over; the same year later needs March (and nothing else) closed.
    const year = await close(s, { type: "year", date: "2026-03-01" });
    expect(year.status).toBe(400);
    expect(year.body).toMatchObject({ error: { code: "PERIOD_NOT_OVER" } });
    expect(s.journalLength()).toBe(events + 4);
  });

  test("a closure is made once, for a day that has come, and each hash covers the previous one", async () => {
    const s = await seed();
    const a = await ok<Closure>(s, "POST", "/api/v1/closures", { type: "day", date: "2026-03-02" });
    const b = await ok<Closure>(s, "POST", "/api/v1/closures", {
      type: "day",
      date: "2026-03-02",
      tillId: "T1",
    });
    const events = s.journalLength();
    const rows = s.count("closures");
    const twice = await close(s, { type: "day", date: "2026-03-02" });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: "ALREADY_CLOSED", details: { number: 1 } } });
    const future = await close(s, { type: "day", date: "2026-04-02" });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ error: { code: "PERIOD_NOT_OVER" } });
    for (const bad of [
      { type: "week", date: "2026-03-02" },
      { type: "day", date: "2026-02-30" },
      { type: "day", date: "2026-03-02", tillId: "no such till!" },
      { type: "day", date: "2026-03-02", extra: 1 },
    ]) {
      const res = await close(s, bad);
      expect(res.status).toBe(400);
    }
    expect(s.journalLength()).toBe(events);
    expect(s.count("closures")).toBe(rows);

    expect(a.prevHash).toBeNull();
    expect(b.prevHash).toBe(a.hash);
    const { hash, ...unsealed } = b as Closure & JsonObject;
    expect(closureHash(unsealed as never)).toBe(hash);
    expect(await ok(s, "GET", "/api/v1/closures/2")).toEqual(b as unknown as JsonObject);
    expect((await s.request("GET", "/api/v1/closures/9")).status).toBe(404);
    const text = await ok<{ lines: string[] }>(s, "GET", "/api/v1/closures/1/text");
    expect(text.lines[0]).toBe("Z 1 2026-03-02");
    expect(text.lines.every((l) => l.length <= 42)).toBe(true);
    expect(text.lines).toContain(`${"Grand total".padEnd(37)}32.51`);

    const journaled = s.ctx.sqlite
      .query<{ payload: string }, []>(
        "SELECT payload FROM events WHERE type = 'closure.recorded' ORDER BY seq",
      )
      .all()
      .map((r) => JSON.parse(r.payload));
    expect(journaled.map((p) => p.closure.hash)).toEqual([a.hash, b.hash]);
    expect(journaled[0].signingKey).toBe(s.ctx.signingKey.publicKey);
  });
});
