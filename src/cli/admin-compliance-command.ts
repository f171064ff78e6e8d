/** The command-line shape of `ringup admin closure …` and `archive export` (the work is in admin-compliance.ts). */
import { type Command, Option } from "commander";

type RunAdmin = (name: string, args: Record<string, unknown>) => Promise<void>;
type Options = Record<string, unknown>;

const DESCRIPTIONS = {
  day: "close a business day (Z): its figures by tax rate and tender, numbered and chained; 409 when closed already",
  month: "close a month from its days' closures (each day with sales or returns must be closed first)",
  year: "close a year from its months' closures (each month with sales or returns must be closed first)",
} as const;

function printerOptions(cmd: Command): Command {
  return cmd
    .option("--printer <uri>", "also print it on this receipt printer (tcp://host:9100, /dev/usb/lp0…)")
    .option("--columns <n>", "characters per line (default: the printer's, else 42)");
}

/** Adds `ringup admin closure`, `ringup admin archive` and `report loss-prevention` under `report`. */
export function addComplianceCommands(admin: Command, report: Command, runAdmin: RunAdmin): void {
  report
    .command("loss-prevention")
    .description(
      "by cashier: voids, cancelled sales, no-sales, returns without receipt, price overrides, discounts, against the store's rate; outliers first",
    )
    .requiredOption("--from <YYYY-MM-DD>", "the first business day")
    .requiredOption("--to <YYYY-MM-DD>", "the last business day")
    .action((o: Options) => runAdmin("report.loss-prevention", o));
  const closure = admin
    .command("closure")
    .description(
      "closures of the store or of a till: immutable, numbered, chained by hash (needs a manager)",
    );
  for (const type of ["day", "month", "year"] as const) {
    printerOptions(
      closure
        .command(type)
        .description(DESCRIPTIONS[type])
        .requiredOption("--date <YYYY-MM-DD>", `a day of the ${type} to close`)
        .option("--till <id>", "close one till (default: the whole store)"),
    ).action((o: Options) => runAdmin(`closure.${type}`, o));
  }
  closure
    .command("list")
    .description("closures in the order they were made, with their hashes")
    .addOption(new Option("--type <type>", "one type only").choices(["day", "month", "year"]))
    .option("--till <id>", "one till's closures (store: the whole store's)")
    .action((o: Options) => runAdmin("closure.list", o));
  printerOptions(closure.command("show <number>").description("one closure as printed")).action(
    (number: string, o: Options) => runAdmin("closure.show", { number, ...o }),
  );
  admin
    .command("archive")
    .description("the store's signed archive of closed periods")
    .command("export")
    .description(
      "write the signed archive of closed days (journal, closures, receipts as rung) to --out, after checking its signature",
    )
    .requiredOption("--from <YYYY-MM-DD>", "the first business day")
    .requiredOption("--to <YYYY-MM-DD>", "the last business day")
    .requiredOption("--out <file>", "the archive file to write (must not exist)")
    .action((o: Options) => runAdmin("archive.export", o));
}
