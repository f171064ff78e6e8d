/**
 * The accounting export against the store's own reports: over several days of sales, returns,
 * a void and cash paid in and out, each day's totals, taxes and tenders equal the daily report,
 * the cash movements the shift's X report, the cost of goods the margin report; the SAF-T file
 * is well-formed XML whose transactions balance and carry the same figures.
 */
import { afterEach, expect, test } from "bun:test";
import type { AccountingExport } from "../../src/api/store/accounting.ts";
import type { DailyReport } from "../../src/api/store/reports.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
let store: TestStore;
afterEach(() => store.close());

async function ok<T = JsonObject>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await store.request<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function sale(at: string, lines: JsonObject[], tender: string, amountMinor: number): Promise<string> {
  if (store.clock.now.getTime() < Date.parse(at)) store.clock.set(at);
  const id = uuidv7(Date.parse(at));
  await ok("POST", `${API}/sales`, { id, tillId: "T1", at, lines, tenders: [{ type: tender, amountMinor }] });
  return id;
}

/** A minimal well-formedness check: balanced, properly nested tags and no stray markup. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w.-]*)([^<>]*?)(\/?)>|[<>]/g)) {
    if (m[2] === undefined) return false;
    if (m[4] === "/") continue;
    if (m[1] === "/") {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;)/.test(body);
}

test("the export's totals equal the daily reports, shift reports and margin over several days", async () => {
  store = createTestStore({
    settings: {
      currency: "EUR",
      timeZone: "Europe/Paris",
      pricesIncludeTax: true,
      cashRoundingMinor: 5,
      taxClasses: [
        { id: "1", name: "Standard", rate: "20" },
        { id: "2", name: "Reduced", rate: "5.5" },
      ],
      approvals: { refund: false, voidAfterTotal: false },
      legal: {
        name: "Green Basket Co-op & Sons",
        address: ["12 Market Street", "75011 Paris"],
        taxId: "FR40123456789",
        country: "FR",
      },
    },
    startAt: "2026-03-02T08:00:00.000Z",
  });
  for (const p of [
    { code: "A", name: "Wine", priceMinor: 1299, taxClass: "1" },
    { code: "B", name: "Apples", priceMinor: 333, taxClass: "2" },
    { code: "C", name: "Stamp", priceMinor: 150 },
  ]) {
    await ok("POST", `${API}/products`, p);
  }
  await ok("POST", `${API}/stock/documents`, {
    id: uuidv7(),
    type: "receipt",
    post: true,
    reason: "delivery",
    lines: [
      { code: "A", qty: 20, unitCostMinor: 700 },
      { code: "B", qty: 50, unitCostMinor: 120 },
    ],
  });
  const shift = await ok<{ id: string }>("POST", `${API}/shifts`, { tillId: "T1", floatMinor: 10000 });
  const days = ["2026-03-02", "2026-03-03", "2026-03-04"];
  const s1 = await sale("2026-03-02T09:00:00.000Z", [{ code: "A", qty: 2 }, { code: "C" }], "card", 2748);
  await sale("2026-03-02T10:00:00.000Z", [{ code: "B", qty: 3 }, { code: "A" }], "cash", 2500);
  await ok("POST", `${API}/shifts/${shift.id}/cash`, {
    kind: "out",
    amountMinor: 1500,
    reason: "window cleaner",
  });
  // Late evening in Paris (next day in UTC terms no: 22:30 UTC is 23:30 local, still the 2nd).
  await sale("2026-03-02T22:30:00.000Z", [{ code: "B" }], "cash", 400);
  store.clock.set("2026-03-03T09:00:00.000Z");
  const ret = await ok<{ totalMinor: number }>("POST", `${API}/returns`, {
    id: uuidv7(),
    originalSaleId: s1,
    lines: [{ code: "A", qty: 1 }],
    tenders: [{ type: "card", amountMinor: 1299 }],
  });
  expect(ret.totalMinor).toBe(1299);
  await ok("POST", `${API}/shifts/${shift.id}/cash`, {
    kind: "in",
    amountMinor: 2000,
    reason: "change float",
  });
  const voided = await sale("2026-03-03T11:00:00.000Z", [{ code: "B" }], "cash", 400);
  await ok("POST", `${API}/sales/${voided}/void`, {});
  await sale(
    "2026-03-04T12:00:00.000Z",
    [
      { code: "A", qty: 3 },
      { code: "B", qty: 2 },
      { code: "C", qty: 2 },
    ],
    "card",
    4863,
  );

  const doc = await ok<AccountingExport>(
    "GET",
    `${API}/export/accounting?from=2026-03-02&to=2026-03-04&format=json`,
  );
  expect(doc.days.map((d) => d.date)).toEqual(days);
  for (const day of doc.days) {
    const daily = await ok<DailyReport>("GET", `${API}/reports/daily?date=${day.date}`);
    expect(day.totals).toEqual({
      netMinor: daily.netMinor,
      taxMinor: daily.taxMinor,
      grossMinor: daily.totalMinor,
    });
    expect([day.salesCount, day.returnsCount]).toEqual([daily.salesCount, daily.returnsCount]);
    expect(Object.fromEntries(day.tenders.map((t) => [t.type, t.netMinor]))).toEqual(daily.byTender);
    const taxed = day.taxes.filter((t) => t.taxClass !== "");
    expect(
      taxed.map((t) => ({
        taxClass: t.taxClass,
        rate: t.rate,
        baseMinor: t.sales.netMinor - t.refunds.netMinor,
        taxMinor: t.sales.taxMinor - t.refunds.taxMinor,
      })),
    ).toEqual(daily.byTaxClass);
    const sum = (pick: (t: (typeof day.taxes)[number]) => number) =>
      day.taxes.reduce((s, t) => s + pick(t), 0);
    expect(sum((t) => t.sales.grossMinor - t.refunds.grossMinor)).toBe(daily.totalMinor);
    const margin = await ok<{ rows: { cogsMinor: number }[] }>(
      "GET",
      `${API}/reports/margin?from=${day.date}&to=${day.date}`,
    );
    expect(day.cogsMinor).toBe(margin.rows.reduce((s, r) => s + r.cogsMinor, 0));
  }
  expect(doc.days[1]?.returnsCount).toBe(1);
  expect(doc.days[0]?.stockDocuments).toEqual([
    { number: 1, type: "receipt", lines: 2, valueMinor: 20000, reason: "delivery" },
  ]);
  // Cash paid in and out equal the shift's X report.
  const x = await ok<{ cash: { cashInMinor: number; cashOutMinor: number } }>(
    "GET",
    `${API}/shifts/${shift.id}/x-report`,
  );
  const moved = (kind: string) =>
    doc.days
      .flatMap((d) => d.cashMovements)
      .filter((c) => c.kind === kind)
      .reduce((s, c) => s + c.amountMinor, 0);
  expect([moved("in"), moved("out")]).toEqual([x.cash.cashInMinor, x.cash.cashOutMinor]);

  // CSV: the documented columns, and the totals rows equal the daily reports.
  const csv = await store.request<string>("GET", `${API}/export/accounting?from=2026-03-02&to=2026-03-04`);
  expect(csv.headers.get("content-type")).toContain("text/csv");
  const rows = csv.body
    .trimEnd()
    .split("\r\n")
    .map((r) => r.split(","));
  expect(rows[0]).toEqual([
    "date",
    "store",
    "currency",
    "section",
    "key",
    "rate",
    "count",
    "net_minor",
    "tax_minor",
    "gross_minor",
    "amount_minor",
  ]);
  for (const date of days) {
    const daily = await ok<DailyReport>("GET", `${API}/reports/daily?date=${date}`);
    const totals = rows.find((r) => r[0] === date && r[3] === "totals");
    expect(totals?.slice(7, 10)).toEqual([
      String(daily.netMinor),
      String(daily.taxMinor),
      String(daily.totalMinor),
    ]);
  }
  expect(rows.some((r) => r[3] === "cash_out" && r[4] === "window cleaner" && r[10] === "1500")).toBe(true);

  // SAF-T: well-formed, balanced per transaction, and the takings equal the daily totals.
  const saft = await store.request<string>(
    "GET",
    `${API}/export/accounting?from=2026-03-02&to=2026-03-04&format=saft`,
  );
  const xml = saft.body;
  expect(wellFormed(xml)).toBe(true);
  expect(xml).toContain('<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:2.00">');
  expect(xml).toContain("<Name>Green Basket Co-op &amp; Sons</Name>");
  const transactions = [...xml.matchAll(/<Transaction>([\s\S]*?)<\/Transaction>/g)].map((m) => m[1] ?? "");
  const cents = (s: string) => Math.round(Number(s) * 100);
  for (const t of transactions) {
    const debit = [...t.matchAll(/<DebitAmount><Amount>([\d.]+)<\/Amount>/g)].reduce(
      (s, m) => s + cents(m[1] ?? "0"),
      0,
    );
    const credit = [...t.matchAll(/<CreditAmount><Amount>([\d.]+)<\/Amount>/g)].reduce(
      (s, m) => s + cents(m[1] ?? "0"),
      0,
    );
    expect(debit).toBe(credit);
  }
  for (const date of days) {
    const daily = await ok<DailyReport>("GET", `${API}/reports/daily?date=${date}`);
    const t = transactions.find((s) => s.includes(`<TransactionID>SALES-${date}</TransactionID>`)) ?? "";
    const tenders = [
      ...t.matchAll(
        /<AccountID>TENDER-[^<]+<\/AccountID><Description>[^<]*<\/Description><(Debit|Credit)Amount><Amount>([\d.]+)/g,
      ),
    ].reduce((s, m) => s + (m[1] === "Debit" ? 1 : -1) * cents(m[2] ?? "0"), 0);
    expect(tenders).toBe(Object.values(daily.byTender).reduce((a, b) => a + b, 0));
  }
});

test("bad ranges and formats are refused precisely", async () => {
  store = createTestStore();
  for (const q of [
    "from=2026-03-04&to=2026-03-02",
    "from=2026-03-02",
    "from=2026-03-02&to=2026-03-03&format=pdf",
    "from=2025-01-01&to=2026-03-03",
  ]) {
    const res = await store.request<{ error: { code: string } }>("GET", `${API}/export/accounting?${q}`);
    expect(res.status).toBe(400);
  }
});
