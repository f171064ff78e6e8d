/** `GET /export/accounting` at head office: every store's accounting export, or one store's. */
import { Elysia } from "elysia";
import pkg from "../../../package.json" with { type: "json" };
import { hqAccountingQuerySchema } from "../../api/hq/accounting.ts";
import { accountingCsvRows, csvText } from "../../shared/accounting/csv.ts";
import { accountingSaft } from "../../shared/accounting/saft.ts";
import { accountingXlsx } from "../../shared/accounting/xlsx.ts";
import { xlsxResponse } from "../../shared/web/xlsx.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqAccountingService } from "./service.ts";

export function accountingRoutes(ctx: HqContext) {
  const service = new HqAccountingService(ctx);
  const routes = new Elysia().use(authorize(ctx, ["reports:read"], "exporting the accounts")).get(
    "/export/accounting",
    async ({ query }) => {
      const docs = service.build(query);
      const name = `accounting-${query.storeId ?? "chain"}-${query.from}-${query.to}`;
      if (query.format === "xlsx") return xlsxResponse(await accountingXlsx(docs), `${name}.xlsx`);
      const file = (body: string, type: string, ext: string) =>
        new Response(body, {
          headers: {
            "content-type": `${type}; charset=utf-8`,
            "content-disposition": `attachment; filename="${name}.${ext}"`,
          },
        });
      if (query.format === "csv") {
        const rows = docs.flatMap((doc, i) => accountingCsvRows(doc).slice(i === 0 ? 0 : 1));
        return file(csvText(rows), "text/csv", "csv");
      }
      const [first] = docs;
      if (query.format === "saft" && first !== undefined) {
        return file(accountingSaft(first, { version: pkg.version }), "application/xml", "xml");
      }
      return { stores: docs };
    },
    {
      query: hqAccountingQuerySchema,
      detail: {
        summary:
          "Per store and business day, from the stores' replicated sales: sales and refunds by tax rate, totals, tenders; CSV of every store (default), XLSX of every store, SAF-T XML of one (storeId) or JSON",
      },
    },
  );
  return new Elysia({ name: "ringup.hq.accounting" }).use(routes);
}
