/**
 * `ringup admin import products|departments FILE`: parses the file here (with a progress line
 * on stderr), sends the good rows to the server's bulk endpoint in one request (one
 * transaction there), and reports what was imported and each bad row with its line. The
 * server is a store or head office; both answer `GET /settings` with the currency, tax classes
 * and price ceiling the rows are checked against.
 */
import { z } from "zod";
import { hqRoutes } from "../api/hq/routes.ts";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import {
  applyDepartmentRules,
  applyProductRules,
  type ImportFormat,
  type ImportProblem,
  parseDepartments,
  parseProducts,
} from "../store-server/imports/index.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

export const importArgsSchema = z.object({
  file: z.string().min(1, "give the file to import"),
  format: z.enum(["csv", "corepos"], { error: "must be csv or corepos" }).default("csv"),
  strict: z.boolean().default(false),
});
export type ImportArgs = z.infer<typeof importArgsSchema>;

/** A whole catalog in one transaction can take a while on a small back-office PC. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

export interface ImportSummary {
  file: string;
  format: ImportFormat;
  imported: number;
  skipped: number;
  errors: { line: number | null; code?: string; reason: string }[];
}

const count = (n: number) => n.toLocaleString("en-US");

/** `\r  parsed 3,000/6,650 rows` on a terminal; one final line otherwise (logs stay readable). */
export function progressReporter(io: CliIo, tty = process.stderr.isTTY === true) {
  let last = "";
  return {
    update(done: number, total: number) {
      last = `  parsed ${count(done)}/${count(total)} rows`;
      if (tty) process.stderr.write(`\r${last}`);
    },
    end() {
      if (tty) process.stderr.write("\n");
      else if (last) io.err(last);
    },
  };
}

async function readText(file: string): Promise<string> {
  const handle = Bun.file(file);
  if (!(await handle.exists())) throw new AdminError(`cannot read ${file}: no such file`);
  try {
    return await handle.text();
  } catch (err) {
    throw new AdminError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function describeRow(e: ImportSummary["errors"][number]): string {
  if (e.line !== null) return `line ${e.line}: ${e.reason}`;
  return e.code ? `${e.code}: ${e.reason}` : e.reason;
}

function printSummary(summary: ImportSummary, what: string, json: boolean, io: CliIo): void {
  if (json) {
    io.out(JSON.stringify(summary, null, 2));
    return;
  }
  const noun = summary.imported === 1 ? what.replace(/s$/, "") : what;
  const head = `imported ${count(summary.imported)} ${noun}`;
  if (summary.skipped === 0) {
    io.out(head);
    return;
  }
  io.out(`${head}, skipped ${count(summary.skipped)}:`);
  for (const e of summary.errors) io.out(`  ${describeRow(e)}`);
}

export async function runImport(
  client: AdminClient,
  what: "products" | "departments",
  args: ImportArgs,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const text = await readText(args.file);
  const settings = await client.request(
    client.atHq ? hqRoutes["GET /api/v1/settings"] : storeRoutes["GET /api/v1/settings"],
  );
  const progress = progressReporter(io);
  const options = { currency: settings.currency, onProgress: progress.update };
  const parsed =
    what === "products"
      ? applyProductRules(parseProducts(text, args.format, options), settings)
      : applyDepartmentRules(parseDepartments(text, args.format, options), settings);
  progress.end();

  const local: ImportProblem[] = parsed.errors;
  const summary: ImportSummary = {
    file: args.file,
    format: args.format,
    imported: 0,
    skipped: local.length,
    errors: local.map((e) => ({ line: e.line, reason: e.reason })),
  };
  if (args.strict && local.length > 0) {
    printSummary(summary, what, json, io);
    throw new AdminError(
      `--strict: ${args.file} has ${count(local.length)} bad row${local.length === 1 ? "" : "s"}, so nothing was imported\n  fix the rows listed above and import again`,
    );
  }
  if (parsed.rows.length > 0) {
    const body =
      what === "products"
        ? { products: parsed.rows, strict: args.strict }
        : { departments: parsed.rows, strict: args.strict };
    const result = await client.request(
      what === "departments"
        ? storeRoutes["POST /api/v1/departments/bulk"]
        : client.atHq
          ? hqRoutes["POST /api/v1/products/bulk"]
          : storeRoutes["POST /api/v1/products/bulk"],
      {
        body,
        timeoutMs: IMPORT_TIMEOUT_MS,
      },
    );
    const refused = result.errors.map((e) => {
      const row: ImportSummary["errors"][number] = { line: e.line, reason: e.reason };
      if (e.code !== null) row.code = e.code;
      return row;
    });
    summary.imported = result.imported;
    summary.errors = [...summary.errors, ...refused].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    summary.skipped = summary.errors.length;
  }
  printSummary(summary, what, json, io);
  if (summary.imported === 0 && summary.skipped > 0) {
    throw new AdminError(
      `nothing was imported from ${args.file}: every row was refused (see above)\n  fix the file and import again`,
    );
  }
  if (args.strict && summary.skipped > 0) {
    throw new AdminError(
      `--strict: the store refused ${count(summary.skipped)} row${summary.skipped === 1 ? "" : "s"}, so nothing was imported\n  fix the rows listed above and import again`,
    );
  }
}
