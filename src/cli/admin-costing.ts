/**
 * `ringup admin report valuation|margin` and `ringup admin stock history CODE`: the costing
 * reports and a product's movements with their costs (docs/stock.md), printed or as JSON.
 */
import { z } from "zod";
import { MARGIN_GROUPS } from "../api/store/costing.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { currencyExponent, minorToDecimalString } from "../core/money.ts";
import { milliToDecimalString } from "../core/quantity.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-03-02 (YYYY-MM-DD)");

export const valuationArgsSchema = z.object({ at: day });
export const marginArgsSchema = z.object({
  from: day,
  to: day,
  by: z.enum(MARGIN_GROUPS).default("product"),
});
export const historyArgsSchema = z.object({
  code: z.string().trim().min(1, "give the product's code or barcode"),
  from: day.optional(),
  to: day.optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, "must be a number of movements, e.g. 50")
    .optional(),
});

async function currencyOf(client: AdminClient): Promise<string> {
  return (await client.request(storeRoutes["GET /api/v1/settings"])).currency;
}

function formatMinor(minor: number, currency: string): string {
  return minorToDecimalString(minor, currencyExponent(currency));
}

export async function runValuationReport(
  client: AdminClient,
  args: z.infer<typeof valuationArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const report = await client.request(storeRoutes["GET /api/v1/reports/valuation"], {
    query: { at: args.at },
  });
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return;
  }
  const currency = await currencyOf(client);
  io.out(`stock value at the end of ${report.at}: ${formatMinor(report.totalValueMinor, currency)}`);
  for (const l of report.lines) {
    io.out(
      `  ${l.code.padEnd(16)} ${String(l.onHand).padStart(10)} ${formatMinor(l.valueMinor, currency).padStart(14)}`,
    );
  }
}

export async function runMarginReport(
  client: AdminClient,
  args: z.infer<typeof marginArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const report = await client.request(storeRoutes["GET /api/v1/reports/margin"], { query: args });
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return;
  }
  const currency = await currencyOf(client);
  io.out(`margin by ${report.by}, ${report.from} to ${report.to}`);
  io.out(
    `  ${"key".padEnd(16)} ${"qty".padStart(9)} ${"net".padStart(12)} ${"cost".padStart(12)} ${"margin".padStart(12)}`,
  );
  for (const r of report.rows) {
    const money = (m: number) => formatMinor(m, currency).padStart(12);
    io.out(
      `  ${(r.key || "(none)").padEnd(16)} ${String(r.qtySold).padStart(9)} ${money(r.netMinor)} ${money(r.cogsMinor)} ${money(r.marginMinor)}`,
    );
  }
}

export async function runStockHistory(
  client: AdminClient,
  args: z.infer<typeof historyArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const query = {
    code: args.code,
    ...(args.limit ? { limit: Number(args.limit) } : {}),
    ...(args.from && args.to ? { from: args.from, to: args.to } : {}),
  };
  const answer = await client.request(storeRoutes["GET /api/v1/stock/movements"], { query });
  if (json) {
    io.out(JSON.stringify(answer, null, 2));
    return;
  }
  const currency = await currencyOf(client);
  io.out(`movements of ${answer.code}, newest first`);
  for (const m of answer.movements) {
    const cost = m.costMinor === null || m.costMinor === undefined ? "" : formatMinor(m.costMinor, currency);
    const qty = `${m.qtyMilli < 0 ? "" : "+"}${milliToDecimalString(m.qtyMilli)}`;
    io.out(`  ${m.at}  ${m.kind.padEnd(10)} ${qty.padStart(10)} ${cost.padStart(12)}  ${m.refId ?? ""}`);
  }
}
