/**
 * `ringup admin export accounting --from --to [--format csv|saft|json] [--out FILE]`: the
 * accounting export. The days are fetched a month at a time (progress on stderr) and rendered
 * here with the store's own renderers, so a year's export shows how far it got.
 */
import { z } from "zod";
import pkg from "../../package.json" with { type: "json" };
import { ACCOUNTING_FORMATS, type AccountingExport } from "../api/store/accounting.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { nextDay } from "../core/day-bounds.ts";
import { reportDaySchema } from "../core/report-figures.ts";
import { accountingCsv } from "../shared/accounting/csv.ts";
import { accountingSaft } from "../shared/accounting/saft.ts";
import { accountingXlsx } from "../shared/accounting/xlsx.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

const CHUNK_DAYS = 31;

export const accountingArgsSchema = z
  .object({
    from: reportDaySchema,
    to: reportDaySchema,
    format: z.enum(ACCOUNTING_FORMATS, { error: "must be csv, xlsx, saft or json" }).default("csv"),
    out: z.string().trim().min(1).optional(),
  })
  .refine((a) => a.from <= a.to, { path: ["to"], message: "must not be before --from" })
  .refine((a) => a.format !== "xlsx" || a.out !== undefined, {
    path: ["out"],
    message: "an XLSX workbook is written to a file: give --out FILE",
  });

function addDays(day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
}

export async function runAccountingExport(
  client: AdminClient,
  args: z.infer<typeof accountingArgsSchema>,
  io: CliIo,
): Promise<void> {
  const chunks: [string, string][] = [];
  for (let start = args.from; start <= args.to; start = addDays(start, CHUNK_DAYS)) {
    const end = addDays(start, CHUNK_DAYS - 1);
    chunks.push([start, [end, args.to].sort()[0] ?? end]);
  }
  let doc: AccountingExport | undefined;
  for (const [i, [from, to]] of chunks.entries()) {
    const part = await client.request(storeRoutes["GET /api/v1/export/accounting"], {
      query: { from, to, format: "json" },
      timeoutMs: 120_000,
    });
    doc = doc ? { ...doc, to: part.to, days: [...doc.days, ...part.days] } : part;
    if (chunks.length > 1) io.err(`exported ${from}…${to} (${i + 1}/${chunks.length})`);
  }
  if (!doc) return;
  if (args.format === "xlsx" && args.out) {
    await Bun.write(args.out, await accountingXlsx([doc]));
    io.err(`wrote ${args.out} (${doc.days.length} days, xlsx)`);
    return;
  }
  const text =
    args.format === "csv"
      ? accountingCsv(doc)
      : args.format === "saft"
        ? accountingSaft(doc, { version: pkg.version })
        : `${JSON.stringify(doc, null, 2)}\n`;
  if (args.out) {
    await Bun.write(args.out, text);
    io.err(`wrote ${args.out} (${doc.days.length} days, ${args.format})`);
  } else {
    io.out(text.trimEnd());
  }
}
