/**
 * `ringup admin closure day|month|year|list|show` and `ringup admin archive export`: closures
 * made, read and printed at the store, and its signed archive of a closed period written to a
 * file once it verifies here with the store's public key.
 */
import { chmodSync, existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { LOSS_MEASURES, type LossMeasure, type LossPreventionReport } from "../api/store/loss-prevention.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { type ClosureRecord, closureTextLines } from "../core/closures.ts";
import { currencyExponent, minorToDecimalString } from "../core/money.ts";
import { verifyArchive } from "../shared/archive.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";
import type { ArgsOf } from "./admin-invoices.ts";

export const COMPLIANCE_COMMANDS = [
  "closure.day",
  "closure.month",
  "closure.year",
  "closure.list",
  "closure.show",
  "archive.export",
  "report.loss-prevention",
] as const;
type ComplianceCommand = (typeof COMPLIANCE_COMMANDS)[number];

export function isComplianceCommand(command: string): command is ComplianceCommand {
  return (COMPLIANCE_COMMANDS as readonly string[]).includes(command);
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-03-02 (YYYY-MM-DD)");
const till = z.string().trim().min(1).optional();
const printer = {
  printer: z.string().trim().min(1, "must be a printer URI such as tcp://10.0.0.5:9100").optional(),
  columns: z.coerce.number().int().min(32, "must be 32 or more").max(64, "must be at most 64").optional(),
};
const closeArgs = z.object({ date: day, till, ...printer });
const listArgs = z.object({ type: z.enum(["day", "month", "year"]).optional(), till });
const showArgs = z.object({
  number: z.coerce.number().int().positive("must be a closure number"),
  ...printer,
});
const exportArgs = z.object({ from: day, to: day, out: z.string().trim().min(1, "give the file to write") });

const rangeArgs = z.object({ from: day, to: day });

const PRINT_TIMEOUT_MS = 15_000;
const EXPORT_TIMEOUT_MS = 30 * 60_000;

/** The closure's printed text on stdout, and on a receipt printer when one is given. */
async function showClosure(
  c: ClosureRecord,
  where: { printer?: string | undefined; columns?: number | undefined },
  json: boolean,
  io: CliIo,
): Promise<void> {
  const exponent = currencyExponent(c.currency);
  io.out(json ? JSON.stringify(c, null, 2) : closureTextLines(c, exponent, where.columns ?? 42).join("\n"));
  if (where.printer === undefined) return;
  const { openPrinter } = await import("../devices/printer/open-printer.ts");
  const device = openPrinter(where.printer, { retryMinMs: 60_000 });
  try {
    const [title = "", ...lines] = closureTextLines(c, exponent, where.columns ?? device.columns);
    const job = device.print({ type: "text-slip", title, locale: "en", lines });
    const settled = await device.settled(job.id, PRINT_TIMEOUT_MS);
    if (settled.state !== "printed") {
      device.cancel(job.id);
      throw new AdminError(
        `closure ${c.number} was not printed on ${device.description}: ${settled.lastError ?? "no answer"}`,
      );
    }
    io.err(`printed closure ${c.number} on ${device.description}`);
  } finally {
    await device.close();
  }
}

async function exportArchive(client: AdminClient, a: z.infer<typeof exportArgs>, json: boolean, io: CliIo) {
  const out = resolve(a.out);
  if (existsSync(out)) throw new AdminError(`${out} already exists: give a new file name`);
  const key = await client.request(storeRoutes["GET /api/v1/archive/public-key"]);
  const res = await client.download(
    "GET",
    `/archive?from=${encodeURIComponent(a.from)}&to=${encodeURIComponent(a.to)}`,
    EXPORT_TIMEOUT_MS,
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  const checked = verifyArchive(bytes, key.publicKey);
  if (!checked.ok) {
    throw new AdminError(
      `the archive received does not verify (${checked.problem.message}); nothing was written`,
    );
  }
  const partial = `${out}.partial`;
  try {
    await Bun.write(partial, bytes);
    chmodSync(partial, 0o600);
    renameSync(partial, out);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new AdminError(
      `the archive could not be written to ${out}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const summary = { file: out, bytes: bytes.byteLength, records: checked.records, byKind: checked.byKind };
  io.out(
    json
      ? JSON.stringify({ ...summary, publicKey: key.publicKey }, null, 2)
      : `archive ${a.from}…${a.to} written to ${out} (${bytes.byteLength} bytes, ${checked.records} records: ${Object.entries(
          checked.byKind,
        )
          .map(([k, n]) => `${n} ${k}s`)
          .join(
            ", ",
          )}; signature verified)\n  check it later with: ringup verify-archive ${out} --public-key FILE`,
  );
}

const SHORT: Record<LossMeasure, string> = {
  lineVoids: "voids",
  voidedSales: "voided",
  cancelledSales: "cancel",
  noSales: "no-sale",
  returnsWithoutReceipt: "ret w/o",
  priceOverrides: "override",
  discounts: "disc",
};

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** One row per cashier (counts, `*` on an outlier's measure), outliers first; fits 80 columns. */
export function formatLossPrevention(r: LossPreventionReport): string {
  const head = `${"cashier".padEnd(14)}${"sales".padStart(6)}${LOSS_MEASURES.map((m) => SHORT[m].padStart(8)).join("")}`;
  const rows = r.cashiers.map((c) => {
    const cells = LOSS_MEASURES.map((m) =>
      `${c.measures[m].count}${c.flagged.includes(m) ? "*" : " "}`.padStart(8),
    );
    return `${(c.name ?? c.cashierId ?? "(none)").slice(0, 13).padEnd(14)}${String(c.salesCount).padStart(6)}${cells.join("")}`;
  });
  const store = `${"store".padEnd(14)}${String(r.store.salesCount).padStart(6)}${LOSS_MEASURES.map((m) => `${r.store.measures[m].count} `.padStart(8)).join("")}`;
  const outliers = r.cashiers.filter((c) => c.outlier).length;
  return [
    `Loss prevention ${r.from}${r.to === r.from ? "" : ` to ${r.to}`}: ${outliers} outlier(s) of ${r.cashiers.length} cashier(s)`,
    head,
    ...rows,
    store,
    ...wrap(`* ${r.rule}`, 80),
  ].join("\n");
}

export async function runCompliance(
  client: AdminClient,
  name: ComplianceCommand,
  args: Record<string, unknown>,
  json: boolean,
  io: CliIo,
  parse: ArgsOf,
): Promise<void> {
  switch (name) {
    case "closure.day":
    case "closure.month":
    case "closure.year": {
      const type = name.slice("closure.".length) as "day" | "month" | "year";
      const a = parse(closeArgs, args, `closure ${type}`);
      const closure = await client.request(storeRoutes["POST /api/v1/closures"], {
        body: { type, date: a.date, ...(a.till ? { tillId: a.till } : {}) },
      });
      await showClosure(closure, a, json, io);
      return;
    }
    case "closure.show": {
      const a = parse(showArgs, args, "closure show");
      const closure = await client.request(storeRoutes["GET /api/v1/closures/:number"], {
        params: { number: String(a.number) },
      });
      await showClosure(closure, a, json, io);
      return;
    }
    case "closure.list": {
      const a = parse(listArgs, args, "closure list");
      const { closures } = await client.request(storeRoutes["GET /api/v1/closures"], {
        query: { ...(a.type ? { type: a.type } : {}), ...(a.till ? { tillId: a.till } : {}) },
      });
      if (json) {
        io.out(JSON.stringify({ closures }, null, 2));
        return;
      }
      io.out(`${closures.length} closure(s)`);
      for (const c of closures) {
        const exponent = currencyExponent(c.currency);
        io.out(
          `  ${String(c.number).padStart(5)}  ${c.type.padEnd(5)} ${String(c.typeNumber).padStart(4)}  ${c.period.padEnd(10)}  ${(c.tillId ?? "store").padEnd(8)} ${minorToDecimalString(c.figures.totalMinor, exponent).padStart(12)}  ${c.hash.slice(0, 12)}`,
        );
      }
      return;
    }
    case "report.loss-prevention": {
      const a = parse(rangeArgs, args, "report loss-prevention");
      const r = await client.request(storeRoutes["GET /api/v1/reports/loss-prevention"], { query: a });
      io.out(json ? JSON.stringify(r, null, 2) : formatLossPrevention(r));
      return;
    }
    case "archive.export":
      await exportArchive(client, parse(exportArgs, args, "archive export"), json, io);
      return;
  }
}
