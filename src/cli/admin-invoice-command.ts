/** The command-line shape of `ringup admin invoice …` (the work is in admin-invoices.ts). */
import type { Command } from "commander";

type RunAdmin = (name: string, args: Record<string, unknown>) => Promise<void>;
type Options = Record<string, unknown>;

/** Adds `ringup admin invoice`. */
export function addInvoiceCommands(admin: Command, runAdmin: RunAdmin): void {
  const invoice = admin.command("invoice").description("invoices on request and credit notes for returns");
  invoice
    .command("create")
    .description("issue the invoice of a sale (the same buyer again answers the one issued)")
    .requiredOption("--sale <id>", "the sale's id")
    .requiredOption("--name <name>", "the buyer's name")
    .requiredOption("--address <text>", "the buyer's address")
    .option("--tax-id <number>", "the buyer's tax (VAT) number")
    .action((o: Options) => runAdmin("invoice.create", o));
  invoice
    .command("credit-note")
    .description("issue the credit note of a return of an invoiced sale, or of an invoiced sale voided since")
    .option("--return <id>", "the return's id")
    .option("--voided-sale <id>", "the voided sale's id (credits all of it)")
    .action((o: Options) => runAdmin("invoice.credit-note", o));
  invoice
    .command("show")
    .description("an invoice or credit note as issued")
    .argument("<number>", "its number, e.g. 2026-000001")
    .action((number: string) => runAdmin("invoice.show", { number }));
  invoice
    .command("list")
    .description("invoices and credit notes, newest first")
    .option("--year <yyyy>", "only this year's")
    .action((o: Options) => runAdmin("invoice.list", o));
  invoice
    .command("pdf")
    .description("an invoice or credit note as an A4 PDF")
    .argument("<number>", "its number")
    .requiredOption("--out <file>", "the PDF file to write")
    .action((number: string, o: Options) => runAdmin("invoice.pdf", { number, ...o }));
  invoice
    .command("print")
    .description("print an invoice or credit note on a receipt printer")
    .argument("<number>", "its number")
    .requiredOption("--printer <uri>", "the receipt printer (tcp://host:9100, /dev/usb/lp0…)")
    .option("--columns <n>", "characters per line (default: the printer's)")
    .option("--locale <tag>", "picks the printer's code page for the text (default en)")
    .action((number: string, o: Options) => runAdmin("invoice.print", { number, ...o }));
}
