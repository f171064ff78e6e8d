/**
 * `ringup admin receipt --sale ID | --receipt NO [--printer URI]`: a copy of a recorded sale's
 * receipt from the store (`GET /sales/:id/receipt`), marked COPY and audited there as a
 * reprint; printed on the terminal, and on a receipt printer when one is given.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { buildReceipt } from "../core/receipt.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

const PRINT_TIMEOUT_MS = 15_000;

export const receiptArgsSchema = z
  .object({
    sale: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters").optional(),
    receipt: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(40, "must be at most 40 characters")
      .optional(),
    printer: z.string().trim().min(1, "must be a printer URI such as tcp://10.0.0.5:9100").optional(),
    columns: z.coerce.number().int().min(24, "must be 24 or more").max(64, "must be at most 64").optional(),
  })
  .refine((a) => (a.sale === undefined) !== (a.receipt === undefined), {
    message: "give either --sale ID or --receipt NO (one of them)",
    path: ["sale"],
  });

export async function runReceipt(
  client: AdminClient,
  args: z.infer<typeof receiptArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const key = args.sale ?? args.receipt ?? "";
  let columns = args.columns ?? 48;
  let printer: import("../devices/index.ts").ReceiptPrinter | undefined;
  if (args.printer !== undefined) {
    const { openPrinter } = await import("../devices/printer/open-printer.ts");
    printer = openPrinter(args.printer, { retryMinMs: 60_000 });
    columns = args.columns ?? printer.columns;
  }
  try {
    const copy = await client.request(storeRoutes["GET /api/v1/sales/:id/receipt"], {
      params: { id: key },
      query: { format: "json", columns },
    });
    if (json)
      io.out(JSON.stringify({ saleId: copy.saleId, receiptNo: copy.receiptNo, text: copy.text }, null, 2));
    else io.out(copy.text);
    if (printer === undefined) return;
    const job = printer.print(buildReceipt(copy.doc));
    const settled = await printer.settled(job.id, PRINT_TIMEOUT_MS);
    if (settled.state !== "printed") {
      printer.cancel(job.id);
      throw new AdminError(
        `the copy of receipt ${copy.receiptNo} was not printed on ${printer.description}: ${settled.lastError ?? "no answer"}`,
      );
    }
    io.err(`printed a copy of receipt ${copy.receiptNo} on ${printer.description}`);
  } finally {
    await printer?.close();
  }
}
