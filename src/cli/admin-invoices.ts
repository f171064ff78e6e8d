/**
 * `ringup admin invoice create|credit-note|show|list|pdf|print`: invoices on request and credit
 * notes at the store. `print` sends the receipt-printer copy (the lines of `…/NUMBER.txt`)
 * through the project's printer drivers, as `stock print` does.
 */
import { z } from "zod";
import type { Invoice } from "../api/store/invoices.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { currencyExponent, minorToDecimalString } from "../core/money.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { invoiceTextLines } from "../store-server/invoices/render.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

export const INVOICE_COMMANDS = [
  "invoice.create",
  "invoice.credit-note",
  "invoice.show",
  "invoice.list",
  "invoice.pdf",
  "invoice.print",
] as const;
type InvoiceCommand = (typeof INVOICE_COMMANDS)[number];

export function isInvoiceCommand(command: string): command is InvoiceCommand {
  return (INVOICE_COMMANDS as readonly string[]).includes(command);
}

const PRINT_TIMEOUT_MS = 15_000;
const numberArg = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,30}$/, "must be an invoice number such as 2026-000001");

const createArgs = z.object({
  sale: z.string().trim().min(1, "give the sale's id with --sale"),
  name: z.string().trim().min(1, "give the buyer's name with --name"),
  address: z.string().trim().min(1, "give the buyer's address with --address"),
  taxId: z.string().trim().min(1).optional(),
});
const creditArgs = z
  .object({ return: z.string().trim().min(1).optional(), voidedSale: z.string().trim().min(1).optional() })
  .refine((a) => (a.return === undefined) !== (a.voidedSale === undefined), {
    path: ["return"],
    message: "give the return's id, or --voided-sale with a voided sale's id (one of them)",
  });
const showArgs = z.object({ number: numberArg });
const listArgs = z.object({ year: z.coerce.number().int().min(2000).max(9999).optional() });
const pdfArgs = z.object({ number: numberArg, out: z.string().trim().min(1, "give the file with --out") });
const printArgs = z.object({
  number: numberArg,
  printer: z.string().trim().min(1, "must be a printer URI such as tcp://10.0.0.5:9100"),
  columns: z.coerce.number().int().min(24, "must be 24 or more").max(64, "must be at most 64").optional(),
  locale: z.string().trim().min(2).max(35).default("en"),
});

/** Checks a command's arguments against a schema (the admin commands' one way: admin.ts). */
export type ArgsOf = <S extends z.ZodType>(
  schema: S,
  args: Record<string, unknown>,
  command: string,
) => z.infer<S>;

function summary(doc: Invoice, created?: boolean): string {
  const total = minorToDecimalString(doc.totalMinor, currencyExponent(doc.currency));
  const what = doc.kind === "invoice" ? "invoice" : `credit note (for ${doc.refersTo})`;
  const verb = created === false ? "already issued" : "issued";
  return `${what} ${doc.number} ${verb} to ${doc.buyer.name}: ${total} ${doc.currency}`;
}

export async function runInvoicing(
  client: AdminClient,
  command: InvoiceCommand,
  args: Record<string, unknown>,
  json: boolean,
  io: CliIo,
  parse: ArgsOf,
): Promise<void> {
  const name = command.replace(".", " ");
  switch (command) {
    case "invoice.create": {
      const a = parse(createArgs, args, name);
      const doc = await client.request(storeRoutes["POST /api/v1/invoices"], {
        body: {
          saleId: a.sale,
          buyer: { name: a.name, address: a.address, ...(a.taxId ? { taxId: a.taxId } : {}) },
        },
      });
      io.out(json ? JSON.stringify(doc, null, 2) : summary(doc, doc.created));
      return;
    }
    case "invoice.credit-note": {
      const a = parse(creditArgs, args, name);
      const doc = await client.request(storeRoutes["POST /api/v1/credit-notes"], {
        body: a.return !== undefined ? { returnId: a.return } : { voidedSaleId: a.voidedSale ?? "" },
      });
      io.out(json ? JSON.stringify(doc, null, 2) : summary(doc, doc.created));
      return;
    }
    case "invoice.show": {
      const a = parse(showArgs, args, name);
      const doc = await client.request(storeRoutes["GET /api/v1/invoices/:number"], {
        params: { number: a.number },
      });
      io.out(json ? JSON.stringify(doc, null, 2) : invoiceTextLines(doc, 64).join("\n"));
      return;
    }
    case "invoice.list": {
      const a = parse(listArgs, args, name);
      const list = await client.request(storeRoutes["GET /api/v1/invoices"], {
        query: a.year !== undefined ? { year: a.year } : {},
      });
      if (json) io.out(JSON.stringify(list, null, 2));
      else if (list.invoices.length === 0) io.out("no invoices");
      else
        for (const i of list.invoices) {
          io.out(
            `${i.number.padEnd(18)} ${i.issuedAt.slice(0, 10)} ${String(i.totalMinor).padStart(10)} ${i.buyerName}`,
          );
        }
      return;
    }
    case "invoice.pdf": {
      const a = parse(pdfArgs, args, name);
      const res = await client.download("GET", `/invoices/${encodeURIComponent(a.number)}.pdf`);
      const bytes = await res.arrayBuffer();
      await Bun.write(a.out, bytes);
      io.out(
        json
          ? JSON.stringify({ number: a.number, out: a.out, bytes: bytes.byteLength })
          : `wrote ${a.out} (${bytes.byteLength} bytes)`,
      );
      return;
    }
    case "invoice.print": {
      const a = parse(printArgs, args, name);
      // The document first: an unknown number opens no printer.
      const doc = await client.request(storeRoutes["GET /api/v1/invoices/:number"], {
        params: { number: a.number },
      });
      const { openPrinter } = await import("../devices/printer/open-printer.ts");
      const printer = openPrinter(a.printer, { retryMinMs: 60_000 });
      try {
        const [title = "", ...lines] = invoiceTextLines(doc, a.columns ?? printer.columns);
        const job = printer.print({ type: "text-slip", title, locale: a.locale, lines });
        const settled = await printer.settled(job.id, PRINT_TIMEOUT_MS);
        if (settled.state !== "printed") {
          printer.cancel(job.id);
          throw new AdminError(
            `invoice ${doc.number} was not printed on ${printer.description}: ${settled.lastError ?? "no answer"}`,
          );
        }
        if (json) io.out(JSON.stringify({ number: doc.number, printer: printer.description }));
        io.err(`printed invoice ${doc.number} on ${printer.description}`);
      } finally {
        await printer.close();
      }
      return;
    }
  }
}
