/**
 * `ringup admin fiscal export --from --to --out FILE`: the signed transactions of a period as
 * JSON lines, one sale a line, oldest first (docs/store.md, "Fiscal signatures").
 */
import type { Command } from "commander";
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { reportDaySchema } from "../core/report-figures.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

export const fiscalExportArgsSchema = z
  .object({
    from: reportDaySchema,
    to: reportDaySchema,
    out: z.string().trim().min(1, "must name the file to write"),
  })
  .refine((a) => a.from <= a.to, { path: ["to"], message: "must not be before --from" });

/** Adds `ringup admin fiscal`. */
export function addFiscalCommands(
  admin: Command,
  runAdmin: (name: string, args: Record<string, unknown>) => Promise<void>,
): void {
  admin
    .command("fiscal")
    .description("fiscal signatures of the tills' sales")
    .command("export")
    .description("write the signed transactions of a period as JSON lines")
    .requiredOption("--from <date>", "first business day, YYYY-MM-DD")
    .requiredOption("--to <date>", "last business day, YYYY-MM-DD")
    .requiredOption("--out <file>", "the file to write")
    .action((o: Record<string, unknown>) => runAdmin("fiscal.export", o));
}

export async function runFiscalExport(
  client: AdminClient,
  args: z.infer<typeof fiscalExportArgsSchema>,
  io: CliIo,
): Promise<void> {
  const answer = await client.request(storeRoutes["GET /api/v1/fiscal/signatures"], {
    query: { from: args.from, to: args.to },
    timeoutMs: 120_000,
  });
  const text = answer.signatures.map((row) => `${JSON.stringify(row)}\n`).join("");
  await Bun.write(args.out, text);
  const unsigned = answer.signatures.filter((row) => row.status === "unavailable").length;
  io.err(
    `wrote ${args.out} (${answer.signatures.length} sales from ${args.from} to ${args.to}, ${unsigned} without a signature)`,
  );
}
