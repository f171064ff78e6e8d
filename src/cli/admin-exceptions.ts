/**
 * `ringup admin report exceptions` (store or head office) and `ringup admin sales refused`
 * (store): what a manager must look at after till sales were recorded as rung.
 */
import { z } from "zod";
import { exceptionReportRowSchema } from "../core/events/sale-events.ts";
import { minorToDecimalString } from "../core/money.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

const exceptionsSchema = z.object({ exceptions: z.array(exceptionReportRowSchema) });

const refusedSchema = z.object({
  sales: z.array(
    z.object({
      saleId: z.string(),
      tillId: z.string(),
      receiptNo: z.string(),
      error: z.string(),
      totalMinor: z.number().int().nullable(),
      reportedAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
});

const KIND_LABEL = {
  price: "price",
  tax: "tax",
  unknown: "unknown",
  inactive: "withdrawn",
  department: "dept",
} as const;

const cents = (minor: number | null) => (minor === null ? "-" : minorToDecimalString(minor, 2));

export async function runExceptionsReport(
  client: AdminClient,
  from: string,
  to: string,
  storeId: string | undefined,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const query = new URLSearchParams({ from, to });
  if (storeId) query.set("storeId", storeId);
  const report = await client.request("GET", `/reports/exceptions?${query}`, exceptionsSchema);
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return;
  }
  const lines = [`Price exceptions ${from}${to === from ? "" : ` to ${to}`}: ${report.exceptions.length}`];
  if (report.exceptions.length > 0) {
    lines.push(
      `${"receipt".padEnd(18)}${"line".padStart(5)}  ${"code".padEnd(14)}${"kind".padEnd(10)}${"rung".padStart(10)}${"catalog".padStart(10)}`,
    );
  }
  for (const e of report.exceptions) {
    const receipt =
      e.storeId && !e.receiptNo.startsWith(e.storeId) ? `${e.storeId}:${e.receiptNo}` : e.receiptNo;
    lines.push(
      `${receipt.padEnd(18)}${String(e.lineNo).padStart(5)}  ${e.code.slice(0, 13).padEnd(14)}${KIND_LABEL[e.kind].padEnd(10)}${cents(e.rungMinor).padStart(10)}${cents(e.catalogMinor).padStart(10)}`,
    );
  }
  io.out(lines.join("\n"));
}

export async function runRefusedSales(
  client: AdminClient,
  all: boolean,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const answer = await client.request("GET", `/refused-sales${all ? "?all=true" : ""}`, refusedSchema);
  if (json) {
    io.out(JSON.stringify(answer, null, 2));
    return;
  }
  if (answer.sales.length === 0) {
    io.out("no refused till sales");
    return;
  }
  const lines = [`Refused till sales: ${answer.sales.length}`];
  for (const s of answer.sales) {
    lines.push(
      `${s.receiptNo.padEnd(18)} till ${s.tillId.padEnd(6)} ${cents(s.totalMinor).padStart(10)}  ${s.resolvedAt ? "recorded since" : "open"}`,
      `    ${s.error}`,
    );
  }
  io.out(lines.join("\n"));
}
