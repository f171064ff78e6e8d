/**
 * `ringup admin promotions list|add --file FILE|remove ID`: promotions at the server the command
 * talks to — a store's own (kept at the store, priced with head office's there and at its tills,
 * never replaced by head office's), or head office's for the chain. `add` reads one promotion, or
 * a list of them, as JSON (the body of `POST /promotions`); `remove` ends one (sales already
 * recorded keep it).
 */
import { z } from "zod";
import { hqRoutes } from "../api/hq/routes.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { promotionSchema } from "../core/promotions/index.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";
import type { ArgsOf } from "./admin-invoices.ts";

export const PROMOTION_COMMANDS = ["promotions.list", "promotions.add", "promotions.remove"] as const;
type PromotionCommand = (typeof PROMOTION_COMMANDS)[number];

export function isPromotionCommand(command: string): command is PromotionCommand {
  return (PROMOTION_COMMANDS as readonly string[]).includes(command);
}

const listArgs = z.object({ all: z.boolean().default(false) });
const addArgs = z.object({ file: z.string().trim().min(1, "give the JSON file with --file") });
const removeArgs = z.object({ id: z.string().trim().min(1, "give the promotion's id") });
const fileSchema = z.union([promotionSchema, z.array(promotionSchema).min(1).max(1_000)]);

interface Listed {
  id: string;
  name: string;
  code?: string | undefined;
  reward: { kind: string };
  source?: "hq" | "store" | undefined;
  active: boolean;
}

function line(p: Listed): string {
  const where = p.source === undefined ? "" : ` [${p.source}]`;
  const code = p.code === undefined ? "" : ` code ${p.code.toUpperCase()}`;
  return `${p.id}${where}: ${p.name} (${p.reward.kind}${code})${p.active ? "" : " ended"}`;
}

async function readPromotions(file: string) {
  const handle = Bun.file(file);
  if (!(await handle.exists())) throw new AdminError(`cannot read ${file}: no such file`);
  let json: unknown;
  try {
    json = JSON.parse(await handle.text());
  } catch (err) {
    throw new AdminError(`${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdminError(
      `${file}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "is not a promotion or a list of them"}`.trim(),
    );
  }
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}

export async function runPromotions(
  client: AdminClient,
  command: PromotionCommand,
  args: Record<string, unknown>,
  json: boolean,
  io: CliIo,
  argsOf: ArgsOf,
): Promise<void> {
  switch (command) {
    case "promotions.list": {
      const { all } = argsOf(listArgs, args, "promotions list");
      const query = { all: all ? ("true" as const) : ("false" as const) };
      const { promotions } = client.atHq
        ? await client.request(hqRoutes["GET /api/v1/promotions"], { query })
        : await client.request(storeRoutes["GET /api/v1/promotions"], { query });
      if (json) io.out(JSON.stringify({ promotions }, null, 2));
      else if (promotions.length === 0) io.out("no promotions");
      else for (const p of promotions as Listed[]) io.out(line(p));
      return;
    }
    case "promotions.add": {
      const { file } = argsOf(addArgs, args, "promotions add");
      const added: Listed[] = [];
      for (const promotion of await readPromotions(file)) {
        added.push(
          client.atHq
            ? await client.request(hqRoutes["POST /api/v1/promotions"], { body: promotion })
            : await client.request(storeRoutes["POST /api/v1/promotions"], { body: promotion }),
        );
      }
      if (json) io.out(JSON.stringify({ promotions: added }, null, 2));
      else for (const p of added) io.out(`defined ${line(p)}`);
      return;
    }
    case "promotions.remove": {
      const { id } = argsOf(removeArgs, args, "promotions remove");
      const params = { params: { id } };
      const ended: Listed = client.atHq
        ? await client.request(hqRoutes["POST /api/v1/promotions/:id/deactivate"], params)
        : await client.request(storeRoutes["POST /api/v1/promotions/:id/deactivate"], params);
      io.out(json ? JSON.stringify(ended, null, 2) : `ended ${line(ended)}`);
      return;
    }
  }
}
