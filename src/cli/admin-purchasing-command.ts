/** The command-line shape of `ringup admin vendors|po|credits …` (the work is in admin-purchasing.ts). */
import type { Command } from "commander";

type RunAdmin = (name: string, args: Record<string, unknown>) => Promise<void>;
type Options = Record<string, unknown>;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function withInvoice(command: Command): Command {
  return command
    .option("--invoice <number>", "the vendor's invoice number")
    .option("--invoice-date <YYYY-MM-DD>", "the invoice's date")
    .option("--landed <minor>", "landed cost (freight, duty) in minor units, allocated to lines by value");
}

function withLines(command: Command, what: string): Command {
  return command
    .option("--line <CODE:QTY[:COST]>", `${what} (repeat it); COST in minor units`, collect, [])
    .option("--file <file>", "CSV lines: code,qty[,costMinor]");
}

/** Adds `ringup admin vendors`, `po` and `credits`. */
export function addPurchasingCommands(admin: Command, runAdmin: RunAdmin): void {
  const vendors = admin.command("vendors").description("vendors and their catalogs (manager and up)");
  vendors
    .command("add")
    .description("add a vendor")
    .argument("<id>", "the vendor's id, e.g. ACME")
    .requiredOption("--name <name>", "the vendor's name")
    .option("--contact <name>", "a contact person (repeat it)", collect, [])
    .option("--terms <text>", "payment terms, e.g. 'net 30'")
    .option(
      "--payment-type <type>",
      "a payment type used: bank_transfer, card, cash, cheque, direct_debit, account",
      collect,
      [],
    )
    .option("--email <address>", "the vendor's e-mail")
    .option("--phone <number>", "the vendor's phone")
    .action((id: string, o: Options) => runAdmin("vendors.add", { id, ...o }));
  vendors
    .command("list")
    .description("vendors by name")
    .option("--all", "retired vendors too")
    .action((o: Options) => runAdmin("vendors.list", o));
  vendors
    .command("show")
    .description("a vendor with its catalog")
    .argument("<id>", "the vendor's id")
    .action((id: string) => runAdmin("vendors.show", { id }));
  vendors
    .command("item")
    .description("add or change an item of the vendor's catalog (a cost change is kept in its history)")
    .argument("<id>", "the vendor's id")
    .argument("<code>", "the product's code")
    .requiredOption("--cost <minor>", "the vendor's cost of one unit, in minor units")
    .option("--vendor-code <code>", "the vendor's code for it")
    .option("--case-size <qty>", "units in the vendor's case")
    .option("--lead-time <days>", "days from order to delivery")
    .option("--min-order <qty>", "the least the vendor delivers")
    .action((id: string, code: string, o: Options) => runAdmin("vendors.item", { id, code, ...o }));
  vendors
    .command("import")
    .description(
      "import the vendor's catalog from CSV (code,vendor_code,case_size,cost_minor,lead_time_days,min_order_qty): all or nothing, bad lines named",
    )
    .argument("<id>", "the vendor's id")
    .argument("<file>", "the CSV file")
    .action((id: string, file: string) => runAdmin("vendors.import", { id, file }));
  withInvoice(
    withLines(
      vendors
        .command("receive")
        .description("receive goods from the vendor on its invoice, without a purchase order")
        .argument("<id>", "the vendor's id"),
      "a line received",
    ),
  )
    .option("--receipt-id <uuid>", "the receipt's id, to retry it safely")
    .action((id: string, o: Options) => runAdmin("vendors.receive", { id, ...o }));

  const po = admin.command("po").description("purchase orders (manager and up)");
  withLines(
    po.command("create").description("make a purchase order (a draft unless --send)"),
    "a line ordered",
  )
    .requiredOption("--vendor <id>", "the vendor")
    .option("--expected <YYYY-MM-DD>", "the day the vendor promised delivery")
    .option("--send", "send it at once")
    .option("--order-id <uuid>", "the order's id, to retry it safely")
    .action((o: Options) => runAdmin("po.create", o));
  for (const [verb, description] of [
    ["send", "mark a draft order sent to the vendor"],
    ["cancel", "cancel an order nothing was received on"],
    ["close", "close a partly received order as received: the rest will not come"],
    ["show", "an order with what was received on each line"],
  ] as const) {
    po.command(verb)
      .description(description)
      .argument("<id>", "the order's id")
      .action((id: string) => runAdmin(`po.${verb}`, { id }));
  }
  po.command("list")
    .description("purchase orders, newest first")
    .option("--vendor <id>", "one vendor's")
    .action((o: Options) => runAdmin("po.list", o));
  for (const ext of ["pdf", "csv"] as const) {
    po.command(ext)
      .description(`the order as ${ext === "pdf" ? "an A4 PDF" : "CSV"} for the vendor`)
      .argument("<id>", "the order's id")
      .requiredOption("--out <file>", "the file to write")
      .action((id: string, o: Options) => runAdmin(`po.${ext}`, { id, ...o }));
  }
  po.command("worksheet")
    .description("the vendor's whole catalog with stock on hand, on order and the last 28 days' sales")
    .requiredOption("--vendor <id>", "the vendor")
    .action((o: Options) => runAdmin("po.worksheet", o));
  withInvoice(
    withLines(
      po
        .command("receive")
        .description(
          "receive goods against the order (without lines: everything still open, at the order's costs)",
        )
        .argument("<id>", "the order's id"),
      "a line received",
    ),
  )
    .option("--receipt-id <uuid>", "the receipt's id, to retry it safely")
    .action((id: string, o: Options) => runAdmin("po.receive", { id, ...o }));

  const credits = admin.command("credits").description("vendor credits (manager and up)");
  credits
    .command("add")
    .description("record what a vendor owes back: open until settled")
    .requiredOption("--vendor <id>", "the vendor")
    .option("--receipt <id>", "the goods receipt it is about")
    .option(
      "--line <CODE:QTY:REASON:AMOUNT>",
      "a line (repeat it): REASON not_received, damaged, expired or mispriced; AMOUNT in minor units",
      collect,
      [],
    )
    .option("--credit-id <uuid>", "the credit's id, to retry it safely")
    .action((o: Options) => runAdmin("credits.add", o));
  credits
    .command("list")
    .description("vendor credits, newest first")
    .option("--vendor <id>", "one vendor's")
    .option("--open", "only those not yet settled")
    .action((o: Options) => runAdmin("credits.list", o));
  credits
    .command("settle")
    .description("the vendor settled the credit")
    .argument("<id>", "the credit's id")
    .option("--reference <ref>", "the vendor's credit note or payment")
    .action((id: string, o: Options) => runAdmin("credits.settle", { id, ...o }));
}
