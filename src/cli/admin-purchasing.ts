/**
 * `ringup admin vendors|po|credits …`: purchasing at the store. Vendors and their catalogs (a
 * catalog imported from CSV, checked line by line here and all or nothing at the store, with
 * progress on stderr), purchase orders (made from `--line CODE:QTY[:COST]` or a CSV file, sent,
 * cancelled or closed, printed as PDF or CSV for the vendor, the vendor's worksheet), goods
 * received against an order or an invoice, and vendor credits.
 */
import { z } from "zod";
import {
  CREDIT_REASONS,
  PAYMENT_TYPES,
  type PurchaseOrder,
  type PurchaseReceipt,
} from "../api/store/purchasing.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { uuidv7 } from "../core/ids.ts";
import { milliToDecimalString } from "../core/quantity.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { readCsvRecords } from "../store-server/imports/index.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";
import { parseLineArg, parseLinesCsv } from "./admin-stock-documents.ts";

/** The purchasing commands (all answered by a store only). */
export const PURCHASING_COMMANDS = [
  "vendors.add",
  "vendors.list",
  "vendors.show",
  "vendors.item",
  "vendors.import",
  "vendors.receive",
  "po.create",
  "po.send",
  "po.cancel",
  "po.close",
  "po.show",
  "po.list",
  "po.pdf",
  "po.csv",
  "po.worksheet",
  "po.receive",
  "credits.add",
  "credits.list",
  "credits.settle",
] as const;
type PurchasingCommand = (typeof PURCHASING_COMMANDS)[number];

export function isPurchasingCommand(command: string): command is PurchasingCommand {
  return (PURCHASING_COMMANDS as readonly string[]).includes(command);
}

type Args = Record<string, unknown>;
const collected = (args: Args, key: string): string[] =>
  Array.isArray(args[key]) ? (args[key] as string[]) : [];
const str = (args: Args, key: string): string | undefined =>
  typeof args[key] === "string" ? (args[key] as string) : undefined;
function need(args: Args, key: string, flag: string, command: string): string {
  const value = str(args, key);
  if (value === undefined || value.trim() === "") throw new AdminError(`${command}: give ${flag}`);
  return value;
}
function whole(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,12}$/.test(raw)) throw new AdminError(`${flag} must be a whole number (minor units or days)`);
  return Number(raw);
}
const ID = z.uuid();
function idOf(args: Args, command: string): string {
  const id = need(args, "id", "the id", command);
  if (!ID.safeParse(id).success) throw new AdminError(`${command}: ${id} is not an id (a UUID)`);
  return id;
}

/** One line of a vendor catalog CSV, as the store takes it. */
interface CatalogItem {
  line: number;
  code: string;
  vendorCode?: string;
  caseSize?: string;
  costMinor: number;
  leadTimeDays?: number;
  minOrderQty?: string;
}

const CATALOG_COLUMNS = ["code", "vendor_code", "case_size", "cost_minor", "lead_time_days", "min_order_qty"];
const QTY = /^\d{1,5}(\.\d{1,3})?$/;

/**
 * A vendor catalog CSV: `code,vendor_code,case_size,cost_minor,lead_time_days,min_order_qty`
 * (a header row naming these columns may reorder them). Bad lines are all named, by line.
 */
export function parseCatalogCsv(
  content: string,
  file: string,
  progress?: (done: number, total: number) => void,
): CatalogItem[] {
  const { records, errors } = readCsvRecords(content);
  const problems = errors.map((e) => `line ${e.line ?? "?"}: ${e.reason}`);
  let columns = CATALOG_COLUMNS;
  const items: CatalogItem[] = [];
  for (const [i, { fields, line }] of records.entries()) {
    const cells = fields.map((f) => f.trim());
    if (i === 0 && cells.includes("code")) {
      const unknown = cells.filter((c) => !CATALOG_COLUMNS.includes(c));
      if (unknown.length > 0)
        problems.push(
          `line ${line}: unknown column(s) ${unknown.join(", ")}; use ${CATALOG_COLUMNS.join(",")}`,
        );
      columns = cells;
      continue;
    }
    const cell = (name: string): string => cells[columns.indexOf(name)] ?? "";
    const where = `line ${line}`;
    const before = problems.length;
    const code = cell("code");
    if (code === "") problems.push(`${where}: code is empty`);
    const cost = cell("cost_minor");
    if (!/^\d{1,12}$/.test(cost))
      problems.push(`${where}: cost_minor must be a whole number of minor units, not "${cost}"`);
    const caseSize = cell("case_size");
    if (caseSize !== "" && !QTY.test(caseSize))
      problems.push(`${where}: case_size must be a quantity such as 12`);
    const minOrder = cell("min_order_qty");
    if (minOrder !== "" && !QTY.test(minOrder))
      problems.push(`${where}: min_order_qty must be a quantity such as 6`);
    const lead = cell("lead_time_days");
    if (lead !== "" && !/^\d{1,3}$/.test(lead))
      problems.push(`${where}: lead_time_days must be a whole number of days`);
    if (problems.length === before) {
      items.push({
        line,
        code,
        costMinor: Number(cost),
        ...(cell("vendor_code") !== "" ? { vendorCode: cell("vendor_code") } : {}),
        ...(caseSize !== "" ? { caseSize } : {}),
        ...(lead !== "" ? { leadTimeDays: Number(lead) } : {}),
        ...(minOrder !== "" ? { minOrderQty: minOrder } : {}),
      });
    }
    if (progress && (i + 1) % 5000 === 0) progress(i + 1, records.length);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    throw new AdminError(
      `${file}: nothing was imported: ${problems.length} bad line(s):\n  ${shown.join("\n  ")}${problems.length > shown.length ? "\n  …" : ""}`,
    );
  }
  if (items.length === 0)
    throw new AdminError(`${file} has no items: write ${CATALOG_COLUMNS.join(",")} on each line`);
  return items;
}

async function fileText(path: string, flag: string): Promise<string> {
  const file = Bun.file(path);
  if (!(await file.exists())) throw new AdminError(`${flag} ${path} does not exist`);
  return file.text();
}

/** Lines `CODE:QTY[:COST]` (repeated --line) and a CSV file's `code,qty[,cost]` lines. */
async function orderLines(args: Args): Promise<{ code: string; qty: string; costMinor?: number }[]> {
  const lines: { code: string; qty: string; costMinor?: number }[] = [];
  const file = str(args, "file");
  if (file !== undefined) {
    for (const l of parseLinesCsv(await fileText(file, "--file"), file)) {
      lines.push({
        code: l.code,
        qty: l.qty,
        ...(l.unitCostMinor !== undefined ? { costMinor: l.unitCostMinor } : {}),
      });
    }
  }
  for (const arg of collected(args, "line")) {
    const l = parseLineArg(arg);
    lines.push({
      code: l.code,
      qty: l.qty,
      ...(l.unitCostMinor !== undefined ? { costMinor: l.unitCostMinor } : {}),
    });
  }
  return lines;
}

function invoiceOf(args: Args): { number: string; date: string; landedCostMinor?: number } | undefined {
  const number = str(args, "invoice");
  if (number === undefined) return undefined;
  const date = str(args, "invoiceDate");
  if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new AdminError("--invoice needs --invoice-date YYYY-MM-DD");
  }
  const landed = whole(str(args, "landed"), "--landed");
  return { number, date, ...(landed !== undefined ? { landedCostMinor: landed } : {}) };
}

function describeOrder(o: PurchaseOrder): string[] {
  return [
    `purchase order ${o.number} (${o.status.replace("_", " ")}) ${o.id}`,
    `  vendor ${o.vendorName} (${o.vendorId})${o.expectedAt ? `, expected ${o.expectedAt}` : ""}, total ${o.totalMinor}`,
    ...o.lines.map(
      (l) =>
        `  ${l.lineNo}. ${l.code}${l.name ? ` ${l.name}` : ""} ordered ${milliToDecimalString(l.orderedMilli)} at ${l.costMinor}, received ${milliToDecimalString(l.receivedMilli)}`,
    ),
  ];
}

function describeReceipt(r: PurchaseReceipt): string[] {
  return [
    `goods receipt ${r.number} ${r.id} from ${r.vendorId}${r.orderStatus ? `, order now ${r.orderStatus.replace("_", " ")}` : ""}`,
    ...(r.invoiceNumber
      ? [`  invoice ${r.invoiceNumber} of ${r.invoiceDate}, landed cost ${r.landedCostMinor}`]
      : []),
    ...r.lines.map((l) => {
      const variance =
        l.varianceMilli === null || l.varianceMilli === 0
          ? ""
          : l.varianceMilli > 0
            ? `, ${milliToDecimalString(l.varianceMilli)} over`
            : `, ${milliToDecimalString(-l.varianceMilli)} short`;
      return `  ${l.lineNo}. ${l.code} received ${milliToDecimalString(l.receivedMilli)} at ${l.costMinor} (+${l.landedMinor} landed) = ${l.unitCostMinor} a unit${variance}`;
    }),
    `  total cost ${r.totalCostMinor}`,
  ];
}

function show(json: boolean, io: CliIo, answer: unknown, text: () => string[]): void {
  io.out(json ? JSON.stringify(answer, null, 2) : text().join("\n"));
}

export async function runPurchasing(
  client: AdminClient,
  command: PurchasingCommand,
  args: Args,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const name = command.replace(".", " ");
  switch (command) {
    case "vendors.add": {
      const types = collected(args, "paymentType");
      for (const t of types) {
        if (!(PAYMENT_TYPES as readonly string[]).includes(t)) {
          throw new AdminError(`--payment-type ${t}: use one of ${PAYMENT_TYPES.join(", ")}`);
        }
      }
      const body = {
        id: need(args, "id", "the vendor's id", name),
        name: need(args, "name", "--name", name),
        ...(collected(args, "contact").length
          ? { contacts: collected(args, "contact").map((c) => ({ name: c })) }
          : {}),
        ...(str(args, "terms") ? { paymentTerms: str(args, "terms") } : {}),
        ...(types.length ? { paymentTypes: types as (typeof PAYMENT_TYPES)[number][] } : {}),
        ...(str(args, "email") ? { email: str(args, "email") } : {}),
        ...(str(args, "phone") ? { phone: str(args, "phone") } : {}),
      };
      const v = await client.request(storeRoutes["POST /api/v1/vendors"], { body });
      show(json, io, v, () => [`vendor ${v.id} ${v.name}${v.paymentTerms ? `, ${v.paymentTerms}` : ""}`]);
      return;
    }
    case "vendors.list": {
      const answer = await client.request(storeRoutes["GET /api/v1/vendors"], {
        query: { all: args.all === true ? "true" : "false" },
      });
      show(json, io, answer, () =>
        answer.vendors.length === 0
          ? ["no vendors"]
          : answer.vendors.map(
              (v) => `${v.id.padEnd(16)} ${v.name}  ${v.itemCount} items${v.active ? "" : " (retired)"}`,
            ),
      );
      return;
    }
    case "vendors.show": {
      const id = need(args, "id", "the vendor's id", name);
      const v = await client.request(storeRoutes["GET /api/v1/vendors/:id"], { params: { id } });
      const items = await client.request(storeRoutes["GET /api/v1/vendors/:id/items"], { params: { id } });
      show(json, io, { ...v, items: items.items }, () => [
        `vendor ${v.id} ${v.name}${v.paymentTerms ? `, ${v.paymentTerms}` : ""}`,
        ...items.items.map(
          (i) =>
            `  ${i.code}${i.name ? ` ${i.name}` : ""}${i.vendorCode ? ` (${i.vendorCode})` : ""} cost ${i.costMinor}${i.caseSizeMilli ? `, case ${milliToDecimalString(i.caseSizeMilli)}` : ""}${i.leadTimeDays !== null ? `, ${i.leadTimeDays} days` : ""}`,
        ),
      ]);
      return;
    }
    case "vendors.item": {
      const id = need(args, "id", "the vendor's id", name);
      const cost = whole(need(args, "cost", "--cost", name), "--cost") ?? 0;
      const lead = whole(str(args, "leadTime"), "--lead-time");
      const body = {
        code: need(args, "code", "the product's code", name),
        costMinor: cost,
        ...(str(args, "vendorCode") ? { vendorCode: str(args, "vendorCode") } : {}),
        ...(str(args, "caseSize") ? { caseSize: str(args, "caseSize") } : {}),
        ...(lead !== undefined ? { leadTimeDays: lead } : {}),
        ...(str(args, "minOrder") ? { minOrderQty: str(args, "minOrder") } : {}),
      };
      const item = await client.request(storeRoutes["POST /api/v1/vendors/:id/items"], {
        params: { id },
        body,
      });
      show(json, io, item, () => [`${id} ${item.code} cost ${item.costMinor}`]);
      return;
    }
    case "vendors.import": {
      const vendorId = need(args, "id", "the vendor's id", name);
      const file = need(args, "file", "the CSV file", name);
      const content = await fileText(file, "file");
      const items = parseCatalogCsv(content, file, (done, total) =>
        io.err(`${file}: checked ${done} of ${total} lines`),
      );
      io.err(`${file}: ${items.length} items read; importing…`);
      const answer = await client.request(storeRoutes["POST /api/v1/vendor-items/import"], {
        body: { vendorId, source: file.split("/").pop() ?? file, items },
      });
      show(json, io, answer, () => [
        `imported ${answer.imported} items for ${vendorId} (${answer.added} new, ${answer.costChanges} cost changes)`,
      ]);
      return;
    }
    case "vendors.receive": {
      const lines = await orderLines(args);
      if (lines.length === 0)
        throw new AdminError(`${name}: give the lines with --line CODE:QTY[:COST] or --file F`);
      const invoice = invoiceOf(args);
      const r = await client.request(storeRoutes["POST /api/v1/purchase-receipts"], {
        body: {
          id: str(args, "receiptId") ?? uuidv7(),
          vendorId: need(args, "id", "the vendor's id", name),
          lines,
          ...(invoice ? { invoice } : {}),
        },
      });
      show(json, io, r, () => describeReceipt(r));
      return;
    }
    case "po.create": {
      const lines = await orderLines(args);
      if (lines.length === 0)
        throw new AdminError(`${name}: give the lines with --line CODE:QTY[:COST] or --file F`);
      const o = await client.request(storeRoutes["POST /api/v1/purchase-orders"], {
        body: {
          id: str(args, "orderId") ?? uuidv7(),
          vendorId: need(args, "vendor", "--vendor", name),
          lines,
          ...(str(args, "expected") ? { expectedAt: str(args, "expected") } : {}),
          ...(args.send === true ? { send: true } : {}),
        },
      });
      show(json, io, o, () => describeOrder(o));
      return;
    }
    case "po.send":
    case "po.cancel":
    case "po.close": {
      const status = command === "po.send" ? "sent" : command === "po.cancel" ? "cancelled" : "received";
      const o = await client.request(storeRoutes["POST /api/v1/purchase-orders/:id/status"], {
        params: { id: idOf(args, name) },
        body: { status },
      });
      show(json, io, o, () => describeOrder(o));
      return;
    }
    case "po.show": {
      const o = await client.request(storeRoutes["GET /api/v1/purchase-orders/:id"], {
        params: { id: idOf(args, name) },
      });
      show(json, io, o, () => describeOrder(o));
      return;
    }
    case "po.list": {
      const answer = await client.request(storeRoutes["GET /api/v1/purchase-orders"], {
        query: { ...(str(args, "vendor") ? { vendorId: str(args, "vendor") } : {}), limit: 50 },
      });
      show(json, io, answer, () =>
        answer.orders.length === 0
          ? ["no purchase orders"]
          : answer.orders.map(
              (o) =>
                `${String(o.number).padStart(6)}  ${o.vendorId.padEnd(12)} ${o.status.padEnd(15)} ${String(o.lineCount).padStart(4)} lines  ${o.totalMinor}  ${o.id}`,
            ),
      );
      return;
    }
    case "po.pdf":
    case "po.csv": {
      const ext = command === "po.pdf" ? "pdf" : "csv";
      const id = idOf(args, name);
      const out = need(args, "out", "--out FILE", name);
      const res = await client.download("GET", `/purchase-orders/${id}.${ext}`);
      const bytes = await res.arrayBuffer();
      await Bun.write(out, bytes);
      io.out(
        json
          ? JSON.stringify({ id, out, bytes: bytes.byteLength })
          : `wrote ${out} (${bytes.byteLength} bytes)`,
      );
      return;
    }
    case "po.worksheet": {
      const vendorId = need(args, "vendor", "--vendor", name);
      const sheet = await client.request(storeRoutes["GET /api/v1/purchase-orders/worksheet"], {
        query: { vendorId },
      });
      show(json, io, sheet, () => [
        `${"code".padEnd(14)} ${"on hand".padStart(9)} ${"on order".padStart(9)} ${"sold 28d".padStart(9)} ${"case".padStart(6)} cost`,
        ...sheet.lines.map(
          (l) =>
            `${l.code.padEnd(14)} ${milliToDecimalString(Math.max(l.onHandMilli, 0)).padStart(9)} ${milliToDecimalString(l.onOrderMilli).padStart(9)} ${milliToDecimalString(Math.max(l.soldMilli, 0)).padStart(9)} ${(l.caseSizeMilli ? milliToDecimalString(l.caseSizeMilli) : "").padStart(6)} ${l.costMinor}`,
        ),
      ]);
      return;
    }
    case "po.receive": {
      const lines = await orderLines(args);
      const invoice = invoiceOf(args);
      const r = await client.request(storeRoutes["POST /api/v1/purchase-orders/:id/receipts"], {
        params: { id: idOf(args, name) },
        body: {
          id: str(args, "receiptId") ?? uuidv7(),
          ...(lines.length > 0 ? { lines } : {}),
          ...(invoice ? { invoice } : {}),
        },
      });
      show(json, io, r, () => describeReceipt(r));
      return;
    }
    case "credits.add": {
      const lines = collected(args, "line").map((arg) => {
        const [code = "", qty = "", reason = "", amount = ""] = arg.split(":");
        if (
          !(CREDIT_REASONS as readonly string[]).includes(reason) ||
          !QTY.test(qty) ||
          !/^\d{1,12}$/.test(amount)
        ) {
          throw new AdminError(
            `--line ${arg}: write it as CODE:QTY:REASON:AMOUNT, REASON one of ${CREDIT_REASONS.join(", ")}`,
          );
        }
        return { code, qty, reason: reason as (typeof CREDIT_REASONS)[number], amountMinor: Number(amount) };
      });
      if (lines.length === 0)
        throw new AdminError(`${name}: give the lines with --line CODE:QTY:REASON:AMOUNT`);
      const c = await client.request(storeRoutes["POST /api/v1/vendor-credits"], {
        body: {
          id: str(args, "creditId") ?? uuidv7(),
          vendorId: need(args, "vendor", "--vendor", name),
          ...(str(args, "receipt") ? { receiptId: str(args, "receipt") } : {}),
          lines,
        },
      });
      show(json, io, c, () => [
        `vendor credit ${c.number} (${c.status}) ${c.id}: ${c.totalMinor} from ${c.vendorId}`,
      ]);
      return;
    }
    case "credits.list": {
      const answer = await client.request(storeRoutes["GET /api/v1/vendor-credits"], {
        query: {
          ...(str(args, "vendor") ? { vendorId: str(args, "vendor") } : {}),
          ...(args.open === true ? { status: "open" as const } : {}),
        },
      });
      show(json, io, answer, () =>
        answer.credits.length === 0
          ? ["no vendor credits"]
          : answer.credits.map(
              (c) =>
                `${String(c.number).padStart(6)}  ${c.vendorId.padEnd(12)} ${c.status.padEnd(8)} ${c.totalMinor}  ${c.id}`,
            ),
      );
      return;
    }
    case "credits.settle": {
      const c = await client.request(storeRoutes["POST /api/v1/vendor-credits/:id/settle"], {
        params: { id: idOf(args, name) },
        body: str(args, "reference") ? { reference: str(args, "reference") } : {},
      });
      show(json, io, c, () => [
        `vendor credit ${c.number} settled${c.settlementRef ? ` (${c.settlementRef})` : ""}`,
      ]);
      return;
    }
  }
}
