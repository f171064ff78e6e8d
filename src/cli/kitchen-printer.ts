/**
 * The store's kitchen printers through the project's printer drivers. The store server's print
 * queue (src/store-server/kitchen/printers.ts) keeps and retries the tickets, so each slip gets a
 * driver of its own, closed after one attempt: nothing given up is printed later behind its back.
 */
import { openPrinter } from "../devices/printer/open-printer.ts";
import type { KitchenPrinter } from "../store-server/kitchen/printers.ts";

export function openKitchenPrinter(uri: string): KitchenPrinter {
  const open = () => openPrinter(uri, { retryMinMs: 3_600_000, retryMaxMs: 3_600_000 });
  return {
    description: open().description,
    async printSlip(slip, timeoutMs) {
      const printer = open();
      try {
        const job = printer.print(slip);
        const settled = await printer.settled(job.id, timeoutMs);
        if (settled.state !== "printed") {
          printer.cancel(job.id);
          throw new Error(settled.lastError ?? `no answer from ${printer.description}`);
        }
      } finally {
        await printer.close();
      }
    },
    close: async () => undefined,
  };
}
