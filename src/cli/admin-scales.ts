/**
 * `ringup admin scales sync [--scale ID]` (send the label scales the weighed goods they do not
 * hold yet), `ringup admin scales status` (each scale: reachable, last sync, PLUs programmed) and
 * `ringup admin scales product CODE --tare G --shelf-life DAYS` (what a scale prints for it).
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

export const scalesSyncArgsSchema = z.object({ scale: z.string().trim().min(1).optional() });

export async function runScalesSync(
  client: AdminClient,
  args: z.infer<typeof scalesSyncArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const answer = await client.request(storeRoutes["POST /api/v1/scales/sync"], {
    body: args.scale === undefined ? {} : { scale: args.scale },
  });
  if (json) io.out(JSON.stringify(answer));
  else if (answer.synced.length === 0) io.out("no scale configured ([[scales]])");
  else for (const s of answer.synced) io.out(`${s.scale}: sent ${s.sent} of ${s.total} PLUs`);
}

export async function runScalesStatus(client: AdminClient, json: boolean, io: CliIo): Promise<void> {
  const answer = await client.request(storeRoutes["GET /api/v1/scales"], {});
  if (json) {
    io.out(JSON.stringify(answer));
    return;
  }
  if (answer.scales.length === 0) io.out("no scale configured ([[scales]])");
  for (const s of answer.scales) {
    const parts = [
      s.id,
      s.reachable ? "reachable" : "unreachable",
      s.state ?? "-",
      `${s.plusSent}/${s.plusTotal} PLUs (${s.programming})`,
      `last sync ${s.lastSyncAt ?? "never"}`,
    ];
    io.out(parts.join("  "));
    if (s.error !== null) io.out(`  ${s.error.code}: ${s.error.message}`);
  }
}

const wholeNumber = (flag: string, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, `must be a whole number from 0 to ${max} (${flag})`)
    .transform(Number)
    .refine((n) => n <= max, `must be a whole number from 0 to ${max} (${flag})`);

export const scalesProductArgsSchema = z.object({
  code: z.string().trim().min(1),
  tare: wholeNumber("grams", 99_999),
  shelfLife: wholeNumber("days", 9_999),
});

export async function runScalesProduct(
  client: AdminClient,
  args: z.infer<typeof scalesProductArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const answer = await client.request(storeRoutes["PUT /api/v1/scales/products/:code"], {
    params: { code: args.code },
    body: { tareGrams: args.tare, shelfLifeDays: args.shelfLife },
  });
  if (json) io.out(JSON.stringify(answer));
  else io.out(`${answer.code}: tare ${answer.tareGrams} g, shelf life ${answer.shelfLifeDays} days`);
}
