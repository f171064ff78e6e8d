/**
 * Chain analytics answered from the summary tables ingest keeps: every report equals a scan of
 * the detail rows of a sample chain sent through the real ingest path (sales, voids, returns,
 * net- and gross-priced stores), with each filter; a rebuild from the detail rows gives the same
 * tables; no report reads the sale lines; bad queries are refused precisely.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { ANALYTICS_SQL, customersSql } from "../../src/hq/analytics/queries.ts";
import { ensureSummaries, rebuildSummaries, SUMMARY_TABLES } from "../../src/hq/analytics/rebuild.ts";
import { createTestHq, type JsonObject, type TestHq } from "../support/hq-app.ts";
import { ingestSampleChain, SAMPLE_PRODUCTS } from "../support/hq-sample-chain.ts";

let hq: TestHq;
beforeAll(async () => {
  hq = createTestHq();
  await ingestSampleChain(hq.ctx);
  return () => hq.close();
});

interface Doc {
  id: string;
  storeId: string;
  day: string;
  at: string;
  cashierId: string | null;
  customerId: string | null;
  taxMinor: number;
  totalMinor: number;
  kind: "sale" | "return" | "void";
}

interface ScanLine {
  doc: Doc;
  code: string;
  department: string;
  category: string;
  sign: number;
  qtyMilli: number;
  netMinor: number;
  taxMinor: number;
  costMinor: number;
  uncostedNetMinor: number;
}

const catalog = new Map(SAMPLE_PRODUCTS.map((p) => [p.code, p]));

/** Every sale and return of the range (voided sales apart), line by line, from the detail rows. */
function scan(from: string, to: string): { docs: Doc[]; lines: ScanLine[] } {
  const cols = `id, store_id AS storeId, day, at, cashier_id AS cashierId, customer_id AS customerId,
    tax_minor AS taxMinor, total_minor AS totalMinor`;
  const docs = [
    ...hq.ctx.sqlite
      .query<Doc, [string, string]>(
        `SELECT ${cols}, CASE status WHEN 'voided' THEN 'void' ELSE 'sale' END AS kind FROM hq_sales
         WHERE day BETWEEN ?1 AND ?2`,
      )
      .all(from, to),
    ...hq.ctx.sqlite
      .query<Doc, [string, string]>(
        `SELECT ${cols}, 'return' AS kind FROM hq_returns WHERE day BETWEEN ?1 AND ?2`,
      )
      .all(from, to),
  ];
  const lines: ScanLine[] = [];
  for (const doc of docs) {
    if (doc.kind === "void") continue;
    const rows = hq.ctx.sqlite
      .query<{ code: string; department: string | null; qty: number; tax: number; total: number }, [string]>(
        doc.kind === "sale"
          ? "SELECT code, department, qty_milli AS qty, tax_minor AS tax, total_minor AS total FROM hq_sale_lines WHERE sale_id = ?1"
          : "SELECT code, department, qty_milli AS qty, tax_minor AS tax, total_minor AS total FROM hq_return_lines WHERE return_id = ?1",
      )
      .all(doc.id);
    const sum = rows.reduce((s, r) => s + r.total, 0);
    const gross = Math.abs(sum - doc.totalMinor) <= Math.abs(sum + doc.taxMinor - doc.totalMinor);
    const sign = doc.kind === "sale" ? 1 : -1;
    for (const r of rows) {
      const net = gross ? r.total - r.tax : r.total;
      const cost = catalog.get(r.code)?.cost ?? null;
      lines.push({
        doc,
        code: r.code,
        department: r.department ?? "",
        category: catalog.get(r.code)?.category ?? "",
        sign,
        qtyMilli: sign * r.qty,
        netMinor: sign * net,
        taxMinor: sign * r.tax,
        costMinor: cost === null ? 0 : sign * Math.round((cost * r.qty) / 1000),
        uncostedNetMinor: cost === null ? sign * net : 0,
      });
    }
  }
  return { docs, lines };
}

function sumBy<T>(rows: readonly T[], key: (r: T) => string, fields: (r: T) => Record<string, number>) {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const k = key(r);
    const acc = out.get(k) ?? {};
    for (const [f, v] of Object.entries(fields(r))) acc[f] = (acc[f] ?? 0) + v;
    out.set(k, acc);
  }
  return out;
}

const profit = (l: ScanLine) => ({
  qtyMilli: l.qtyMilli,
  netMinor: l.netMinor,
  taxMinor: l.taxMinor,
  costMinor: l.costMinor,
  marginMinor: l.netMinor - l.costMinor - l.uncostedNetMinor,
  uncostedNetMinor: l.uncostedNetMinor,
});

/** A sale's or return's figures as a day or an hour counts them (a return subtracts). */
function docFigures(d: Doc): Record<string, number> {
  const sign = d.kind === "sale" ? 1 : -1;
  return {
    salesCount: d.kind === "sale" ? 1 : 0,
    returnsCount: d.kind === "return" ? 1 : 0,
    netMinor: sign * (d.totalMinor - d.taxMinor),
    taxMinor: sign * d.taxMinor,
    totalMinor: sign * d.totalMinor,
  };
}

async function get<T = JsonObject>(path: string): Promise<T> {
  const res = await hq.request<T>("GET", `/api/v1/reports/chain/${path}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const RANGE = "from=2026-03-01&to=2026-03-05";

describe("chain analytics equal a scan of the detail rows", () => {
  test("products: quantity, net, tax, cost and margin per product, for some stores and departments", async () => {
    const { lines } = scan("2026-03-01", "2026-03-05");
    for (const filter of ["", "&stores=S1,S3", "&departments=D1,-", "&categories=C1&stores=S2"]) {
      const params = new URLSearchParams(filter);
      const stores = params.get("stores")?.split(",");
      const departments = params
        .get("departments")
        ?.split(",")
        .map((d) => (d === "-" ? "" : d));
      const categories = params.get("categories")?.split(",");
      const kept = lines.filter(
        (l) =>
          (!stores || stores.includes(l.doc.storeId)) &&
          (!departments || departments.includes(l.department)) &&
          (!categories || categories.includes(l.category)),
      );
      const expected = sumBy(kept, (l) => l.code, profit);
      const body = await get<{ products: (Record<string, number> & { code: string })[] }>(
        `products?${RANGE}${filter}&limit=100`,
      );
      expect(body.products.length).toBe(expected.size);
      for (const p of body.products) expect(p).toMatchObject(expected.get(p.code) ?? {});
      const nets = body.products.map((p) => p.netMinor ?? 0);
      expect(nets).toEqual([...nets].sort((a, b) => b - a));
    }
    const top = await get<{ products: unknown[] }>(`products?${RANGE}&limit=3&sort=margin`);
    expect(top.products.length).toBe(3);
  });

  test("departments and categories, of the whole chain and of some stores", async () => {
    const { lines } = scan("2026-03-01", "2026-03-05");
    for (const stores of [undefined, ["S1", "S3"]]) {
      const kept = lines.filter((l) => !stores || stores.includes(l.doc.storeId));
      for (const [path, key] of [
        ["departments", (l: ScanLine) => l.department],
        ["categories", (l: ScanLine) => l.category],
      ] as const) {
        const expected = sumBy(kept, key, profit);
        const filter = stores ? `&stores=${stores.join(",")}` : "";
        const body = await get<{ groups: (Record<string, number> & { key: string })[] }>(
          `${path}?${RANGE}${filter}`,
        );
        expect(body.groups.length).toBe(expected.size);
        for (const g of body.groups) expect(g).toMatchObject(expected.get(g.key) ?? {});
      }
    }
  });

  test("daily sales, with the same weekday a week and a year earlier", async () => {
    const days = (from: string, to: string) =>
      sumBy(
        scan(from, to).docs.filter((d) => d.kind !== "void"),
        (d) => d.day,
        docFigures,
      );
    const now = days("2026-03-02", "2026-03-03");
    const week = days("2026-02-23", "2026-02-24");
    const year = days("2025-03-03", "2025-03-04");
    expect(week.size).toBe(2);
    expect(year.size).toBe(2);
    const body = await get<{ days: JsonObject[] }>("daily?from=2026-03-02&to=2026-03-03");
    const compared = (m: typeof week, date: string) => ({
      date,
      salesCount: m.get(date)?.salesCount,
      netMinor: m.get(date)?.netMinor,
    });
    expect(body.days).toEqual(
      [
        ["2026-03-02", "2026-02-23", "2025-03-03"],
        ["2026-03-03", "2026-02-24", "2025-03-04"],
      ].map(([date = "", lastWeek = "", lastYear = ""]) => ({
        date,
        ...now.get(date),
        lastWeek: compared(week, lastWeek),
        lastYear: compared(year, lastYear),
      })),
    );
  });

  test("by hour, and per cashier with voids and refunds", async () => {
    const { docs } = scan("2026-03-01", "2026-03-05");
    const hours = sumBy(
      docs.filter((d) => d.kind !== "void" && d.storeId === "S2"),
      (d) => String(Number(d.at.slice(11, 13))),
      docFigures,
    );
    const byHour = await get<{ hours: (JsonObject & { hour: number })[] }>(`hours?${RANGE}&stores=S2`);
    expect(byHour.hours.length).toBe(24);
    for (const h of byHour.hours) {
      const e = hours.get(String(h.hour)) ?? {
        salesCount: 0,
        returnsCount: 0,
        netMinor: 0,
        taxMinor: 0,
        totalMinor: 0,
      };
      expect(h).toEqual({ hour: h.hour, ...e });
    }

    const cashiers = sumBy(
      docs.filter((d) => d.cashierId === "c1" || d.cashierId === null),
      (d) => `${d.storeId}/${d.cashierId ?? ""}`,
      (d) => ({
        salesCount: d.kind === "sale" ? 1 : 0,
        netMinor: d.kind === "sale" ? d.totalMinor - d.taxMinor : 0,
        voidsCount: d.kind === "void" ? 1 : 0,
        voidsMinor: d.kind === "void" ? d.totalMinor : 0,
        refundsCount: d.kind === "return" ? 1 : 0,
        refundsMinor: d.kind === "return" ? d.totalMinor : 0,
      }),
    );
    expect([...cashiers.values()].some((c) => (c.voidsCount ?? 0) > 0)).toBe(true);
    const body = await get<{ cashiers: (JsonObject & { storeId: string; cashierId: string })[] }>(
      `cashiers?${RANGE}&cashiers=c1,-`,
    );
    expect(body.cashiers.length).toBe(cashiers.size);
    for (const c of body.cashiers) {
      expect(c).toEqual({
        storeId: c.storeId,
        cashierId: c.cashierId,
        ...cashiers.get(`${c.storeId}/${c.cashierId}`),
      });
    }
  });

  test("customers: orders, new against returning, and lifetime value", async () => {
    const inRange = scan("2026-03-01", "2026-03-05").docs.filter(
      (d) => d.customerId !== null && d.kind !== "void",
    );
    const ever = scan("2000-01-01", "2026-03-05").docs.filter(
      (d) => d.customerId !== null && d.kind !== "void",
    );
    const active = new Set(inRange.filter((d) => d.kind === "sale").map((d) => d.customerId));
    const first = new Map<string, string>();
    for (const d of ever.filter((d) => d.kind === "sale")) {
      const c = d.customerId as string;
      if (!first.has(c) || (first.get(c) as string) > d.day) first.set(c, d.day);
    }
    const net = (ds: Doc[]) =>
      ds.reduce((s, d) => s + (d.kind === "sale" ? 1 : -1) * (d.totalMinor - d.taxMinor), 0);
    const orders = inRange.filter((d) => d.kind === "sale").length;
    const lifetime = ever.filter((d) => active.has(d.customerId));
    const lifetimeOrders = lifetime.filter((d) => d.kind === "sale").length;
    const newOnes = [...active].filter((c) => (first.get(c as string) as string) >= "2026-03-01").length;
    expect(newOnes).toBeGreaterThan(-1);
    const body = await get(`customers?${RANGE}`);
    expect(body).toMatchObject({
      customers: active.size,
      orders,
      netMinor: net(inRange),
      averageOrderMinor: Math.round(net(inRange) / orders),
      newCustomers: newOnes,
      returningCustomers: active.size - newOnes,
      lifetime: {
        orders: lifetimeOrders,
        netMinor: net(lifetime),
        averageValueMinor: Math.round(net(lifetime) / active.size),
        averageOrders: Math.round((lifetimeOrders / active.size) * 100) / 100,
      },
    });
  });

  test("customers: the database answers the report's figures, not a row per customer", async () => {
    // At chain scale tens of thousands of customers are active in a month; their figures are
    // added up where they are kept instead of being carried to head office one by one.
    const rows = hq.ctx.sqlite
      .query(customersSql(null, hq.ctx.dialect.customersInRange))
      .all("2026-03-01", "2026-03-05", null);
    expect(rows).toHaveLength(1);
    expect(await get("customers?from=2019-01-01&to=2019-01-31")).toMatchObject({
      customers: 0,
      orders: 0,
      netMinor: 0,
      averageOrderMinor: 0,
      newCustomers: 0,
      returningCustomers: 0,
      lifetime: { orders: 0, netMinor: 0, averageValueMinor: 0, averageOrders: 0 },
    });
  });

  test("stock value per site from head office's stock", async () => {
    // Sales of the sample moved stock below zero; start these sites from known quantities.
    hq.ctx.sqlite.run("DELETE FROM hq_stock WHERE store_id IN ('S1', 'S2')");
    hq.ctx.sqlite.run(
      `INSERT INTO hq_stock (store_id, code, location, qty_milli) VALUES
        ('S1', 'A1', '', 10000), ('S1', 'B2', '', 5000), ('S2', 'A2', '', 2500), ('S2', 'C1', 'back', 1000),
        ('S2', 'A1', '', -3000)`,
    );
    const body = await get<{ sites: JsonObject[]; totalValueMinor: number }>("sites?stores=S1,S2");
    expect(body.sites).toEqual([
      {
        storeId: "S1",
        name: "Store S1",
        products: 2,
        onHandMilli: 15000,
        valueMinor: 1200,
        uncostedProducts: 1,
      },
      {
        storeId: "S2",
        name: "Store S2",
        products: 3,
        onHandMilli: 500,
        valueMinor: 750 + 2100,
        uncostedProducts: 0,
      },
    ]);
    expect(body.totalValueMinor).toBe(1200 + 750 + 2100);
  });
});

describe("summaries", () => {
  const dump = () =>
    Object.fromEntries(
      SUMMARY_TABLES.map((t) => [
        t,
        hq.ctx.sqlite
          .query(`SELECT * FROM ${t}`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    );

  test("a rebuild from the detail rows gives the tables ingest kept, and reports progress", () => {
    const kept = dump();
    expect(kept.hq_sum_products?.length).toBeGreaterThan(0);
    const seen: number[] = [];
    const r = rebuildSummaries(hq.ctx.sqlite, new Date("2026-03-06T00:00:00.000Z"), (p) => seen.push(p.done));
    expect(r.sales).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(r.sales + r.returns);
    expect(dump()).toEqual(kept);
  });

  test("the chain's departments and categories are filled in once at start on a database without them", async () => {
    const chainGroups = () => dump().hq_sum_chain_groups;
    const kept = chainGroups();
    expect(kept?.length).toBeGreaterThan(0);
    const answer = await get<JsonObject>(`departments?${RANGE}`);
    // What the upgrade that added them leaves: the table empty, the other summaries built.
    hq.ctx.sqlite.run("DELETE FROM hq_sum_chain_groups");
    hq.ctx.sqlite.run("DELETE FROM hq_sum_state WHERE id = 'chain-groups'");
    const logs: string[] = [];
    ensureSummaries(hq.ctx.sqlite, new Date("2026-03-06T00:00:00.000Z"), (l) => logs.push(l));
    expect(chainGroups()).toEqual(kept);
    expect(logs.join("\n")).toContain("the chain's departments and categories");
    expect(await get<JsonObject>(`departments?${RANGE}`)).toEqual(answer);
    // Once filled, a start leaves them alone.
    hq.ctx.sqlite.run("UPDATE hq_sum_chain_groups SET qty_milli = 7");
    ensureSummaries(hq.ctx.sqlite, new Date("2026-03-06T00:00:00.000Z"), () => undefined);
    expect(chainGroups()).not.toEqual(kept);
    rebuildSummaries(hq.ctx.sqlite, new Date("2026-03-06T00:00:00.000Z"));
    expect(chainGroups()).toEqual(kept);
  });

  test("no report reads the sales or their lines", () => {
    for (const [name, sql] of Object.entries(ANALYTICS_SQL)) {
      expect(sql, name).not.toMatch(/hq_sale_lines|hq_return_lines|hq_sales\b|hq_returns\b/);
      // Index use is read from SQLite's plan; PostgreSQL's planner scans a test-sized table
      // whatever its indexes, so there the SQL's tables are what is checked.
      if (hq.ctx.dialect.name === "postgres") continue;
      const plan = hq.ctx.sqlite
        .query<{ detail: string }, []>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => r.detail)
        .join("\n");
      expect(plan, name).not.toMatch(/hq_sale_lines|hq_return_lines|hq_sales\b|hq_returns\b/);
      expect(plan, name).not.toMatch(/SCAN hq_sum_(products|groups|hours|cashiers)\b/);
    }
  });
});

/** One store more than a filter may name. */
const MANY_STORES = Array.from({ length: 201 }, (_, i) => `S${i}`).join(",");

describe("bad queries are refused and change nothing", () => {
  test.each([
    ["daily?from=2026-03-05&to=2026-03-01", "INVALID_RANGE"],
    ["daily?from=2024-01-01&to=2026-03-01", "RANGE_TOO_LONG"],
    ["daily?from=2026-03-01&to=2026-03-05&cashiers=c1", "INVALID_REQUEST"],
    ["products?from=2026-03-01&to=2026-03-05&limit=0", "INVALID_REQUEST"],
    ["hours?from=2026-03-01&to=2026-03-05&stores=bad id", "INVALID_REQUEST"],
    [
      `products?from=2026-03-01&to=2026-03-05&stores=${Array.from({ length: 201 }, (_, i) => `S${i}`).join(",")}`,
      "INVALID_REQUEST",
    ],
    ["customers?from=2026-03-01", "INVALID_REQUEST"],
  ])("%s → %s", async (shown, code) => {
    const path = shown.replace("MANY", MANY_STORES);
    const before = hq.count("hq_sum_products");
    const res = await hq.request<{ error: { code: string } }>("GET", `/api/v1/reports/chain/${path}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(hq.count("hq_sum_products")).toBe(before);
  });

  test("without the reports scope", async () => {
    const res = await hq.request(
      "GET",
      `/api/v1/reports/chain/daily?${RANGE}`,
      undefined,
      hq.token("catalog:write"),
    );
    expect(res.status).toBe(403);
  });
});
