/** `ringup admin report expiry --days N`: lots on hand expiring within N days (store only). */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { AdminClient } from "./admin-client.ts";

export const expiryArgsSchema = z.object({
  days: z
    .string()
    .regex(/^\d{1,4}$/, "must be a whole number of days, e.g. 30")
    .default("30"),
});

export async function runExpiryReport(
  client: AdminClient,
  days: number,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const report = await client.request(storeRoutes["GET /api/v1/reports/expiry"], { query: { days } });
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return;
  }
  const lines = [
    `Lots expiring by ${report.until} (${report.days} days from ${report.today}): ${report.lots.length}`,
  ];
  if (report.lots.length > 0) {
    lines.push(
      `${"expiry".padEnd(11)}${"days".padStart(5)}  ${"code".padEnd(14)}${"lot".padEnd(16)}${"location".padEnd(12)}${"on hand".padStart(9)}`,
    );
  }
  for (const l of report.lots) {
    lines.push(
      `${l.expiry.padEnd(11)}${String(l.daysLeft).padStart(5)}  ${l.code.slice(0, 13).padEnd(14)}${l.lot.slice(0, 15).padEnd(16)}${l.location.slice(0, 11).padEnd(12)}${String(l.onHand).padStart(9)}`,
    );
  }
  io.out(lines.join("\n"));
}
