/**
 * `ringup admin barcodes assign [--prefix 2x] [--ean8] [--codes …] [--dry-run]`: in-store
 * barcodes for the products that have none, one line per product given a code.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { inStorePrefixSchema } from "../core/in-store-barcodes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

export const barcodesAssignArgsSchema = z.object({
  prefix: inStorePrefixSchema.default("20"),
  ean8: z.boolean().default(false),
  codes: z
    .string()
    .transform((s) => s.split(/[\s,]+/).filter((c) => c !== ""))
    .pipe(z.array(z.string()).min(1, "give at least one product code"))
    .optional(),
  dryRun: z.boolean().default(false),
});

export async function runBarcodesAssign(
  client: AdminClient,
  args: z.infer<typeof barcodesAssignArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const answer = await client.request(storeRoutes["POST /api/v1/barcodes/assign"], {
    body: {
      prefix: args.prefix,
      ean8: args.ean8,
      preview: args.dryRun,
      ...(args.codes === undefined ? {} : { codes: args.codes }),
    },
  });
  if (json) {
    io.out(JSON.stringify(answer));
    return;
  }
  for (const a of answer.assigned) io.out(`${a.code}\t${a.barcode}`);
  const verb = answer.preview ? "would get" : "got";
  io.err(`${answer.assigned.length} product(s) ${verb} an in-store barcode`);
}
