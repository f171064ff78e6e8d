/**
 * `ringup admin cash expense|correct|book`: the cash book from the back office. Amounts are
 * decimal strings in the store's currency, converted exactly to minor units; each entry gets
 * its own id (`--id` to retry one safely).
 */
import type { Command } from "commander";
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { uuidv7 } from "../core/ids.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";
import type { ArgsOf } from "./admin-invoices.ts";
import { storeMoney } from "./admin-shift.ts";

export const CASH_COMMANDS = ["cash.expense", "cash.correct", "cash.book"] as const;
type CashCommand = (typeof CASH_COMMANDS)[number];

export function isCashCommand(command: string): command is CashCommand {
  return (CASH_COMMANDS as readonly string[]).includes(command);
}

type RunAdmin = (name: string, args: Record<string, unknown>) => Promise<void>;
type Options = Record<string, unknown>;

/** Adds `ringup admin cash`. */
export function addCashCommands(admin: Command, runAdmin: RunAdmin): void {
  const cash = admin
    .command("cash")
    .description("the cash book: expenses from a drawer, corrections of cash errors, the report");
  cash
    .command("expense")
    .description("pay an expense from the drawer of a till's open shift (audited as cash.expense)")
    .requiredOption("--till <id>", "the till whose drawer pays")
    .requiredOption("--category <name>", "e.g. supplies, cleaning, repairs")
    .requiredOption("--amount <amount>", "e.g. 12.50, in the store's currency")
    .option("--note <text>", "what it was for")
    .option("--receipt <ref>", "where the receipt's photo is kept")
    .option("--id <uuid>", "the entry's id, to retry it safely")
    .action((o: Options) => runAdmin("cash.expense", o));
  cash
    .command("correct")
    .description("correct a cash error: a new entry naming the entry or cash movement it corrects")
    .requiredOption("--corrects <id>", "the cash book entry or cash movement")
    .requiredOption("--amount <±amount>", "+AMOUNT back into the drawer's count, -AMOUNT out of it")
    .requiredOption("--reason <text>", "why, e.g. 'receipt says 10.00'")
    .option("--id <uuid>", "the entry's id, to retry it safely")
    .action((o: Options) => runAdmin("cash.correct", o));
  cash
    .command("book")
    .description("the cash book per cashier and per till: tenders, cash in and out, expenses, corrections")
    .requiredOption("--from <YYYY-MM-DD>", "the first business day")
    .option("--to <YYYY-MM-DD>", "the last business day (default: --from)")
    .option("--till <id>", "one till only")
    .option("--cashier <id>", "one cashier only")
    .action((o: Options) => runAdmin("cash.book", o));
}

const text = (what: string) => z.string().trim().min(1, `give ${what}`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-03-02 (YYYY-MM-DD)");
const expenseArgs = z.object({
  till: text("the till with --till"),
  category: text("the category with --category"),
  amount: text("the amount with --amount"),
  note: z.string().optional(),
  receipt: z.string().optional(),
  id: z.string().optional(),
});
const correctArgs = z.object({
  corrects: text("what it corrects with --corrects"),
  amount: text("the amount with --amount"),
  reason: text("the reason with --reason"),
  id: z.string().optional(),
});
const bookArgs = z.object({
  from: day,
  to: day.optional(),
  till: z.string().optional(),
  cashier: z.string().optional(),
});

export async function runCash(
  client: AdminClient,
  command: CashCommand,
  args: Record<string, unknown>,
  json: boolean,
  io: CliIo,
  parse: ArgsOf,
): Promise<void> {
  const name = command.replace(".", " ");
  const money = await storeMoney(client);
  switch (command) {
    case "cash.expense": {
      const a = parse(expenseArgs, args, name);
      const entry = await client.request(storeRoutes["POST /api/v1/cash/expenses"], {
        body: {
          id: a.id ?? uuidv7(),
          tillId: a.till,
          category: a.category,
          amountMinor: money.parse(a.amount, "--amount"),
          ...(a.note === undefined ? {} : { note: a.note }),
          ...(a.receipt === undefined ? {} : { receiptRef: a.receipt }),
        },
      });
      io.out(
        json
          ? JSON.stringify(entry, null, 2)
          : `paid ${money.text(-entry.amountMinor)} for ${entry.category} from the drawer of till ${entry.tillId} (entry ${entry.id})`,
      );
      return;
    }
    case "cash.correct": {
      const a = parse(correctArgs, args, name);
      const minor = money.parse(a.amount, "--amount");
      if (minor === 0)
        throw new AdminError("--amount must not be zero: +AMOUNT back into the count, -AMOUNT out of it");
      const entry = await client.request(storeRoutes["POST /api/v1/cash/corrections"], {
        body: { id: a.id ?? uuidv7(), correctsId: a.corrects, amountMinor: minor, reason: a.reason },
      });
      io.out(
        json
          ? JSON.stringify(entry, null, 2)
          : `corrected ${a.corrects} by ${minor > 0 ? "+" : ""}${money.text(entry.amountMinor)} at till ${entry.tillId} (entry ${entry.id})`,
      );
      return;
    }
    case "cash.book": {
      const a = parse(bookArgs, args, name);
      const report = await client.request(storeRoutes["GET /api/v1/reports/cash-book"], {
        query: {
          from: a.from,
          to: a.to ?? a.from,
          ...(a.till === undefined ? {} : { tillId: a.till }),
          ...(a.cashier === undefined ? {} : { cashierId: a.cashier }),
        },
      });
      if (json) {
        io.out(JSON.stringify(report, null, 2));
        return;
      }
      const lines = [`cash book ${report.from} to ${report.to}`];
      for (const e of report.entries) {
        lines.push(
          `  ${e.at}  ${e.tillId}  ${e.kind}  ${e.category}  ${money.text(e.amountMinor)}${e.note ? `  ${e.note}` : ""}`,
        );
      }
      for (const [label, groups] of [
        ["cashier", report.byCashier.map((g) => ({ key: g.cashierId, ...g }))],
        ["till", report.byTill.map((g) => ({ key: g.tillId, ...g }))],
      ] as const) {
        for (const g of groups) {
          const tenders = g.tenders.map((t) => `${t.type} ${money.text(t.amountMinor)}`).join(", ");
          lines.push(
            `${label} ${g.key || "-"}: ${tenders || "no tenders"}; expenses ${money.text(g.expensesMinor)}, corrections ${money.text(g.correctionsMinor)}, hand-ins ${money.text(g.handInsMinor)}, cash in ${money.text(g.cashInMinor)}, out ${money.text(g.cashOutMinor)}`,
          );
        }
      }
      for (const c of report.couriers)
        lines.push(`courier ${c.courierId} holds ${money.text(c.heldMinor)} (${c.deliveries} deliveries)`);
      io.out(lines.join("\n"));
      return;
    }
  }
}
