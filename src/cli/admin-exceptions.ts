/**
 * `ringup admin report exceptions` (store or head office) and `ringup admin sales refused`
 * (store): what a manager must look at after till sales were recorded as rung.
 */
import { hqRoutes } from "../api/hq/routes.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { minorToDecimalString } from "../core/money.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

const KIND_LABEL = {
  price: "price",
  tax: "tax",
  unknown: "unknown",
  inactive: "withdrawn",
  department: "dept",
  serial: "serial",
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
  const report = await client.request(
    client.atHq ? hqRoutes["GET /api/v1/reports/exceptions"] : storeRoutes["GET /api/v1/reports/exceptions"],
    { query: { from, to, storeId: storeId || undefined } },
  );
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
  const answer = await client.request(storeRoutes["GET /api/v1/refused-sales"], {
    query: { all: all ? true : undefined },
  });
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
