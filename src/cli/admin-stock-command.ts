/** The command-line shape of `ringup admin stock receive|issue|…|pdf` (the work is in admin-stock-documents.ts). */
import type { Command } from "commander";

type RunAdmin = (name: string, args: Record<string, unknown>) => Promise<void>;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const DOCUMENTS = [
  ["receive", "a receipt of goods: stock comes in at the unit cost given (COST, or the CSV's unitCostMinor)"],
  ["issue", "stock issued for the store's own use or production"],
  ["writeoff", "stock written off, with --reason expired, damaged, theft or own_use"],
  ["transfer-out", "stock sent to another store (--to-store): it is in transit until received"],
  [
    "transfer-in",
    "stock received from another store (--transfer ID): differences from what was sent are recorded",
  ],
  ["adjust", "a signed correction (QTY may be negative), with --reason and a supervisor's --approval-pin"],
] as const;

/** Adds the stock document commands under `ringup admin stock`. */
export function addStockDocumentCommands(stock: Command, runAdmin: RunAdmin): void {
  for (const [verb, description] of DOCUMENTS) {
    stock
      .command(verb)
      .description(`${description}; kept as a draft unless --post`)
      .option("--file <file>", "CSV lines: code,qty[,unitCostMinor,lot,expiry] (comma, semicolon or tab)")
      .option("--line <CODE:QTY[:COST]>", "one line (repeat it); COST in minor units", collect, [])
      .option("--post", "post the document at once")
      .option("--reason <text>", "why")
      .option("--location <name>", "where the stock is (default: floor)")
      .option("--to-store <id>", "transfer-out: the receiving store")
      .option("--transfer <id>", "transfer-in: the transfer out document received")
      .option("--approval-pin <pin>", "adjust: a supervisor's PIN")
      .option("--id <uuid>", "the document's id, to retry it safely")
      .action((o: Record<string, unknown>) => runAdmin(`stock.${verb}`, o));
  }
  stock
    .command("post")
    .description("post a draft stock document: its movements are made in one transaction")
    .argument("<id>", "the document's id")
    .action((id: string) => runAdmin("stock.post", { id }));
  stock
    .command("list")
    .description("stock documents, newest first")
    .option("--type <type>", "receive, issue, writeoff, count, adjust, transfer-out or transfer-in")
    .option("--status <status>", "draft or posted")
    .option("--limit <n>", "at most this many (default 50)")
    .action((o: Record<string, unknown>) => runAdmin("stock.list", o));
  stock
    .command("show")
    .description("a stock document with its lines")
    .argument("<id>", "the document's id")
    .action((id: string) => runAdmin("stock.show", { id }));
  stock
    .command("limit")
    .description("set a product's minimum and maximum stock at one location (audited)")
    .argument("<code>", "product code or barcode")
    .requiredOption("--location <name>", "the location, e.g. floor or backroom")
    .option("--min <qty>", "below it the location is listed to reorder")
    .option("--max <qty>", "reorder up to it (default: up to the minimum)")
    .option("--clear", "remove the location's limits")
    .action((code: string, o: Record<string, unknown>) => runAdmin("stock.limit", { code, ...o }));
  stock
    .command("below-minimum")
    .description("stock below its minimum, per location where limits are set per location")
    .option("--location <name>", "only this location")
    .action((o: Record<string, unknown>) => runAdmin("stock.below-minimum", o));
  stock
    .command("print")
    .description("print a stock document on a receipt printer")
    .argument("<id>", "the document's id")
    .requiredOption("--printer <uri>", "the receipt printer (tcp://host:9100, /dev/usb/lp0…)")
    .option("--columns <n>", "characters per line (default: the printer's)")
    .option("--locale <tag>", "picks the printer's code page for the text (default en)")
    .action((id: string, o: Record<string, unknown>) => runAdmin("stock.print", { id, ...o }));
  stock
    .command("pdf")
    .description("a stock document as an A4 PDF")
    .argument("<id>", "the document's id")
    .requiredOption("--out <file>", "the PDF file to write")
    .action((id: string, o: { out: string }) => runAdmin("stock.pdf", { id, out: o.out }));
}
