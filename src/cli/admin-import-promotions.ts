/**
 * `ringup admin import promotions FILE --format corepos`: CORE-POS quantity pricing and
 * mix-and-match groups from `products.csv` as promotions, each defined at the server (a store's
 * own, or head office's for the chain) by `POST /promotions`, and each row that cannot be one
 * reported. The products they name must be imported first.
 */
import { z } from "zod";
import { hqRoutes } from "../api/hq/routes.ts";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { parseCoreposPromotions } from "../store-server/imports/corepos-promotions.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

export const importPromotionsArgsSchema = z.object({
  file: z.string().min(1, "give the file to import"),
  format: z.literal("corepos", {
    error: "promotions are imported from CORE-POS products.csv (--format corepos)",
  }),
});

export async function runImportPromotions(
  client: AdminClient,
  args: z.infer<typeof importPromotionsArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const handle = Bun.file(args.file);
  if (!(await handle.exists())) throw new AdminError(`cannot read ${args.file}: no such file`);
  const { promotions, skipped } = parseCoreposPromotions(await handle.text());
  const route = client.atHq ? hqRoutes["POST /api/v1/promotions"] : storeRoutes["POST /api/v1/promotions"];
  const refused: { id: string; reason: string }[] = [];
  let imported = 0;
  for (const promotion of promotions) {
    try {
      await client.request(route, { body: promotion });
      imported += 1;
    } catch (err) {
      if (!(err instanceof AdminError)) throw err;
      refused.push({ id: promotion.id, reason: err.message });
    }
  }
  if (json) {
    io.out(JSON.stringify({ file: args.file, imported, skipped, refused }, null, 2));
  } else {
    io.out(`imported ${imported} promotion${imported === 1 ? "" : "s"}`);
    for (const s of skipped) io.out(`  line ${s.line} (${s.code}): ${s.reason}`);
    for (const r of refused) io.out(`  ${r.id}: ${r.reason}`);
  }
  if (imported === 0 && refused.length > 0) {
    throw new AdminError(
      `no promotion was imported from ${args.file} (see above); import the products first`,
    );
  }
}
