import { Elysia } from "elysia";
import pkg from "../../../package.json" with { type: "json" };
import { accountingQuerySchema } from "../../api/store/accounting.ts";
import { accountingCsv } from "../../shared/accounting/csv.ts";
import { accountingSaft } from "../../shared/accounting/saft.ts";
import { accountingXlsx } from "../../shared/accounting/xlsx.ts";
import { xlsxResponse } from "../../shared/web/xlsx.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { AccountingExportService } from "./service.ts";

/** `GET /export/accounting?from&to&format=csv|xlsx|saft|json`, for managers. */
export function accountingRoutes(ctx: StoreContext) {
  const service = new AccountingExportService(ctx);
  return new Elysia({ name: "ringup.store.accounting" })
    .use(requireAuth(ctx))
    .derive(({ principal }) => {
      requireRole(principal, "manager", "exporting the accounts");
      return {};
    })
    .get(
      "/export/accounting",
      async ({ query }) => {
        const doc = service.build(query.from, query.to);
        const name = `accounting-${ctx.storeId}-${query.from}-${query.to}`;
        if (query.format === "xlsx") return xlsxResponse(await accountingXlsx([doc]), `${name}.xlsx`);
        if (query.format === "csv") {
          return new Response(accountingCsv(doc), {
            headers: {
              "content-type": "text/csv; charset=utf-8",
              "content-disposition": `attachment; filename="${name}.csv"`,
            },
          });
        }
        if (query.format === "saft") {
          return new Response(accountingSaft(doc, { version: pkg.version }), {
            headers: {
              "content-type": "application/xml; charset=utf-8",
              "content-disposition": `attachment; filename="${name}.xml"`,
            },
          });
        }
        return doc;
      },
      {
        query: accountingQuerySchema,
        detail: {
          summary:
            "Per business day: sales and refunds by tax rate, tenders, cash paid in and out, cost of goods and stock documents; CSV (default), SAF-T Financial XML or JSON",
        },
      },
    );
}
