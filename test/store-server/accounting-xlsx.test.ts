/**
 * The accounting export as XLSX (`format=xlsx`): read back with read-excel-file, its rows are
 * the CSV's with amounts as numbers in the store's currency, rates and counts as numbers.
 */
import { afterEach, expect, test } from "bun:test";
import readXlsxFile from "read-excel-file/node";
import { uuidv7 } from "../../src/core/ids.ts";
import { ACCOUNTING_CSV_COLUMNS } from "../../src/shared/accounting/csv.ts";
import { XLSX_CONTENT_TYPE } from "../../src/shared/web/xlsx.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
let store: TestStore;
afterEach(() => store.close());

test("format=xlsx answers a workbook whose cells are numbers where the CSV has amounts", async () => {
  store = createTestStore({ settings: { taxClasses: [{ id: "1", name: "Standard", rate: "8.875" }] } });
  const product = { code: "MILK", name: "Milk 1l", priceMinor: 349, taxClass: "1" };
  expect((await store.request("POST", `${API}/products`, product)).status).toBe(200);
  const at = store.clock.now.toISOString();
  const sale = await store.request("POST", `${API}/sales`, {
    id: uuidv7(),
    tillId: "T1",
    at,
    lines: [{ code: "MILK", qty: 2 }],
    tenders: [{ type: "cash", amountMinor: 1000 }],
  });
  expect(sale.status).toBe(201);
  const day = at.slice(0, 10);
  const res = await store.app.handle(
    new Request(`http://localhost${API}/export/accounting?from=${day}&to=${day}&format=xlsx`, {
      headers: { authorization: `Bearer ${store.adminToken}` },
    }),
  );
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
  expect(res.headers.get("content-disposition")).toBe(
    `attachment; filename="accounting-S1-${day}-${day}.xlsx"`,
  );
  const [sheet] = (await readXlsxFile(Buffer.from(await res.arrayBuffer()))) as { data: unknown[][] }[];
  const rows = sheet?.data ?? [];
  // The CSV's columns, amounts named without "_minor" (they are in major units here).
  expect(rows[0]).toEqual(ACCOUNTING_CSV_COLUMNS.map((c) => c.replace(/_minor$/, "")));
  // Two at 3.49 with 8.875% on top: 6.98 net, 0.62 tax, 7.60 gross.
  const sales = rows.find((r) => r[3] === "sales" && r[4] === "1");
  expect(sales).toEqual([day, "S1", "USD", "sales", "1", 8.875, null, 6.98, 0.62, 7.6, null]);
  const cash = rows.find((r) => r[3] === "tender" && r[4] === "cash");
  expect(cash?.[6]).toBe(1);
  expect(cash?.[10]).toBe(7.6);
});
