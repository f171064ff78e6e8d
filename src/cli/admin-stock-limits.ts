/**
 * `ringup admin stock limit CODE --location L --min N [--max M] | --clear`: a product's minimum
 * and maximum stock at one location of the store; `ringup admin stock below-minimum
 * [--location L]`: what is below its minimum, with what to order to reach the maximum.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { stockLocationSchema } from "../api/store/stock-limits.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

const units = z
  .string()
  .trim()
  .regex(/^\d{1,5}(\.\d{1,3})?$/, "must be a quantity: zero or more, at most 3 decimals (e.g. 12)")
  .transform(Number);

export const stockLimitArgsSchema = z
  .object({
    code: z.string().trim().min(1, "give the product's code or barcode"),
    location: stockLocationSchema,
    min: units.optional(),
    max: units.optional(),
    clear: z.boolean().default(false),
  })
  .refine((a) => a.clear !== (a.min !== undefined), {
    path: ["min"],
    message: "give --min (and --max), or --clear to remove the location's limits",
  });

export const belowMinimumArgsSchema = z.object({ location: stockLocationSchema.optional() });

export async function runStockLimit(
  client: AdminClient,
  args: z.infer<typeof stockLimitArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const body = { code: args.code, location: args.location, min: args.min ?? null, max: args.max ?? null };
  const answer = await client.request(storeRoutes["POST /api/v1/stock/limits"], { body });
  if (json) {
    io.out(JSON.stringify(answer, null, 2));
    return;
  }
  const { limit } = answer;
  io.out(
    limit === null
      ? `${answer.code} at ${answer.location}: no limits`
      : `${answer.code} at ${answer.location}: minimum ${limit.min}, maximum ${limit.max ?? "none"}`,
  );
}

export async function runBelowMinimum(
  client: AdminClient,
  args: z.infer<typeof belowMinimumArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const query = args.location === undefined ? {} : { location: args.location };
  const answer = await client.request(storeRoutes["GET /api/v1/stock/below-minimum"], { query });
  if (json) {
    io.out(JSON.stringify(answer, null, 2));
    return;
  }
  if (answer.products.length === 0) io.out("nothing is below its minimum");
  for (const p of answer.products) {
    io.out(
      `${p.code} ${p.name} at ${p.location ?? "the whole store"}: on hand ${p.onHand}, minimum ${p.min}, maximum ${p.max ?? "none"}, to order ${p.toOrder}`,
    );
  }
}
