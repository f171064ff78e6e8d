/**
 * Head office's accounting export on real processes (nats-server, head office, two stores):
 * from the sales, returns and tenders it ingested, per store and business day, equal to each
 * store's own export (sales and refunds by tax rate, totals, tenders) and to head office's
 * daily figures per store; CSV for every store at once, SAF-T for one. Bad input is a precise 400.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import readXlsxFile from "read-excel-file/node";
import type { AccountingExport } from "../../src/api/store/accounting.ts";
import { XLSX_CONTENT_TYPE } from "../../src/shared/web/xlsx.ts";
import { type Chain, ringMixed, ringSale, startChain, waitConverged } from "./support/chain.ts";

setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1", "S2"] });
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

const dayOf = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("head office's accounting export equals each store's and head office's daily figures", async () => {
  await ringMixed(chain.store("S1"));
  await ringSale(chain.store("S1"), 1);
  await ringSale(chain.store("S2"), 2);
  await waitConverged(chain);
  const range = `from=${dayOf(-1)}&to=${dayOf(1)}`;

  const res = await chain.hq.api(`/api/v1/export/accounting?${range}&format=json`);
  expect(res.status).toBe(200);
  const chainDoc = (await res.json()) as { stores: AccountingExport[] };
  expect(chainDoc.stores.map((s) => s.storeId)).toEqual(["S1", "S2"]);
  for (const hqDoc of chainDoc.stores) {
    const own = (await (
      await chain.store(hqDoc.storeId).api(`/api/v1/export/accounting?${range}&format=json`)
    ).json()) as AccountingExport;
    expect(
      hqDoc.days.map((d) => [d.date, d.salesCount, d.returnsCount, d.totals, d.taxes, d.tenders]),
    ).toEqual(own.days.map((d) => [d.date, d.salesCount, d.returnsCount, d.totals, d.taxes, d.tenders]));
    expect([hqDoc.currency, hqDoc.taxClasses]).toEqual([own.currency, own.taxClasses]);
    for (const day of hqDoc.days) {
      const report = (await (
        await chain.hq.api(`/api/v1/reports/sales?from=${day.date}&to=${day.date}&storeId=${hqDoc.storeId}`)
      ).json()) as {
        stores: {
          netMinor: number;
          taxMinor: number;
          totalMinor: number;
          byTender: Record<string, number>;
        }[];
      };
      const figures = report.stores[0];
      expect([day.totals.netMinor, day.totals.taxMinor, day.totals.grossMinor]).toEqual([
        figures?.netMinor ?? 0,
        figures?.taxMinor ?? 0,
        figures?.totalMinor ?? 0,
      ]);
      expect(Object.fromEntries(day.tenders.map((t) => [t.type, t.netMinor]))).toEqual(
        figures?.byTender ?? {},
      );
    }
  }
  const sold = chainDoc.stores.flatMap((s) => s.days).reduce((n, d) => n + d.salesCount, 0);
  expect(sold).toBe(4);

  // CSV: every store's rows under one header; one store's alone with storeId.
  const csv = await (await chain.hq.api(`/api/v1/export/accounting?${range}`)).text();
  const rows = csv.trim().split("\r\n");
  expect(rows[0]?.startsWith("date,store,currency,section")).toBe(true);
  expect(new Set(rows.slice(1).map((r) => r.split(",")[1]))).toEqual(new Set(["S1", "S2"]));
  const s2 = await (await chain.hq.api(`/api/v1/export/accounting?${range}&storeId=S2`)).text();
  expect(
    new Set(
      s2
        .trim()
        .split("\r\n")
        .slice(1)
        .map((r) => r.split(",")[1]),
    ),
  ).toEqual(new Set(["S2"]));
  // XLSX: the CSV's rows as a workbook, amounts as numbers.
  const xlsx = await chain.hq.api(`/api/v1/export/accounting?${range}&format=xlsx`);
  expect(xlsx.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
  const [sheet] = (await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()))) as { data: unknown[][] }[];
  expect(sheet?.data.length).toBe(rows.length);
  const totals = sheet?.data.filter((r) => r[3] === "totals") ?? [];
  expect(totals.length).toBeGreaterThan(0);
  expect(totals.every((r) => typeof r[9] === "number")).toBe(true);
  const saft = await chain.hq.api(`/api/v1/export/accounting?${range}&storeId=S1&format=saft`);
  expect(saft.status).toBe(200);
  expect(await saft.text()).toContain("<TaxEntity>S1</TaxEntity>");

  // Bad input: precise 400s.
  for (const query of [
    `${range}&format=saft`,
    `from=${dayOf(1)}&to=${dayOf(-1)}`,
    `from=${dayOf(0)}`,
    `${range}&format=xls`,
    `${range}&storeId=S9`,
  ]) {
    const bad = await chain.hq.api(`/api/v1/export/accounting?${query}`);
    expect([query, bad.status]).toEqual([query, query.includes("S9") ? 404 : 400]);
  }
});
