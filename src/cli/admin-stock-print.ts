/**
 * `ringup admin stock print ID --printer URI [--columns N]`: a stock document on a receipt
 * printer (ESC/POS), as the lines of its receipt-printer version (`…/:id.txt`), through the
 * project's printer drivers (tcp://host:9100, /dev/usb/lp0…).
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { documentTextLines } from "../store-server/stock/document-render.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

const PRINT_TIMEOUT_MS = 15_000;

export const stockPrintArgsSchema = z.object({
  id: z.uuid("must be a stock document's id"),
  printer: z.string().trim().min(1, "must be a printer URI such as tcp://10.0.0.5:9100"),
  columns: z.coerce.number().int().min(24, "must be 24 or more").max(64, "must be at most 64").optional(),
  locale: z.string().trim().min(2).max(35).default("en"),
});

export async function runStockPrint(
  client: AdminClient,
  args: z.infer<typeof stockPrintArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  // The document first: an unknown one opens no printer.
  const doc = await client.request(storeRoutes["GET /api/v1/stock/documents/:id"], {
    params: { id: args.id },
  });
  const { openPrinter } = await import("../devices/printer/open-printer.ts");
  const printer = openPrinter(args.printer, { retryMinMs: 60_000 });
  try {
    const [title = "", ...lines] = documentTextLines(doc, args.columns ?? printer.columns);
    const job = printer.print({ type: "text-slip", title, locale: args.locale, lines });
    const settled = await printer.settled(job.id, PRINT_TIMEOUT_MS);
    if (settled.state !== "printed") {
      printer.cancel(job.id);
      throw new AdminError(
        `stock document ${doc.number} was not printed on ${printer.description}: ${settled.lastError ?? "no answer"}`,
      );
    }
    if (json) io.out(JSON.stringify({ id: doc.id, number: doc.number, printer: printer.description }));
    io.err(`printed stock document ${doc.number} on ${printer.description}`);
  } finally {
    await printer.close();
  }
}
