/**
 * `ringup admin stock count --code C --qty N`: records a posted count of one product at the
 * store (`POST /stock/documents`): stock is set to the counted quantity, and the answer says
 * what the system held and the difference.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { uuidv7 } from "../core/ids.ts";
import { milliToDecimalString } from "../core/quantity.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

export const stockCountArgsSchema = z.object({
  code: z.string().trim().min(1, "give the product's code or barcode with --code"),
  qty: z
    .string()
    .trim()
    .regex(
      /^\d{1,5}(\.\d{1,3})?$/,
      "must be the quantity counted: zero or more, at most 3 decimals (e.g. 20 or 1.25)",
    ),
  reason: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  location: z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters").optional(),
  id: z.uuid("must be a UUID (repeat it to retry the same count safely)").optional(),
});

function signed(milli: number): string {
  const text = milliToDecimalString(Math.abs(milli));
  return milli < 0 ? `-${text}` : `+${text}`;
}

export async function runStockCount(
  client: AdminClient,
  args: z.infer<typeof stockCountArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const body = {
    id: args.id ?? uuidv7(),
    type: "count",
    post: true,
    ...(args.reason ? { reason: args.reason } : {}),
    ...(args.location ? { location: args.location } : {}),
    lines: [{ code: args.code, qty: args.qty }],
  };
  const doc = await client.request(storeRoutes["POST /api/v1/stock/documents"], { body });
  if (json) {
    io.out(JSON.stringify(doc, null, 2));
    return;
  }
  for (const line of doc.lines) {
    io.out(
      `count ${doc.number} (${doc.status}): ${line.code}${line.name ? ` ${line.name}` : ""} counted ${milliToDecimalString(line.countedMilli)}, system had ${milliToDecimalString(line.systemMilli)}, difference ${signed(line.differenceMilli)}`,
    );
  }
}
