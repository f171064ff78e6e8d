/**
 * `ringup admin labels print --printer URI --template NAME (--codes … | --changed-since DATE |
 * --department ID)`: shelf labels printed by the store on a label printer. The store first says
 * which products are selected (a preview), then prints them in batches, so a long morning job
 * reports its progress and a failure says how far it got; each batch is remembered as printed.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

/** Labels per print job: small enough to show progress, large enough to keep the printer busy. */
export const LABEL_BATCH = 50;

export const labelsPrintArgsSchema = z
  .object({
    printer: z.string().trim().min(1, "give the label printer, e.g. tcp://10.0.0.7:9100?language=zpl"),
    template: z.string().trim().min(1, "give the template's name, e.g. shelf-58x40"),
    codes: z
      .string()
      .transform((s) => s.split(/[\s,]+/).filter((c) => c !== ""))
      .pipe(z.array(z.string()).min(1, "give at least one product code"))
      .optional(),
    changedSince: z.string().trim().min(1).optional(),
    department: z.string().trim().min(1).optional(),
  })
  .refine((a) => [a.codes, a.changedSince, a.department].filter((s) => s !== undefined).length === 1, {
    message: "choose the products one way: --codes, --changed-since or --department",
    path: ["codes"],
  });

export async function runLabelsPrint(
  client: AdminClient,
  args: z.infer<typeof labelsPrintArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const route = storeRoutes["POST /api/v1/labels/print"];
  const selection =
    args.codes !== undefined
      ? { codes: args.codes }
      : args.department !== undefined
        ? { departmentId: args.department }
        : { changedSince: args.changedSince === "last" ? "last-print" : args.changedSince };
  const preview = await client.request(route, {
    body: { template: args.template, ...selection, preview: true },
  });
  const codes = preview.codes;
  let printed = 0;
  let printer: string | null = null;
  for (let i = 0; i < codes.length; i += LABEL_BATCH) {
    const batch = codes.slice(i, i + LABEL_BATCH);
    const answer = await client.request(route, {
      body: { template: args.template, codes: batch, printer: args.printer },
    });
    printed += answer.printed;
    printer = answer.printer;
    io.err(`printed ${printed} of ${codes.length} labels`);
  }
  if (json) io.out(JSON.stringify({ template: args.template, printer, printed, codes }));
  else io.out(codes.length === 0 ? "no product to label" : `printed ${printed} labels on ${printer}`);
}
