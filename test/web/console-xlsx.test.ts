/**
 * The console's reports as XLSX beside CSV, on head office's app in process: the workbook is
 * read back with read-excel-file (the reader of the writer's family) and its cells checked:
 * a header row, counts and money as numbers (money in the currency's major unit), text as
 * text; a report longer than a workbook holds is refused with EXPORT_TOO_LARGE.
 */
import { expect, test } from "bun:test";
import readXlsxFile from "read-excel-file/node";
import { toXlsx, XLSX_CONTENT_TYPE, XLSX_MAX_ROWS } from "../../src/shared/web/xlsx.ts";
import { createTestHq, type TestHq } from "../support/hq-app.ts";
import { insertSale, insertStores } from "../support/hq-ingested.ts";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function send(hq: TestHq, path: string, init: RequestInit = {}): Promise<Response> {
  return hq.app.handle(new Request(`http://localhost${path}`, init));
}

async function signIn(hq: TestHq): Promise<string> {
  const res = await send(hq, "/console/sign-in", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ token: hq.adminToken }).toString(),
  });
  expect(res.status).toBe(303);
  return (res.headers.get("set-cookie") ?? "").split(";", 1)[0] ?? "";
}

function withSale(hq: TestHq): void {
  insertStores(hq, ["S1"]);
  insertSale(hq, {
    storeId: "S1",
    receiptNo: "S1-T1-000001",
    at: "2026-03-02T15:00:00.000Z",
    day: "2026-03-02",
    lines: [
      ["A", "D1", 2000, 1000, 2000, 0, 200, 2000],
      ["B", "D2", 1500, 250, 375, 0, 19, 375],
    ],
    tenders: [["cash", 2594]],
    taxes: [
      ["1", "10", 2000, 200],
      ["2", "5", 375, 19],
    ],
    subtotal: 2375,
    discount: 0,
    tax: 219,
    total: 2594,
  });
}

async function workbook(res: Response): Promise<unknown[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
  const sheets = (await readXlsxFile(Buffer.from(await res.arrayBuffer()))) as { data: unknown[][] }[];
  expect(sheets).toHaveLength(1);
  return sheets[0]?.data ?? [];
}

const RANGE = "from=2026-03-02&to=2026-03-02";

test("the sales report as XLSX: a header row, numbers as numbers, money in major units", async () => {
  using hq = createTestHq();
  withSale(hq);
  const cookie = await signIn(hq);
  const page = await (await send(hq, `/console/reports?${RANGE}`, { headers: { cookie } })).text();
  expect(page).toContain(`href="/console/reports/sales.xlsx?from=2026-03-02&amp;to=2026-03-02"`);
  const res = await send(hq, `/console/reports/sales.xlsx?${RANGE}`, { headers: { cookie } });
  expect(res.headers.get("content-disposition")).toBe(
    'attachment; filename="sales-2026-03-02-2026-03-02.xlsx"',
  );
  const rows = await workbook(res);
  expect(rows[0]).toEqual([
    "store",
    "name",
    "sales",
    "returns",
    "voided",
    "gross",
    "discount",
    "net",
    "tax",
    "total",
    "currency",
  ]);
  expect(rows[1]).toEqual(["S1", "Store S1", 1, 0, 0, 23.75, 0, 23.75, 2.19, 25.94, "USD"]);
  expect(rows[2]?.slice(0, 3)).toEqual(["*", null, 1]);
  expect(rows[2]?.[9]).toBe(25.94);
  expect(rows).toHaveLength(3);
});

test("sales by product as XLSX: quantities in units, amounts in major units", async () => {
  using hq = createTestHq();
  withSale(hq);
  const cookie = await signIn(hq);
  const res = await send(hq, `/console/reports/products.xlsx?${RANGE}`, { headers: { cookie } });
  expect(res.headers.get("content-disposition")).toBe(
    'attachment; filename="products-2026-03-02-2026-03-02.xlsx"',
  );
  const rows = await workbook(res);
  expect(rows[0]).toEqual(["code", "name", "department", "qty", "net", "tax", "total"]);
  const byCode = new Map(rows.slice(1).map((r) => [r[0], r]));
  expect(byCode.get("A")).toEqual(["A", "Product A", "D1", 2, 20, 2, 22]);
  expect(byCode.get("B")?.[3]).toBe(1.5);
  expect(typeof byCode.get("B")?.[6]).toBe("number");
});

test("a report longer than a workbook holds is refused with a precise error, not cut short", async () => {
  const rows = Array.from({ length: XLSX_MAX_ROWS + 1 }, (_, i) => [`X${i}`, i]);
  const columns = [
    { header: "code", kind: "text" },
    { header: "total", kind: "money", currency: "USD" },
  ] as const;
  const refused = toXlsx("Products", columns, rows).then(
    () => null,
    (err: unknown) => err,
  );
  expect(await refused).toMatchObject({ code: "EXPORT_TOO_LARGE", details: { maxRows: XLSX_MAX_ROWS } });
  const full = await readXlsxFile(await toXlsx("Products", columns, rows.slice(1)));
  expect((full as { data: unknown[][] }[])[0]?.data).toHaveLength(XLSX_MAX_ROWS + 1);
});

test("without a session the workbook is not given", async () => {
  using hq = createTestHq();
  const res = await send(hq, `/console/reports/sales.xlsx?${RANGE}`);
  expect(res.status).toBe(303);
});
