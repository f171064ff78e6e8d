/**
 * `ringup admin …`: commands against a store (or head office) server over its HTTP API.
 * Each command checks its arguments, calls the API with the admin token, and prints a
 * readable answer (or JSON with --json). Failures raise AdminError: main() prints
 * `ringup: <message>` and exits with status 1.
 */

import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { businessDay } from "../core/business-day.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { createLogger, setProcessLogger } from "../shared/log.ts";
import { accountingArgsSchema, runAccountingExport } from "./admin-accounting.ts";
import { barcodesAssignArgsSchema, runBarcodesAssign } from "./admin-barcodes.ts";
import { CASH_COMMANDS, isCashCommand, runCash } from "./admin-cash.ts";
import {
  codeArgsSchema,
  exportArgsSchema,
  priceArgsSchema,
  productArgsSchema,
  runExportProducts,
  runProductAdd,
  runProductDeactivate,
  runProductEdit,
  runProductPrice,
  type ServerMode,
} from "./admin-catalog.ts";
import { AdminClient, AdminError } from "./admin-client.ts";
import { COMPLIANCE_COMMANDS, isComplianceCommand, runCompliance } from "./admin-compliance.ts";
import {
  historyArgsSchema,
  marginArgsSchema,
  runMarginReport,
  runStockHistory,
  runValuationReport,
  valuationArgsSchema,
} from "./admin-costing.ts";
import { runExceptionsReport, runRefusedSales } from "./admin-exceptions.ts";
import { expiryArgsSchema, runExpiryReport } from "./admin-expiry.ts";
import { fiscalExportArgsSchema, runFiscalExport } from "./admin-fiscal.ts";
import { importArgsSchema, runImport } from "./admin-import.ts";
import { importPromotionsArgsSchema, runImportPromotions } from "./admin-import-promotions.ts";
import { INVOICE_COMMANDS, isInvoiceCommand, runInvoicing } from "./admin-invoices.ts";
import { labelsPrintArgsSchema, runLabelsPrint } from "./admin-labels.ts";
import { runPinLockouts, runPinUnlock } from "./admin-pin.ts";
import { isPromotionCommand, runPromotions } from "./admin-promotions.ts";
import { isPurchasingCommand, PURCHASING_COMMANDS, runPurchasing } from "./admin-purchasing.ts";
import { receiptArgsSchema, runReceipt } from "./admin-receipt.ts";
import { runDailyReport, runJournalVerify } from "./admin-report.ts";
import {
  runScalesProduct,
  runScalesStatus,
  runScalesSync,
  scalesProductArgsSchema,
  scalesSyncArgsSchema,
} from "./admin-scales.ts";
import {
  runShiftCash,
  runShiftClose,
  runShiftList,
  runShiftOpen,
  shiftCashArgsSchema,
  shiftCloseArgsSchema,
  shiftListArgsSchema,
  shiftOpenArgsSchema,
} from "./admin-shift.ts";
import { runStockCount, stockCountArgsSchema } from "./admin-stock.ts";
import {
  runStockDocument,
  runStockList,
  runStockPdf,
  runStockPost,
  runStockShow,
  STOCK_DOCUMENT_VERBS,
  type StockDocumentVerb,
  stockDocumentArgsSchema,
  stockDocumentIdArgsSchema,
  stockListArgsSchema,
  stockPdfArgsSchema,
} from "./admin-stock-documents.ts";
import {
  belowMinimumArgsSchema,
  runBelowMinimum,
  runStockLimit,
  stockLimitArgsSchema,
} from "./admin-stock-limits.ts";
import { runStockPrint, stockPrintArgsSchema } from "./admin-stock-print.ts";
import {
  pairArgsSchema,
  runTillList,
  runTillPair,
  runTillRevoke,
  runTokenList,
  runTokenRevoke,
  runTokenRotate,
  tillArgsSchema,
  tokenIdArgsSchema,
} from "./admin-tokens.ts";
import {
  pinResetArgsSchema,
  runUserDisable,
  runUserList,
  runUserPinReset,
  runUserSetDiscount,
  setDiscountArgsSchema,
  userIdArgsSchema,
} from "./admin-users.ts";
import { adminBackupArgsSchema, runAdminBackup } from "./backup/admin-backup.ts";
import type { AdminOptions } from "./options.ts";

export { AdminError } from "./admin-client.ts";

const userAddSchema = z.object({
  name: z.string().trim().min(1, "give the user's name with --name"),
  role: z.enum(["cashier", "supervisor", "manager", "admin"], {
    error: "must be cashier, supervisor, manager or admin",
  }),
  pin: z.string().regex(/^\d{4,8}$/, "must be 4 to 8 digits"),
  staffDiscountPercent: z
    .string()
    .regex(/^(?:100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)$/, "must be a percent such as 10 or 12.5")
    .optional(),
});
const reportArgsSchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-03-02 (YYYY-MM-DD)")
    .optional(),
});

/** Commands only a store answers; head office refuses them by name. */
const STORE_ONLY = new Set([
  "labels.print",
  "scales.sync",
  "scales.status",
  "scales.product",
  "barcodes.assign",
  "user.add",
  "user.list",
  "user.disable",
  "user.pin-reset",
  "user.set-discount",
  "report.daily",
  "report.expiry",
  "sales.refused",
  "journal.verify",
  "backup",
  "receipt",
  "stock.count",
  ...Object.keys(STOCK_DOCUMENT_VERBS).map((verb) => `stock.${verb}`),
  "stock.post",
  "stock.list",
  "stock.show",
  "stock.pdf",
  "stock.history",
  "stock.limit",
  "stock.below-minimum",
  "stock.print",
  "report.valuation",
  "report.margin",
  "pin.lockouts",
  "pin.unlock",
  "till.pair",
  "till.list",
  "till.revoke",
  ...PURCHASING_COMMANDS,
  ...INVOICE_COMMANDS,
  ...CASH_COMMANDS,
  ...COMPLIANCE_COMMANDS,
  "export.accounting",
  "fiscal.export",
]);

/** What head office offers through `ringup admin`. */
export const HQ_COMMANDS =
  "import products|departments|promotions, product add|edit|price|deactivate, promotions list|add|remove, export products, report exceptions, token list|revoke|rotate";

const dayArg = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-03-02 (YYYY-MM-DD)");
const exceptionsArgsSchema = z.object({
  from: dayArg,
  to: dayArg.optional(),
  store: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,16}$/, "must be a store id")
    .optional(),
});

function argsOf<S extends z.ZodType>(schema: S, args: Record<string, unknown>, command: string): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `--${issue.path.join(".")} ` : "";
    throw new AdminError(`${command}: ${where}${issue?.message ?? "invalid arguments"}`);
  }
  return parsed.data;
}

async function readCa(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  const file = Bun.file(path);
  if (!(await file.exists()))
    throw new AdminError(`--ca ${path} does not exist: give the CA certificate (PEM)`);
  return file.text();
}

export async function runAdmin(
  options: AdminOptions,
  command: string,
  args: Record<string, unknown>,
  io: CliIo,
): Promise<void> {
  // stdout carries the command's answer: log lines go to stderr.
  setProcessLogger(createLogger({ mode: "admin", level: options.logLevel, sink: { kind: "stderr" } }));
  const client = new AdminClient(options.server, options.token, undefined, await readCa(options.ca));
  const mode: ServerMode = (await client.mode()) === "hq" ? "hq" : "store";
  if (mode === "hq") {
    io.err(`talking to head office (HQ) at ${options.server}`);
    if (STORE_ONLY.has(command)) {
      throw new AdminError(
        `"${command.replace(".", " ")}" is a store command, and ${options.server} is head office (HQ)\n  point --server at a store, or use one of head office's commands: ${HQ_COMMANDS}`,
      );
    }
  }
  if (isPurchasingCommand(command)) {
    await runPurchasing(client, command, args, options.json, io);
    return;
  }
  if (isPromotionCommand(command)) {
    await runPromotions(client, command, args, options.json, io, argsOf);
    return;
  }
  if (isComplianceCommand(command)) {
    await runCompliance(client, command, args, options.json, io, argsOf);
    return;
  }
  if (isInvoiceCommand(command)) {
    await runInvoicing(client, command, args, options.json, io, argsOf);
    return;
  }
  if (isCashCommand(command)) {
    await runCash(client, command, args, options.json, io, argsOf);
    return;
  }
  switch (command) {
    case "product.add":
      await runProductAdd(client, argsOf(productArgsSchema, args, "product add"), options.json, io);
      return;
    case "product.edit":
      await runProductEdit(client, argsOf(productArgsSchema, args, "product edit"), options.json, io);
      return;
    case "product.price":
      await runProductPrice(client, mode, argsOf(priceArgsSchema, args, "product price"), options.json, io);
      return;
    case "product.deactivate":
      await runProductDeactivate(
        client,
        argsOf(codeArgsSchema, args, "product deactivate").code,
        options.json,
        io,
      );
      return;
    case "export.products":
      await runExportProducts(client, mode, argsOf(exportArgsSchema, args, "export products"), io);
      return;
    case "fiscal.export":
      await runFiscalExport(client, argsOf(fiscalExportArgsSchema, args, "fiscal export"), io);
      return;
    case "export.accounting":
      await runAccountingExport(client, argsOf(accountingArgsSchema, args, "export accounting"), io);
      return;
    case "user.list":
      await runUserList(client, args.all === true, options.json, io);
      return;
    case "user.disable":
      await runUserDisable(client, argsOf(userIdArgsSchema, args, "user disable").id, options.json, io);
      return;
    case "user.set-discount":
      await runUserSetDiscount(
        client,
        argsOf(setDiscountArgsSchema, args, "user set-discount"),
        options.json,
        io,
      );
      return;
    case "user.pin-reset":
      await runUserPinReset(client, argsOf(pinResetArgsSchema, args, "user pin-reset"), options.json, io);
      return;
    case "import.promotions":
      await runImportPromotions(
        client,
        argsOf(importPromotionsArgsSchema, args, "import promotions"),
        options.json,
        io,
      );
      return;
    case "import.products":
    case "import.departments": {
      const what = command === "import.products" ? "products" : "departments";
      await runImport(client, what, argsOf(importArgsSchema, args, `import ${what}`), options.json, io);
      return;
    }
    case "user.add": {
      const user = argsOf(userAddSchema, args, "user add");
      const created = await client.request(storeRoutes["POST /api/v1/users"], { body: user });
      io.out(
        options.json
          ? JSON.stringify(created, null, 2)
          : `added ${created.role} ${created.name} (id ${created.id}); they log in at the till with their PIN`,
      );
      return;
    }
    case "report.daily": {
      const given = argsOf(reportArgsSchema, args, "report daily").date;
      const date =
        given ??
        businessDay(new Date(), (await client.request(storeRoutes["GET /api/v1/settings"])).timeZone);
      await runDailyReport(client, date, options.json, io);
      return;
    }
    case "report.exceptions": {
      const a = argsOf(exceptionsArgsSchema, args, "report exceptions");
      await runExceptionsReport(client, a.from, a.to ?? a.from, a.store, options.json, io);
      return;
    }
    case "report.expiry": {
      const a = argsOf(expiryArgsSchema, args, "report expiry");
      await runExpiryReport(client, Number(a.days), options.json, io);
      return;
    }
    case "sales.refused":
      await runRefusedSales(client, args.all === true, options.json, io);
      return;
    case "journal.verify":
      await runJournalVerify(client, options.json, io);
      return;
    case "backup":
      await runAdminBackup(client, argsOf(adminBackupArgsSchema, args, "backup"), options.json, io);
      return;
    case "receipt":
      await runReceipt(client, argsOf(receiptArgsSchema, args, "receipt"), options.json, io);
      return;
    case "report.valuation":
      await runValuationReport(
        client,
        argsOf(valuationArgsSchema, args, "report valuation"),
        options.json,
        io,
      );
      return;
    case "report.margin":
      await runMarginReport(client, argsOf(marginArgsSchema, args, "report margin"), options.json, io);
      return;
    case "stock.history":
      await runStockHistory(client, argsOf(historyArgsSchema, args, "stock history"), options.json, io);
      return;
    case "barcodes.assign":
      await runBarcodesAssign(
        client,
        argsOf(barcodesAssignArgsSchema, args, "barcodes assign"),
        options.json,
        io,
      );
      return;
    case "labels.print":
      await runLabelsPrint(client, argsOf(labelsPrintArgsSchema, args, "labels print"), options.json, io);
      return;
    case "scales.sync":
      await runScalesSync(client, argsOf(scalesSyncArgsSchema, args, "scales sync"), options.json, io);
      return;
    case "scales.status":
      await runScalesStatus(client, options.json, io);
      return;
    case "scales.product":
      await runScalesProduct(
        client,
        argsOf(scalesProductArgsSchema, args, "scales product"),
        options.json,
        io,
      );
      return;
    case "stock.print":
      await runStockPrint(client, argsOf(stockPrintArgsSchema, args, "stock print"), options.json, io);
      return;
    case "stock.limit":
      await runStockLimit(client, argsOf(stockLimitArgsSchema, args, "stock limit"), options.json, io);
      return;
    case "stock.below-minimum":
      await runBelowMinimum(
        client,
        argsOf(belowMinimumArgsSchema, args, "stock below-minimum"),
        options.json,
        io,
      );
      return;
    case "stock.count":
      await runStockCount(client, argsOf(stockCountArgsSchema, args, "stock count"), options.json, io);
      return;
    case "stock.receive":
    case "stock.issue":
    case "stock.writeoff":
    case "stock.transfer-out":
    case "stock.transfer-in":
    case "stock.adjust": {
      const verb = command.slice("stock.".length) as StockDocumentVerb;
      const a = argsOf(stockDocumentArgsSchema, args, `stock ${verb}`);
      await runStockDocument(client, verb, a, options.json, io);
      return;
    }
    case "stock.post":
      await runStockPost(client, argsOf(stockDocumentIdArgsSchema, args, "stock post").id, options.json, io);
      return;
    case "stock.show":
      await runStockShow(client, argsOf(stockDocumentIdArgsSchema, args, "stock show").id, options.json, io);
      return;
    case "stock.list":
      await runStockList(client, argsOf(stockListArgsSchema, args, "stock list"), options.json, io);
      return;
    case "stock.pdf":
      await runStockPdf(client, argsOf(stockPdfArgsSchema, args, "stock pdf"), options.json, io);
      return;
    case "shift.open":
      await runShiftOpen(client, argsOf(shiftOpenArgsSchema, args, "shift open"), options.json, io);
      return;
    case "shift.cash":
      await runShiftCash(client, argsOf(shiftCashArgsSchema, args, "shift cash"), options.json, io);
      return;
    case "shift.close":
      await runShiftClose(client, argsOf(shiftCloseArgsSchema, args, "shift close"), options.json, io);
      return;
    case "shift.list":
      await runShiftList(client, argsOf(shiftListArgsSchema, args, "shift list"), options.json, io);
      return;
    case "pin.lockouts":
      await runPinLockouts(client, options.json, io);
      return;
    case "pin.unlock":
      await runPinUnlock(client, args, options.json, io);
      return;
    case "till.pair":
      await runTillPair(client, argsOf(pairArgsSchema, args, "till pair"), options.json, io);
      return;
    case "till.list":
      await runTillList(client, options.json, io);
      return;
    case "till.revoke":
      await runTillRevoke(client, argsOf(tillArgsSchema, args, "till revoke"), options.json, io);
      return;
    case "token.list":
      await runTokenList(client, args.all === true, options.json, io);
      return;
    case "token.revoke":
      await runTokenRevoke(client, argsOf(tokenIdArgsSchema, args, "token revoke"), options.json, io);
      return;
    case "token.rotate":
      await runTokenRotate(client, options.json, io);
      return;
    default:
      throw new AdminError(`unknown admin command "${command}"; see ringup admin --help`);
  }
}
